#include "cli/related_command.h"

#include <fmt/core.h>
#include <fmt/format.h>

#include <chrono>
#include <string>

#include "cli/exit_code.h"
#include "cli/open_workspace.h"
#include "model/calendar.h"
#include "present/card.h"
#include "present/card_printer.h"
#include "present/discovery_json.h"

namespace paperdeck::cli {
int RunRelated(const RelatedCommandOptions& options) {
  auto workspace = OpenWorkspace(options.data, "related");
  if (!workspace) return kExitFailed;
  if (options.limit == 0 || options.limit > 1000) {
    fmt::print(stderr, "paperdeck related: --limit must be between 1 and 1000 (got {})\n",
               options.limit);
    return kExitUsage;
  }
  workspace::RelatedOptions asked;
  asked.limit = options.limit;
  const auto start = std::chrono::steady_clock::now();
  Result<workspace::RelatedPapers> related = workspace->Related(options.id, asked);
  const double took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (!related.ok()) {
    fmt::print(stderr, "paperdeck related: {}\n", related.status().message());
    return kExitFailed;
  }
  if (options.json) {
    fmt::print("{}\n", present::RelatedJson(*related, took_ms).dump(2));
    return kExitOk;
  }
  const std::string title = present::AsPlainText(present::MakeCard(related->paper.record, Today())).title;
  if (related->related.empty()) {
    fmt::print("no papers related to {} ({}): it shares no weighty word with another paper\n",
               related->paper.record.id, title);
    return kExitOk;
  }
  fmt::print("{} papers related to {} ({}), in {:.1f} ms\n\n", related->related.size(),
             related->paper.record.id, title, took_ms);
  present::Terminal terminal = present::Terminal::For(stdout);
  present::CardPrinter printer(stdout, terminal);
  const int32_t today = Today();
  for (const workspace::RelatedPaper& r : related->related) {
    printer.Print(present::AsPlainText(present::MakeCard(r.paper.record, today)), {}, {});
    std::string why = r.reason.empty() ? "" : fmt::format("shares: {}", fmt::join(r.reason, ", "));
    if (r.near_in_meaning) why += why.empty() ? "near in meaning" : "  ·  near in meaning";
    fmt::print("  {}{}{}\n\n", r.paper.record.id, why.empty() ? "" : "  ·  ", why);
  }
  return kExitOk;
}

}  // namespace paperdeck::cli
