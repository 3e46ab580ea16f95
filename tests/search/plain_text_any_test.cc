// QueryMode::kPlainTextAny: questions in natural language, where any word may match and more
// (and rarer) matching words rank higher; and free text, whatever a person types, runs in every
// mode and gives a sound answer: a page of the index's papers by score, no notice when no
// character is an operator, and the paper that holds the text's words among the matches.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "search/searcher.h"
#include "random_papers.h"

namespace paperdeck::search {
namespace {

class PlainTextAnyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<TestPaper> papers(5);
    papers[0] = {.key = 1, .title = "Heat conduction in composite slabs",
                 .abstract = "Exact solutions for layered slabs."};
    papers[1] = {.key = 2, .title = "Heat transfer in boundary layers",
                 .abstract = "Measurements at supersonic speed."};
    papers[2] = {.key = 3, .title = "Composite materials", .abstract = "Fibre laminates."};
    papers[3] = {.key = 4, .title = "Protein folding", .abstract = "Intermediate states."};
    papers[4] = {.key = 5, .title = "Sliding-window attention", .abstract = "Local windows."};
    index_.Add(papers);
    searcher_ = std::make_unique<Searcher>(index_.Reader());
  }

  std::vector<uint64_t> Keys(const std::string& query, QueryMode mode) {
    SearchRequest request;
    request.query = query;
    request.mode = mode;
    request.limit = 100;
    Result<SearchResponse> r = searcher_->Search(request);
    EXPECT_TRUE(r.ok()) << r.status().message();
    std::vector<uint64_t> keys;
    if (r.ok()) {
      EXPECT_FALSE(r->notice);
      EXPECT_EQ(r->total, r->hits.size());
      for (const SearchHit& h : r->hits) keys.push_back(h.paper_key);
    }
    return keys;
  }

  TestIndex index_;
  std::unique_ptr<Searcher> searcher_;
};

TEST_F(PlainTextAnyTest, AnyWordMayMatchAndMoreWordsRankHigher) {
  const std::string question = "which problems of heat conduction in composite slabs were solved?";
  // Requiring every word finds nothing: "problems" and "solved" are in no paper.
  EXPECT_TRUE(Keys(question, QueryMode::kPlainText).empty());
  std::vector<uint64_t> any = Keys(question, QueryMode::kPlainTextAny);
  ASSERT_EQ(any.size(), 3u);  // papers with heat, conduction, composite or slabs
  EXPECT_EQ(any[0], 1u);      // all four words
}

TEST_F(PlainTextAnyTest, StopWordsAloneMatchNothing) {
  // Stop words are not indexed: a question of them alone matches nothing.
  EXPECT_TRUE(Keys("is it the one and not this", QueryMode::kPlainTextAny).empty());
  EXPECT_TRUE(Keys("   ", QueryMode::kPlainTextAny).empty());
}

TEST_F(PlainTextAnyTest, NoCharacterIsAnOperator) {
  // As operators, -heat would exclude and title: restrict; here they are words.
  EXPECT_EQ(Keys("-heat", QueryMode::kPlainTextAny).size(), 2u);
  EXPECT_EQ(Keys("-heat", QueryMode::kPlainTextAny), Keys("heat", QueryMode::kPlainTextAny));
  EXPECT_EQ(Keys("title: protein OR (laminates", QueryMode::kPlainTextAny).size(), 2u);
  EXPECT_EQ(Keys("\"sliding window\"", QueryMode::kPlainTextAny), (std::vector<uint64_t>{5}));
}

