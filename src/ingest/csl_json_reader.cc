#include "ingest/csl_json_reader.h"

#include "ingest/json_fields.h"
#include "ingest/reference_fields.h"
#include "ingest/whitespace.h"
#include "model/paper_id.h"

namespace paperdeck::ingest {
namespace {

constexpr std::string_view kArxivDoiPrefix = "10.48550/arxiv.";

// A date-parts number: Zotero writes numbers, some exporters strings ("2017").
int DatePart(simdjson::dom::element value) {
  int64_t n = 0;
  if (value.get_int64().get(n) == simdjson::SUCCESS) return static_cast<int>(n);
  double d = 0;
  if (value.get_double().get(d) == simdjson::SUCCESS) return static_cast<int>(d);
  std::string_view s;
  if (value.get_string().get(s) == simdjson::SUCCESS) {
    int out = 0;
    for (char c : s) {
      if (c < '0' || c > '9' || out > 100000) return 0;
      out = out * 10 + (c - '0');
    }
    return out;
  }
  return 0;
}

// "Given dropping-particle non-dropping-particle Family, Suffix", or the literal name.
std::string NameOf(simdjson::dom::object author) {
  auto text = [&](std::string_view key) {
    std::string_view s;
    if (author[key].get_string().get(s) != simdjson::SUCCESS) return std::string();
    return CollapseWhitespace(s);
  };
  if (std::string literal = text("literal"); !literal.empty()) return literal;
  std::string name;
  for (std::string_view key : {"given", "dropping-particle", "non-dropping-particle", "family"}) {
    std::string part = text(key);
    if (part.empty()) continue;
    if (!name.empty()) name += ' ';
    name += part;
  }
  if (std::string suffix = text("suffix"); !suffix.empty() && !name.empty()) {
    name += ", " + suffix;
  }
  return name;
}

Status Decode(simdjson::dom::object object, const std::string& file, PaperRecord* r) {
  JsonFields fields(object);
  std::string id, number, note, url, doi, container, keyword, publisher;
  fields.GetString("title", &r->title);
  fields.GetString("abstract", &r->abstract);
  fields.GetString("URL", &url);
  fields.GetString("DOI", &doi);
  fields.GetString("container-title", &container);
  fields.GetString("note", &note);
  fields.GetString("publisher", &publisher);
  if (std::optional<simdjson::dom::element> v = fields.Find("id")) {
    int64_t n = 0;
    std::string_view s;
    if (v->get_string().get(s) == simdjson::SUCCESS) {
      id = s;
    } else if (v->get_int64().get(n) == simdjson::SUCCESS) {
      id = std::to_string(n);
    } else {
      fields.FailKind("id", "a string or a number", *v);
    }
  }
  if (std::optional<simdjson::dom::element> v = fields.Find("number")) {
    std::string_view s;
    if (v->get_string().get(s) == simdjson::SUCCESS) number = s;
  }
  if (std::optional<simdjson::dom::element> v = fields.Find("keyword")) {
    std::string_view s;
    if (v->get_string().get(s) == simdjson::SUCCESS) {
      keyword = s;
    } else {
      fields.FailKind("keyword", "a string", *v);
    }
  }
  if (std::optional<simdjson::dom::element> v = fields.Find("author")) {
    simdjson::dom::array authors;
    if (v->get_array().get(authors) != simdjson::SUCCESS) {
      fields.FailKind("author", "an array of names", *v);
    } else {
      for (simdjson::dom::element a : authors) {
        simdjson::dom::object name;
        if (a.get_object().get(name) != simdjson::SUCCESS) {
          fields.FailKind("author", "an array of name objects", a);
          break;
        }
        if (std::string shown = NameOf(name); !shown.empty()) r->authors.push_back(shown);
      }
    }
  }
  if (std::optional<simdjson::dom::element> v = fields.Find("issued")) {
    simdjson::dom::array parts;
    simdjson::dom::array first;
    std::string_view raw;
    if ((*v)["date-parts"].get_array().get(parts) == simdjson::SUCCESS &&
        parts.at(0).get_array().get(first) == simdjson::SUCCESS) {
      int ymd[3] = {0, 0, 0};
      size_t i = 0;
      for (simdjson::dom::element p : first) {
        if (i == 3) break;
        ymd[i++] = DatePart(p);
      }
      r->year = ymd[0] >= 1000 && ymd[0] <= 9999 ? ymd[0] : 0;
      r->published = IsoDate(ymd[0], ymd[1], ymd[2]);
    } else if ((*v)["raw"].get_string().get(raw) == simdjson::SUCCESS) {
      r->year = YearIn(raw);
    }
  }
  PAPERDECK_RETURN_IF_ERROR(fields.status());

  CollapseWhitespaceInPlace(&r->title);
  CollapseWhitespaceInPlace(&r->abstract);
  if (r->title.empty()) return Status::InvalidArgument("no title");

  r->doi = NormalizeDoi(doi);
  if (r->doi.starts_with(kArxivDoiPrefix)) {
    // arXiv's own DOI names the preprint: it is the arXiv id, not a published version's DOI.
    r->arxiv_id = NormalizeArxivId(r->doi.substr(kArxivDoiPrefix.size()));
    r->doi.clear();
  }
  for (const std::string* text : {&number, &note, &url, &container}) {
    if (!r->arxiv_id.empty()) break;
    r->arxiv_id = ArxivIdInText(*text);
  }
  if (!IsArxivVenue(container)) r->venue = CollapseWhitespace(container);
  if (!url.empty()) r->links.push_back(url);
  r->keywords = SplitKeywords(keyword);
  r->comments = CollapseWhitespace(note);
  r->citation_key = id;
  r->source = "csl-json";
  r->origin = file;
  r->id = CanonicalId(*r);
  return Status::Ok();
}

}  // namespace

CslJsonReader::CslJsonReader(std::string text, std::string file)
    : text_(std::move(text)), file_(std::move(file)) {}

void CslJsonReader::SkipSpace() {
  while (pos_ < text_.size() && IsAsciiSpace(text_[pos_])) {
    if (text_[pos_] == '\n') ++line_;
    ++pos_;
  }
}

bool CslJsonReader::ScanValue(size_t* end) {
  size_t p = pos_;
  int depth = 0;
  bool in_string = false;
  for (; p < text_.size(); ++p) {
    const char c = text_[p];
    if (in_string) {
      if (c == '\\') {
        ++p;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (depth == 0) break;  // the array's own ']' after a scalar
      if (--depth == 0) {
        ++p;
        break;
      }
    } else if (c == ',' && depth == 0) {
      break;
    }
  }
  if (depth != 0 || in_string || p > text_.size()) return false;
  *end = p;
  return true;
}

ReadOutcome CslJsonReader::Fail(std::string message, ReadIssue* issue) {
  failed_ = true;
  failure_ = ReadIssue{file_, line_, std::move(message)};
  *issue = failure_;
  return ReadOutcome::kFailed;
}

ReadOutcome CslJsonReader::Next(PaperRecord* record, ReadIssue* issue) {
  if (failed_) {
    *issue = failure_;
    return ReadOutcome::kFailed;
  }
  if (finished_) return ReadOutcome::kEnd;
  if (!started_) {
    started_ = true;
    if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;  // a byte order mark
    SkipSpace();
    if (pos_ >= text_.size() || text_[pos_] != '[') {
      return Fail("expected a JSON array of CSL JSON items ('[' ... ']')", issue);
    }
    ++pos_;
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      finished_ = true;
      return ReadOutcome::kEnd;
    }
  } else {
    // After an item: ',' and the next, or ']' and the end.
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      finished_ = true;
      return ReadOutcome::kEnd;
    }
    if (pos_ >= text_.size() || text_[pos_] != ',') {
      return Fail("expected ',' or ']' after item " + std::to_string(item_) +
                      " (the array is not closed)",
                  issue);
    }
    ++pos_;
    SkipSpace();
  }

