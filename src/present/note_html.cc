#include "present/note_html.h"

#include <cmark.h>

#include <cstdlib>
#include <memory>

#include "present/library_json.h"

namespace paperdeck::present {

std::string NoteHtml(std::string_view markdown) {
  // CMARK_OPT_UNSAFE is never passed: without it cmark leaves raw HTML and dangerous link
  // schemes out. CMARK_OPT_VALIDATE_UTF8 replaces bytes that are not UTF-8.
  std::unique_ptr<char, decltype(&std::free)> html(
      cmark_markdown_to_html(markdown.data(), markdown.size(),
                             CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8),
      &std::free);
  return html ? std::string(html.get()) : std::string();
}

nlohmann::json LibraryEntryPageJson(const library::LibraryEntry& entry) {
  nlohmann::json j = LibraryEntryJson(entry);
  for (size_t i = 0; i < entry.notes.size(); ++i) j["notes"][i]["html"] = NoteHtml(entry.notes[i].text);
  return j;
}

}  // namespace paperdeck::present
