// The JSON lists the corpus keeps (authors, categories, ...): what is written reads back as it
// was, and plain ASCII lists are written exactly as json's own dump writes them, so rows stored
// by any build compare equal.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "library/paper_json.h"

namespace paperdeck::library {
namespace {

std::string JsonDump(const std::vector<std::string>& values) {
  return nlohmann::json(values).dump(-1, ' ', false,
                                     nlohmann::json::error_handler_t::replace);
}

TEST(PaperJsonTest, ListsAreWrittenAsJsonWritesThem) {
  const std::vector<std::vector<std::string>> lists = {
      {"Jane Roe"},
      {"Jane Roe", "John Doe", "cs.LG"},
      {""},
      {"", "x"},
      {"Ashish Vaswani", "Noam Shazeer", "Niki Parmar"},
      {"O\"Brien", "back\\slash"},
      {"tab\there", "line\nbreak", "bell\x07"},
      {"Erdős", "Gödel", "弘"},
      {"delete\x7f"},
      {"bad \xff utf-8"},
  };
  for (const auto& list : lists) {
    EXPECT_EQ(EncodeStrings(list), JsonDump(list)) << JsonDump(list);
    if (list.empty()) continue;
    Result<std::vector<std::string>> back = DecodeStrings(EncodeStrings(list));
    ASSERT_TRUE(back.ok());
    if (list.back().find('\xff') == std::string::npos) EXPECT_EQ(*back, list);
  }
  EXPECT_EQ(EncodeStrings({}), "");
}

}  // namespace
}  // namespace paperdeck::library