// A "more like this" asks by the terms a paper's vector holds (SearchRequest::words_alone): a
// compound is its whole term alone, not also the phrase of its parts, and nothing is added for
// words near each other: a paper's score is the sum of its words' scores.
TEST(WordsAlone, ACompoundIsItsWholeTermAndScoresAddWithoutProximity) {
  std::vector<TestPaper> papers(4);
  papers[0] = {.key = 1, .title = "Real-time rendering of scenes", .abstract = "Fast renderers."};
  papers[1] = {.key = 2, .title = "Rendering scenes in real time", .abstract = "Slow renderers."};
  papers[2] = {.key = 3, .title = "Time series", .abstract = "Forecasting."};
  papers[3] = {.key = 4, .title = "Scenes of rendering", .abstract = "Far apart: scenes, then "
                                                                    "much later, rendering."};
  TestIndex index;
  index.Add(papers);
  Searcher searcher(index.Reader());
  auto search = [&](const std::string& query, bool words_alone) {
    SearchRequest request;
    request.query = query;
    request.mode = QueryMode::kPlainTextAny;
    request.limit = 10;
    request.words_alone = words_alone;
    Result<SearchResponse> r = searcher.Search(request);
    EXPECT_TRUE(r.ok()) << r.status().message();
    std::map<uint64_t, float> scores;
    if (r.ok()) {
      for (const SearchHit& h : r->hits) scores[h.paper_key] = h.score;
    }
    return scores;
  };
  // Typed, "real-time" also finds the paper that writes the words apart; as a vector's term, not.
  EXPECT_EQ(search("real-time", false).size(), 2u);
  const std::map<uint64_t, float> whole = search("real-time", true);
  ASSERT_EQ(whole.size(), 1u);
  EXPECT_TRUE(whole.contains(1));

  // Typed, the paper with the two words side by side gains for it; as a bag, each paper's score
  // is what its two words score apart.
  const std::map<uint64_t, float> both = search("rendering scenes", true);
  const std::map<uint64_t, float> rendering = search("rendering", true);
  const std::map<uint64_t, float> scenes = search("scenes", true);
  ASSERT_EQ(both.size(), 3u);
  for (const auto& [key, score] : both) {
    EXPECT_FLOAT_EQ(score, rendering.at(key) + scenes.at(key)) << "paper " << key;
  }
  const std::map<uint64_t, float> typed = search("rendering scenes", false);
  EXPECT_GT(typed.at(2) - typed.at(4), both.at(2) - both.at(4))
      << "typed, the words side by side (paper 2) gain over the words far apart (paper 4)";
}

constexpr QueryMode kModes[] = {QueryMode::kOperators, QueryMode::kPlainText,
                                 QueryMode::kPlainTextAny};

// Searches text in mode for a page of limit hits, expecting what a person would see of any
// answer: the first min(total, limit) of the matches, each a paper of the index and none twice,
// by score from the highest; and no notice in the plain-text modes, where no character is an
// operator and so nothing can fail to parse.
SearchResponse Answer(const Searcher& searcher, const std::set<uint64_t>& papers,
                      const std::string& text, QueryMode mode, uint32_t limit) {
  SearchRequest request;
  request.query = text;
  request.mode = mode;
  request.limit = limit;
  Result<SearchResponse> r = searcher.Search(request);
  EXPECT_TRUE(r.ok()) << text << ": " << r.status().message();
  if (!r.ok()) return {};
  const int m = static_cast<int>(mode);
  EXPECT_LE(r->total, papers.size()) << "mode " << m << ": " << text;
  EXPECT_EQ(r->hits.size(), std::min<uint64_t>(r->total, limit)) << "mode " << m << ": " << text;
  std::set<uint64_t> seen;
  for (size_t i = 0; i < r->hits.size(); ++i) {
    const SearchHit& hit = r->hits[i];
    EXPECT_TRUE(papers.contains(hit.paper_key))
        << "mode " << m << ": hit " << i << " is paper " << hit.paper_key << ", not in the index: "
        << text;
    EXPECT_TRUE(seen.insert(hit.paper_key).second)
        << "mode " << m << ": paper " << hit.paper_key << " twice: " << text;
    EXPECT_TRUE(std::isfinite(hit.score)) << "mode " << m << ": hit " << i << ": " << text;
    if (i > 0) {
      EXPECT_GE(r->hits[i - 1].score, hit.score)
          << "mode " << m << ": hit " << i << " scores above the one before it: " << text;
    }
  }
  if (mode != QueryMode::kOperators) EXPECT_FALSE(r->notice) << "mode " << m << ": " << text;
  return *r;
}

bool Finds(const SearchResponse& r, uint64_t key) {
  return std::any_of(r.hits.begin(), r.hits.end(),
                     [key](const SearchHit& h) { return h.paper_key == key; });
}

