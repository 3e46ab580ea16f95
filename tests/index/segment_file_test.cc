// A segment file's columns, category terms, paper lookup and integrity checks.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <fstream>

#include "index/crc32c.h"
#include "index/index_document.h"
#include "index/mapped_segment_reader.h"
#include "index/segment_file.h"
#include "index/segment_writer.h"
#include "index_test_util.h"

namespace paperdeck::index {
namespace {

AnalyzedDocument Doc(uint64_t key, std::vector<std::string_view> categories) {
  AnalyzedDocument d;
  d.values.paper_key = key;
  d.categories = std::move(categories);
  AddToken(&d, Field::kTitle, "word", 0);
  return d;
}

class SegmentFileTest : public ::testing::Test {
 protected:
  void Write(const std::vector<AnalyzedDocument>& docs) {
    SegmentWriter writer;
    for (const auto& d : docs) writer.Add(d);
    ASSERT_TRUE(writer.WriteSegment(path_).ok());
    auto file = SegmentFile::Open(path_);
    ASSERT_TRUE(file.ok()) << file.status().message();
    file_ = file.value();
    reader_ = std::make_unique<MappedSegmentReader>("t", file_, nullptr);
  }

  std::vector<uint32_t> Docs(std::string_view term) {
    std::vector<uint32_t> docs;
    auto c = reader_->Postings(term);
    if (!c) return docs;
    for (; c->doc() != kEndDoc; c->Next()) docs.push_back(c->doc());
    return docs;
  }

