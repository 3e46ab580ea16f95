#include "index/segment_file_writer.h"

#include <system_error>

namespace paperdeck::index {
namespace {

std::filesystem::path Spool(const std::filesystem::path& path, const char* what) {
  std::filesystem::path p = path;
  p += what;
  return p;
}

}  // namespace

Result<std::unique_ptr<SegmentFileWriter>> SegmentFileWriter::Create(
    const std::filesystem::path& path, uint32_t bitmap_min_docs) {
  auto out = FileWriter::Create(path);
  if (!out.ok()) return out.status();
  auto positions = FileWriter::Create(Spool(path, ".pos.tmp"));
  if (!positions.ok()) {
    std::error_code ec;
    std::filesystem::remove(path, ec);
    return positions.status();
  }
  auto dictionary = FileWriter::Create(Spool(path, ".dict.tmp"));
  if (!dictionary.ok()) {
    std::error_code ec;
    std::filesystem::remove(path, ec);
    std::filesystem::remove(Spool(path, ".pos.tmp"), ec);
    return dictionary.status();
  }
  auto bitmaps = FileWriter::Create(Spool(path, ".bits.tmp"));
  if (!bitmaps.ok()) {
    std::error_code ec;
    std::filesystem::remove(path, ec);
    std::filesystem::remove(Spool(path, ".pos.tmp"), ec);
    std::filesystem::remove(Spool(path, ".dict.tmp"), ec);
    return bitmaps.status();
  }
  auto w = std::unique_ptr<SegmentFileWriter>(new SegmentFileWriter(
      path, std::move(out.value()), std::move(positions.value()), std::move(dictionary.value()),
      std::move(bitmaps.value()), bitmap_min_docs));
  uint8_t header[kSegmentHeaderBytes];
  EncodeSegmentHeader(header);
  PAPERDECK_RETURN_IF_ERROR(w->out_->Append(header, sizeof header));
  w->postings_start_ = w->out_->offset();
  return w;
}

SegmentFileWriter::SegmentFileWriter(std::filesystem::path path, std::unique_ptr<FileWriter> out,
                                     std::unique_ptr<FileWriter> positions,
                                     std::unique_ptr<FileWriter> dictionary,
                                     std::unique_ptr<FileWriter> bitmaps, uint32_t bitmap_min_docs)
    : path_(std::move(path)),
      out_(std::move(out)),
      positions_(std::move(positions)),
      dictionary_file_(std::move(dictionary)),
      dictionary_(dictionary_file_.get()),
      bitmap_file_(std::move(bitmaps)),
      bitmaps_(bitmap_file_.get()),
      bitmap_min_docs_(bitmap_min_docs),
      postings_start_(0) {}

SegmentFileWriter::~SegmentFileWriter() {
  RemoveSpools();
  if (!finished_) {
    (void)out_->Close();  // the unfinished file is removed next: its close cannot matter
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
}

void SegmentFileWriter::RemoveSpools() {
  std::error_code ec;
  // Spools are scratch files removed right after: a failed close loses nothing.
  if (positions_) {
    (void)positions_->Close();
    std::filesystem::remove(positions_->path(), ec);
    positions_.reset();
  }
  if (dictionary_file_) {
    (void)dictionary_file_->Close();
    std::filesystem::remove(dictionary_file_->path(), ec);
    dictionary_file_.reset();
  }
  if (bitmap_file_) {
    (void)bitmap_file_->Close();
    std::filesystem::remove(bitmap_file_->path(), ec);
    bitmap_file_.reset();
  }
}

Status SegmentFileWriter::AddTerm(std::string_view term, const PostingListWriter& list) {
  TermInfo info;
  info.df = list.df();
  info.postings_offset = out_->offset() - postings_start_;
  info.positions_offset = positions_->offset();
  PAPERDECK_RETURN_IF_ERROR(dictionary_.Add(term, info));
  // Exact forms are asked for by `=word` alone (or beside their stems): no bitmap.
  if (info.df >= bitmap_min_docs_ && !list.bitmap_docs().empty() && !IsExactFormTerm(term)) {
    PAPERDECK_RETURN_IF_ERROR(bitmaps_.Add(info.postings_offset, list.bitmap_docs()));
  }
  PAPERDECK_RETURN_IF_ERROR(out_->Append(list.postings()));
  return positions_->Append(list.positions());
}

Status SegmentFileWriter::Finish(const DocColumns& columns) {
  SegmentFooter footer;
  auto section = [&](Section s) -> SectionExtent& { return footer.sections[static_cast<size_t>(s)]; };
  section(Section::kPostings) = {postings_start_, out_->offset() - postings_start_};

  Status s = dictionary_.Finish();
  if (s.ok()) s = positions_->Close();
  if (s.ok()) s = dictionary_file_->Close();
  if (s.ok()) s = bitmap_file_->Close();
  if (s.ok()) s = out_->Pad(8);
  if (s.ok()) {
    section(Section::kPositions).offset = out_->offset();
    s = out_->AppendFileContents(positions_->path());
    section(Section::kPositions).size = out_->offset() - section(Section::kPositions).offset;
  }
  if (s.ok()) s = out_->Pad(8);
  if (s.ok()) {
    section(Section::kTermDictionary).offset = out_->offset();
    s = out_->AppendFileContents(dictionary_file_->path());
    section(Section::kTermDictionary).size = out_->offset() - section(Section::kTermDictionary).offset;
  }
  if (s.ok()) s = out_->Pad(8);
  if (s.ok()) {
    const std::vector<uint8_t> index = dictionary_.IndexSection();
    section(Section::kTermIndex) = {out_->offset(), index.size()};
    s = out_->Append(index.data(), index.size());
  }
  if (s.ok()) s = columns.Write(out_.get(), &footer);
  if (s.ok()) s = out_->Pad(kTermBitmapAlignment);
  if (s.ok()) {
    section(Section::kTermBitmaps).offset = out_->offset();
    s = out_->AppendFileContents(bitmap_file_->path());
    section(Section::kTermBitmaps).size = out_->offset() - section(Section::kTermBitmaps).offset;
  }
  if (s.ok()) s = out_->Pad(8);
  if (s.ok()) {
    const std::vector<uint64_t>& index = bitmaps_.index();
    section(Section::kTermBitmapIndex) = {out_->offset(), index.size() * 8};
    s = out_->Append(index.data(), index.size() * 8);
  }
  if (s.ok()) s = out_->Pad(8);
  RemoveSpools();
  if (!s.ok()) return s;
  footer.term_count = dictionary_.term_count();
  footer.body_crc = out_->crc();
  uint8_t bytes[kFooterBytes];
  EncodeSegmentFooter(footer, bytes);
  s = out_->Append(bytes, sizeof bytes);
  if (s.ok()) s = out_->Sync();
  if (s.ok()) s = out_->Close();
  if (s.ok()) finished_ = true;
  return s;
}

}  // namespace paperdeck::index
