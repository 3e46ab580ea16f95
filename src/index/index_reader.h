// IndexReader: a consistent snapshot of the index, as one manifest lists it: its segments, their
// deletions, and the statistics BM25F needs across all of them. A snapshot never changes; the
// writer's later commits are seen by opening a new one. Opening maps the segments (no reading of
// postings) and must stay fast at millions of documents.
//
// Threading: a snapshot is immutable; share it (std::shared_ptr) across threads freely.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

#include "index/field.h"
#include "index/segment_reader.h"
#include "model/status.h"

namespace paperdeck::index {

class IndexReader {
 public:
  // Opens the snapshot the manifest in dir names. A dir with no manifest is an empty index
  // (corpus_revision() == 0), not an error.
  static Result<std::shared_ptr<const IndexReader>> Open(const std::filesystem::path& dir);

  virtual ~IndexReader() = default;

  // The corpus revision this snapshot reflects (see library/corpus.h).
  virtual int64_t corpus_revision() const = 0;
  virtual const std::vector<std::shared_ptr<const SegmentReader>>& segments() const = 0;

  // Documents not deleted, over all segments.
  virtual uint64_t live_doc_count() const = 0;
  // Average length of field f over all documents of all segments (deleted included).
  virtual double average_field_length(Field f) const = 0;
  // Sum of the term's document frequencies over all segments.
  virtual uint64_t DocFreq(std::string_view term) const = 0;
  // Bytes on disk of the live files.
  virtual uint64_t size_bytes() const = 0;
};

}  // namespace paperdeck::index
