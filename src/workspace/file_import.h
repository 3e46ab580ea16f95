// FileImport: reads files of paper records into the corpus. Records are stored in batches, each
// one transaction (all or nothing), so a process killed midway leaves whole batches; a bad record
// is reported ("FILE:LINE: message") and skipped. A file is read and parsed on a thread of its own
// while the batch before it is stored, so decompressing and parsing cost no wall time; batches
// (and so transactions) are the same as a single thread's.
//
// Nothing here prints: problems and progress go to the caller's ImportObserver, in file order.
//
// Threading: ImportFile uses the corpus from the calling thread only and returns after its reading
// thread has ended. The observer is called from the calling thread.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "ingest/record_reader.h"
#include "library/corpus.h"
#include "library/library_data.h"

namespace paperdeck::workspace {

struct ImportObserver {
  // A problem with the input or with storing it, already located ("FILE:LINE: ..."), in order.
  std::function<void(const std::string& message)> issue;
  // After each stored batch: bytes of the file read so far of file_bytes, records read so far.
  std::function<void(uint64_t bytes_read, uint64_t file_bytes, uint64_t records)> progress;
  // Something a record gave that was stored without it (a citation key another paper holds),
  // naming the record; the record itself was stored.
  std::function<void(const std::string& message)> notice;
};

struct FileImportReport {
  std::string format;  // the format read (as ingest::FormatName gives it), empty if not opened
  uint64_t records = 0, added = 0, updated = 0, unchanged = 0, skipped = 0;
  uint64_t saved_searches = 0;  // restored from PaperDeck's JSON lines (new names only)
  bool failed = false;  // the file could not be read to its end, or storing failed
  double seconds = 0;
};

// Reads file (in format; kAuto tells it from the first record) into corpus in transactions of
// batch_size records, and records the import in the corpus's history. keywords_as_tags: each
// record's keywords (a .bib `keywords`, a CSL JSON `keyword`) are carried as tags of the user's
// library (`import --keywords-as-tags`), added to the tags the paper has.
FileImportReport ImportFile(library::Corpus& corpus, const std::string& file,
                            ingest::InputFormat format, size_t batch_size,
                            const ImportObserver& observer, bool keywords_as_tags = false);

// The tag a keyword becomes: white space and dashes between words made one dash
// ("Computer Science - Machine Learning" -> "Computer-Science-Machine-Learning"); empty when no
// tag name can be made of it (library::CleanTagName refuses it: control characters, invalid
// UTF-8), and the keyword is then not carried.
std::string KeywordTagName(std::string_view keyword);

// Adds record's keywords, as tags, to the tags its carried library data holds (creating it).
void CarryKeywordsAsTags(PaperRecord* record);

// Reads file through without storing anything (`import --strict` checks every file first).
// True when every record is good; each problem goes to observer.issue.
bool CheckFile(const std::string& file, ingest::InputFormat format, const ImportObserver& observer);

}  // namespace paperdeck::workspace
