#include "ingest/arxiv_snapshot_reader.h"

#include "ingest/author_list.h"
#include "ingest/rfc2822_date.h"
#include "ingest/whitespace.h"
#include "model/calendar.h"
#include "model/paper_id.h"

namespace paperdeck::ingest {
namespace {

using simdjson::dom::array;
using simdjson::dom::element;

constexpr std::string_view kAuthorsParsedShape = "an array of [last, first, suffix] arrays";

// authors_parsed: [["Vaswani", "Ashish", ""], ...] -> "Ashish Vaswani". Only the first three
// parts of each entry mean anything; further ones are ignored.
bool ReadAuthorsParsed(JsonFields& fields, std::vector<std::string>* authors) {
  std::optional<element> value = fields.Find("authors_parsed");
  if (!value) return false;
  array entries;
  if (value->get(entries) != simdjson::SUCCESS) {
    fields.FailKind("authors_parsed", kAuthorsParsedShape, *value);
    return false;
  }
  std::vector<std::string> names;
  size_t index = 0;
  for (element entry : entries) {
    ++index;
    array parts;
    if (entry.get(parts) != simdjson::SUCCESS) {
      fields.Fail("authors_parsed", "item " + std::to_string(index) +
                                        " should be an array [last, first, suffix], got " +
                                        std::string(JsonFields::KindName(entry)));
      return false;
    }
    std::string_view last, first, suffix;
    size_t position = 0;
    for (element part : parts) {
      std::string_view text;
      if (part.get(text) != simdjson::SUCCESS) {
        fields.Fail("authors_parsed", "item " + std::to_string(index) +
                                          " should hold strings, got " +
                                          std::string(JsonFields::KindName(part)));
        return false;
      }
      if (position == 0) last = text;
      if (position == 1) first = text;
      if (position == 2) suffix = text;
      ++position;
    }
    std::string name(first);
    name += ' ';
    name += last;
    name += ' ';
    name += suffix;
    CollapseWhitespaceInPlace(&name);
    if (!name.empty()) names.push_back(std::move(name));
  }
  *authors = std::move(names);
  return !authors->empty();
}

// versions: [{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}, ...]. published is the
// day of v1 (of the first version when none is called v1).
void ReadVersions(JsonFields& fields, PaperRecord* record) {
  std::optional<element> value = fields.Find("versions");
  if (!value) return;
  constexpr std::string_view kShape = "an array of {\"version\", \"created\"} objects";
  array entries;
  if (value->get(entries) != simdjson::SUCCESS) {
    fields.FailKind("versions", kShape, *value);
    return;
  }
  size_t index = 0;
  for (element entry : entries) {
    ++index;
    simdjson::dom::object object;
    if (entry.get(object) != simdjson::SUCCESS) {
      fields.Fail("versions", "item " + std::to_string(index) + " should be an object, got " +
                                  std::string(JsonFields::KindName(entry)));
      return;
    }
    JsonFields version(object);
    PaperVersion v;
    version.GetString("version", &v.name);
    version.GetString("created", &v.date);
    if (!version.ok()) {
      fields.Fail("versions", "item " + std::to_string(index) + ": " + version.status().message());
      return;
    }
    record->versions.push_back(std::move(v));
  }
  if (record->versions.empty()) return;
  const PaperVersion* first = &record->versions.front();
  for (const PaperVersion& v : record->versions) {
    if (v.name == "v1") first = &v;
  }
  if (first->date.empty()) return;
  std::optional<int32_t> day = ParseRfc2822Date(first->date);
  if (!day) {
    fields.Fail("versions", first->name + " has a date that is not an RFC 2822 date: " +
                                QuoteForMessage(first->date));
    return;
  }
  record->published = FormatIsoDate(*day);
}

}  // namespace

Status ArxivSnapshotReader::Decode(JsonFields& fields, PaperRecord* record) {
  std::string text;
  if (fields.RequireString("id", &text)) {
    record->arxiv_id = NormalizeArxivId(text);
    if (record->arxiv_id.empty()) {
      fields.Fail("id", "is not an arXiv id: " + QuoteForMessage(text));
    }
  }
  fields.RequireString("title", &record->title);
  fields.GetString("abstract", &record->abstract);

  // authors_parsed splits names as arXiv's own parser did; the authors line is the fallback.
  std::string authors_line;
  bool have_line = fields.GetString("authors", &authors_line);
  if (!ReadAuthorsParsed(fields, &record->authors) && have_line) {
    AuthorList list = SplitAuthorList(authors_line);
    record->authors = std::move(list.names);
    record->authors_complete = list.complete;
  }

  if (fields.GetString("categories", &text)) {
    size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() && IsAsciiSpace(text[i])) ++i;
      size_t begin = i;
      while (i < text.size() && !IsAsciiSpace(text[i])) ++i;
      if (i > begin) record->categories.push_back(text.substr(begin, i - begin));
    }
  }
  fields.GetString("comments", &record->comments);
  fields.GetString("journal-ref", &record->journal_ref);
  // The snapshot's doi field sometimes lists several DOIs, or a malformed one; the first DOI
  // that reads as one is kept, and a field without any is not worth losing the paper over.
  if (fields.GetString("doi", &text)) {
    for (char& c : text) {
      if (c == ',' || c == ';') c = ' ';
    }
    size_t i = 0;
    while (i < text.size() && record->doi.empty()) {
      while (i < text.size() && IsAsciiSpace(text[i])) ++i;
      size_t begin = i;
      while (i < text.size() && !IsAsciiSpace(text[i])) ++i;
      record->doi = NormalizeDoi(std::string_view(text).substr(begin, i - begin));
    }
  }

  ReadVersions(fields, record);
  if (!fields.GetIsoDate("update_date", &record->updated) && !record->versions.empty() &&
      fields.ok()) {
    // Without update_date the latest version says when the paper last changed.
    if (std::optional<int32_t> day = ParseRfc2822Date(record->versions.back().date)) {
      record->updated = FormatIsoDate(*day);
    }
  }

  record->badges = {"arxiv"};
  if (!record->arxiv_id.empty()) record->links = {"https://arxiv.org/abs/" + record->arxiv_id};
  return fields.status();
}

}  // namespace paperdeck::ingest
