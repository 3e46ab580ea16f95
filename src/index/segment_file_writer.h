// SegmentFileWriter: writes one segment file from terms given in order (each with its encoded
// posting list) and then the document columns. Postings stream straight into the segment file;
// positions, the dictionary and the term bitmaps (index/term_bitmaps.h) stream into three spool
// files beside it ("<file>.pos.tmp", "<file>.dict.tmp", "<file>.bits.tmp") that are appended at
// Finish, so memory stays bounded by one posting list however large the segment. Both the
// segment writer (flush) and the merger use it.
//
// A writer not finished (error, or destroyed early) removes what it wrote.
// Threading: one thread.
#pragma once

#include <filesystem>
#include <memory>
#include <string_view>

#include "index/doc_columns.h"
#include "index/file_writer.h"
#include "index/posting_list_writer.h"
#include "index/segment_format.h"
#include "index/term_bitmaps.h"
#include "index/term_dictionary_writer.h"
#include "model/status.h"

namespace paperdeck::index {

class SegmentFileWriter {
 public:
  // A term whose list holds bitmap_min_docs documents or more also gets its term bitmap.
  static Result<std::unique_ptr<SegmentFileWriter>> Create(
      const std::filesystem::path& path, uint32_t bitmap_min_docs = kTermBitmapMinDocs);
  ~SegmentFileWriter();
  SegmentFileWriter(const SegmentFileWriter&) = delete;
  SegmentFileWriter& operator=(const SegmentFileWriter&) = delete;

  // Adds term with its finished posting list. REQUIRES: terms in strictly increasing byte
  // order; list.Finish() returned Ok; list.df() > 0.
  Status AddTerm(std::string_view term, const PostingListWriter& list);

  // Writes the remaining sections and the footer, and fsyncs the file. REQUIRES: columns hold
  // every document the posting lists name.
  Status Finish(const DocColumns& columns);

  // Bytes written so far to the segment file.
  uint64_t bytes_written() const { return out_->offset(); }

 private:
  SegmentFileWriter(std::filesystem::path path, std::unique_ptr<FileWriter> out,
                    std::unique_ptr<FileWriter> positions, std::unique_ptr<FileWriter> dictionary,
                    std::unique_ptr<FileWriter> bitmaps, uint32_t bitmap_min_docs);
  void RemoveSpools();

  std::filesystem::path path_;
  std::unique_ptr<FileWriter> out_;
  std::unique_ptr<FileWriter> positions_;
  std::unique_ptr<FileWriter> dictionary_file_;
  TermDictionaryWriter dictionary_;
  std::unique_ptr<FileWriter> bitmap_file_;
  TermBitmapSpool bitmaps_;
  uint32_t bitmap_min_docs_;
  uint64_t postings_start_;
  bool finished_ = false;
};

}  // namespace paperdeck::index
