#include "sample_index.h"

#include <stdlib.h>

#include <cstdio>
#include <string>
#include <vector>

#include "index/index_document.h"
#include "index/index_writer.h"
#include "index/posting_cursor.h"
#include "index/segment_posting_cursor.h"

namespace paperdeck::fuzz {
namespace {

std::filesystem::path g_dir;

void RemoveDir() {
  std::error_code ec;
  std::filesystem::remove_all(g_dir, ec);
}

void Require(const Status& s) {
  if (!s.ok()) {
    std::fprintf(stderr, "sample index: %s\n", s.message().c_str());
    __builtin_trap();
  }
}

}  // namespace

std::filesystem::path BuildSampleIndex() {
  const char* tmp = getenv("TMPDIR");
  std::string pattern = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") +
                        "/paperdeck-fuzz-index-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) __builtin_trap();
  g_dir = pattern;
  atexit(RemoveDir);

  static const char* const kWords[] = {"sparse",  "attention", "transformer", "FlashAttention-3",
                                       "graph",   "neural",    "Schrödinger", "O(n^2)",
                                       "GPT-4",   "diffusion", "of",          "retrieval"};
  static const char* const kCategories[] = {"cs.CL", "cs.LG", "hep-th", "math.PR"};
  auto writer = index::IndexWriter::Open(g_dir);
  Require(writer.status());
  std::vector<std::string> titles, abstracts, authors;
  for (int d = 0; d < 300; ++d) {
    std::string title, abstract;
    for (int w = 0; w < 3 + d % 5; ++w) title += std::string(kWords[(d * 7 + w) % 12]) + " ";
    for (int w = 0; w < 20 + d % 40; ++w) abstract += std::string(kWords[(d + w * w) % 12]) + " ";
    titles.push_back(title);
    abstracts.push_back(abstract);
    authors.push_back("Ada Lovelace" + std::to_string(d % 9));
  }
  for (int d = 0; d < 300; ++d) {
    index::IndexDocument doc;
    doc.paper_key = 1000 + static_cast<uint64_t>(d) * 3;
    doc.title = titles[d];
    doc.abstract = abstracts[d];
    doc.authors = {authors[d], "Alan Turing"};
    if (d % 4 == 0) doc.venue = "NeurIPS";
    doc.categories = {kCategories[d % 4]};
    if (d % 3 == 0) doc.categories.push_back(kCategories[(d + 1) % 4]);
    doc.date = d % 10 == 0 ? index::kNoDate : 19000 + d;
    doc.year = d % 10 == 0 ? 0 : 2020 + d % 6;
    doc.citations = d % 7 == 0 ? -1 : d * 11;
    doc.upvotes = d % 5 == 0 ? -1 : d;
    doc.is_new = d % 2 == 0;
    Require(writer.value()->Upsert(doc));
  }
  Require(writer.value()->Commit(1));
  for (int d = 0; d < 300; d += 17) Require(writer.value()->Remove(1000 + d * 3));
  Require(writer.value()->Commit(2));
  return g_dir;
}

std::string DumpSegment(const index::SegmentFile& segment) {
  std::string out;
  char buf[96];
  const uint32_t docs = segment.doc_count();
  for (auto it = segment.dictionary().Seek(""); it.Valid(); it.Next()) {
    out += "term ";
    out += it.term();
    out += "\n";
    std::unique_ptr<index::SegmentPostingCursor> cursor = segment.OpenCursor(it.info());
    std::vector<uint32_t> positions;
    uint32_t previous = 0;
    // A sound list has at most doc_count postings in increasing order.
    for (uint32_t n = 0; cursor->doc() != index::kEndDoc && n <= docs; ++n) {
      uint32_t tf[index::kNumFields];
      cursor->tfs(tf);
      std::snprintf(buf, sizeof buf, " %u:%u,%u,%u,%u", cursor->doc(), tf[0], tf[1], tf[2], tf[3]);
      out += buf;
      if (n > 0 && cursor->doc() <= previous) out += "!order";
      previous = cursor->doc();
      for (int f = 0; f < index::kNumFields; ++f) {
        cursor->Positions(static_cast<index::Field>(f), &positions);
        for (uint32_t p : positions) out += " " + std::to_string(p);
      }
      cursor->Next();
    }
    out += "\n";
  }
  for (uint32_t d = 0; d < docs; ++d) {
    std::snprintf(buf, sizeof buf, "doc %u %llu %d %d %lld %lld %d", d,
                  static_cast<unsigned long long>(segment.paper_key(d)), segment.date(d),
                  segment.year(d), static_cast<long long>(segment.citations(d)),
                  static_cast<long long>(segment.upvotes(d)), segment.is_new(d) ? 1 : 0);
    out += buf;
    for (int f = 0; f < index::kNumFields; ++f) out += " " + std::to_string(segment.field_length(d, f));
    for (uint16_t c : segment.category_ids(d)) {
      out += " ";
      out += segment.category_name(c);
    }
    out += " found " + std::to_string(segment.FindPaperDocs(segment.paper_key(d)).size()) + "\n";
  }
  return out;
}

}  // namespace paperdeck::fuzz
