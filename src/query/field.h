// The text fields a query word or phrase may match, named as the query language names them.
//
// `title:`, `abstract:`, `author:` and `venue:` restrict a word, a phrase or a group to one field;
// a bare word searches title, abstract and authors (kDefaultFields). These are the language's own
// names: whoever runs a query maps them onto its fields (search/index_fields.h onto the index's,
// feed/arxiv_query.cc onto arXiv's prefixes).
//
// Threading: plain values and constants; any thread.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace paperdeck::query {

enum class Field : uint8_t { kTitle, kAbstract, kAuthors, kVenue };

// Every Field, in order.
inline constexpr std::array<Field, 4> kAllFields = {Field::kTitle, Field::kAbstract,
                                                    Field::kAuthors, Field::kVenue};

// "title", "abstract", "authors", "venue".
constexpr std::string_view FieldName(Field field) {
  switch (field) {
    case Field::kTitle:
      return "title";
    case Field::kAbstract:
      return "abstract";
    case Field::kAuthors:
      return "authors";
    case Field::kVenue:
      return "venue";
  }
  return "?";
}

// A set of Fields, a bitmask held by value. Default-constructed, it is empty.
class FieldSet {
 public:
  constexpr FieldSet() = default;
  // A field converts to the set of it alone: `FieldSet(Field::kTitle) | Field::kAbstract`.
  constexpr FieldSet(Field field) : bits_(Bit(field)) {}

  constexpr bool Has(Field field) const { return (bits_ & Bit(field)) != 0; }
  friend constexpr FieldSet operator|(FieldSet a, FieldSet b) {
    return FromBits(a.bits_ | b.bits_);
  }

  constexpr bool operator==(const FieldSet&) const = default;

 private:
  static constexpr uint8_t Bit(Field field) {
    return static_cast<uint8_t>(1u << static_cast<unsigned>(field));
  }
  static constexpr FieldSet FromBits(unsigned bits) {
    FieldSet s;
    s.bits_ = static_cast<uint8_t>(bits);
    return s;
  }

  uint8_t bits_ = 0;
};

// What a bare word searches: title, abstract and authors (not the venue).
inline constexpr FieldSet kDefaultFields =
    FieldSet(Field::kTitle) | Field::kAbstract | Field::kAuthors;

}  // namespace paperdeck::query
