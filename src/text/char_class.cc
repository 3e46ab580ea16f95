#include "text/char_class.h"

#include <unicode/uchar.h>

namespace paperdeck::text {
namespace {

// Han ideographs and Hiragana: scripts written without spaces, where each character is indexed
// as a word of its own (a dictionary-free approximation of word segmentation).
bool IsIdeograph(char32_t c) {
  return (c >= 0x3040 && c <= 0x309F) ||    // Hiragana
         (c >= 0x3400 && c <= 0x4DBF) ||    // CJK Extension A
         (c >= 0x4E00 && c <= 0x9FFF) ||    // CJK Unified Ideographs
         (c >= 0xF900 && c <= 0xFAFF) ||    // CJK Compatibility Ideographs
         (c >= 0x20000 && c <= 0x3134F);    // CJK Extensions B..G
}

}  // namespace

CharClass ClassifyCodePoint(char32_t c) {
  if (c < 0x80) return ClassifyAscii(static_cast<unsigned char>(c));
  if (c > 0x10FFFF) return {};  // kInvalidCodePoint
  switch (c) {
    case 0x2010:  // hyphen
    case 0x2011:  // non-breaking hyphen
    case 0x2012:  // figure dash
    case 0x2013:  // en dash, as in "Bose–Einstein"
    case 0x2212:  // minus sign
    case 0xFE63:  // small hyphen-minus
      return {CharKind::kJoiner, '-'};
    case 0x2019:  // right single quotation mark, the typographic apostrophe
    case 0x02BC:  // modifier letter apostrophe
      return {CharKind::kJoiner, '\''};
    case 0x200B:  // zero width space
    case 0xFEFF:  // byte order mark / zero width no-break space
      return {};
    default:
      break;
  }
  if (c >= 0xFF01 && c <= 0xFF5E) {  // full-width forms of ASCII
    return ClassifyAscii(static_cast<unsigned char>(c - 0xFEE0));
  }
  if (IsIdeograph(c)) return {CharKind::kIdeograph, 0};
  switch (u_charType(static_cast<UChar32>(c))) {
    case U_UPPERCASE_LETTER:
    case U_TITLECASE_LETTER:
      return {CharKind::kUpper, 0};
    case U_LOWERCASE_LETTER:
      return {CharKind::kLower, 0};
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
      return {CharKind::kCaseless, 0};
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return {CharKind::kDigit, 0};
    case U_NON_SPACING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_FORMAT_CHAR:  // soft hyphen, zero width joiner: invisible inside a word
      return {CharKind::kMark, 0};
    case U_CONNECTOR_PUNCTUATION:
      return {CharKind::kJoiner, '_'};
    default:
      return {};
  }
}

}  // namespace paperdeck::text
