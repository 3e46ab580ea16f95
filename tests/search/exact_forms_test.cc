// Exact words: `=word` and a quoted single word match the form written, not the stem; a bare
// word ranks the papers writing it so above those matching only through its stem.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "search/searcher.h"
#include "test_index.h"

namespace paperdeck::search {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

// "transformer", "transformers", "transformation", "transform" all stem to "transform".
std::vector<TestPaper> Papers() {
  return {
      {1, "A transformer for text", "One transformer layer.", {"Ada Lovelace"}},
      {2, "Transformers everywhere", "Many transformers, stacked.", {"Alan Turing"}},
      {3, "Fourier transformation", "The transformation of signals by transforms.", {"Jean Fourier"}},
      {4, "Transform coding", "We transform images; a Transformer is not used.", {"Grace Hopper"}},
      {5, "Models of text", "A model, then models.", {"Émile Borel"}},
      {6, "One model", "The model is small.", {"Emile Borel"}},
  };
}

class ExactFormsTest : public ::testing::Test {
 protected:
  void SetUp() override { index_.Add(Papers()); }

  SearchResponse Run(const std::string& query, float weight = 1.0f, bool prune = true) {
    SearchRequest r;
    r.query = query;
    r.limit = 100;
    r.exact = true;
    SearcherOptions options;
    options.exact_form_weight = weight;
    options.prune = prune;
    Searcher searcher(index_.Reader(), options);
    Result<SearchResponse> response = searcher.Search(r);
    EXPECT_TRUE(response.ok()) << query;
    return response.ok() ? std::move(response).value() : SearchResponse{};
  }

  std::set<uint64_t> Keys(const std::string& query) {
    std::set<uint64_t> keys;
    for (const SearchHit& h : Run(query).hits) keys.insert(h.paper_key);
    return keys;
  }

  std::vector<uint64_t> Ranked(const std::string& query, float weight, bool prune = true) {
    std::vector<uint64_t> keys;
    for (const SearchHit& h : Run(query, weight, prune).hits) keys.push_back(h.paper_key);
    return keys;
  }

