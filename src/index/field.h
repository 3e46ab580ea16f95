// The fields of a paper that the index knows.
//
// Text fields are analysed (text/analyzer.h) and share one postings list per term: each posting
// carries a term frequency per text field, and positions per field, so BM25F can weigh fields
// and `title:` can restrict to one. Categories are exact keyword terms in the same dictionary,
// under a prefix no analysed term can have; so are the words' exact forms, beside their stems.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace paperdeck::index {

enum class Field : uint8_t { kTitle = 0, kAbstract = 1, kAuthors = 2, kVenue = 3 };
inline constexpr int kNumFields = 4;

// A set of text fields, for field-restricted terms and phrases.
using FieldMask = uint8_t;
inline constexpr FieldMask FieldBit(Field f) { return static_cast<FieldMask>(1u << static_cast<int>(f)); }
inline constexpr FieldMask kAllTextFields = 0x0f;
// The fields a bare term searches (and BM25F scores): title, abstract, authors.
inline constexpr FieldMask kDefaultFields =
    FieldBit(Field::kTitle) | FieldBit(Field::kAbstract) | FieldBit(Field::kAuthors);

// Gap between two values of one field (two authors), so a phrase never spans them.
inline constexpr uint32_t kValueGap = 100;

// The dictionary term for an arXiv category: "\x01" + lowercase category ("\x01cs.cv"). A
// document in "cs.CV" also gets its archive term ("\x01cs"), so `cat:cs` finds every cs.* paper.
inline std::string CategoryTerm(std::string_view category) {
  std::string t(1, '\x01');
  for (char c : category) t.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
  return t;
}

// The exact forms of the words, beside their stems. A token whose folded, unstemmed form
// (text::Token::form) differs from its stem writes the term "\x02" + stem + "\x00" + form
// ("\x02transform\x00transformers"), with a term frequency per field like its stem's but no
// positions; a token with no form (an author's initial, a name's other spelling) writes
// "\x02" + stem + "\x00". So the forms of one stem are one range of the dictionary
// (ExactFormRange), and a form equal to its stem ("model") is not written at all: its postings
// are the stem's where the stem's tf in a field exceeds the sum of the range's tfs
// (index/stem_form_cursor.h). They answer `=word` and `"word"` and the ranking's exact-form
// bonus, never a phrase. They sort after the category terms and before every analysed term.
inline constexpr char kExactFormMarker = '\x02';
inline std::string ExactFormRange(std::string_view stem) {
  std::string t(1, kExactFormMarker);
  t.append(stem);
  t.push_back('\0');
  return t;
}
inline std::string ExactFormTerm(std::string_view stem, std::string_view form) {
  std::string t = ExactFormRange(stem);
  t.append(form);
  return t;
}
inline bool IsExactFormTerm(std::string_view term) {
  return !term.empty() && term[0] == kExactFormMarker;
}
// The stem and the form of an exact-form term. REQUIRES: IsExactFormTerm(term).
inline std::string_view ExactFormStem(std::string_view term) {
  const size_t zero = term.find('\0');
  return term.substr(1, zero == std::string_view::npos ? std::string_view::npos : zero - 1);
}
inline std::string_view ExactFormOf(std::string_view term) {
  const size_t zero = term.find('\0');
  return zero == std::string_view::npos ? term.substr(1) : term.substr(zero + 1);
}
// A form equal to its stem, which the dictionary does not hold: its postings are derived.
inline bool IsStemEqualForm(std::string_view term) {
  return IsExactFormTerm(term) && ExactFormStem(term) == ExactFormOf(term) &&
         term.find('\0') != std::string_view::npos;
}

// How a query's exact form is named among the terms to highlight: "\x02" + form, so the
// highlighter marks the words written so (search/highlighter.h).
inline std::string ExactFormHighlightTerm(std::string_view form) {
  std::string t(1, kExactFormMarker);
  t.append(form);
  return t;
}

}  // namespace paperdeck::index