// Searches each of texts in every mode over papers and, as papers of their own (the title of
// paper first_text_key + i), every_nth of the texts: texts[0], texts[every_nth]... Beyond what
// Answer expects of every answer: a short page is the start of the whole list of matches; and
// searched as plain text, a text that is a paper finds it exactly when the text has a search
// word (a text of none, such as stop words alone, finds nothing), and every paper that has all
// of a text's words has one of them.
void ExpectSoundAnswers(std::vector<TestPaper> papers, const std::vector<std::string>& texts,
                        uint64_t first_text_key, size_t every_nth = 1) {
  auto is_paper = [every_nth](size_t i) { return i % every_nth == 0; };
  for (size_t i = 0; i < texts.size(); ++i) {
    if (!is_paper(i)) continue;
    TestPaper p;
    p.key = first_text_key + i;
    p.title = texts[i];
    papers.push_back(std::move(p));
  }
  std::set<uint64_t> keys;
  for (const TestPaper& p : papers) keys.insert(p.key);
  ASSERT_EQ(keys.size(), papers.size()) << "a text's key is a random paper's";
  ASSERT_LE(papers.size(), kMaxSearchLimit) << "every match must fit on one page";
  TestIndex index;
  index.Add(papers);
  Searcher searcher(index.Reader());

  for (size_t i = 0; i < texts.size(); ++i) {
    const std::string& text = texts[i];
    const uint64_t own = first_text_key + i;
    SearchResponse every[3];
    for (QueryMode mode : kModes) {
      const int m = static_cast<int>(mode);
      SearchResponse page = Answer(searcher, keys, text, mode, 20);
      every[m] = Answer(searcher, keys, text, mode, kMaxSearchLimit);
      EXPECT_EQ(page.total, every[m].total) << "mode " << m << ": " << text;
      for (size_t h = 0; h < page.hits.size() && h < every[m].hits.size(); ++h) {
        EXPECT_EQ(page.hits[h].paper_key, every[m].hits[h].paper_key)
            << "mode " << m << ": hit " << h << " of a short page: " << text;
      }
      if (mode == QueryMode::kOperators) continue;
      if (every[m].highlight_terms.empty()) EXPECT_EQ(every[m].total, 0u) << text;
      if (!is_paper(i)) continue;
      EXPECT_EQ(Finds(every[m], own), !every[m].highlight_terms.empty())
          << "mode " << m << ": the paper that is the text itself: " << text;
    }
    const SearchResponse& all = every[static_cast<int>(QueryMode::kPlainText)];
    const SearchResponse& any = every[static_cast<int>(QueryMode::kPlainTextAny)];
    if (any.highlight_terms.empty()) continue;  // question words alone: any-word drops them
    EXPECT_LE(all.total, any.total) << text;
    for (const SearchHit& h : all.hits) {
      EXPECT_TRUE(Finds(any, h.paper_key))
          << "paper " << h.paper_key << " has every word but any-word misses it: " << text;
    }
  }
}

// Questions as people type them (from test-collection queries and by hand), and random bytes.
TEST(FreeText, EveryModeAnswersAnyText) {
  RandomPapers random(7);
  std::vector<std::string> texts = {
      "what similarity laws must be obeyed when constructing aeroelastic models of heated high "
      "speed aircraft .",
      "0-dimensional biomaterials lack inductive properties.",
      "1 in 5 million in UK have abnormal PrP positivity.",
      "ALDH1 expression is associated with poorer prognosis for breast cancer primary tumors.",
      "the crystalline lens in vertebrates, including humans.",
      "How does the \"Transformer-XL\" compare to (BERT)? -- see arXiv:1901.02860",
      "year:2020..abc title: NOT OR AND ( ) \" - *",
      "what's the O(n^2) cost of attention? title:(sparse",
      "Schrödinger 注意力 🙂 $\\alpha$-helix",
      "",
      "   ",
      "\"\"",
      "-",
      "NOT",
      "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((a",
  };
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> byte(1, 255), length(1, 40);
  for (int i = 0; i < 50; ++i) {
    std::string t;
    for (int n = length(rng); n > 0; --n) t.push_back(static_cast<char>(byte(rng)));
    texts.push_back(t);
  }
  ExpectSoundAnswers(random.Papers(80), texts, 1000);
}

// Every question of the development collections, when they are beside the project
// (../shared/eval/dev/*/queries.jsonl), in every mode, as ExpectSoundAnswers checks. The suite
// does not need them: without them this test is skipped, and FreeText.EveryModeAnswersAnyText
// holds samples of them.
TEST(FreeText, EveryDevelopmentQuestionInEveryMode) {
  const std::filesystem::path dev =
      std::filesystem::path(PAPERDECK_TEST_DATA) / ".." / ".." / ".." / "shared" / "eval" / "dev";
  std::vector<std::string> lines;
  std::error_code ec;
  if (std::filesystem::is_directory(dev, ec)) {
    for (const auto& entry : std::filesystem::directory_iterator(dev, ec)) {
      std::ifstream in(entry.path() / "queries.jsonl");
      for (std::string line; std::getline(in, line);) lines.push_back(line);
    }
  }
  if (lines.empty()) GTEST_SKIP() << "no development collections at " << dev;
  std::sort(lines.begin(), lines.end());  // the same papers whatever order the directory lists
  // The JSON line itself is the text: quotes, braces, colons. Every line is searched, and one
  // in eight is also a paper (so that every match fits on one page).
  RandomPapers random(5);
  ExpectSoundAnswers(random.Papers(200), lines, 10000, 8);
}

}  // namespace
}  // namespace paperdeck::search
