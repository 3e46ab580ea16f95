// A note's Markdown as HTML for the page. Notes are the user's own text, but the page must never
// run what a note holds (a pasted abstract may carry `<script>`, a link may be `javascript:`),
// so the HTML is made here by cmark (Debian's libcmark, CommonMark) in its safe mode: raw HTML,
// blocks and inline, becomes a comment saying it was left out, and links and images whose
// address is `javascript:`, `vbscript:`, `file:` or `data:` (other than images) lose their
// address. The page also inserts the result only through an allow-list of elements.
//
// Threading: a function of its argument only.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "library/library_data.h"

namespace paperdeck::present {

// CommonMark of markdown as safe HTML (empty for empty input).
std::string NoteHtml(std::string_view markdown);

// LibraryEntryJson (present/library_json.h) with each note's "html" beside its "text": the
// library as the page draws it.
nlohmann::json LibraryEntryPageJson(const library::LibraryEntry& entry);

}  // namespace paperdeck::present
