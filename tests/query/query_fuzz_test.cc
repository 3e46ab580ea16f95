// Whatever bytes a person types, the parser answers: random bytes parse to a tree, and a notice
// never points past the end of the text.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "query/query_parser.h"

namespace paperdeck::query {
namespace {

TEST(QueryFuzz, ParserIsTotalOnArbitraryBytes) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> byte(0, 255), length(0, 40);
  for (int i = 0; i < 2000; ++i) {
    std::string q;
    for (int n = length(rng); n > 0; --n) q.push_back(static_cast<char>(byte(rng)));
    ParsedQuery p = ParseQuery(q);
    if (p.notice) {
      EXPECT_LE(p.notice->position, q.size());
    }
  }
}

}  // namespace
}  // namespace paperdeck::query
