#include "workspace/file_import.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include <fmt/core.h>

#include "index/document_analyzer.h"
#include "sync/batch_channel.h"
#include "sync/paper_document.h"

namespace paperdeck::workspace {
namespace {

// Records read for one transaction, handed from the reading thread to the storing one with the
// problems met while reading them, which are reported before the records are stored.
struct RecordBatch {
  std::vector<PaperRecord> records;
  std::vector<std::string> issues;  // "FILE:LINE: message", in file order
  uint64_t skipped = 0;             // bad records among the issues
  bool read_failed = false;         // the file could not be read further: records not stored
  uint64_t bytes_read = 0;          // of the file, when the batch was full
  size_t text_bytes = 0;            // of the records' text
};

// The write-ahead log copied into the database every this many pages (32 MiB) while a file is
// stored: library::Corpus::SetCheckpointPages says what it costs and what it saves.
constexpr int kImportCheckpointPages = 8192;

// Batches in flight: one being read, one waiting, one being stored.
constexpr size_t kRecordBatches = 3;
// A batch is also full once its records' text passes this, so a file of huge records (up to the
// line limit each) holds no more memory in flight than ordinary ones.
constexpr size_t kBatchTextBytes = size_t{32} << 20;

size_t TextBytes(const PaperRecord& r) {
  size_t bytes = r.title.size() + r.abstract.size() + r.venue.size() + r.comments.size();
  for (const std::string& a : r.authors) bytes += a.size();
  return bytes;
}

// "FILE:LINE: ..." when the index will hold only part of record (index/document_analyzer.h's
// caps); empty when it holds all of it. Analyses only records long enough to be cut.
std::string CutNotice(const PaperRecord& record, const std::string& file, uint64_t line,
                      index::DocumentAnalyzer* analyzer, index::AnalyzedDocument* scratch) {
  sync::PaperDocument doc(record, 0);
  if (!index::DocumentAnalyzer::MayBeCut(doc.document())) return {};
  analyzer->Analyze(doc.document(), scratch);
  std::string notice;
  if (scratch->cut.any()) {
    notice = ingest::ReadIssue{file, line,
                               "stored whole, but searchable only in part: " +
                                   index::DescribeCut(scratch->cut)}
                 .ToString();
  }
  *scratch = index::AnalyzedDocument{};  // give a huge record's tokens back
  return notice;
}

void Issue(const ImportObserver& observer, const std::string& message) {
  if (observer.issue) observer.issue(message);
}

// Takes the saved searches a PaperDeck export carries out of records and adds those whose name
// is free; a name already here keeps the user's own query (a notice says so when the file's
// differs). What a restore adds is never taken from what the user has.
void RestoreSavedSearches(library::Corpus& corpus, const std::string& file,
                          const ImportObserver& observer, std::vector<PaperRecord>* records,
                          FileImportReport* out) {
  auto carried = [](const PaperRecord& r) { return r.saved_search.has_value(); };
  if (std::none_of(records->begin(), records->end(), carried)) return;
  for (const PaperRecord& r : *records) {
    if (!r.saved_search) continue;
    const CarriedSavedSearch& s = *r.saved_search;
    Result<std::optional<library::SavedSearch>> here = corpus.FindSavedSearch(s.name);
    if (here.ok() && here->has_value()) {
      if ((*here)->query != s.query) {
        Issue(observer, fmt::format("{}: saved search '{}' is already here with the query {}; "
                                    "kept it (the file's query {} was not imported)",
                                    file, s.name, (*here)->query, s.query));
      }
      continue;
    }
    Result<library::SavedSearch> added =
        here.ok() ? corpus.AddSavedSearch(s.name, s.query, s.pull, s.created_at,
                                                s.recommend ? library::SavedSearchKind::kRecommend
                                                            : library::SavedSearchKind::kQuery)
                  : Result<library::SavedSearch>(here.status());
    if (!added.ok()) {
      Issue(observer, fmt::format("{}: saved search '{}' not restored: {}", file, s.name,
                                  added.status().message()));
      continue;
    }
    ++out->saved_searches;
  }
  std::erase_if(*records, carried);
}

}  // namespace

bool CheckFile(const std::string& file, ingest::InputFormat format,
               const ImportObserver& observer) {
  auto reader = ingest::RecordReader::Open(file, format);
  if (!reader.ok()) {
    Issue(observer, reader.status().message());
    return false;
  }
  bool clean = true;
  PaperRecord record;
  ingest::ReadIssue issue;
  uint64_t n = 0;
  for (;;) {
    ingest::ReadOutcome outcome = (*reader)->Next(&record, &issue);
    if (outcome == ingest::ReadOutcome::kEnd) break;
    if (outcome == ingest::ReadOutcome::kRecord) {
      if (observer.progress) observer.progress((*reader)->bytes_read(), (*reader)->file_size(), ++n);
      continue;
    }
    Issue(observer, issue.ToString());
    clean = false;
    if (outcome == ingest::ReadOutcome::kFailed) break;
  }
  return clean;
}

std::string KeywordTagName(std::string_view keyword) {
  // A tag name holds no white space: "Computer Science - Machine Learning" becomes
  // "Computer-Science-Machine-Learning" (runs of spaces and dashes one dash).
  std::string name;
  bool dash = false;
  for (char c : keyword) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-') {
      dash = true;
      continue;
    }
    if (dash && !name.empty()) name += '-';
    dash = false;
    name += c;
  }
  Result<std::string> clean = library::CleanTagName(name);
  return clean.ok() ? *clean : std::string();
}