  TestIndex index_;
};

TEST_F(ExactFormsTest, AQuotedWordMatchesItsFormOnly) {
  EXPECT_EQ(Keys("transformer"), (std::set<uint64_t>{1, 2, 3, 4}));
  EXPECT_EQ(Keys("\"transformer\""), (std::set<uint64_t>{1, 4}));
  EXPECT_EQ(Keys("=transformer"), (std::set<uint64_t>{1, 4}));
  EXPECT_EQ(Keys("=transformers"), (std::set<uint64_t>{2}));
  EXPECT_EQ(Keys("=Transformation"), (std::set<uint64_t>{3}));
  EXPECT_EQ(Run("\"transformer\"").total, 2u);
}

TEST_F(ExactFormsTest, AFormEqualToItsStemIsExactToo) {
  // "model" is its own stem: `=model` must not find the paper that only writes "models".
  EXPECT_EQ(Keys("model"), (std::set<uint64_t>{5, 6}));
  EXPECT_EQ(Keys("=models"), (std::set<uint64_t>{5}));
  EXPECT_EQ(Keys("=model"), (std::set<uint64_t>{5, 6}));
  EXPECT_EQ(Keys("\"model\" -=models"), (std::set<uint64_t>{6}));
}

TEST_F(ExactFormsTest, CaseAndAccentsAreStillFolded) {
  EXPECT_EQ(Keys("=TRANSFORMER"), (std::set<uint64_t>{1, 4}));
  EXPECT_EQ(Keys("author:=emile"), (std::set<uint64_t>{5, 6}));
}

TEST_F(ExactFormsTest, InsideFields) {
  EXPECT_EQ(Keys("title:=transformer"), (std::set<uint64_t>{1}));
  EXPECT_EQ(Keys("title:\"transformer\""), (std::set<uint64_t>{1}));
  EXPECT_EQ(Keys("abstract:=transformer"), (std::set<uint64_t>{1, 4}));
  EXPECT_EQ(Keys("title:=transform"), (std::set<uint64_t>{4}));
}

TEST_F(ExactFormsTest, PhrasesOfSeveralWordsStayStemmed) {
  // "transformers layer" is no phrase anywhere; "transformer layer" stems to the phrase
  // "transform layer", which paper 1 holds.
  EXPECT_EQ(Keys("\"transformers layer\""), (std::set<uint64_t>{1}));
}

TEST_F(ExactFormsTest, ABareWordRanksItsExactFormFirst) {
  // With the bonus, the two papers writing "transformer" lead the four holding its stem.
  const std::vector<uint64_t> ranked = Ranked("transformer", 1.0f);
  ASSERT_EQ(ranked.size(), 4u);
  EXPECT_THAT(std::vector<uint64_t>(ranked.begin(), ranked.begin() + 2), UnorderedElementsAre(1, 4));
  // The same set of papers either way, and pruning changes nothing.
  EXPECT_EQ(Run("transformer", 0.0f).total, 4u);
  EXPECT_EQ(Ranked("transformer", 1.0f, /*prune=*/false), ranked);
}

TEST_F(ExactFormsTest, HighlightsTheExactFormOnly) {
  const SearchResponse r = Run("=transformers");
  ASSERT_EQ(r.highlight_terms.size(), 1u);
  EXPECT_EQ(r.highlight_terms[0], std::string("\x02transformers"));
}

// A form equal to its stem is what the stem's other forms leave of it, field by field.
// The papers query finds as written (exact), by key, ascending; checks the total says as many.
std::vector<uint64_t> ExactKeys(const TestIndex& index, const std::string& query) {
  SearchRequest r;
  r.query = query;
  r.limit = 100;
  r.exact = true;
  Result<SearchResponse> response = Searcher(index.Reader()).Search(r);
  EXPECT_TRUE(response.ok()) << query;
  std::vector<uint64_t> out;
  if (response.ok()) {
    for (const SearchHit& h : response.value().hits) out.push_back(h.paper_key);
    EXPECT_EQ(response.value().total, out.size()) << query;
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(ExactForms, AFormEqualToItsStemIsCountedFieldByField) {
  TestIndex index;
  index.Add({
      {1, "Models of models", "One model.", {"Ada Lovelace"}},
      {2, "A model", "Models, models, models.", {"Alan Turing"}},
      {3, "Models only", "More models.", {"Grace Hopper"}},
      {4, "Deep nets", "Nothing here.", {"Yoshua Bengio"}},
      {5, "The y axis", "Plotted.", {"Ada Lovelace"}},
  });
  auto keys = [&](const std::string& query) {
    const std::vector<uint64_t> found = ExactKeys(index, query);
    return std::set<uint64_t>(found.begin(), found.end());
  };
  EXPECT_EQ(keys("=model"), (std::set<uint64_t>{1, 2}));
  EXPECT_EQ(keys("title:=model"), (std::set<uint64_t>{2}));
  EXPECT_EQ(keys("abstract:=model"), (std::set<uint64_t>{1}));
  EXPECT_EQ(keys("title:=models"), (std::set<uint64_t>{1, 3}));
  EXPECT_EQ(keys("\"model\" -=models"), (std::set<uint64_t>{}));
  // Yoshua Bengio's initial is indexed for `author:"y bengio"`, but nobody wrote "y" there.
  EXPECT_EQ(keys("author:\"y bengio\""), (std::set<uint64_t>{4}));
  EXPECT_EQ(keys("=y"), (std::set<uint64_t>{5}));
}

// One segment per paper, then merged: the same answers as one segment written at once.
TEST(ExactForms, TheSameOverSegmentsAndAfterAMerge) {
  TestIndex one, many;
  one.Add(Papers());
  many.Add(Papers(), /*per_commit=*/1);
  auto keys = ExactKeys;
  const std::vector<std::string> queries = {"=model", "=models", "\"transformer\"", "=transform",
                                            "title:=transform", "abstract:=transformer",
                                            "author:=emile", "=transformation"};
  ASSERT_GT(many.Reader()->segments().size(), 1u);
  for (const std::string& q : queries) EXPECT_EQ(keys(many, q), keys(one, q)) << q;
  ASSERT_TRUE(many.writer().Optimize().ok());
  ASSERT_EQ(many.Reader()->segments().size(), 1u);
  for (const std::string& q : queries) EXPECT_EQ(keys(many, q), keys(one, q)) << q;
  EXPECT_EQ(keys(many, "=model"), (std::vector<uint64_t>{5, 6}));
  EXPECT_EQ(keys(many, "=transform"), (std::vector<uint64_t>{4}));
}

}  // namespace
}  // namespace paperdeck::search
