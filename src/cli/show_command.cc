#include "cli/show_command.h"

#include <fmt/core.h>

#include <algorithm>
#include <utility>
#include <vector>
#include <nlohmann/json.hpp>

#include "cli/exit_code.h"
#include "cli/open_workspace.h"
#include "model/calendar.h"
#include "present/card.h"
#include "present/card_printer.h"
#include "present/library_json.h"
#include "present/paper_json.h"

namespace paperdeck::cli {
namespace {

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

}  // namespace

int RunShow(const ShowOptions& options) {
  auto workspace = OpenWorkspace(options.data, "show");
  if (!workspace) return kExitFailed;
  auto corpus = workspace->Corpus();
  if (!corpus.ok()) {
    fmt::print(stderr, "paperdeck show: {}\n", corpus.status().message());
    return kExitFailed;
  }
  auto found = (*corpus)->Find(options.id);
  if (!found.ok()) {
    fmt::print(stderr, "paperdeck show: {}\n", found.status().message());
    return kExitFailed;
  }
  if (!*found) {
    fmt::print(stderr, "paperdeck show: no paper with id '{}' in the corpus\n", options.id);
    return kExitFailed;
  }
  const library::StoredPaper& paper = **found;
  const PaperRecord& r = paper.record;
  auto provenance = (*corpus)->ProvenanceOf(paper.key);
  auto library = (*corpus)->LibraryOf(paper.key);
  if (!library.ok()) {
    fmt::print(stderr, "paperdeck show: {}\n", library.status().message());
    return kExitFailed;
  }

  if (options.json) {
    nlohmann::json j = present::PaperDetailJson(paper);
    j["provenance"] = nlohmann::json::array();
    if (provenance.ok()) {
      for (const auto& p : *provenance) {
        j["provenance"].push_back({{"source", p.source}, {"origin", p.origin}, {"field", p.field},
                                   {"value", p.value}, {"seen_at", p.seen_at}});
      }
    }
    j["library"] = present::LibraryEntryJson(*library);
    fmt::print("{}\n", j.dump(2));
    return kExitOk;
  }

  present::Terminal terminal = present::Terminal::For(stdout);
  present::CardPrinter(stdout, terminal).Print(present::AsPlainText(present::MakeCard(r, Today())), {}, {});
  auto line = [](const char* label, const std::string& value) {
    if (!value.empty()) fmt::print("{:<12} {}\n", label, value);
  };
  line("id", r.id);
  line("arXiv", r.arxiv_id);
  line("DOI", r.doi);
  line("authors", Join(r.authors, ", ") + (r.authors_complete ? "" : ", et al."));
  line("categories", Join(r.categories, " "));
  line("published", r.published);
  line("updated", r.updated);
  line("venue", r.venue);
  line("year", r.year ? std::to_string(r.year) : "");
  line("citations", r.citations ? std::to_string(*r.citations) : "");
  line("upvotes", r.upvotes ? std::to_string(*r.upvotes) : "");
  line("listed on", Join(r.badges, ", "));
  std::vector<std::string> versions;
  for (const auto& v : r.versions) versions.push_back(v.date.empty() ? v.name : v.name + " (" + v.date + ")");
  line("versions", Join(versions, ", "));
  line("journal ref", r.journal_ref);
  line("comments", r.comments);
  for (const auto& link : r.links) line("link", link);
  line("citation key", library->citation_key);
  line("tags", Join(library->tags, ", "));
  if (library->state) {
    line("state", std::string(library::ReadingStateName(library->state->state)) + " (since " +
                      library->state->set_at + ")");
  }
  for (const library::Note& n : library->notes) {
    fmt::print("\nnote {} ({}):\n{}", n.id, n.created_at, n.text);
    if (!n.text.ends_with('\n')) fmt::print("\n");
  }
  if (provenance.ok() && !provenance->empty()) {
    // Grouped by source and file, in the order each first spoke of the paper, so what each
    // record contributed (an arXiv listing's abstract, a .bib file's venue and DOI) reads as one
    // block; within a block, oldest first.
    fmt::print("\nwhere the facts came from:\n");
    std::vector<std::pair<std::string, std::string>> sources;
    for (const auto& p : *provenance) {
      std::pair<std::string, std::string> s{p.source, p.origin};
      if (std::find(sources.begin(), sources.end(), s) == sources.end()) sources.push_back(s);
    }
    for (const auto& [source, origin] : sources) {
      fmt::print("  {}{}\n", source, origin.empty() ? "" : " (" + origin + ")");
      for (const auto& p : *provenance) {
        if (p.source != source || p.origin != origin) continue;
        std::string value = p.value.size() > 60 ? p.value.substr(0, 57) + "..." : p.value;
        fmt::print("    {}  {:<16} {}\n", p.seen_at, p.field, value);
      }
    }
  }
  return kExitOk;
}

}  // namespace paperdeck::cli
