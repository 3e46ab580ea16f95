// The query language's fields onto the index's: each to the index field of the same name.
#include "search/index_fields.h"

#include <gtest/gtest.h>

namespace paperdeck::search {
namespace {

TEST(IndexFields, EachQueryFieldIsTheIndexFieldOfItsName) {
  EXPECT_EQ(IndexFields(query::Field::kTitle), index::FieldBit(index::Field::kTitle));
  EXPECT_EQ(IndexFields(query::Field::kAbstract), index::FieldBit(index::Field::kAbstract));
  EXPECT_EQ(IndexFields(query::Field::kAuthors), index::FieldBit(index::Field::kAuthors));
  EXPECT_EQ(IndexFields(query::Field::kVenue), index::FieldBit(index::Field::kVenue));
}

TEST(IndexFields, SetsMapFieldByField) {
  EXPECT_EQ(IndexFields(query::FieldSet()), 0);
  EXPECT_EQ(IndexFields(query::kDefaultFields), index::kDefaultFields);
  EXPECT_EQ(IndexFields(query::FieldSet(query::Field::kTitle) | query::Field::kVenue),
            index::FieldBit(index::Field::kTitle) | index::FieldBit(index::Field::kVenue));
}

}  // namespace
}  // namespace paperdeck::search
