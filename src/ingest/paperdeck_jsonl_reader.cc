#include "ingest/paperdeck_jsonl_reader.h"

#include <algorithm>

#include "ingest/author_list.h"
#include "ingest/shown_count.h"
#include "ingest/whitespace.h"
#include "model/paper_id.h"

namespace paperdeck::ingest {
namespace {

// A count that cannot be negative (citations, upvotes).
bool GetCount(JsonFields& fields, std::string_view key, int64_t* out) {
  if (!fields.GetInteger(key, out)) return false;
  if (*out < 0) {
    fields.Fail(key, "should not be negative, got " + std::to_string(*out));
    return false;
  }
  return true;
}

}  // namespace

Status PaperDeckJsonlReader::Decode(JsonFields& fields, PaperRecord* record) {
  fields.RequireString("title", &record->title);
  fields.GetString("abstract", &record->abstract);

  // The full list of authors when PaperDeck wrote one, else what the card showed.
  std::string text;
  if (fields.GetStringArray("authors", &record->authors)) {
    fields.GetBool("authors_complete", &record->authors_complete);
  } else if (fields.GetString("authors_shown", &text)) {
    AuthorList shown = SplitAuthorList(text);
    record->authors = std::move(shown.names);
    record->authors_complete = shown.complete;
  }

  fields.GetStringArray("badges", &record->badges);
  if (fields.GetString("badge", &text) && !IsBlank(text)) {
    text = CollapseWhitespace(text);
    if (std::find(record->badges.begin(), record->badges.end(), text) == record->badges.end()) {
      record->badges.push_back(text);
    }
  }
  fields.GetStringArray("categories", &record->categories);

  // A card's "date" is the date it was listed; "published" (PaperDeck's own) wins over it.
  fields.GetIsoDate("date", &record->published);
  fields.GetIsoDate("published", &record->published);
  fields.GetIsoDate("updated", &record->updated);

  int64_t number;
  if (GetCount(fields, "upvotes", &number)) record->upvotes = number;
  fields.GetBool("new", &record->is_new);
  fields.GetString("venue", &record->venue);
  if (fields.GetInteger("year", &number)) {
    if (number < 1 || number > 9999) {
      fields.Fail("year", "should be a year such as 2024, got " + std::to_string(number));
    } else {
      record->year = static_cast<int>(number);
    }
  }
  // The exact count when known; the card's rounded "1.6k" only when it is all there is.
  if (GetCount(fields, "citations", &number)) {
    record->citations = number;
  } else if (fields.GetString("citations_shown", &text) && !IsBlank(text)) {
    if (std::optional<int64_t> count = ParseShownCount(text)) {
      record->citations = *count;
    } else {
      fields.Fail("citations_shown",
                  "should be a count such as 237 or 1.6k, got " + QuoteForMessage(text));
    }
  }

  if (fields.GetString("arxiv_id", &text) && !IsBlank(text)) {
    record->arxiv_id = NormalizeArxivId(text);
    if (record->arxiv_id.empty()) {
      fields.Fail("arxiv_id", "is not an arXiv id: " + QuoteForMessage(text));
    }
  }
  if (fields.GetString("doi", &text) && !IsBlank(text)) {
    record->doi = NormalizeDoi(text);
    if (record->doi.empty()) fields.Fail("doi", "is not a DOI: " + QuoteForMessage(text));
  }
  // PaperDeck's canonical id ("2401.12345", "doi:10.1/x" or a title key "h:...") also tells the
  // arXiv id or DOI when those fields are absent; a title key is recomputed from the record.
  if (fields.GetString("id", &text)) {
    if (record->arxiv_id.empty()) record->arxiv_id = NormalizeArxivId(text);
    if (record->doi.empty() && text.starts_with("doi:")) {
      record->doi = NormalizeDoi(std::string_view(text).substr(4));
    }
  }
  fields.GetStringArray("links", &record->links);
  fields.GetString("comments", &record->comments);
  fields.GetString("journal_ref", &record->journal_ref);
  return fields.status();
}

}  // namespace paperdeck::ingest