  TempDir dir_;
  std::filesystem::path path_ = dir_ / "t.seg";
  std::shared_ptr<const SegmentFile> file_;
  std::unique_ptr<MappedSegmentReader> reader_;
};

TEST_F(SegmentFileTest, ColumnsRoundTripIncludingUnknowns) {
  std::vector<AnalyzedDocument> docs;
  AnalyzedDocument known = Doc(42, {"cs.CV", "cs.LG", "stat.ML"});
  known.values.date = 20000;
  known.values.year = 2024;
  known.values.citations = 1234;
  known.values.upvotes = 126;
  known.values.is_new = true;
  known.values.field_length = {12, 250, 7, 3};
  docs.push_back(known);
  AnalyzedDocument unknown = Doc(7, {});
  unknown.values.date = kNoDate;
  unknown.values.year = 0;
  unknown.values.citations = -1;
  unknown.values.upvotes = -1;
  docs.push_back(unknown);
  AnalyzedDocument huge = Doc(UINT64_MAX, {"hep-ex", "cs.LG"});
  huge.values.citations = int64_t{1} << 40;  // kept as the largest count a column holds
  huge.values.field_length = {1, 2, 300000, 0};  // a collaboration's author list: u32 lengths
  huge.values.date = -3000;                      // before 1970
  docs.push_back(huge);
  Write(docs);

  ASSERT_EQ(reader_->doc_count(), 3u);
  EXPECT_EQ(reader_->paper_key(0), 42u);
  EXPECT_EQ(reader_->date(0), 20000);
  EXPECT_EQ(reader_->year(0), 2024);
  EXPECT_EQ(reader_->citations(0), 1234);
  EXPECT_EQ(reader_->upvotes(0), 126);
  EXPECT_TRUE(reader_->is_new(0));
  EXPECT_EQ(reader_->field_length(0, Field::kTitle), 12u);
  EXPECT_EQ(reader_->field_length(0, Field::kAbstract), 250u);
  EXPECT_EQ(reader_->field_length(0, Field::kAuthors), 7u);
  EXPECT_EQ(reader_->field_length(0, Field::kVenue), 3u);

  EXPECT_EQ(reader_->date(1), kNoDate);
  EXPECT_EQ(reader_->year(1), 0);
  EXPECT_EQ(reader_->citations(1), -1);
  EXPECT_EQ(reader_->upvotes(1), -1);
  EXPECT_FALSE(reader_->is_new(1));
  EXPECT_TRUE(reader_->category_ids(1).empty());

  EXPECT_EQ(reader_->paper_key(2), UINT64_MAX);
  EXPECT_EQ(reader_->citations(2), INT32_MAX);
  EXPECT_EQ(reader_->field_length(2, Field::kAuthors), 300000u);
  EXPECT_EQ(reader_->date(2), -3000);

  auto names = [&](uint32_t doc) {
    std::vector<std::string> out;
    for (uint16_t id : reader_->category_ids(doc)) out.emplace_back(reader_->category_name(id));
    return out;
  };
  EXPECT_EQ(names(0), (std::vector<std::string>{"cs.CV", "cs.LG", "stat.ML"}));  // primary first
  EXPECT_EQ(names(2), (std::vector<std::string>{"hep-ex", "cs.LG"}));
  EXPECT_EQ(reader_->total_field_length(Field::kAbstract), 250u + 0 + 2);
}

TEST_F(SegmentFileTest, CategoriesAndTheirArchivesAreKeywordTerms) {
  Write({Doc(1, {"cs.CV", "cs.RO"}), Doc(2, {"math.AG"}), Doc(3, {"hep-th", "cs.CL"})});
  EXPECT_EQ(Docs(CategoryTerm("cs.CV")), (std::vector<uint32_t>{0}));
  EXPECT_EQ(Docs(CategoryTerm("cs.cv")), (std::vector<uint32_t>{0}));  // terms are lowercase
  EXPECT_EQ(Docs(CategoryTerm("cs")), (std::vector<uint32_t>{0, 2}));  // one posting per doc
  EXPECT_EQ(Docs(CategoryTerm("math")), (std::vector<uint32_t>{1}));
  EXPECT_EQ(Docs(CategoryTerm("hep-th")), (std::vector<uint32_t>{2}));
  EXPECT_EQ(Docs(CategoryTerm("cs.cl")), (std::vector<uint32_t>{2}));
  EXPECT_TRUE(Docs(CategoryTerm("hep")).empty());
  EXPECT_TRUE(Docs("cs").empty());  // not an analysed term
  auto c = reader_->Postings(CategoryTerm("cs"));
  for (int f = 0; f < kNumFields; ++f) EXPECT_EQ(c->tf(static_cast<Field>(f)), 0u);
}

TEST_F(SegmentFileTest, DocumentsWithoutTermsStillHaveColumns) {
  AnalyzedDocument empty;
  empty.values.paper_key = 5;
  empty.values.year = 1999;
  Write({empty, empty});
  EXPECT_EQ(file_->term_count(), 0u);
  EXPECT_EQ(reader_->doc_count(), 2u);
  EXPECT_EQ(reader_->year(1), 1999);
  EXPECT_EQ(reader_->Postings("anything"), nullptr);
  EXPECT_TRUE(file_->Verify().ok());
}

TEST_F(SegmentFileTest, ARepeatedCategoryCountsOnce) {
  Write({Doc(1, {"cs.LG", "cs.LG", "cs.AI"})});
  ASSERT_EQ(reader_->category_ids(0).size(), 2u);
  EXPECT_EQ(reader_->category_name(reader_->category_ids(0)[0]), "cs.LG");
  EXPECT_EQ(reader_->DocFreq(CategoryTerm("cs.lg")), 1u);
  EXPECT_EQ(reader_->DocFreq(CategoryTerm("cs")), 1u);
}

TEST_F(SegmentFileTest, FindPaperByKey) {
  Write({Doc(500, {}), Doc(3, {}), Doc(77, {})});
  EXPECT_EQ(reader_->FindPaper(3), 1u);
  EXPECT_EQ(reader_->FindPaper(500), 0u);
  EXPECT_EQ(reader_->FindPaper(77), 2u);
  EXPECT_FALSE(reader_->FindPaper(4).has_value());
}

TEST_F(SegmentFileTest, VerifyFindsAFlippedByteAndOpenRefusesATruncatedFile) {
  std::vector<AnalyzedDocument> docs;
  for (uint64_t k = 0; k < 300; ++k) docs.push_back(Doc(k, {"cs.AI"}));
  Write(docs);
  EXPECT_TRUE(file_->Verify().ok());
  const auto size = std::filesystem::file_size(path_);
  file_.reset();
  reader_.reset();
  {
    std::fstream f(path_, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(size / 2));
    char c;
    f.read(&c, 1);
    c ^= 0x5a;
    f.seekp(static_cast<std::streamoff>(size / 2));
    f.write(&c, 1);
  }
  auto damaged = SegmentFile::Open(path_);
  ASSERT_TRUE(damaged.ok());  // open reads only the header and footer
  Status v = damaged.value()->Verify();
  EXPECT_EQ(v.code(), Status::Code::kCorruption) << v.message();
  damaged = {Status::IOError("released")};

  std::filesystem::resize_file(path_, size - 10);
  auto truncated = SegmentFile::Open(path_);
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.status().code(), Status::Code::kCorruption);

