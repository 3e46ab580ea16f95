// The space check before an index write: the message a person reads, the free space read from
// the filesystem, and the estimate of a segment's disk beside the segment really written.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "index/disk_space.h"
#include "index/document_analyzer.h"
#include "index/index_document.h"
#include "index/segment_file.h"
#include "index/segment_format.h"
#include "index/segment_writer.h"
#include "support/temp_dir.h"

namespace paperdeck::index {
namespace {

using ::paperdeck::testing::TempDir;

TEST(DiskSpace, MegabytesAreDecimalAndNeverUnderstateLargeAmounts) {
  EXPECT_EQ(Megabytes(0), "0.0 MB");
  EXPECT_EQ(Megabytes(420'000), "0.4 MB");
  EXPECT_EQ(Megabytes(9'940'000), "9.9 MB");
  EXPECT_EQ(Megabytes(12'000'000), "12 MB");
  EXPECT_EQ(Megabytes(12'000'001), "13 MB");
  EXPECT_EQ(Megabytes(1'234'500'000), "1,235 MB");
}

TEST(DiskSpace, EnoughSpaceIsOkAndTooLittleSaysWhatWhereAndHowMuch) {
  EXPECT_TRUE(SpaceFor("writing x", 100, 100, "/data/index").ok());
  Status s = SpaceFor("writing an index segment of 36000 papers", 42'000'000, 3'100'000,
                      "/data/index");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kIOError);
  EXPECT_EQ(s.message(),
            "writing an index segment of 36000 papers needs about 42 MB, 3.1 MB free on "
            "/data/index (39 MB short)");
  EXPECT_TRUE(IsSpaceRefusal(s));
  EXPECT_FALSE(IsSpaceRefusal(Status::IOError("cannot write: /x: No space left on device")));
}

TEST(DiskSpace, ReadsTheFilesystemAndNamesAPathItCannotRead) {
  TempDir dir;
  Result<uint64_t> free = AvailableBytes(dir.path());
  ASSERT_TRUE(free.ok()) << free.status().message();
  EXPECT_GT(*free, 0u);
  EXPECT_TRUE(CheckSpace(dir.path(), "writing nothing", 0).ok());
  Status too_much = CheckSpace(dir.path(), "writing everything", *free + (uint64_t{1} << 40));
  ASSERT_FALSE(too_much.ok());
  EXPECT_NE(too_much.message().find("free on " + dir.path().string()), std::string::npos);

  Result<uint64_t> missing = AvailableBytes(dir.path() / "no" / "such");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("no/such"), std::string::npos);
}

// Documents over a vocabulary of `vocabulary` words, so postings and positions repeat.
struct Docs {
  std::vector<std::string> titles, abstracts;
  std::vector<std::string> authors = {"Ada Lovelace", "Grace Hopper"};
  std::vector<std::string_view> author_views = {authors[0], authors[1]};
  std::vector<std::string_view> categories = {"cs.LG", "stat.ML"};

  Docs(size_t n, size_t vocabulary, uint32_t seed) {
    std::mt19937 rng(seed);
    auto words = [&](size_t count) {
      std::string s;
      for (size_t i = 0; i < count; ++i) s += "w" + std::to_string(rng() % vocabulary) + " ";
      return s;
    };
    for (size_t i = 0; i < n; ++i) {
      titles.push_back(words(8));
      abstracts.push_back(words(150));
    }
  }
  IndexDocument Document(size_t i) const {
    IndexDocument d;
    d.paper_key = i + 1;
    d.title = titles[i];
    d.abstract = abstracts[i];
    d.authors = author_views;
    d.categories = categories;
    d.year = 2024;
    return d;
  }
};

// The disk a segment takes while written: the file, and its positions and dictionary, which
// are spooled beside it before they are copied in.
uint64_t PeakBytes(size_t n, size_t vocabulary, uint64_t* estimate) {
  TempDir dir;
  Docs docs(n, vocabulary, 7);
  SegmentWriter buffer;
  DocumentAnalyzer analyzer;
  AnalyzedDocument analyzed;
  for (size_t i = 0; i < n; ++i) {
    analyzer.Analyze(docs.Document(i), &analyzed);
    buffer.Add(analyzed);
  }
  *estimate = buffer.EstimatedDiskBytes();
  const std::filesystem::path path = dir.path() / "s000001.seg";
  EXPECT_TRUE(buffer.WriteSegment(path).ok());
  auto file = SegmentFile::Open(path);
  EXPECT_TRUE(file.ok());
  if (!file.ok()) return 0;
  return (*file)->size_bytes() + (*file)->section(Section::kPositions).size() +
         (*file)->section(Section::kTermDictionary).size();
}

TEST(DiskSpace, ASegmentsEstimateCoversItsFileAndSpoolsWithoutAskingForFarMore) {
  // Few repeated words (long posting lists) and many rare ones (a large dictionary).
  for (auto [n, vocabulary] : {std::pair<size_t, size_t>{50, 200}, {3000, 500}, {3000, 200'000}}) {
    uint64_t estimate = 0;
    const uint64_t peak = PeakBytes(n, vocabulary, &estimate);
    EXPECT_GE(estimate, peak) << n << " docs over " << vocabulary << " words";
    // Measured: 2.1x for 50 documents (the fixed part), 1.7x and 1.8x for 3,000.
    EXPECT_LE(estimate, 2 * peak + (128 << 10)) << n << " docs over " << vocabulary << " words";
  }
}

}  // namespace
}  // namespace paperdeck::index
