// The JSON shapes of a paper, the same for scripts (`search --json`, `show --json`) and for the
// HTTP API, so the page and a script read one definition.
//
// Threading: functions of their arguments only.
#pragma once

#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "library/corpus.h"
#include "present/card.h"
#include "present/text_wrap.h"

namespace paperdeck::present {

// {"id","title","authors","authors_complete","abstract","categories","date","venue","year",
//  "citations","upvotes","new"}; unknown values are null.
nlohmann::json PaperJson(const library::StoredPaper& paper);

// PaperJson with every other fact the corpus keeps: "arxiv_id", "doi", "updated", "badges",
// "links", "comments", "journal_ref", "versions" ([{"name","date"}]).
nlohmann::json PaperDetailJson(const library::StoredPaper& paper);

// Where the title links: the arXiv abstract page when the paper has an arXiv id, else its DOI
// (https://doi.org/...), else a Semantic Scholar page among its links, else its first other
// http(s) link, else, for a cited paper (its count is Semantic Scholar's), Semantic Scholar's
// search for its title (unless title_search is false: a feed's entry links the paper itself or
// the server's page, never a search); null when none of these is known (the page then links the
// paper's own page, /paper/{id}). Never a link of another scheme.
nlohmann::json PaperUrl(const PaperRecord& record, bool title_search = true);

// The PDF on arXiv ("https://arxiv.org/pdf/2401.12345") for a paper with an arXiv id, else null.
nlohmann::json PaperPdfUrl(const PaperRecord& record);

// {"badge","when","signal","authors","version"}: what a card shows that the paper's own fields
// do not say as it is shown (the categories as a badge, the date or venue and year, upvotes or
// citations, the first three authors, "v2" or null). The title, the abstract and the user's tags
// and state are the paper's fields beside it (PaperJson, LibraryFieldsJson): nothing is sent twice.
nlohmann::json CardJson(const Card& card);

// {"tags": [display names], "state": "to-read" | "reading" | "read" | null}: a search result's
// library fields (`search --json` and /api/search give them beside the paper's, as its card does).
nlohmann::json LibraryFieldsJson(const library::LibraryEntry& library);

// Byte spans as [[begin, end], ...].
nlohmann::json SpansJson(const std::vector<ByteSpan>& spans);

}  // namespace paperdeck::present
