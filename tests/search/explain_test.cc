// SearchRequest::explain: every hit's explanation adds up to the score it carries, part by part,
// over queries of every shape (words, phrases, fields, OR, exclusions, prefixes, fuzzy words,
// exact forms, questions), several segments with replaced papers, pages past the proximity pool;
// and asking for it changes nothing else.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "search/searcher.h"
#include "random_papers.h"

namespace paperdeck::search {
namespace {

using Kind = TermExplanation::Kind;

// Float sums taken in another order than the scorer's: equal to a few parts in a million.
void ExpectSum(double sum, float want, const std::string& what) {
  EXPECT_NEAR(sum, want, 2e-5 * std::max(1.0f, std::fabs(want))) << what;
}

// Every identity search/score_explanation.h promises, on one hit.
void ExpectAddsUp(const SearchHit& hit, const std::string& context) {
  ASSERT_NE(hit.explanation, nullptr) << context;
  const ScoreExplanation& e = *hit.explanation;
  EXPECT_EQ(e.score, hit.score) << context;
  // The same additions as the search made: the very float, not an approximation.
  EXPECT_EQ(e.bm25f + e.proximity.score, hit.score) << context;
  double terms = 0;
  for (const TermExplanation& t : e.terms) {
    const std::string where = context + " / " + t.query;
    EXPECT_FALSE(t.query.empty()) << where;
    EXPECT_FALSE(t.terms.empty()) << where;
    EXPECT_FALSE(t.fields.empty()) << where;
    terms += t.score;
    double pseudo = 0, shares = 0;
    for (const FieldExplanation& f : t.fields) {
      EXPECT_GT(f.tf, 0u) << where;
      EXPECT_GT(f.weight, 0) << where;  // a field of weight 0 is never scored
      ExpectSum(1.0 - f.b + f.b * f.length / f.average_length, f.norm, where + " norm");
      ExpectSum(f.weight * f.tf / f.norm, f.weighted_tf, where + " weighted tf");
      pseudo += f.weighted_tf;
      shares += f.score;
    }
    EXPECT_EQ(static_cast<float>(pseudo), t.pseudo_tf) << where;
    ExpectSum(t.idf * (t.k1 + 1) * t.pseudo_tf / (t.k1 + t.pseudo_tf), t.score, where + " bm25");
    ExpectSum(shares, t.score, where + " field shares");
    EXPECT_EQ(t.term_tfs.size(), t.kind == Kind::kPhrase ? 0u : t.terms.size()) << where;
  }
  ExpectSum(terms, e.bm25f, context + " terms");
  double near = 0;
  for (const ProximityTermExplanation& p : e.proximity.terms) {
    EXPECT_GT(p.nearness, 0) << context;
    near += p.score;
  }
  ExpectSum(near, e.proximity.score, context + " proximity");
}

SearchResponse SearchFor(const Searcher& searcher, SearchRequest request) {
  Result<SearchResponse> r = searcher.Search(request);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? std::move(*r) : SearchResponse{};
}

// Papers over several segments, some replaced by a later version (the earlier one deleted), so
// an explanation must find the live document.
class ExplainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RandomPapers random(18);
    index_.Add(random.Papers(300), 100);
    index_.Add(random.Papers(40, 1));  // new versions of papers 1-40, in a fourth segment
  }
  TestIndex index_;
};

const std::vector<std::string>& QueryShapes() {
  static const std::vector<std::string> queries = {
      "attention",                        // one word
      "sparse attention kernel",          // words, all required
      "\"linear attention\"",             // phrase
      "title:graph network",              // a field
      "author:dao attention",            // the authors' field
      "graph OR protein OR lattice",      // OR
      "neural -vision",                   // exclusion
      "atten*",                           // prefix
      "difusion~1 model",                 // fuzzy word beside a word
      "=attention sparse",                // exact form
      "(mixture OR title:(expert routing)) cat:cs year:>=2018",
      "state-space model",                // compound: whole term OR the phrase of its parts
      "model model attention",            // a repeated word
  };
  return queries;
}

TEST_F(ExplainTest, EveryHitsPartsAddUpToItsScore) {
  RandomPapers random(7);
  std::vector<std::string> queries = QueryShapes();
  for (int i = 0; i < 30; ++i) queries.push_back(random.Query());
  size_t explained = 0;
  for (float exact : {0.0f, 0.5f}) {
    // A small pool, so that the pages below reach hits the rerank did not touch.
    Searcher searcher(index_.Reader(), SearcherOptions{.proximity_pool = 12,
                                                       .exact_form_weight = exact});
    for (const std::string& query : queries) {
      for (uint32_t offset : {0u, 20u}) {
        SearchRequest request;
        request.query = query;
        request.offset = offset;
        request.limit = 20;
        request.explain = true;
        const SearchResponse response = SearchFor(searcher, request);
        for (const SearchHit& hit : response.hits) {
          ExpectAddsUp(hit, query + " @" + std::to_string(offset) + " paper " +
                                std::to_string(hit.paper_key) + " exact " + std::to_string(exact));
          ++explained;
        }
      }
    }
  }
  EXPECT_GT(explained, 1000u);
}

