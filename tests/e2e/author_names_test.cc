// `paperdeck search author:...` as a person types it, over names written as papers write them;
// and an index written before author names had their forms is rebuilt by `paperdeck reindex`.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "e2e/cli_runner.h"

namespace paperdeck::e2e {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

constexpr char kPapers[] =
    R"({"title": "Deep learning", "arxiv_id": "1501.00001", "authors": ["Yann LeCun", "Yoshua Bengio", "Geoffrey Hinton"], "abstract": "A review."}
{"title": "Gradient-based learning applied to document recognition", "arxiv_id": "1501.00002", "authors": ["Y. Le Cun", "L. Bottou", "Y. Bengio", "P. Haffner"], "abstract": "Convolutional networks."}
{"title": "Visualizing data using t-SNE", "arxiv_id": "1501.00003", "authors": ["Laurens van der Maaten", "Geoffrey Hinton"], "abstract": "A embedding."}
{"title": "Learning with kernels", "arxiv_id": "1501.00004", "authors": ["Bernhard Schölkopf", "Alexander J. Smola"], "abstract": "Support vectors."}
{"title": "Long short-term memory", "arxiv_id": "1501.00005", "authors": ["Sepp Hochreiter", "Jürgen Schmidhuber"], "abstract": "Gates."}
{"title": "Bengio's other paper", "arxiv_id": "1501.00006", "authors": ["Samy Bengio"], "abstract": "Not Yoshua."}
)";

std::set<std::string> Titles(const std::filesystem::path& data, const std::string& query) {
  CliResult r = RunPaperdeck(data, {"search", query, "--json", "--exact"});
  EXPECT_EQ(r.exit_code, 0) << query << ": " << r.err;
  std::set<std::string> titles;
  const nlohmann::json response = nlohmann::json::parse(r.out);
  for (const auto& hit : response["results"]) titles.insert(hit["title"].get<std::string>());
  return titles;
}

class AuthorNamesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::filesystem::path file = dir_.path() / "papers.jsonl";
    std::ofstream(file) << kPapers;
    CliResult r = RunPaperdeck(data_, {"import", file.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  TempDir dir_;
  const std::filesystem::path data_ = dir_.path() / "data";
};

TEST_F(AuthorNamesTest, AuthorsByAnySpelling) {
  EXPECT_THAT(Titles(data_, "author:lecun"),
              UnorderedElementsAre("Deep learning",
                                   "Gradient-based learning applied to document recognition"));
  EXPECT_THAT(Titles(data_, "author:\"le cun\""),
              UnorderedElementsAre("Deep learning",
                                   "Gradient-based learning applied to document recognition"));
  EXPECT_THAT(Titles(data_, "author:\"y bengio\""),
              UnorderedElementsAre("Deep learning",
                                   "Gradient-based learning applied to document recognition"));
  EXPECT_THAT(Titles(data_, "author:\"yoshua bengio\""), ElementsAre("Deep learning"));
  EXPECT_THAT(Titles(data_, "author:vandermaaten"), ElementsAre("Visualizing data using t-SNE"));
  EXPECT_THAT(Titles(data_, "author:\"van der maaten\""),
              ElementsAre("Visualizing data using t-SNE"));
  EXPECT_THAT(Titles(data_, "author:schoelkopf"), ElementsAre("Learning with kernels"));
  EXPECT_THAT(Titles(data_, "author:\"b scholkopf\""), ElementsAre("Learning with kernels"));
  EXPECT_THAT(Titles(data_, "author:\"a j smola\""), ElementsAre("Learning with kernels"));
  EXPECT_THAT(Titles(data_, "author:\"juergen schmidhuber\""), ElementsAre("Long short-term memory"));
}

TEST_F(AuthorNamesTest, AMisspeltNameGetsASuggestion) {
  CliResult r = RunPaperdeck(data_, {"search", "author:schmidhubre", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j.contains("suggestion")) << r.out;
  EXPECT_EQ(j["suggestion"]["query"], "author:schmidhuber");
}

TEST_F(AuthorNamesTest, AnIndexWrittenBeforeNameFormsIsRebuiltByReindex) {
  // Segments of the format before this one (3): their authors hold no initials.
  for (const auto& entry : std::filesystem::directory_iterator(data_ / "index")) {
    if (entry.path().extension() != ".seg") continue;
    std::fstream f(entry.path(), std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(8);
    const uint32_t version = 3;
    f.write(reinterpret_cast<const char*>(&version), sizeof version);
  }
  CliResult search = RunPaperdeck(data_, {"search", "author:\"y bengio\""});
  EXPECT_NE(search.exit_code, 0);
  EXPECT_THAT(search.err, HasSubstr("segment format version 3, written by another build"));
  EXPECT_THAT(search.err, HasSubstr("paperdeck reindex"));

  CliResult reindex = RunPaperdeck(data_, {"reindex"});
  EXPECT_EQ(reindex.exit_code, 0) << reindex.err;
  EXPECT_THAT(reindex.err, HasSubstr("rebuilding it"));
  EXPECT_THAT(Titles(data_, "author:\"y bengio\""),
              UnorderedElementsAre("Deep learning",
                                   "Gradient-based learning applied to document recognition"));
}

}  // namespace
}  // namespace paperdeck::e2e
