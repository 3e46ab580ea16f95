#include "serve/import_command.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include <fmt/core.h>

#include "index/index_writer.h"
#include "ingest/record_reader.h"
#include "library/corpus.h"
#include "serve/exit_code.h"
#include "serve/index_status.h"
#include "serve/progress_bar.h"
#include "sync/batch_channel.h"
#include "sync/index_sync.h"

namespace paperdeck::serve {
namespace {

constexpr int kMaxIssuesShown = 50;

// Prints issues about bad input, the first kMaxIssuesShown of them.
class IssueLog {
 public:
  void Report(const std::string& message) {
    if (count_ < kMaxIssuesShown) fmt::print(stderr, "{}\n", message);
    ++count_;
  }
  void Close() const {
    if (count_ > kMaxIssuesShown) {
      fmt::print(stderr, "... and {} more problems not shown\n", count_ - kMaxIssuesShown);
    }
  }
  uint64_t count() const { return count_; }

 private:
  uint64_t count_ = 0;
};

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// --strict: reads every file through without storing anything; true when all records are good.
bool CheckFiles(const ImportOptions& options, ingest::InputFormat format, IssueLog* log) {
  bool clean = true;
  for (const std::string& file : options.files) {
    auto reader = ingest::RecordReader::Open(file, format);
    if (!reader.ok()) {
      log->Report(reader.status().message());
      clean = false;
      continue;
    }
    ProgressBar bar("checking " + std::filesystem::path(file).filename().string(), "records");
    PaperRecord record;
    ingest::ReadIssue issue;
    uint64_t n = 0;
    for (;;) {
      ingest::ReadOutcome outcome = (*reader)->Next(&record, &issue);
      if (outcome == ingest::ReadOutcome::kEnd) break;
      if (outcome == ingest::ReadOutcome::kRecord) {
        bar.Update((*reader)->bytes_read(), (*reader)->file_size(), ++n);
        continue;
      }
      log->Report(issue.ToString());
      clean = false;
      if (outcome == ingest::ReadOutcome::kFailed) break;
    }
  }
  return clean;
}

struct FileOutcome {
  uint64_t records = 0, added = 0, updated = 0, unchanged = 0, skipped = 0;
  bool failed = false;  // the file could not be read to its end, or storing failed
};

// Records read for one transaction, handed from the reading thread to the storing one with the
// problems met while reading them, which are reported before the records are stored.
struct RecordBatch {
  std::vector<PaperRecord> records;
  std::vector<std::string> issues;  // "FILE:LINE: message", in file order
  uint64_t skipped = 0;             // bad records among the issues
  bool read_failed = false;         // the file could not be read further: records not stored
  uint64_t bytes_read = 0;          // of the file, when the batch was full
};

// Batches in flight: one being read, one waiting, one being stored.
constexpr size_t kRecordBatches = 3;

// Reads one file into the corpus. Records of a batch are stored together or not at all. The file
// is read and parsed on a thread of its own while this one stores the previous batch, so
// decompressing and parsing cost no wall time; batches (and so transactions) are the same as a
// single thread's.
FileOutcome ImportFile(library::Corpus& corpus, const std::string& file, ingest::InputFormat format,
                       size_t batch_size, IssueLog* log) {
  FileOutcome out;
  auto opened = ingest::RecordReader::Open(file, format);
  if (!opened.ok()) {
    log->Report(opened.status().message());
    out.failed = true;
    return out;
  }
  ingest::RecordReader& reader = **opened;
  const uint64_t file_size = reader.file_size();
  if (batch_size == 0) batch_size = 1;
  auto start = std::chrono::steady_clock::now();
  ProgressBar bar("importing " + std::filesystem::path(file).filename().string(), "records");

  sync::BatchChannel<RecordBatch> channel(kRecordBatches);
  auto read = [&] {
    PaperRecord record;
    ingest::ReadIssue issue;
    std::unique_ptr<RecordBatch> batch;
    for (;;) {
      if (!batch) {
        batch = channel.TakeEmpty();
        if (!batch) break;  // the storing side stopped
        batch->records.clear();
        batch->records.reserve(batch_size);
        batch->issues.clear();
        batch->skipped = 0;
        batch->read_failed = false;
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
      batch->records.push_back(std::move(record));
      record = PaperRecord();
      if (batch->records.size() >= batch_size) {
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
    log->Report(fmt::format("{}: cannot start the thread that reads it: {}", file, e.what()));
    out.failed = true;
    return out;
  }

  while (auto batch = channel.TakeFull()) {
    for (const std::string& message : batch->issues) log->Report(message);
    out.skipped += batch->skipped;
    const uint64_t first_record = out.records + 1;
    out.records += batch->records.size();
    if (batch->read_failed) {  // the records read since the last full batch are not stored
      out.failed = true;
      break;
    }
    if (!batch->records.empty()) {
      auto result = corpus.Upsert(batch->records);
      if (!result.ok()) {
        log->Report(fmt::format("{}: could not store {} records read after line {}: {}", file,
                                batch->records.size(), first_record,
                                result.status().message()));
        out.failed = true;
        channel.Close();
        break;
      }
      out.added += result->added;
      out.updated += result->updated;
      out.unchanged += result->unchanged;
    }
    bar.Update(batch->bytes_read, file_size, out.records);
    channel.PutEmpty(std::move(batch));
  }
  reading.join();
  bar.Finish();

  double seconds = SecondsSince(start);
  fmt::print("{}: {} records ({} added, {} updated, {} unchanged), {} skipped, in {:.1f} s "
             "({:.0f} records/s){}\n",
             file, out.records, out.added, out.updated, out.unchanged, out.skipped, seconds,
             seconds > 0 ? static_cast<double>(out.records) / seconds : 0.0,
             out.failed ? " — stopped early, records stored before the problem are kept" : "");
  Status recorded = corpus.RecordImport(file, ingest::FormatName(reader.format()), out.added,
                                        out.updated, out.skipped, seconds);
  if (!recorded.ok()) log->Report(recorded.message());
  return out;
}

}  // namespace

int RunImport(const ImportOptions& options) {
  auto format = ingest::ParseFormatName(options.format);
  if (!format.ok()) {
    fmt::print(stderr, "paperdeck import: {}\n", format.status().message());
    return kExitUsage;
  }
  IssueLog log;
  if (options.strict && !CheckFiles(options, *format, &log)) {
    log.Close();
    fmt::print(stderr, "paperdeck import: nothing imported (--strict and {} problem(s) found)\n",
               log.count());
    return kExitFailed;
  }

  auto corpus = library::Corpus::Open(options.data.root);
  if (!corpus.ok()) {
    fmt::print(stderr, "paperdeck import: {}\n", corpus.status().message());
    return kExitFailed;
  }
  auto writer = index::IndexWriter::Open(options.data.index_dir());
  if (!writer.ok()) {
    fmt::print(stderr, "paperdeck import: {}\n", writer.status().message());
    return kExitFailed;
  }

  bool any_failed = false;
  uint64_t skipped = 0, records = 0;
  for (const std::string& file : options.files) {
    FileOutcome outcome = ImportFile(**corpus, file, *format, options.batch_size, &log);
    any_failed |= outcome.failed;
    skipped += outcome.skipped;
    records += outcome.records;
  }
  log.Close();

  if (!IndexCorpus(**corpus, **writer, "indexing")) return kExitFailed;
  if (any_failed || skipped > 0) return records > 0 ? kExitPartial : kExitFailed;
  return kExitOk;
}

}  // namespace paperdeck::serve
