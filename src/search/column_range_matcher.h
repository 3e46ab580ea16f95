// ColumnRangeMatcher: the documents whose year or published date lies in an inclusive range
// (`year:2020..2023`, `date:2026-06`). Reads the segment's per-document column; a document whose
// value is unknown never matches. A filter: it scores 0.
//
// YearRangeMatcher: the same for years, made for the range: years holding fewer than half the
// segment's documents are walked from the years' lists of documents (index/facet_columns.h;
// DocListMatcher, whose cost is their number, so a narrow year leads a conjunction instead of
// being scanned for at every step); a wider range scans the column, where most documents match.
#pragma once

#include <cstdint>
#include <memory>

#include "index/segment_reader.h"
#include "search/matcher.h"

namespace paperdeck::search {

class ColumnRangeMatcher final : public Matcher {
 public:
  enum class Column { kYear, kDate };

  // REQUIRES: segment outlives this.
  ColumnRangeMatcher(const index::SegmentReader& segment, Column column, int32_t low, int32_t high);

  uint32_t doc() const override { return doc_; }
  void Next() override { Seek(doc_ + 1); }
  void NextGeq(uint32_t target) override;
  float Score() override { return 0; }
  ScoreBound BlockBound() override { return {}; }
  float MaxScore() const override { return 0; }
  // Every document is looked at: let any postings lead a conjunction instead.
  uint64_t cost() const override { return static_cast<uint64_t>(segment_.doc_count()) + 1; }

 private:
  bool Matches(uint32_t doc) const;
  // Moves to the first matching document >= from.
  void Seek(uint32_t from);

  const index::SegmentReader& segment_;
  Column column_;
  int32_t low_;
  int32_t high_;
  uint32_t doc_ = kEndDoc;
};

// The documents of segment whose year is in [low, high]; nullptr when none.
std::unique_ptr<Matcher> YearRangeMatcher(const index::SegmentReader& segment, int32_t low,
                                          int32_t high);

}  // namespace paperdeck::search
