#include "ingest/json_fields.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace paperdeck::ingest {
namespace {

using ::testing::ElementsAre;

class JsonFieldsTest : public ::testing::Test {
 protected:
  JsonFields Parse(std::string_view json) {
    simdjson::dom::object object;
    simdjson::error_code error = parser_.parse(json.data(), json.size()).get(object);
    EXPECT_EQ(error, simdjson::SUCCESS) << json;
    return JsonFields(object);
  }
  simdjson::dom::parser parser_;
};

TEST_F(JsonFieldsTest, ReadsValuesOfTheRightKind) {
  JsonFields f = Parse(R"({"t": "Mamba", "a": ["x", "y"], "n": 42, "d": 12.0, "b": true})");
  std::string t;
  std::vector<std::string> a;
  int64_t n = 0, d = 0;
  bool b = false;
  EXPECT_TRUE(f.GetString("t", &t));
  EXPECT_TRUE(f.GetStringArray("a", &a));
  EXPECT_TRUE(f.GetInteger("n", &n));
  EXPECT_TRUE(f.GetInteger("d", &d));
  EXPECT_TRUE(f.GetBool("b", &b));
  EXPECT_EQ(t, "Mamba");
  EXPECT_THAT(a, ElementsAre("x", "y"));
  EXPECT_EQ(n, 42);
  EXPECT_EQ(d, 12);
  EXPECT_TRUE(b);
  EXPECT_TRUE(f.ok());
  EXPECT_THAT(f.Keys(), ElementsAre("t", "a", "n", "d", "b"));
}

TEST_F(JsonFieldsTest, AbsentAndNullReadTheSame) {
  JsonFields f = Parse(R"({"doi": null})");
  std::string doi = "unchanged";
  EXPECT_FALSE(f.GetString("doi", &doi));
  EXPECT_FALSE(f.GetString("missing", &doi));
  EXPECT_EQ(doi, "unchanged");
  EXPECT_FALSE(f.Has("doi"));
  EXPECT_TRUE(f.ok());
}

TEST_F(JsonFieldsTest, WrongKindSaysWhatWasExpectedAndWhatCame) {
  std::string s;
  std::vector<std::string> v;
  int64_t n;
  bool b;
  {
    JsonFields f = Parse(R"({"title": 7})");
    EXPECT_FALSE(f.GetString("title", &s));
    EXPECT_EQ(f.status().message(), "field 'title' should be a string, got number");
  }
  {
    JsonFields f = Parse(R"({"authors": "A, B"})");
    EXPECT_FALSE(f.GetStringArray("authors", &v));
    EXPECT_EQ(f.status().message(), "field 'authors' should be an array of strings, got string");
  }
  {
    JsonFields f = Parse(R"({"authors": ["A", {"name": "B"}]})");
    EXPECT_FALSE(f.GetStringArray("authors", &v));
    EXPECT_EQ(f.status().message(), "field 'authors' item 2 should be a string, got object");
  }
  {
    JsonFields f = Parse(R"({"upvotes": "12"})");
    EXPECT_FALSE(f.GetInteger("upvotes", &n));
    EXPECT_EQ(f.status().message(), "field 'upvotes' should be a number, got string");
  }
  {
    JsonFields f = Parse(R"({"citations": 12.5})");
    EXPECT_FALSE(f.GetInteger("citations", &n));
    EXPECT_EQ(f.status().message(), "field 'citations' should be a whole number, got 12.5");
  }
  {
    JsonFields f = Parse(R"({"new": "yes"})");
    EXPECT_FALSE(f.GetBool("new", &b));
    EXPECT_EQ(f.status().message(), "field 'new' should be true or false, got string");
  }
}

TEST_F(JsonFieldsTest, MissingRequiredFieldIsAnError) {
  JsonFields f = Parse(R"({"title": null})");
  std::string title;
  EXPECT_FALSE(f.RequireString("title", &title));
  EXPECT_EQ(f.status().message(), "field 'title' is missing");
}

TEST_F(JsonFieldsTest, FirstErrorIsKept) {
  JsonFields f = Parse(R"({"a": 1, "b": 2})");
  std::string s;
  f.GetString("a", &s);
  f.GetString("b", &s);
  EXPECT_EQ(f.status().message(), "field 'a' should be a string, got number");
}

TEST_F(JsonFieldsTest, ReadsIsoDates) {
  JsonFields f = Parse(R"({"d": "2026-06-05", "t": "2019-07-25T00:00:00Z", "e": "", "bad": "June 5"})");
  std::string d, t, e = "unchanged", bad;
  EXPECT_TRUE(f.GetIsoDate("d", &d));
  EXPECT_TRUE(f.GetIsoDate("t", &t));
  EXPECT_FALSE(f.GetIsoDate("e", &e));
  EXPECT_EQ(d, "2026-06-05");
  EXPECT_EQ(t, "2019-07-25");
  EXPECT_EQ(e, "unchanged");
  EXPECT_TRUE(f.ok());
  EXPECT_FALSE(f.GetIsoDate("bad", &bad));
  EXPECT_EQ(f.status().message(), "field 'bad' should be a date such as 2026-06-05, got 'June 5'");
}

TEST(QuoteForMessageTest, CutsLongTextOnACharacterBoundary) {
  EXPECT_EQ(QuoteForMessage("short"), "'short'");
  std::string long_text = std::string(59, 'a') + "\xC3\xA9" + std::string(20, 'b');
  EXPECT_EQ(QuoteForMessage(long_text), "'" + std::string(59, 'a') + "...'");
}

}  // namespace
}  // namespace paperdeck::ingest
