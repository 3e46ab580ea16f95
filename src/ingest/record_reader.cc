#include "ingest/record_reader.h"

#include <array>

#include "ingest/arxiv_jsonl_reader.h"
#include "ingest/arxiv_snapshot_reader.h"
#include "ingest/bibtex_reader.h"
#include "ingest/csl_json_reader.h"
#include "ingest/format_detection.h"
#include "ingest/line_source.h"
#include "ingest/paperdeck_jsonl_reader.h"
#include "ingest/reference_fields.h"
#include "ingest/whitespace.h"

namespace paperdeck::ingest {
namespace {

struct NamedFormat {
  std::string_view name;
  InputFormat format;
};

constexpr std::array<NamedFormat, 6> kFormats = {{
    {"auto", InputFormat::kAuto},
    {"paperdeck-jsonl", InputFormat::kPaperDeckJsonl},
    {"arxiv-snapshot", InputFormat::kArxivSnapshot},
    {"arxiv-jsonl", InputFormat::kArxivJsonl},
    {"bibtex", InputFormat::kBibtex},
    {"csl-json", InputFormat::kCslJson},
}};

std::string Where(const std::string& file, uint64_t line) {
  return file + ":" + std::to_string(line) + ": ";
}

}  // namespace

Result<InputFormat> ParseFormatName(std::string_view name) {
  for (const NamedFormat& f : kFormats) {
    if (f.name == name) return f.format;
  }
  std::string valid;
  for (const NamedFormat& f : kFormats) {
    if (!valid.empty()) valid += ", ";
    valid += f.name;
  }
  return Status::InvalidArgument("unknown format '" + std::string(name) +
                                 "'; the formats are: " + valid);
}

std::string_view FormatName(InputFormat format) {
  for (const NamedFormat& f : kFormats) {
    if (f.format == format) return f.name;
  }
  return "auto";
}

std::string ReadIssue::ToString() const {
  if (line == 0) return file + ": " + message;
  return file + ":" + std::to_string(line) + ": " + message;
}

Result<std::unique_ptr<RecordReader>> RecordReader::Open(const std::filesystem::path& path,
                                                         InputFormat format) {
  if (format == InputFormat::kAuto) {
    format = DetectReferenceFormat(path);
  }
  if (format == InputFormat::kBibtex || format == InputFormat::kCslJson) {
    PAPERDECK_ASSIGN_OR_RETURN(std::string text, ReadReferenceFile(path));
    if (IsBlank(text)) return Status::InvalidArgument(path.string() + ": empty file");
    std::unique_ptr<RecordReader> reader;
    if (format == InputFormat::kBibtex) {
      reader = std::make_unique<BibtexReader>(std::move(text), path.string());
    } else {
      reader = std::make_unique<CslJsonReader>(std::move(text), path.string());
    }
    return reader;
  }
  Result<std::unique_ptr<LineSource>> opened = LineSource::Open(path);
  if (!opened.ok()) return opened.status();
  std::unique_ptr<LineSource> source = std::move(opened).value();
  const std::string file = path.string();

  // The first line with something on it: an empty file is refused here rather than read as
  // zero records, and with kAuto the line tells the format.
  std::string_view line;
  LineSource::Outcome outcome;
  do {
    outcome = source->Next(&line);
  } while (outcome == LineSource::Outcome::kLine && IsBlank(line));
  switch (outcome) {
    case LineSource::Outcome::kEnd:
      return Status::InvalidArgument(file + ": empty file");
    case LineSource::Outcome::kFailed:
      return Status::Corruption(Where(file, source->line_number()) + source->failure());
    case LineSource::Outcome::kTooLong:
      if (format == InputFormat::kAuto) {
        return Status::InvalidArgument(Where(file, source->line_number()) +
                                       "cannot tell the format: the line is too long to be a "
                                       "record; use --format");
      }
      break;
    case LineSource::Outcome::kLine:
      if (format == InputFormat::kAuto) {
        Result<InputFormat> detected = DetectFormatOfLine(line);
        if (!detected.ok()) {
          return Status::InvalidArgument(Where(file, source->line_number()) +
                                         detected.status().message());
        }
        format = detected.value();
      }
      break;
  }
  source->PutBack();

  std::unique_ptr<RecordReader> reader;
  switch (format) {
    case InputFormat::kPaperDeckJsonl:
      reader = std::make_unique<PaperDeckJsonlReader>(std::move(source), file);
      break;
    case InputFormat::kArxivSnapshot:
      reader = std::make_unique<ArxivSnapshotReader>(std::move(source), file);
      break;
    case InputFormat::kArxivJsonl:
      reader = std::make_unique<ArxivJsonlReader>(std::move(source), file);
      break;
    case InputFormat::kBibtex:
    case InputFormat::kCslJson:
    case InputFormat::kAuto:
      return Status::InvalidArgument(file + ": no format to read with");  // unreachable
  }
  return reader;
}

}  // namespace paperdeck::ingest
