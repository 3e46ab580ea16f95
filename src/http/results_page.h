// ResultsPage: the results page (web/index.html, a template: http/html_template.h) as the server
// sends it. For `GET /?q=...` (with sort=, cat=, year=, exact= and n= as the page's address
// keeps them: web/app.js) it already holds what the page's script would draw after asking
// /api/search: the count line, the facets, a notice and a suggestion, the first n cards
// (present/card_html), or the empty state; "More results" is a link to the address showing 20
// more. Beside them, a data block (`<script type="application/json" id="first-page">`, which a
// browser never runs) holds what the script needs to take the page over and cannot read from
// it: the total, the facets' counts, the suggestion, each card's id, tags and reading state. No
// text of a paper is in it: the script reads titles and abstracts from the cards.
// Without a query the page is the welcome; for a saved search (watch=), /queue and /feed it is
// the shell its script fills. Without scripts the page still searches (a GET form whose filters
// ride as hidden fields), sorts and pages (links), and filters (facet values are links).
//
// Threading: ResultsPageHtml may run on many threads at once (the Workspace lends each call a
// corpus connection); ShellPage is made once.
#pragma once

#include <string>
#include <string_view>

#include "http/request_params.h"
#include "workspace/workspace.h"

namespace paperdeck::http {

// How many cards a page shows at first and adds on "More results", and the most an address
// brings back (web/app.js's PAGE_SIZE and MAX_SHOWN).
inline constexpr uint32_t kPageCards = 20;
inline constexpr uint32_t kMaxShownCards = 500;

// The page for `GET /` with params. REQUIRES: page_template is web/index.html.
std::string ResultsPageHtml(workspace::Workspace& workspace, std::string_view page_template,
                            const QueryParams& params);

// The page with nothing drawn, for its script to fill (the reading queue, the Feed): the same
// bytes for the life of the program. REQUIRES: page_template outlives the program.
std::string_view ShellPage(std::string_view page_template);

}  // namespace paperdeck::http
