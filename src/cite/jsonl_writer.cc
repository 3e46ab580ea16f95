#include "cite/jsonl_writer.h"

namespace paperdeck::cite {
namespace {

void SetText(nlohmann::json& object, const char* name, const std::string& value) {
  if (!value.empty()) object[name] = value;
}

}  // namespace

nlohmann::json JsonlObjectOf(const CitedPaper& cited) {
  const PaperRecord& r = cited.paper.record;
  nlohmann::json out;
  out["id"] = r.id;
  SetText(out, "arxiv_id", r.arxiv_id);
  SetText(out, "doi", r.doi);
  out["title"] = r.title;
  // Always written: together with `authors_complete` they make `import` read the line as
  // paperdeck-jsonl (docs/import-formats.md, Detection).
  out["authors"] = r.authors;
  out["authors_complete"] = r.authors_complete;
  SetText(out, "abstract", r.abstract);
  if (!r.categories.empty()) out["categories"] = r.categories;
  SetText(out, "published", r.published);
  SetText(out, "updated", r.updated);
  SetText(out, "venue", r.venue);
  if (r.year > 0) out["year"] = r.year;
  if (r.citations) out["citations"] = *r.citations;
  if (r.upvotes) out["upvotes"] = *r.upvotes;
  if (r.is_new) out["new"] = true;
  if (!r.badges.empty()) out["badges"] = r.badges;
  if (!r.links.empty()) out["links"] = r.links;
  if (!r.versions.empty()) {
    nlohmann::json versions = nlohmann::json::array();
    for (const PaperVersion& v : r.versions) {
      nlohmann::json version = {{"name", v.name}};
      if (!v.date.empty()) version["date"] = v.date;
      versions.push_back(std::move(version));
    }
    out["versions"] = std::move(versions);
  }
  SetText(out, "comments", r.comments);
  SetText(out, "journal_ref", r.journal_ref);
  SetText(out, "citation_key", cited.citation_key);

  const library::LibraryEntry& held = cited.library;
  // A pinned citation key alone is not library data: it is written above.
  if (!held.tags.empty() || held.state || !held.notes.empty()) {
    nlohmann::json lib;
    if (!held.tags.empty()) lib["tags"] = held.tags;
    if (held.state) {
      lib["state"] = std::string(library::ReadingStateName(held.state->state));
      lib["state_set_at"] = held.state->set_at;
    }
    if (!held.notes.empty()) {
      nlohmann::json notes = nlohmann::json::array();
      for (const library::Note& n : held.notes) {
        notes.push_back({{"text", n.text}, {"created_at", n.created_at}, {"edited_at", n.edited_at}});
      }
      lib["notes"] = std::move(notes);
    }
    lib["entered_at"] = held.entered_at;
    out["library"] = std::move(lib);
  }
  return out;
}

std::string WriteJsonl(std::span<const CitedPaper> papers) {
  std::string out;
  for (const CitedPaper& p : papers) {
    out += JsonlObjectOf(p).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += "\n";
  }
  return out;
}

std::string WriteSavedSearchLines(std::span<const library::SavedSearch> searches) {
  std::string out;
  for (const library::SavedSearch& s : searches) {
    nlohmann::json line = {{"saved_search",
                            {{"name", s.name},
                             {"query", s.query},
                             {"pull", s.pull},
                             {"created_at", s.created_at},
                             {"kind", library::SavedSearchKindName(s.kind)}}}};
    out += line.dump();
    out += '\n';
  }
  return out;
}

}  // namespace paperdeck::cite
