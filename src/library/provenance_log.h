// ProvenanceLog: which source said what about a paper, and when. For every fact a record gives
// (field by field: title, authors, citations, ...), a row (paper, source, origin, field, value,
// seen_at) is appended, but only when the value differs from the last one that same source gave
// for that field of that paper: re-importing a file adds nothing, a source changing its mind
// adds one row.
//
// Values are text: strings as they are, lists as JSON arrays, numbers in decimal, flags as
// "true"/"false". A value longer than kProvenanceFullValueBytes (abstracts, long author lists)
// is kept as its first words plus its length and FNV-1a 64 digest: enough to tell which source's
// text the paper shows and when a source changed it, without storing every abstract twice.
// The source, origin and time are stored once per batch (a "sighting") rather than on every row.
//
// Use: BeginBatch() when a write transaction starts, then Last()/Append() per record.
//
// Threading: as the Database it was prepared on.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <utility>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "library/corpus.h"
#include "library/sqlite_handle.h"
#include "model/paper_record.h"
#include "model/status.h"

namespace paperdeck::library {

inline constexpr size_t kProvenanceFullValueBytes = 256;

struct Fact {
  std::string_view field;  // a papers column name
  std::string value;       // as the provenance table keeps it (see above)
};

// The facts record gives, in column order. is_new is a fact when true, and when false from a
// source that marked the paper new before (source_marked_new): it takes its mark back.
// authors_complete is a fact whenever authors are.
std::vector<Fact> FactsOf(const PaperRecord& record, bool source_marked_new);

// value as the provenance table keeps it: itself, or abbreviated when longer than
// kProvenanceFullValueBytes.
std::string ProvenanceValue(std::string_view value);

// The source name recorded for a record: its source, or "unknown".
std::string_view SourceName(const PaperRecord& record);

class ProvenanceLog {
 public:
  static Result<ProvenanceLog> Prepare(Database& db);

  // field -> the last value source recorded for the paper.
  using LastValues = std::unordered_map<std::string, std::string>;
  Result<LastValues> Last(int64_t paper_key, std::string_view source);

  // Starts a batch seen at seen_at. REQUIRES: called inside the batch's transaction, before
  // Append (sightings of an earlier, possibly rolled back, batch are forgotten).
  void BeginBatch(std::string seen_at);

  // Appends each fact whose value differs from last (pass {} for a new paper).
  Status Append(int64_t paper_key, std::string_view source, std::string_view origin,
                const std::vector<Fact>& facts, const LastValues& last);

  // Every row for the paper, oldest first.
  Result<std::vector<Corpus::Provenance>> Of(int64_t paper_key);

 private:
  ProvenanceLog() = default;
  // The sighting of (source, origin) in this batch, created on first use.
  Result<int64_t> Sighting(std::string_view source, std::string_view origin);

  Database* db_ = nullptr;
  Statement last_, insert_, of_, insert_sighting_;
  std::string seen_at_;
  std::map<std::pair<std::string, std::string>, int64_t, std::less<>> sightings_;
};

}  // namespace paperdeck::library
