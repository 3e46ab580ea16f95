// JsonLinesReader: what every JSON-lines RecordReader shares. It takes lines from a LineSource,
// skips blank ones, parses each with simdjson, hands the object to the format's Decode(), and
// finishes the record the same way for every format: whitespace collapsed in the text fields,
// a title required, source and origin set, the canonical id filled in.
//
// A line that is not a JSON object, is not valid UTF-8, is too long, or that Decode() rejects is
// a kBadRecord naming the file and line; the next call reads the next line. A damaged file is
// kFailed, and stays so.
//
// Not thread-safe: one reader at a time. Readers of different files are independent.
#pragma once

#include <simdjson.h>

#include <memory>
#include <string>
#include <string_view>

#include "ingest/json_fields.h"
#include "ingest/line_source.h"
#include "ingest/record_reader.h"

namespace paperdeck::ingest {

class JsonLinesReader : public RecordReader {
 public:
  // file is the name issues and records carry (record.origin).
  JsonLinesReader(std::unique_ptr<LineSource> source, std::string file);

  ReadOutcome Next(PaperRecord* record, ReadIssue* issue) final;
  uint64_t record_line() const final { return source_->line_number(); }
  uint64_t bytes_read() const final { return source_->bytes_read(); }
  uint64_t file_size() const final { return source_->file_size(); }

 protected:
  // Fills *record from one JSON object of this format. An error (usually fields.status())
  // names the field and what is wrong with it; the text fields need not be tidied.
  // REQUIRES: *record is default-constructed.
  virtual Status Decode(JsonFields& fields, PaperRecord* record) = 0;

 private:
  // Ok, or why the line is not a record (without file and line).
  Status DecodeLine(std::string_view line, PaperRecord* record);
  ReadIssue Issue(std::string message) const;

  std::unique_ptr<LineSource> source_;
  std::string file_;
  simdjson::dom::parser parser_;  // reused: its buffers grow to the longest line seen
  bool failed_ = false;
  ReadIssue failure_;
};

}  // namespace paperdeck::ingest
