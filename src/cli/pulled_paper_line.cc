#include "cli/pulled_paper_line.h"

#include <string>

#include <fmt/core.h>

namespace paperdeck::cli {

void PrintPulledPaper(const feed::PulledPaper& p) {
  const std::string version = p.version > 0 ? fmt::format("v{}", p.version) : "";
  switch (p.change) {
    case feed::PulledPaper::Change::kAdded:
      fmt::print("  + {}{}  {}  {}\n", p.arxiv_id, version, p.published, p.title);
      break;
    case feed::PulledPaper::Change::kUpdated:
      fmt::print("  ~ {}{}{}  {}\n", p.arxiv_id, version,
                 p.previous_version > 0 && p.previous_version != p.version
                     ? fmt::format(" (was v{})", p.previous_version)
                     : "",
                 p.title);
      break;
    case feed::PulledPaper::Change::kUnchanged:
      break;
  }
}

}  // namespace paperdeck::cli
