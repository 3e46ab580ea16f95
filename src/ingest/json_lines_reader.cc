#include "ingest/json_lines_reader.h"

#include <algorithm>
#include <utility>

#include "ingest/whitespace.h"
#include "model/paper_id.h"

namespace paperdeck::ingest {
namespace {

// The offset of the first byte that is not part of valid UTF-8 (overlong forms, surrogates and
// code points past U+10FFFF are invalid), or text.size() when all is valid.
size_t FirstInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t length;
    unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) low = 0xA0;
      if (c == 0xED) high = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) low = 0x90;
      if (c == 0xF4) high = 0x8F;
    } else {
      return i;
    }
    if (i + length > n || s[i + 1] < low || s[i + 1] > high) return i;
    for (size_t k = 2; k < length; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
    }
    i += length;
  }
  return n;
}

std::string SizeText(size_t bytes) {
  if (bytes >= (size_t{1} << 20) && bytes % (size_t{1} << 20) == 0) {
    return std::to_string(bytes >> 20) + " MiB";
  }
  return std::to_string(bytes) + " bytes";
}

void TidyList(std::vector<std::string>* items) {
  for (std::string& item : *items) CollapseWhitespaceInPlace(&item);
  items->erase(std::remove(items->begin(), items->end(), std::string()), items->end());
}

// The same finish for every format: text as PaperDeck keeps it.
void Tidy(PaperRecord* record) {
  CollapseWhitespaceInPlace(&record->title);
  CollapseWhitespaceInPlace(&record->abstract);
  CollapseWhitespaceInPlace(&record->venue);
  CollapseWhitespaceInPlace(&record->comments);
  CollapseWhitespaceInPlace(&record->journal_ref);
  TidyList(&record->authors);
  TidyList(&record->categories);
  TidyList(&record->badges);
  TidyList(&record->links);
}

}  // namespace

JsonLinesReader::JsonLinesReader(std::unique_ptr<LineSource> source, std::string file)
    : source_(std::move(source)), file_(std::move(file)) {}

ReadIssue JsonLinesReader::Issue(std::string message) const {
  ReadIssue issue;
  issue.file = file_;
  issue.line = source_->line_number();
  issue.message = std::move(message);
  return issue;
}

ReadOutcome JsonLinesReader::Next(PaperRecord* record, ReadIssue* issue) {
  if (failed_) {
    *issue = failure_;
    return ReadOutcome::kFailed;
  }
  for (;;) {
    std::string_view line;
    switch (source_->Next(&line)) {
      case LineSource::Outcome::kEnd:
        return ReadOutcome::kEnd;
      case LineSource::Outcome::kFailed:
        failed_ = true;
        failure_ = Issue(source_->failure());
        *issue = failure_;
        return ReadOutcome::kFailed;
      case LineSource::Outcome::kTooLong:
        *issue = Issue("the line is longer than " + SizeText(source_->max_line_bytes()) +
                       ", the most one record may take");
        return ReadOutcome::kBadRecord;
      case LineSource::Outcome::kLine:
        break;
    }
    if (IsBlank(line)) continue;
    Status status = DecodeLine(line, record);
    if (!status.ok()) {
      *issue = Issue(status.message());
      return ReadOutcome::kBadRecord;
    }
    return ReadOutcome::kRecord;
  }
}

Status JsonLinesReader::DecodeLine(std::string_view line, PaperRecord* record) {
  *record = PaperRecord();
  simdjson::dom::element root;
  if (simdjson::error_code error = parser_.parse(line.data(), line.size()).get(root)) {
    if (error == simdjson::UTF8_ERROR) {
      size_t at = FirstInvalidUtf8(line);
      if (at == line.size()) return Status::InvalidArgument("invalid UTF-8 in the line");
      return Status::InvalidArgument("invalid UTF-8 at byte " + std::to_string(at + 1) +
                                     " of the line");
    }
    return Status::InvalidArgument(std::string("broken JSON: ") + simdjson::error_message(error));
  }
  simdjson::dom::object object;
  if (root.get(object) != simdjson::SUCCESS) {
    return Status::InvalidArgument("expected a JSON object, got " +
                                   std::string(JsonFields::KindName(root)));
  }
  JsonFields fields(object);
  PAPERDECK_RETURN_IF_ERROR(Decode(fields, record));
  if (record->saved_search) {  // a saved search, not a paper (PaperDeck's own export)
    record->source = FormatName(format());
    record->origin = file_;
    return Status::Ok();
  }

  Tidy(record);
  if (record->title.empty()) return Status::InvalidArgument("field 'title' is empty");
  record->source = FormatName(format());
  record->origin = file_;
  record->id = CanonicalId(*record);
  return Status::Ok();
}

}  // namespace paperdeck::ingest
