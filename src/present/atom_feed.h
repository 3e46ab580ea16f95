// AtomFeed: a list of papers as an Atom feed (RFC 4287), so any feed reader can follow a saved
// search (GET /feeds/{name}.atom, `paperdeck feed NAME --format atom`).
//
// The feed says who it is with ids that never change: the feed's id is given by the caller
// (AtomFeedFacts::id: a saved search's is made from its row id and creation time, so a rename
// keeps it), and each entry's id is the paper's arXiv abstract URL without version, else a
// `tag:` IRI of its canonical id (AtomEntryId). A reader therefore shows a paper once, however
// often the feed is fetched, and shows it again only when its `updated` moves.
//
// Per entry: id; title; one author per author, in order; summary (the abstract, plain text);
// published (the first version's date) and updated (the later of when the corpus first stored
// the paper and its latest version's date); one category per arXiv category; a link to arXiv
// (rel="alternate") and to the paper's page on the server (rel="related"; the alternate when
// the paper has no arXiv or web address). The feed's updated is its newest entry's.
//
// The XML is written with pugixml, which escapes markup; text is made XML 1.0 first: characters
// XML 1.0 forbids (C0 controls but tab and newlines, U+FFFE, U+FFFF) are dropped and bytes that
// are not UTF-8 become U+FFFD. The same papers and facts give the same bytes (nothing in the
// feed is the time of writing), so a hash of them is a fit ETag.
//
// Threading: functions of their arguments only.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "library/corpus.h"

namespace paperdeck::present {

struct AtomFeedFacts {
  std::string id;        // an IRI that stays the feed's for good
  std::string title;     // "PaperDeck: NAME — QUERY"
  std::string subtitle;  // optional
  std::string self_url;  // absolute URL of the feed itself
  std::string page_url;  // optional: absolute URL of the same results on the page
  // Absolute URL the server answers at ("http://127.0.0.1:8080"), without a trailing '/':
  // each entry links to base_url + "/paper/{id}".
  std::string base_url;
  // The feed's updated when it has no entries (RFC 3339, e.g. the saved search's creation time).
  std::string updated_when_empty;
};

// The feed of papers, in the order given. Returns the document's bytes (UTF-8, with an XML
// declaration).
std::string WriteAtomFeed(const AtomFeedFacts& facts,
                          std::span<const library::StoredPaper> papers);

// An entry's id: "https://arxiv.org/abs/2401.12345" for an arXiv paper, else
// "tag:paperdeck.local,2026:paper:" + the canonical id, percent-encoded (RFC 3986 unreserved
// characters kept).
std::string AtomEntryId(const PaperRecord& record);

// A saved search's feed id: "tag:paperdeck.local,YYYY-MM-DD:saved-search:ID:CREATED", from its
// row id and its creation time (ISO UTC), which neither a rename nor an edit changes.
std::string SavedSearchFeedId(int64_t saved_search_id, std::string_view created_at);

// Text made fit for XML 1.0: forbidden characters dropped, malformed UTF-8 as U+FFFD.
std::string XmlText(std::string_view text);

// s percent-encoded but for RFC 3986's unreserved characters (A-Z a-z 0-9 - . _ ~), as one
// path segment of a URL.
std::string PercentEncode(std::string_view s);

}  // namespace paperdeck::present