void CarryKeywordsAsTags(PaperRecord* record) {
  if (record->keywords.empty()) return;
  if (!record->library) record->library.emplace();
  std::vector<std::string>& tags = record->library->tags;
  for (const std::string& keyword : record->keywords) {
    std::string tag = KeywordTagName(keyword);
    if (!tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end()) {
      tags.push_back(std::move(tag));
    }
  }
  if (record->library->empty() && record->library->entered_at.empty()) record->library.reset();
}

FileImportReport ImportFile(library::Corpus& corpus, const std::string& file,
                            ingest::InputFormat format, size_t batch_size,
                            const ImportObserver& observer, bool keywords_as_tags) {
  FileImportReport out;
  auto opened = ingest::RecordReader::Open(file, format);
  if (!opened.ok()) {
    Issue(observer, opened.status().message());
    out.failed = true;
    return out;
  }
  ingest::RecordReader& reader = **opened;
  out.format = std::string(ingest::FormatName(reader.format()));
  const uint64_t file_size = reader.file_size();
  if (batch_size == 0) batch_size = 1;
  auto start = std::chrono::steady_clock::now();

  sync::BatchChannel<RecordBatch> channel(kRecordBatches);
  auto read = [&] {
    PaperRecord record;
    ingest::ReadIssue issue;
    std::unique_ptr<RecordBatch> batch;
    index::DocumentAnalyzer analyzer;
    index::AnalyzedDocument analyzed;
    for (;;) {
      if (!batch) {
        batch = channel.TakeEmpty();
        if (!batch) break;  // the storing side stopped
        batch->records.clear();
        batch->records.reserve(batch_size);
        batch->issues.clear();
        batch->skipped = 0;
        batch->read_failed = false;
        batch->text_bytes = 0;
      }
      ingest::ReadOutcome outcome = reader.Next(&record, &issue);
      if (outcome == ingest::ReadOutcome::kEnd) break;
      if (outcome == ingest::ReadOutcome::kBadRecord) {
        batch->issues.push_back(issue.ToString());
        ++batch->skipped;
        continue;
      }
      if (outcome == ingest::ReadOutcome::kFailed) {
        batch->issues.push_back(issue.ToString());
        batch->read_failed = true;
        break;
      }
      if (keywords_as_tags) CarryKeywordsAsTags(&record);
      if (std::string cut = CutNotice(record, file, reader.record_line(), &analyzer, &analyzed);
          !cut.empty()) {
        batch->issues.push_back(std::move(cut));
      }
      batch->text_bytes += TextBytes(record);
      batch->records.push_back(std::move(record));
      record = PaperRecord();
      if (batch->records.size() >= batch_size || batch->text_bytes >= kBatchTextBytes) {
        batch->bytes_read = reader.bytes_read();
        channel.PutFull(std::move(batch));
      }
    }
    if (batch) {
      batch->bytes_read = reader.bytes_read();
      channel.PutFull(std::move(batch));
    }
    channel.FinishProducing();
  };
  std::thread reading;
  try {
    reading = std::thread(read);
  } catch (const std::system_error& e) {
    Issue(observer, fmt::format("{}: cannot start the thread that reads it: {}", file, e.what()));
    out.failed = true;
    return out;
  }

  if (Status s = corpus.SetCheckpointPages(kImportCheckpointPages); !s.ok()) {
    Issue(observer, fmt::format("{}: {}", file, s.message()));  // slower, nothing lost
  }
  while (auto batch = channel.TakeFull()) {
    for (const std::string& message : batch->issues) Issue(observer, message);
    out.skipped += batch->skipped;
    const uint64_t first_record = out.records + 1;
    out.records += batch->records.size();
    if (batch->read_failed) {  // the records read since the last full batch are not stored
      out.failed = true;
      break;
    }
    RestoreSavedSearches(corpus, file, observer, &batch->records, &out);
    if (!batch->records.empty()) {
      auto result = corpus.Upsert(batch->records);
      if (!result.ok()) {
        Issue(observer, fmt::format("{}: could not store {} records read after line {}: {}",
                                    file, batch->records.size(), first_record,
                                    result.status().message()));
        out.failed = true;
        channel.Close();
        break;
      }
      out.added += result->added;
      out.updated += result->updated;
      out.unchanged += result->unchanged;
      if (observer.notice) {
        for (const std::string& message : result->notices) observer.notice(message);
      }
    }
    if (observer.progress) observer.progress(batch->bytes_read, file_size, out.records);
    channel.PutEmpty(std::move(batch));
  }
  reading.join();
  if (Status s = corpus.SetCheckpointPages(0); !s.ok()) Issue(observer, s.message());

  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  Status recorded =
      corpus.RecordImport(file, out.format, out.added, out.updated, out.skipped, out.seconds);
  if (!recorded.ok()) Issue(observer, recorded.message());
  return out;
}

}  // namespace paperdeck::workspace
