#include "cli/recommend_command.h"

#include <fmt/core.h>
#include <fmt/format.h>

#include <chrono>

#include "cli/exit_code.h"
#include "cli/open_workspace.h"
#include "model/calendar.h"
#include "present/card.h"
#include "present/card_printer.h"
#include "present/discovery_json.h"

namespace paperdeck::cli {
int RunRecommend(const RecommendCommandOptions& options) {
  workspace::RecommendOptions asked;
  if (options.limit == 0 || options.limit > 1000) {
    fmt::print(stderr, "paperdeck recommend: --limit must be between 1 and 1000 (got {})\n",
               options.limit);
    return kExitUsage;
  }
  asked.limit = options.limit;
  if (!options.since.empty()) {
    asked.since = ParseIsoDate(options.since);
    if (!asked.since) {
      fmt::print(stderr, "paperdeck recommend: --since '{}' is not a date (YYYY-MM-DD)\n",
                 options.since);
      return kExitUsage;
    }
  }
  if (options.method == "svm") {
    asked.method = workspace::RecommendMethod::kSvm;
  } else if (options.method == "centroid") {
    asked.method = workspace::RecommendMethod::kCentroid;
  } else {
    fmt::print(stderr, "paperdeck recommend: --method '{}' is neither svm nor centroid\n",
               options.method);
    return kExitUsage;
  }
  auto workspace = OpenWorkspace(options.data, "recommend");
  if (!workspace) return kExitFailed;
  const auto start = std::chrono::steady_clock::now();
  Result<workspace::Recommendations> found = workspace->Recommend(options.query, asked);
  const double took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (!found.ok()) {
    fmt::print(stderr, "paperdeck recommend: '{}': {}\n", options.query, found.status().message());
    return kExitFailed;
  }
  if (options.json) {
    fmt::print("{}\n", present::RecommendationsJson(*found, options.query, asked.method, took_ms, Today()).dump(2));
    return kExitOk;
  }
  fmt::print("{} papers like the {} that '{}' selects, in {:.0f} ms\nthe model's words: {}\n\n",
             found->papers.size(), found->selected, options.query, took_ms,
             fmt::join(found->model_words, ", "));
  present::Terminal terminal = present::Terminal::For(stdout);
  present::CardPrinter printer(stdout, terminal);
  const int32_t today = Today();
  for (const workspace::Recommendation& r : found->papers) {
    printer.Print(present::AsPlainText(present::MakeCard(r.paper.record, today)), {}, {});
    fmt::print("  {}  ·  for: {}\n\n", r.paper.record.id, fmt::join(r.reason, ", "));
  }
  return kExitOk;
}

}  // namespace paperdeck::cli