TEST_F(ExplainTest, QuestionsAndFacetFiltersAddUpToo) {
  Searcher searcher(index_.Reader());
  for (const char* question :
       {"how does sparse attention scale with memory?", "which graph networks use spectral "
                                                        "kernels for protein molecules"}) {
    SearchRequest request;
    request.query = question;
    request.mode = QueryMode::kPlainTextAny;
    request.limit = 60;
    request.explain = true;
    for (const SearchHit& hit : SearchFor(searcher, request).hits) ExpectAddsUp(hit, std::string(question));
    // Facets with a filter tested in the walk: the same scores, explained.
    request.mode = QueryMode::kOperators;
    request.query = "attention OR graph";
    request.facets = true;
    request.categories = {"cs"};
    for (const SearchHit& hit : SearchFor(searcher, request).hits) ExpectAddsUp(hit, "facets");
  }
}

TEST_F(ExplainTest, ExplainingChangesNothingElse) {
  Searcher searcher(index_.Reader());
  for (const std::string& query : QueryShapes()) {
    SearchRequest request;
    request.query = query;
    request.limit = 30;
    const SearchResponse plain = SearchFor(searcher, request);
    request.explain = true;
    const SearchResponse explained = SearchFor(searcher, request);
    EXPECT_EQ(plain.total, explained.total) << query;
    ASSERT_EQ(plain.hits.size(), explained.hits.size()) << query;
    for (size_t i = 0; i < plain.hits.size(); ++i) {
      EXPECT_EQ(plain.hits[i].paper_key, explained.hits[i].paper_key) << query;
      EXPECT_EQ(plain.hits[i].score, explained.hits[i].score) << query;
      EXPECT_EQ(plain.hits[i].explanation, nullptr);
    }
  }
}

TEST(Explain, NamesEachPieceOfTheQuery) {
  TestIndex index;
  index.Add({{.key = 1,
              .title = "Linear attention transformers",
              .abstract = "Linear attention makes transformers fast; attending to long inputs.",
              .authors = {"Tri Dao"}},
             {.key = 2, .title = "Graph kernels", .abstract = "Kernels on graphs."}});
  Searcher searcher(index.Reader(), SearcherOptions{.exact_form_weight = 0.5f});
  SearchRequest request;
  request.query = "\"linear attention\" atten* transformers author:dao";
  request.explain = true;
  const SearchResponse r = SearchFor(searcher, request);
  ASSERT_EQ(r.hits.size(), 1u);
  ExpectAddsUp(r.hits[0], request.query);
  const ScoreExplanation& e = *r.hits[0].explanation;
  auto find = [&](Kind kind) -> const TermExplanation* {
    for (const TermExplanation& t : e.terms) {
      if (t.kind == kind) return &t;
    }
    return nullptr;
  };
  const TermExplanation* phrase = find(Kind::kPhrase);
  ASSERT_NE(phrase, nullptr);
  EXPECT_EQ(phrase->query, "\"linear attention\"");
  EXPECT_EQ(phrase->terms, (std::vector<std::string>{"linear", "attent"}));
  ASSERT_EQ(phrase->fields.size(), 2u);  // once in the title, once in the abstract
  EXPECT_EQ(phrase->fields[0].field, index::Field::kTitle);
  EXPECT_EQ(phrase->fields[0].tf, 1u);
  EXPECT_EQ(phrase->fields[0].weight, 3.0f);
  EXPECT_EQ(phrase->fields[0].length, 3u);

  const TermExplanation* prefix = find(Kind::kExpansion);
  ASSERT_NE(prefix, nullptr);
  EXPECT_EQ(prefix->query, "atten*");
  // The prefix's terms this paper holds, each with its count: attention ×2 in title and
  // abstract, attending ×1.
  EXPECT_EQ(prefix->terms, (std::vector<std::string>{"attend", "attent"}));
  EXPECT_EQ(prefix->term_tfs, (std::vector<uint32_t>{1, 2}));

  const TermExplanation* word = find(Kind::kWord);
  ASSERT_NE(word, nullptr);
  EXPECT_EQ(word->query, "transformers");
  EXPECT_EQ(word->terms, (std::vector<std::string>{"transform"}));
  const TermExplanation* form = find(Kind::kExactFormBonus);
  ASSERT_NE(form, nullptr);
  EXPECT_EQ(form->query, "transformers");
  EXPECT_EQ(form->terms, (std::vector<std::string>{"transformers"}));

  bool author = false;
  for (const TermExplanation& t : e.terms) {
    if (t.query == "dao") {
      author = true;
      ASSERT_EQ(t.fields.size(), 1u);
      EXPECT_EQ(t.fields[0].field, index::Field::kAuthors);
    }
  }
  EXPECT_TRUE(author);
  // Two query terms near each other in title and abstract: a proximity bonus, explained.
  EXPECT_GT(e.proximity.score, 0);
  EXPECT_EQ(e.proximity.weight, 1.0f);
  EXPECT_FALSE(e.proximity.terms.empty());
}

TEST(Explain, HitsPastTheProximityPoolHaveNoBonus) {
  RandomPapers random(3);
  TestIndex index;
  index.Add(random.Papers(200));
  Searcher searcher(index.Reader(), SearcherOptions{.proximity_pool = 5});
  SearchRequest request;
  request.query = "attention OR model OR graph";
  request.limit = 15;
  request.explain = true;
  const SearchResponse r = SearchFor(searcher, request);
  ASSERT_EQ(r.hits.size(), 15u);
  size_t with_bonus = 0;
  for (const SearchHit& hit : r.hits) {
    ExpectAddsUp(hit, "pool");
    if (hit.explanation->proximity.score > 0) ++with_bonus;
  }
  EXPECT_GT(with_bonus, 0u);
  EXPECT_LE(with_bonus, 5u);
}

}  // namespace
}  // namespace paperdeck::search
