#include "text/unicode_folding.h"

#include <unicode/ustring.h>
#include <unicode/utf16.h>

namespace paperdeck::text {
namespace {

bool IsAscii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// The combining marks that act as diacritics on Latin and Greek letters.
bool IsDiacritic(char16_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
         (c >= 0xFE20 && c <= 0xFE2F);
}

// Letters whose stroke or ligature does not decompose, after case folding. Null if none.
const char16_t* PlainLetters(char16_t c) {
  switch (c) {
    case 0x00E6: return u"ae";  // æ
    case 0x00F0: return u"d";   // ð
    case 0x00F8: return u"o";   // ø
    case 0x00FE: return u"th";  // þ
    case 0x0111: return u"d";   // đ
    case 0x0127: return u"h";   // ħ
    case 0x0131: return u"i";   // ı
    case 0x0142: return u"l";   // ł
    case 0x0153: return u"oe";  // œ
    case 0x0167: return u"t";   // ŧ
    case 0x0180: return u"b";   // ƀ
    case 0x0188: return u"c";   // ƈ
    case 0x0192: return u"f";   // ƒ
    case 0x01B6: return u"z";   // ƶ
    case 0x0268: return u"i";   // ɨ
    default: return nullptr;
  }
}

void AppendUtf8(const std::u16string& s, std::string* out) {
  for (size_t i = 0; i < s.size();) {
    UChar32 c;
    U16_NEXT(s.data(), i, s.size(), c);
    if (c < 0x80) {
      out->push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (c >> 6)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (c >> 12)));
      out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (c >> 18)));
      out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
}

}  // namespace

UnicodeFolder::UnicodeFolder() {
  UErrorCode status = U_ZERO_ERROR;
  nfkc_casefold_ = unorm2_getNFKCCasefoldInstance(&status);
  if (U_FAILURE(status)) nfkc_casefold_ = nullptr;
  status = U_ZERO_ERROR;
  nfd_ = unorm2_getNFDInstance(&status);
  if (U_FAILURE(status)) nfd_ = nullptr;
  status = U_ZERO_ERROR;
  nfc_ = unorm2_getNFCInstance(&status);
  if (U_FAILURE(status)) nfc_ = nullptr;
}

void UnicodeFolder::FoldAscii(std::string_view text, std::string* out) {
  const size_t at = out->size();
  out->append(text);
  for (size_t i = at; i < out->size(); ++i) {
    char& c = (*out)[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
}

bool UnicodeFolder::Normalize(const UNormalizer2* form) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    UErrorCode status = U_ZERO_ERROR;
    if (b_.size() < a_.size() * 2 + 8) b_.resize(a_.size() * 2 + 8);
    const int32_t n = unorm2_normalize(form, a_.data(), static_cast<int32_t>(a_.size()),
                                       b_.data(), static_cast<int32_t>(b_.size()), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
      b_.resize(static_cast<size_t>(n) + 1);
      continue;
    }
    if (U_FAILURE(status)) return false;
    b_.resize(static_cast<size_t>(n));
    a_.swap(b_);
    return true;
  }
  return false;
}

void UnicodeFolder::Fold(std::string_view text, std::string* out) {
  if (IsAscii(text)) {
    FoldAscii(text, out);
    return;
  }
  if (nfkc_casefold_ == nullptr || nfd_ == nullptr || nfc_ == nullptr) {
    FoldAscii(text, out);
    return;
  }
  // UTF-8 -> UTF-16: never more code units than bytes.
  a_.resize(text.size() + 1);
  int32_t length = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strFromUTF8WithSub(a_.data(), static_cast<int32_t>(a_.size()), &length, text.data(),
                       static_cast<int32_t>(text.size()), 0xFFFD, nullptr, &status);
  if (U_FAILURE(status)) {
    FoldAscii(text, out);
    return;
  }
  a_.resize(static_cast<size_t>(length));

  if (!Normalize(nfkc_casefold_) || !Normalize(nfd_)) {
    FoldAscii(text, out);
    return;
  }
  // Drop diacritics after Latin and Greek base letters; map the letters that do not decompose.
  b_.clear();
  char32_t base = 0;
  for (size_t i = 0; i < a_.size(); ++i) {
    const char16_t c = a_[i];
    if (IsDiacritic(c)) {
      if (base < 0x0400) continue;
      b_.push_back(c);
      continue;
    }
    if (U16_IS_SURROGATE(c)) {
      base = 0x10000;
      b_.push_back(c);
      continue;
    }
    base = c;
    if (const char16_t* plain = PlainLetters(c)) {
      b_.append(plain);
    } else {
      b_.push_back(c);
    }
  }
  a_.swap(b_);
  if (!Normalize(nfc_)) {
    FoldAscii(text, out);
    return;
  }
  AppendUtf8(a_, out);
}

}  // namespace paperdeck::text