  std::ofstream(dir_ / "garbage.seg") << "not a segment at all, but long enough to have a footer "
                                      << std::string(500, 'x');
  EXPECT_EQ(SegmentFile::Open(dir_ / "garbage.seg").status().code(), Status::Code::kCorruption);
  EXPECT_EQ(SegmentFile::Open(dir_ / "missing.seg").status().code(), Status::Code::kNotFound);
}

// The term index holds each dictionary block's first term: lookups binary-search them, so a first
// term that is wrong (with the checksums made to match) hides its block's terms from Postings,
// and Verify() names the term index.
std::string Word(uint32_t k) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "w%04u", k);
  return buf;
}

TEST_F(SegmentFileTest, LookupsSearchTheTermIndexsFirstTermsAndVerifyChecksThem) {
  std::vector<AnalyzedDocument> docs;
  for (uint64_t k = 0; k < 1000; ++k) {
    AnalyzedDocument d = Doc(k, {});
    AddToken(&d, Field::kAbstract, Word(k), 0);
    docs.push_back(std::move(d));
  }
  Write(docs);
  for (uint32_t k = 0; k < 1000; ++k) {
    ASSERT_EQ(Docs(Word(k)), std::vector<uint32_t>{k}) << k;
  }
  EXPECT_EQ(Docs("w10"), std::vector<uint32_t>{});
  EXPECT_EQ(Docs("word").size(), 1000u);
  ASSERT_TRUE(file_->Verify().ok());

  // Find a block that starts at some w<k> with k >= 10 and make its first term w<k rounded down
  // to the hundred>: a lookup of w<that + 1> then lands in this block and misses.
  file_.reset();
  reader_.reset();
  std::vector<char> bytes(std::filesystem::file_size(path_));
  std::ifstream(path_, std::ios::binary).read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  const size_t footer = bytes.size() - kFooterBytes;
  uint64_t index_offset, index_size, term_count;
  std::memcpy(&index_offset, &bytes[footer + 16 * static_cast<size_t>(Section::kTermIndex)], 8);
  std::memcpy(&index_size, &bytes[footer + 16 * static_cast<size_t>(Section::kTermIndex) + 8], 8);
  std::memcpy(&term_count, &bytes[footer + 360], 8);
  const uint64_t blocks = (term_count + 31) / 32;
  const size_t ends = index_offset + blocks * 8;
  const size_t run = ends + (blocks + 1) * 4;
  std::string moved;
  for (uint64_t b = 1; b < blocks && moved.empty(); ++b) {
    uint32_t begin, end;
    std::memcpy(&begin, &bytes[ends + 4 * b], 4);
    std::memcpy(&end, &bytes[ends + 4 * b + 4], 4);
    const std::string first(&bytes[run + begin], end - begin);
    if (first.size() == 5 && first[0] == 'w' && first.substr(3) != "00" && first >= "w0010") {
      moved = first;
      bytes[run + end - 2] = bytes[run + end - 1] = '0';
    }
  }
  ASSERT_FALSE(moved.empty());
  const uint32_t k = static_cast<uint32_t>(std::stoul(moved.substr(1)));
  const uint32_t hidden = k / 100 * 100 + 1;  // in an earlier block, now searched for in this one
  const uint32_t body_crc = Crc32c(bytes.data(), footer);
  std::memcpy(&bytes[footer + 400], &body_crc, 4);
  const uint32_t footer_crc = Crc32c(&bytes[footer], 404);
  std::memcpy(&bytes[footer + 404], &footer_crc, 4);
  std::ofstream(path_, std::ios::binary | std::ios::trunc)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));

  auto file = SegmentFile::Open(path_);
  ASSERT_TRUE(file.ok()) << file.status().message();
  file_ = file.value();
  reader_ = std::make_unique<MappedSegmentReader>("t", file_, nullptr);
  EXPECT_EQ(Docs(Word(hidden)), std::vector<uint32_t>{});
  EXPECT_EQ(Docs(moved), std::vector<uint32_t>{k});
  Status v = file_->Verify();
  EXPECT_EQ(v.code(), Status::Code::kCorruption);
  EXPECT_NE(v.message().find("term index does not match"), std::string::npos) << v.message();
}

}  // namespace
}  // namespace paperdeck::index
