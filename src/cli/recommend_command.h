// `paperdeck recommend QUERY [--limit N] [--since DATE] [--method svm|centroid] [--json]`: papers
// like the ones QUERY selects (usually `tag:X`), those excluded, best first, each with the words
// that add most to its score (workspace/recommendations.h).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace paperdeck::cli {

struct RecommendCommandOptions {
  std::filesystem::path data;
  std::string query;
  uint32_t limit = 20;
  std::string since;   // YYYY-MM-DD, or empty
  std::string method = "svm";
  bool json = false;
};

int RunRecommend(const RecommendCommandOptions& options);

}  // namespace paperdeck::cli
