// IndexFields: the query language's text fields (query/field.h) as the index's (index/field.h).
//
// The parsed tree names fields in its own terms, so that the language needs no index; the planner
// maps each word's and phrase's fields here. Each query field is the index field of the same name.
//
// Threading: pure constexpr functions; any thread.
#pragma once

#include "index/field.h"
#include "query/field.h"

namespace paperdeck::search {

constexpr index::Field IndexField(query::Field field) {
  switch (field) {
    case query::Field::kTitle:
      return index::Field::kTitle;
    case query::Field::kAbstract:
      return index::Field::kAbstract;
    case query::Field::kAuthors:
      return index::Field::kAuthors;
    case query::Field::kVenue:
      return index::Field::kVenue;
  }
  return index::Field::kTitle;
}

constexpr index::FieldMask IndexFields(query::FieldSet fields) {
  index::FieldMask mask = 0;
  for (query::Field f : query::kAllFields) {
    if (fields.Has(f)) mask = static_cast<index::FieldMask>(mask | index::FieldBit(IndexField(f)));
  }
  return mask;
}

// A bare word searches (and BM25F scores) the same fields in both.
static_assert(IndexFields(query::kDefaultFields) == index::kDefaultFields);

}  // namespace paperdeck::search
