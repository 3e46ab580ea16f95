// The reference page, reproduced: import the 35 cards of the seed page and search them the way
// the page and the foundation's checks do.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "e2e/cli_runner.h"
#include "text/latex_text.h"

namespace paperdeck::e2e {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::UnorderedElementsAre;
using ::testing::UnorderedElementsAreArray;

std::vector<nlohmann::json> SeedRecords() {
  std::vector<nlohmann::json> records;
  std::ifstream in(TestData("seed-page.jsonl"));
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) records.push_back(nlohmann::json::parse(line));
  }
  return records;
}

class SeedPageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    CliResult r = RunPaperdeck(Data(), {"import", TestData("seed-page.jsonl")});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::filesystem::path Data() { return dir_->path() / "data"; }

  static nlohmann::json SearchJson(std::vector<std::string> args) {
    args.insert(args.begin(), "search");
    args.push_back("--json");
    CliResult r = RunPaperdeck(Data(), args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
  }
  static std::vector<std::string> Titles(const nlohmann::json& response) {
    std::vector<std::string> titles;
    for (const auto& hit : response["results"]) titles.push_back(hit["title"]);
    return titles;
  }

  static TempDir* dir_;
};
TempDir* SeedPageTest::dir_ = nullptr;

TEST_F(SeedPageTest, ExplainGivesPartsThatSumToEachScore) {
  nlohmann::json response = SearchJson({"--explain", "attention", "--limit", "50"});
  ASSERT_EQ(response["results"].size(), 35u);
  for (const auto& hit : response["results"]) {
    const nlohmann::json& e = hit["explanation"];
    EXPECT_EQ(e["score"], hit["score"]);
    double sum = e["proximity"]["score"].get<double>();
    for (const auto& term : e["terms"]) {
      EXPECT_EQ(term["query"], "attention");
      EXPECT_EQ(term["terms"], nlohmann::json::array({"attent"}));
      double fields = 0;
      for (const auto& f : term["fields"]) fields += f["score"].get<double>();
      EXPECT_NEAR(fields, term["score"].get<double>(), 1e-4) << term.dump();
      sum += term["score"].get<double>();
    }
    EXPECT_NEAR(sum, hit["score"].get<double>(), 1e-4) << e.dump();
  }
  // The terminal's form: the score's sum, then the word and its fields.
  CliResult text = RunPaperdeck(Data(), {"search", "--explain", "attention", "--limit", "1"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, ::testing::HasSubstr("attention → attent  (idf "));
  EXPECT_THAT(text.out, ::testing::ContainsRegex("score [0-9.]+ = BM25F"));
  EXPECT_THAT(text.out, ::testing::ContainsRegex("title +tf [0-9]+, length [0-9]+"));
}

TEST_F(SeedPageTest, AttentionFindsAllThirtyFivePapers) {
  nlohmann::json response = SearchJson({"attention", "--limit", "50"});
  EXPECT_EQ(response["total"], 35);
  std::vector<std::string> expected;
  for (const auto& r : SeedRecords()) expected.push_back(r["title"]);
  EXPECT_THAT(Titles(response), UnorderedElementsAreArray(expected));
}

TEST_F(SeedPageTest, AttentiveMatchesOnlyThroughStemming) {
  nlohmann::json response = SearchJson({"attention", "--limit", "50"});
  EXPECT_THAT(Titles(response),
              ::testing::Contains(
                  "Transformer-XL: Attentive Language Models beyond a Fixed-Length Context"));
}

TEST_F(SeedPageTest, TextOutputShowsMathAsTextAndJsonKeepsTheSource) {
  // FlashAttention-3's abstract says "1.5-2.0$\times$" and Vortex's "$3.46\times$".
  CliResult r = RunPaperdeck(Data(), {"search", "flashattention", "--limit", "50"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, ::testing::HasSubstr("1.5-2.0×"));
  EXPECT_THAT(r.out, ::testing::Not(::testing::HasSubstr("\\times")));
  CliResult shown = RunPaperdeck(Data(), {"search", "vortex", "programmable"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_THAT(shown.out, ::testing::HasSubstr("3.46×"));
  nlohmann::json response = SearchJson({"flashattention"});
  bool source = false;
  for (const auto& hit : response["results"]) {
    source |= hit["abstract"].get<std::string>().find("$\\times$") != std::string::npos;
  }
  EXPECT_TRUE(source) << "the JSON keeps what the abstract says";
}

TEST_F(SeedPageTest, TextOutputReportsTheCountAndPages) {
  CliResult r = RunPaperdeck(Data(), {"search", "attention"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, ::testing::StartsWith("35 results in your corpus\n"));
  EXPECT_THAT(r.out, ::testing::HasSubstr("Showing 1–10 of 35."));
  EXPECT_THAT(r.out, ::testing::HasSubstr("--page 2"));
}

// The reference page's meta line with a venue's year said once: the page printed "NeurIPS 2024"
// and then "2024" again; PaperDeck says "NeurIPS 2024".
std::string MetaLineSaidOnce(const nlohmann::json& rec) {
  std::string meta = rec["meta_line"].get<std::string>();
  if (!rec.contains("venue") || !rec.contains("year")) return meta;
  const std::string venue = rec["venue"].get<std::string>();
  const std::string year = std::to_string(rec["year"].get<int>());
  if (venue.size() < year.size() || venue.compare(venue.size() - year.size(), year.size(), year) != 0) {
    return meta;
  }
  const size_t at = meta.find(venue + year);
  if (at != std::string::npos) meta.erase(at + venue.size(), year.size());
  return meta;
}

std::string Squeeze(std::string s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ' && i + 1 < s.size() && s[i + 1] == ' ') {
      ++i;  // the meta line separates parts with two spaces; the page's text lost them
      continue;
    }
    out += s[i];
  }
  return out;
}

TEST_F(SeedPageTest, EachCardShowsTheSameFactsAsThePage) {
  CliResult r = RunPaperdeck(Data(), {"search", "attention", "--limit", "50"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<nlohmann::json> seed = SeedRecords();
  std::map<std::string, nlohmann::json> by_title;
  for (const auto& s : seed) by_title[s["title"]] = s;

  // Titles longer than 80 columns wrap; join lines until the authors line of the seed record.
  std::vector<std::string> lines;
  {
    std::istringstream in(r.out);
    std::string line;
    while (std::getline(in, line)) lines.push_back(line);
  }
  int checked = 0;
  for (size_t i = 0; i + 2 < lines.size(); ++i) {
    for (const auto& [title, rec] : by_title) {
      std::string joined = lines[i + 1];
      size_t j = i + 2;
      while (joined.size() < title.size() && j < lines.size()) joined += " " + lines[j++];
      if (joined != title) continue;
      SCOPED_TRACE(title);
      EXPECT_EQ(Squeeze(lines[i]), MetaLineSaidOnce(rec));
      ASSERT_LT(j, lines.size());
      EXPECT_EQ(lines[j], rec["authors_shown"].get<std::string>());
      std::string abstract;
      for (size_t k = j + 1; k < lines.size() && !lines[k].empty(); ++k) {
        if (!abstract.empty()) abstract += " ";
        abstract += lines[k];
      }
      // Wrapping turns runs of spaces into one; the page's text has none inside abstracts. The
      // terminal shows LaTeX as plain text ("1.5-2.0$\\times$" as "1.5-2.0×", "--" as "–").
      EXPECT_EQ(abstract, text::LatexAsPlainText(rec["abstract"].get<std::string>()));
      ++checked;
      break;
    }
  }
  EXPECT_EQ(checked, 35);
}

TEST_F(SeedPageTest, PhraseMatchesAdjacentWordsOnly) {
  nlohmann::json response = SearchJson({"\"sparse attention\"", "--limit", "50"});
  EXPECT_THAT(Titles(response),
              UnorderedElementsAre(
                  "Vortex: Efficient and Programmable Sparse Attention Serving for AI Agents",
                  "MiniMax Sparse Attention",
                  "SparDA: Sparse Decoupled Attention for Efficient Long-Context LLM Inference",
                  "MInference 1.0: Accelerating Pre-filling for Long-Context LLMs via Dynamic "
                  "Sparse Attention",
                  "You Only Index Once: Cross-Layer Sparse Attention with Shared Routing",
                  "FlashMemory-DeepSeek-V4: Lightning Index Ultra-Long Context via Lookahead "
                  "Sparse Attention"));
  // The only paper with the phrase in its abstract alone ranks below those with it in the title.
  EXPECT_EQ(Titles(response).back(),
            "SparDA: Sparse Decoupled Attention for Efficient Long-Context LLM Inference");
}

TEST_F(SeedPageTest, TitleField) {
  EXPECT_THAT(Titles(SearchJson({"title:mamba"})),
              ElementsAre("Demystify Mamba in Vision: A Linear Attention Perspective"));
}

TEST_F(SeedPageTest, AuthorField) {
  EXPECT_THAT(
      Titles(SearchJson({"author:xiao"})),
      UnorderedElementsAre(
          "Rethinking the Role of Efficient Attention in Hybrid Architectures",
          "SparDA: Sparse Decoupled Attention for Efficient Long-Context LLM Inference",
          "DuoAttention: Efficient Long-Context LLM Inference with Retrieval and Streaming Heads"));
}

TEST_F(SeedPageTest, CategoryAndYearFilters) {
  EXPECT_THAT(
      Titles(SearchJson({"cat:cs.CV year:2026"})),
      UnorderedElementsAre(
          "The Token Is a Group Element: On Lie-Algebra Attention over Matrix Lie Groups",
          "RATS! Patches Talk Through Registers: Emergent Parts in Register Attention Transformers",
          "Fast Human Attention Prediction for Fixation-guided Active Perception in Autonomous "
          "Navigation",
          "Gaze Heads: How VLMs Look at What They Describe"));
}

TEST_F(SeedPageTest, ExcludedWord) {
  nlohmann::json response = SearchJson({"attention -vision", "--limit", "50"});
  EXPECT_EQ(response["total"], 31);
  std::vector<std::string> titles = Titles(response);
  for (const char* excluded :
       {"Demystify Mamba in Vision: A Linear Attention Perspective",
        "Your Model Already Knows: Attention-Guided Safety Filter for Vision-Language-Action Models",
        "StoryDiffusion: Consistent Self-Attention for Long-Range Image and Video Generation",
        "Gaze Heads: How VLMs Look at What They Describe"}) {
    EXPECT_THAT(titles, ::testing::Not(::testing::Contains(excluded)));
  }
}

TEST_F(SeedPageTest, QueryWordsMayBeginWithADashOnTheCommandLine) {
  // Unquoted, `-vision` is a query word, not an option; options may come before or after.
  CliResult r = RunPaperdeck(Data(), {"search", "--limit", "50", "attention", "-vision", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["total"], 31);
  EXPECT_EQ(SearchJson({"-vision"})["total"], 31);
  // After "--", everything is the query.
  CliResult words = RunPaperdeck(Data(), {"search", "--json", "--", "sparse", "--json"});
  ASSERT_EQ(words.exit_code, 0) << words.err;
  EXPECT_EQ(nlohmann::json::parse(words.out)["total"], 0);
}

TEST_F(SeedPageTest, SortByCitations) {
  nlohmann::json response = SearchJson({"attention", "--sort", "citations", "--limit", "13"});
  EXPECT_THAT(
      Titles(response),
      ElementsAre("Longformer: The Long-Document Transformer",
                  "Transformer-XL: Attentive Language Models beyond a Fixed-Length Context",
                  "Masked-attention Mask Transformer for Universal Image Segmentation",
                  "IP-Adapter: Text Compatible Image Prompt Adapter for Text-to-Image Diffusion "
                  "Models",
                  "SnapKV: LLM Knows What You are Looking for Before Generation",
                  "FlashAttention-3: Fast and Accurate Attention with Asynchrony and "
                  "Low-precision",
                  "Quest: Query-Aware Sparsity for Efficient Long-Context LLM Inference",
                  "MInference 1.0: Accelerating Pre-filling for Long-Context LLMs via Dynamic "
                  "Sparse Attention",
                  "Parallelizing Linear Transformers with the Delta Rule over Sequence Length",
                  "StoryDiffusion: Consistent Self-Attention for Long-Range Image and Video "
                  "Generation",
                  "DuoAttention: Efficient Long-Context LLM Inference with Retrieval and Streaming "
                  "Heads",
                  "Demystify Mamba in Vision: A Linear Attention Perspective",
                  "LLM Maybe LongLM: Self-Extend LLM Context Window Without Tuning"));
  EXPECT_EQ(response["total"], 35);
}

TEST_F(SeedPageTest, SortByUpvotesAndNewest) {
  std::vector<std::string> upvoted = Titles(SearchJson({"attention", "--sort", "upvotes", "--limit", "3"}));
  EXPECT_THAT(upvoted, ElementsAre("MiniMax Sparse Attention",
                                   "FlashMemory-DeepSeek-V4: Lightning Index Ultra-Long Context "
                                   "via Lookahead Sparse Attention",
                                   "Kairos: A Native World Model Stack for Physical AI"));
  nlohmann::json newest = SearchJson({"attention", "--sort", "newest", "--limit", "50"});
  std::vector<std::string> dates;
  for (const auto& hit : newest["results"]) {
    if (!hit["date"].is_null()) dates.push_back(hit["date"]);
  }
  EXPECT_EQ(dates.size(), 22u);
  EXPECT_TRUE(std::is_sorted(dates.rbegin(), dates.rend()));
  // Papers without a date come after all dated ones.
  for (size_t i = 0; i < dates.size(); ++i) EXPECT_FALSE(newest["results"][i]["date"].is_null());
}

TEST_F(SeedPageTest, PagesConcatenateToTheWholeList) {
  std::vector<std::string> all = Titles(SearchJson({"attention", "--limit", "50"}));
  std::vector<std::string> paged;
  for (int page = 1; page <= 4; ++page) {
    nlohmann::json r = SearchJson({"attention", "--limit", "10", "--page", std::to_string(page)});
    EXPECT_EQ(r["total"], 35);
    for (const auto& t : Titles(r)) paged.push_back(t);
  }
  EXPECT_EQ(paged, all);
}

TEST_F(SeedPageTest, JsonCarriesTheCardFacts) {
  nlohmann::json response = SearchJson({"title:\"MiniMax Sparse Attention\""});
  ASSERT_EQ(response["total"], 1);
  const auto& hit = response["results"][0];
  EXPECT_EQ(hit["title"], "MiniMax Sparse Attention");
  EXPECT_THAT(hit["authors"].get<std::vector<std::string>>(),
              ElementsAre("Xunhao Lai", "Weiqi Xu", "Yufeng Yang"));
  EXPECT_EQ(hit["date"], "2026-06-10");
  EXPECT_EQ(hit["upvotes"], 126);
  EXPECT_TRUE(hit["citations"].is_null());
  EXPECT_EQ(hit["new"], false);
  EXPECT_GT(hit["score"].get<double>(), 0.0);
  for (const char* key : {"id", "abstract", "categories", "venue", "year"}) {
    EXPECT_TRUE(hit.contains(key)) << key;
  }
}

TEST_F(SeedPageTest, MalformedQueryIsSearchedAsWordsWithANotice) {
  CliResult r = RunPaperdeck(Data(), {"search", "(sparse attention", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json response = nlohmann::json::parse(r.out);
  // Both words required, anywhere: nine papers say "sparse" (Quest only says "sparsity").
  EXPECT_EQ(response["total"], 9);
  ASSERT_TRUE(response.contains("notice"));
  // Parsing stopped at the end, where the ')' was expected.
  EXPECT_EQ(response["notice"]["position"], 17);
  EXPECT_THAT(response["notice"]["message"].get<std::string>(), ::testing::HasSubstr("')'"));

  CliResult text = RunPaperdeck(Data(), {"search", "(sparse attention"});
  EXPECT_THAT(text.err, ::testing::HasSubstr("column 18"));
  EXPECT_THAT(text.out, ::testing::HasSubstr("results in your corpus"));
}

TEST_F(SeedPageTest, ReimportUpdatesAndNeverDuplicates) {
  CliResult again = RunPaperdeck(Data(), {"import", TestData("seed-page.jsonl")});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_THAT(again.out, ::testing::HasSubstr("0 added"));
  EXPECT_EQ(SearchJson({"attention", "--limit", "50"})["total"], 35);
  CliResult stats = RunPaperdeck(Data(), {"stats", "--json"});
  nlohmann::json s = nlohmann::json::parse(stats.out);
  EXPECT_EQ(s["papers"], 35);
  EXPECT_EQ(s["index"]["documents"], 35);
}

TEST_F(SeedPageTest, ShowFindsAPaperById) {
  nlohmann::json response = SearchJson({"title:longformer"});
  ASSERT_EQ(response["total"], 1);
  std::string id = response["results"][0]["id"];
  CliResult r = RunPaperdeck(Data(), {"show", id, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json paper = nlohmann::json::parse(r.out);
  EXPECT_EQ(paper["title"], "Longformer: The Long-Document Transformer");
  EXPECT_EQ(paper["citations"], 5600);
  EXPECT_FALSE(paper["provenance"].empty());

  CliResult missing = RunPaperdeck(Data(), {"show", "2401.99999"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.err, ::testing::HasSubstr("no paper"));
}

// Removal, replacement and merging on a corpus of its own, so the shared one stays whole.
TEST(SeedCorpusChangesTest, RemovedPapersLeaveSearchResultsAndOptimizeKeepsTheRest) {
  TempDir dir;
  std::filesystem::path data = dir.path() / "data";
  ASSERT_EQ(RunPaperdeck(data, {"import", TestData("seed-page.jsonl")}).exit_code, 0);
  auto search = [&](const std::string& q) {
    CliResult r = RunPaperdeck(data, {"search", q, "--json", "--limit", "50"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
  };
  nlohmann::json longformer = search("title:longformer");
  ASSERT_EQ(longformer["total"], 1);
  std::string id = longformer["results"][0]["id"];

  CliResult removed = RunPaperdeck(data, {"remove", id});
  EXPECT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_EQ(search("title:longformer")["total"], 0);
  EXPECT_EQ(search("attention")["total"], 34);

  CliResult missing = RunPaperdeck(data, {"remove", id});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.err, ::testing::HasSubstr("no paper"));

  // Merging segments drops the removed paper for good and keeps every other one.
  ASSERT_EQ(RunPaperdeck(data, {"import", TestData("seed-page.jsonl")}).exit_code, 0);
  ASSERT_EQ(RunPaperdeck(data, {"optimize"}).exit_code, 0);
  nlohmann::json all = search("attention");
  EXPECT_EQ(all["total"], 35);
  CliResult stats = RunPaperdeck(data, {"stats", "--json"});
  nlohmann::json s = nlohmann::json::parse(stats.out);
  EXPECT_EQ(s["index"]["segments"], 1);
  EXPECT_EQ(s["index"]["documents"], 35);
}

}  // namespace
}  // namespace paperdeck::e2e
