// Helpers for the index tests: a temporary directory, hand-made analysed documents, and a
// canonical dump of everything a snapshot holds (for comparing two indexes).
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "index/analyzed_document.h"
#include "index/index_reader.h"
#include "index/mapped_segment_reader.h"
#include "index/segment_posting_cursor.h"
#include "support/temp_dir.h"

namespace paperdeck::index {

using ::paperdeck::testing::TempDir;

// Appends a token to a hand-made document.
inline void AddToken(AnalyzedDocument* doc, Field f, std::string term, uint32_t position) {
  text::Token t;
  t.term = std::move(term);
  t.position = position;
  doc->fields[static_cast<int>(f)].push_back(std::move(t));
  uint32_t& len = doc->values.field_length[static_cast<int>(f)];
  len = std::max(len, position + 1);
}

// One live posting as a test sees it: which paper, tf and positions per field.
struct PostingDump {
  uint64_t paper_key;
  std::array<uint32_t, kNumFields> tf;
  std::array<std::vector<uint32_t>, kNumFields> positions;
  auto operator<=>(const PostingDump&) const = default;
};

// term -> live postings, sorted by paper key, over every segment of a snapshot.
inline std::map<std::string, std::vector<PostingDump>> DumpPostings(const IndexReader& reader) {
  std::map<std::string, std::vector<PostingDump>> out;
  for (const auto& seg : reader.segments()) {
    const auto& mapped = dynamic_cast<const MappedSegmentReader&>(*seg);
    for (auto it = mapped.file().dictionary().Seek(""); it.Valid(); it.Next()) {
      auto cursor = seg->Postings(it.term());
      EXPECT_NE(cursor, nullptr) << it.term();
      if (!cursor) continue;
      for (; cursor->doc() != kEndDoc; cursor->Next()) {
        if (seg->IsDeleted(cursor->doc())) continue;
        PostingDump p;
        p.paper_key = seg->paper_key(cursor->doc());
        for (int f = 0; f < kNumFields; ++f) {
          p.tf[f] = cursor->tf(static_cast<Field>(f));
          // An exact form's postings have no positions (index/field.h).
          if (!IsExactFormTerm(it.term())) cursor->Positions(static_cast<Field>(f), &p.positions[f]);
        }
        out[std::string(it.term())].push_back(std::move(p));
      }
    }
  }
  for (auto& [term, postings] : out) std::sort(postings.begin(), postings.end());
  return out;
}

// The columns of one live paper.
struct ColumnsDump {
  int32_t date;
  int32_t year;
  int64_t citations;
  int64_t upvotes;
  bool is_new;
  std::array<uint32_t, kNumFields> field_length;
  std::vector<std::string> categories;
  auto operator<=>(const ColumnsDump&) const = default;
};

inline std::map<uint64_t, ColumnsDump> DumpColumns(const IndexReader& reader) {
  std::map<uint64_t, ColumnsDump> out;
  for (const auto& seg : reader.segments()) {
    for (uint32_t d = 0; d < seg->doc_count(); ++d) {
      if (seg->IsDeleted(d)) continue;
      ColumnsDump c{seg->date(d), seg->year(d), seg->citations(d), seg->upvotes(d), seg->is_new(d),
                    {}, {}};
      for (int f = 0; f < kNumFields; ++f) c.field_length[f] = seg->field_length(d, static_cast<Field>(f));
      for (uint16_t id : seg->category_ids(d)) c.categories.emplace_back(seg->category_name(id));
      EXPECT_TRUE(out.emplace(seg->paper_key(d), c).second) << "paper " << seg->paper_key(d) << " live twice";
    }
  }
  return out;
}

}  // namespace paperdeck::index
