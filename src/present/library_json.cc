#include "present/library_json.h"

#include <string>

namespace paperdeck::present {

nlohmann::json NoteJson(const library::Note& note) {
  return {{"id", note.id},
          {"text", note.text},
          {"created_at", note.created_at},
          {"edited_at", note.edited_at}};
}

nlohmann::json ReadingStateJson(const std::optional<library::ReadingStateAt>& state) {
  if (!state) return nullptr;
  return {{"name", std::string(library::ReadingStateName(state->state))},
          {"set_at", state->set_at}};
}

nlohmann::json LibraryEntryJson(const library::LibraryEntry& entry) {
  nlohmann::json notes = nlohmann::json::array();
  for (const library::Note& n : entry.notes) notes.push_back(NoteJson(n));
  return {{"entered_at", entry.entered_at.empty() ? nlohmann::json(nullptr)
                                                  : nlohmann::json(entry.entered_at)},
          {"tags", entry.tags},
          {"state", ReadingStateJson(entry.state)},
          {"notes", std::move(notes)},
          {"citation_key", entry.citation_key.empty() ? nlohmann::json(nullptr)
                                                      : nlohmann::json(entry.citation_key)}};
}

nlohmann::json TagCountsJson(const std::vector<library::TagCount>& tags) {
  nlohmann::json out = nlohmann::json::array();
  for (const library::TagCount& t : tags) out.push_back({{"name", t.name}, {"papers", t.papers}});
  return out;
}

}  // namespace paperdeck::present
