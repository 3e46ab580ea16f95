#include "ingest/paperdeck_jsonl_reader.h"

#include <algorithm>
#include <optional>
#include <string>

#include "ingest/author_list.h"
#include "ingest/shown_count.h"
#include "ingest/whitespace.h"
#include "model/calendar.h"
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

// An object field's fields, read by a JsonFields of its own; its first error is recorded on the
// line as "field 'OUTER.INNER' ...".
class NestedFields {
 public:
  NestedFields(JsonFields& outer, std::string outer_key, simdjson::dom::object object)
      : outer_(outer), outer_key_(std::move(outer_key)), inner_(object) {}
  JsonFields& fields() { return inner_; }
  bool Time(std::string_view key, std::string* out) {
    if (!inner_.GetString(key, out) || out->empty()) return false;
    if (!IsIsoTime(*out)) {
      inner_.Fail(key, "should be a time such as 2026-01-31T09:30:00Z, got " +
                           QuoteForMessage(*out));
      return false;
    }
    return true;
  }
  // Moves the first error, if any, to the line's fields.
  void Finish() {
    if (inner_.ok()) return;
    std::string message = inner_.status().message();
    // "field 'state' should ..." -> "field 'library.state' should ...".
    const std::string prefix = "field '";
    if (message.starts_with(prefix)) {
      message = message.substr(prefix.size());
      const size_t quote = message.find('\'');
      outer_.Fail(outer_key_ + "." + message.substr(0, quote),
                  quote == std::string::npos ? "" : message.substr(quote + 2));
    } else {
      outer_.Fail(outer_key_, message);
    }
  }

 private:
  JsonFields& outer_;
  std::string outer_key_;
  JsonFields inner_;
};

std::optional<simdjson::dom::object> ObjectField(JsonFields& fields, std::string_view key,
                                                  simdjson::dom::element value) {
  simdjson::dom::object object;
  if (value.get(object) != simdjson::SUCCESS) {
    fields.FailKind(key, "an object", value);
    return std::nullopt;
  }
  return object;
}

// "versions": [{"name": "v1", "date": "..."}], as PaperDeck's export writes them.
void ReadVersions(JsonFields& fields, PaperRecord* record) {
  std::optional<simdjson::dom::element> versions = fields.Find("versions");
  if (!versions) return;
  simdjson::dom::array array;
  if (versions->get(array) != simdjson::SUCCESS) {
    fields.FailKind("versions", "an array of {name, date}", *versions);
    return;
  }
  size_t i = 0;
  for (simdjson::dom::element item : array) {
    const std::string key = "versions[" + std::to_string(i++) + "]";
    std::optional<simdjson::dom::object> object = ObjectField(fields, key, item);
    if (!object) return;
    NestedFields version(fields, key, *object);
    PaperVersion v;
    version.fields().RequireString("name", &v.name);
    version.fields().GetString("date", &v.date);
    version.Finish();
    if (!fields.ok()) return;
    record->versions.push_back(std::move(v));
  }
}

// "library": the user's data PaperDeck's export carries (model/paper_record.h, CarriedLibrary).
void ReadLibrary(JsonFields& fields, PaperRecord* record) {
  std::optional<simdjson::dom::element> value = fields.Find("library");
  if (!value) return;
  std::optional<simdjson::dom::object> object = ObjectField(fields, "library", *value);
  if (!object) return;
  NestedFields library(fields, "library", *object);
  CarriedLibrary carried;
  library.fields().GetStringArray("tags", &carried.tags);
  if (library.fields().GetString("state", &carried.state) && !carried.state.empty() &&
      carried.state != "to-read" && carried.state != "reading" && carried.state != "read") {
    library.fields().Fail("state", "should be to-read, reading or read, got " +
                                       QuoteForMessage(carried.state));
  }
  library.Time("state_set_at", &carried.state_set_at);
  library.Time("entered_at", &carried.entered_at);
  library.Finish();
  if (!fields.ok()) return;

  if (std::optional<simdjson::dom::element> notes = library.fields().Find("notes")) {
    simdjson::dom::array array;
    if (notes->get(array) != simdjson::SUCCESS) {
      fields.FailKind("library.notes", "an array of {text, created_at, edited_at}", *notes);
      return;
    }
    size_t i = 0;
    for (simdjson::dom::element item : array) {
      const std::string key = "library.notes[" + std::to_string(i++) + "]";
      std::optional<simdjson::dom::object> note_object = ObjectField(fields, key, item);
      if (!note_object) return;
      NestedFields note(fields, key, *note_object);
      CarriedNote n;
      note.fields().RequireString("text", &n.text);
      note.Time("created_at", &n.created_at);
      note.Time("edited_at", &n.edited_at);
      note.Finish();
      if (!fields.ok()) return;
      carried.notes.push_back(std::move(n));
    }
  }
  if (!carried.empty()) record->library = std::move(carried);
}

}  // namespace

Status PaperDeckJsonlReader::Decode(JsonFields& fields, PaperRecord* record) {
  if (std::optional<simdjson::dom::element> value = fields.Find("saved_search")) {
    std::optional<simdjson::dom::object> object = ObjectField(fields, "saved_search", *value);
    if (!object) return fields.status();
    NestedFields saved(fields, "saved_search", *object);
    CarriedSavedSearch carried;
    saved.fields().RequireString("name", &carried.name);
    saved.fields().RequireString("query", &carried.query);
    saved.fields().GetBool("pull", &carried.pull);
    saved.Time("created_at", &carried.created_at);
    std::string kind = "query";
    saved.fields().GetString("kind", &kind);
    if (kind != "query" && kind != "recommend") {
      saved.fields().Fail("kind", "should be \"query\" or \"recommend\", got " +
                                      QuoteForMessage(kind));
    }
    carried.recommend = kind == "recommend";
    saved.Finish();
    PAPERDECK_RETURN_IF_ERROR(fields.status());
    record->saved_search = std::move(carried);
    return Status::Ok();
  }
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
  ReadVersions(fields, record);
  if (fields.GetString("citation_key", &text) && !IsBlank(text)) record->citation_key = text;
  ReadLibrary(fields, record);
  return fields.status();
}

}  // namespace paperdeck::ingest
