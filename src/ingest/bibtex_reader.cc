#include "ingest/bibtex_reader.h"

#include <simdjson.h>

#include <cctype>
#include <initializer_list>

#include "ingest/bibtex_names.h"
#include "ingest/reference_fields.h"
#include "ingest/whitespace.h"
#include "model/ascii_case.h"
#include "model/paper_id.h"
#include "text/latex_text.h"

namespace paperdeck::ingest {
namespace {

std::string FieldOr(const BibEntry& entry, std::string_view name) {
  const std::string* value = entry.Find(name);
  return value ? *value : std::string();
}

// The first of names the entry has, LaTeX decoded.
std::string DecodedFirst(const BibEntry& entry, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    if (const std::string* value = entry.Find(name); value && !value->empty()) {
      return CollapseWhitespace(text::DecodeLatex(*value));
    }
  }
  return {};
}

// The arXiv id, wherever the exporter put it: eprint with archivePrefix/eprinttype arXiv (or no
// prefix at all, when the eprint reads as an arXiv id), an arxiv.org URL, a journal, note or
// howpublished naming "arXiv:...", or DBLP's CoRR volume "abs/1706.03762".
std::string ArxivIdOf(const BibEntry& entry) {
  const std::string prefix = AsciiLowercase(FieldOr(entry, "archiveprefix") + FieldOr(entry, "eprinttype"));
  if (const std::string* eprint = entry.Find("eprint");
      eprint && (prefix.empty() || prefix == "arxiv")) {
    if (std::string id = NormalizeArxivId(*eprint); !id.empty()) return id;
  }
  for (std::string_view name : {"url", "journal", "journaltitle", "note", "howpublished",
                                "eprint", "pubstate", "addendum"}) {
    if (const std::string* value = entry.Find(name)) {
      if (std::string id = ArxivIdInText(*value); !id.empty()) return id;
    }
  }
  if (AsciiLowercase(FieldOr(entry, "journal")) == "corr") {
    std::string volume = FieldOr(entry, "volume");
    if (volume.starts_with("abs/")) return NormalizeArxivId(volume.substr(4));
  }
  return {};
}

}  // namespace

Result<PaperRecord> RecordOfBibEntry(const BibEntry& entry, const std::string& file) {
  for (const BibField& f : entry.fields) {
    if (!simdjson::validate_utf8(f.value.data(), f.value.size())) {
      return Status::InvalidArgument("field '" + f.name + "' (line " + std::to_string(f.line) +
                                     ") is not UTF-8 (save the file as UTF-8)");
    }
  }
  if (!simdjson::validate_utf8(entry.key.data(), entry.key.size())) {
    return Status::InvalidArgument("the entry's key is not UTF-8");
  }

  PaperRecord r;
  r.title = DecodedFirst(entry, {"title"});
  if (r.title.empty()) {
    return Status::InvalidArgument("no title");
  }
  const std::string* authors = entry.Find("author");
  if (authors == nullptr) authors = entry.Find("editor");
  if (authors != nullptr) {
    AuthorList list = ParseBibtexNames(*authors);
    r.authors = std::move(list.names);
    r.authors_complete = list.complete;
  }
  r.abstract = DecodedFirst(entry, {"abstract"});

  // Dates: biblatex's date = {2017-06-12} (or 2017-06, 2017), else year, month and day.
  int year = 0, month = 0, day = 0;
  if (const std::string* date = entry.Find("date")) {
    year = YearIn(*date);
    if (year != 0 && date->size() >= 7 && (*date)[4] == '-') {
      month = MonthNumber(date->substr(5, 2));
      if (date->size() >= 10 && (*date)[7] == '-') {
        const std::string d = date->substr(8, 2);
        if (d[0] >= '0' && d[0] <= '9' && d[1] >= '0' && d[1] <= '9') {
          day = (d[0] - '0') * 10 + (d[1] - '0');
        }
      }
    }
  }
  if (year == 0) year = YearIn(FieldOr(entry, "year"));
  if (month == 0) month = MonthNumber(FieldOr(entry, "month"));
  if (day == 0) {
    const std::string d = FieldOr(entry, "day");
    if (!d.empty() && d.size() <= 2 && std::isdigit(static_cast<unsigned char>(d[0])) &&
        std::isdigit(static_cast<unsigned char>(d.back()))) {
      day = std::stoi(d);
    }
  }
  r.year = year;
  // A day is needed for a date: "2017" or "June 2017" is a year, shown as one.
  r.published = IsoDate(year, month, day);

  r.arxiv_id = ArxivIdOf(entry);
  std::string venue = DecodedFirst(entry, {"journal", "journaltitle", "booktitle", "eventtitle"});
  if (!IsArxivVenue(venue)) r.venue = std::move(venue);
  r.doi = NormalizeDoi(FieldOr(entry, "doi"));
  if (r.doi.empty()) r.doi = NormalizeDoi(FieldOr(entry, "url"));
  if (std::string category = FieldOr(entry, "primaryclass"); !category.empty()) {
    r.categories.push_back(category);
  } else if (std::string eprint_class = FieldOr(entry, "eprintclass"); !eprint_class.empty()) {
    r.categories.push_back(eprint_class);
  }
  if (std::string url = FieldOr(entry, "url"); !url.empty()) r.links.push_back(url);
  for (std::string& keyword : SplitKeywords(text::DecodeLatex(FieldOr(entry, "keywords")))) {
    r.keywords.push_back(std::move(keyword));
  }
  r.comments = DecodedFirst(entry, {"note"});
  r.citation_key = entry.key;
  r.source = "bibtex";
  r.origin = file;
  r.id = CanonicalId(r);
  return r;
}

BibtexReader::BibtexReader(std::string text, std::string file)
    : text_(std::move(text)), file_(std::move(file)), parser_(text_) {}

ReadOutcome BibtexReader::Next(PaperRecord* record, ReadIssue* issue) {
  BibEntry entry;
  std::string error;
  uint64_t line = 0;
  switch (parser_.Next(&entry, &error, &line)) {
    case BibtexParser::Outcome::kEnd:
      return ReadOutcome::kEnd;
    case BibtexParser::Outcome::kBadEntry:
      *issue = ReadIssue{file_, line, error};
      return ReadOutcome::kBadRecord;
    case BibtexParser::Outcome::kEntry:
      break;
  }
  Result<PaperRecord> decoded = RecordOfBibEntry(entry, file_);
  if (!decoded.ok()) {
    *issue = ReadIssue{file_, entry.line,
                       "@" + entry.type + "{" + entry.key + ": " + decoded.status().message() +
                           "; the entry is skipped"};
    return ReadOutcome::kBadRecord;
  }
  *record = std::move(decoded).value();
  record_line_ = entry.line;
  return ReadOutcome::kRecord;
}

}  // namespace paperdeck::ingest