  size_t end = 0;
  const uint64_t item_line = line_;
  if (!ScanValue(&end)) {
    return Fail("item " + std::to_string(item_ + 1) + " is never closed", issue);
  }
  ++item_;
  const std::string_view bytes(text_.data() + pos_, end - pos_);
  for (char c : bytes) line_ += c == '\n';
  pos_ = end;

  auto bad = [&](const std::string& why) {
    *issue = ReadIssue{file_, item_line, "item " + std::to_string(item_) + ": " + why +
                                             "; the item is skipped"};
    return ReadOutcome::kBadRecord;
  };
  simdjson::dom::element root;
  if (simdjson::error_code error = parser_.parse(bytes.data(), bytes.size()).get(root)) {
    return bad(std::string("broken JSON: ") + simdjson::error_message(error));
  }
  simdjson::dom::object object;
  if (root.get(object) != simdjson::SUCCESS) {
    return bad("expected a JSON object, got " + std::string(JsonFields::KindName(root)));
  }
  *record = PaperRecord();
  Status status = Decode(object, file_, record);
  if (!status.ok()) {
    std::string_view id;
    std::string named;
    if (object["id"].get_string().get(id) == simdjson::SUCCESS) named = " (id '" + std::string(id) + "')";
    return bad(status.message().substr(0) + named);
  }
  record_line_ = item_line;
  return ReadOutcome::kRecord;
}

}  // namespace paperdeck::ingest
