// query::FieldSet: the text fields a word may match, and their names.
#include "query/field.h"

#include <gtest/gtest.h>

namespace paperdeck::query {
namespace {

TEST(QueryFieldSet, DefaultIsTitleAbstractAuthors) {
  EXPECT_TRUE(kDefaultFields.Has(Field::kTitle));
  EXPECT_TRUE(kDefaultFields.Has(Field::kAbstract));
  EXPECT_TRUE(kDefaultFields.Has(Field::kAuthors));
  EXPECT_FALSE(kDefaultFields.Has(Field::kVenue));
}

TEST(QueryFieldSet, UnionAndEquality) {
  FieldSet none;
  for (Field f : kAllFields) EXPECT_FALSE(none.Has(f));
  FieldSet title_venue = FieldSet(Field::kTitle) | Field::kVenue;
  EXPECT_TRUE(title_venue.Has(Field::kTitle));
  EXPECT_TRUE(title_venue.Has(Field::kVenue));
  EXPECT_FALSE(title_venue.Has(Field::kAbstract));
  EXPECT_EQ(title_venue, FieldSet(Field::kVenue) | Field::kTitle);
  EXPECT_NE(title_venue, FieldSet(Field::kTitle));
  EXPECT_EQ(FieldSet(Field::kAuthors) | Field::kTitle | Field::kAbstract, kDefaultFields);
}

TEST(QueryFieldSet, Names) {
  EXPECT_EQ(FieldName(Field::kTitle), "title");
  EXPECT_EQ(FieldName(Field::kAbstract), "abstract");
  EXPECT_EQ(FieldName(Field::kAuthors), "authors");
  EXPECT_EQ(FieldName(Field::kVenue), "venue");
}

}  // namespace
}  // namespace paperdeck::query
