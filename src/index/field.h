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

// The dictionary term for a word's exact form: "\x02" + the word folded but not stemmed
// (text::Token::form: "\x02transformers" beside the stem "transform"). Every indexed word has
// one, with a term frequency per field like its stem's but no positions: it answers `=word` and
// `"word"` and the ranking's exact-form bonus, never a phrase. Sorts after the category terms and
// before every analysed term.
inline constexpr char kExactFormMarker = '\x02';
inline std::string ExactFormTerm(std::string_view form) {
  std::string t(1, kExactFormMarker);
  t.append(form);
  return t;
}
inline bool IsExactFormTerm(std::string_view term) {
  return !term.empty() && term[0] == kExactFormMarker;
}

}  // namespace paperdeck::index
