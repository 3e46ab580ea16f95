// Two answers to one search compared: the same total, and the same hits in the same order with the
// same scores (pruned against exhaustive scoring, facets counted against none, ...).
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "search/searcher.h"

namespace paperdeck::search {

inline void ExpectSameResponse(const SearchResponse& a, const SearchResponse& b,
                               const std::string& what) {
  ASSERT_EQ(a.total, b.total) << what;
  ASSERT_EQ(a.hits.size(), b.hits.size()) << what;
  for (size_t i = 0; i < a.hits.size(); ++i) {
    EXPECT_EQ(a.hits[i].paper_key, b.hits[i].paper_key) << what << " hit " << i;
    EXPECT_EQ(a.hits[i].score, b.hits[i].score) << what << " hit " << i;
  }
}

}  // namespace paperdeck::search
