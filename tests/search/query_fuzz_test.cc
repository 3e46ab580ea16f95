// Whatever a person types, Search answers: hundreds of random strings of operators, quotes,
// parentheses, fields, Unicode and invalid UTF-8 run without an error or a crash.
#include <gtest/gtest.h>

#include <random>

#include "search/searcher.h"
#include "random_papers.h"

namespace paperdeck::search {
namespace {

std::string RandomQuery(std::mt19937& rng) {
  static const char* kPieces[] = {
      "attention", "sparse", "(", ")", "\"", "-", "OR", "AND", "NOT", "or", " ", " ", " ",
      "title:", "ti:", "abs:", "author:", "venue:", "cat:", "cat:cs.LG", "year:", "year:>=2020",
      "year:2020..2023", "year:abc", "date:", "date:2026-06", "date:2026-13-40", "date:..2024",
      "*", ":", "..", ">=", "<", "foo:bar", "http://x.org/a?b=c", "O(n^2)", "GPT-4",
      "sliding-window", "Schrödinger", "注意力", "🙂", "\xff", "\xc3", "\xe2\x80", "\x01",
      "\t", "\n", "-(", "((", "))", "\"\"", "the", "of", "$\\times$", "x\xc0\xafy",
  };
  std::uniform_int_distribution<size_t> piece(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> length(0, 12), byte(0, 255), mode(0, 9);
  std::string q;
  for (int n = length(rng); n > 0; --n) {
    if (mode(rng) == 0) {
      q.push_back(static_cast<char>(byte(rng)));  // any byte at all
    } else {
      q += kPieces[piece(rng)];
    }
  }
  return q;
}

TEST(QueryFuzz, SearchNeverFailsOnQueryText) {
  RandomPapers random(3);
  TestIndex index;
  index.Add(random.Papers(60));
  Searcher searcher(index.Reader());
  std::mt19937 rng(42);
  int notices = 0;
  for (int i = 0; i < 600; ++i) {
    SearchRequest request;
    request.query = RandomQuery(rng);
    request.mode = i % 4 == 0 ? QueryMode::kPlainText : QueryMode::kOperators;
    request.sort = static_cast<SortOrder>(i % 4);
    Result<SearchResponse> r = searcher.Search(request);
    ASSERT_TRUE(r.ok()) << request.query << ": " << r.status().message();
    EXPECT_LE(r->hits.size(), r->total);
    if (r->notice) {
      ++notices;
      EXPECT_EQ(request.mode, QueryMode::kOperators);
      EXPECT_LE(r->notice->position, request.query.size()) << request.query;
      EXPECT_FALSE(r->notice->message.empty());
    }
  }
  EXPECT_GT(notices, 50);  // the generator did produce malformed queries
}

}  // namespace
}  // namespace paperdeck::search
