// MappedFile's reads as the kernel sees them: a page of a file in memory is read without waiting
// on the disk (so a search over an index in memory asks for nothing ahead), and one dropped from
// memory is waited for, which ThreadMajorFaults counts; a range read in order for its checksum
// leaves the mapping but not the page cache.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "index/mapped_file.h"
#include "index_test_util.h"

namespace paperdeck::index {
namespace {

// A file of `pages` pages of 4,096 bytes, every byte `fill`.
void WritePages(const std::filesystem::path& path, size_t pages, char fill) {
  std::ofstream out(path, std::ios::binary);
  const std::string page(4096, fill);
  for (size_t i = 0; i < pages; ++i) out << page;
}

// The sum of the first byte of each of the first `pages` pages at data, each read once.
unsigned ReadEveryPage(const uint8_t* data, size_t pages) {
  unsigned sum = 0;
  for (size_t i = 0; i < pages; ++i) sum += *static_cast<const volatile uint8_t*>(data + i * 4096);
  return sum;
}

// A file of pages of one byte each, written in a temporary folder and mapped.
class MappedFileTest : public ::testing::Test {
 protected:
  void Map(size_t pages, char fill) {
    pages_ = pages;
    WritePages(path_, pages, fill);
    auto opened = MappedFile::Open(path_);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    file_ = std::move(*opened);
  }
  // ReadEveryPage over the whole file.
  unsigned ReadAll() const { return ReadEveryPage(file_->data(), pages_); }

  TempDir dir_;
  const std::filesystem::path path_ = dir_.path() / "pages";
  size_t pages_ = 0;
  std::unique_ptr<MappedFile> file_;
};

TEST_F(MappedFileTest, OnlyAPageNotInMemoryIsWaitedFor) {
  constexpr size_t kPages = 64;
  ASSERT_NO_FATAL_FAILURE(Map(kPages, 'x'));
  const uint8_t* data = file_->data();

  EXPECT_EQ(ReadAll(), kPages * 'x');  // in memory now, if it was not already
  uint64_t before = ThreadMajorFaults();
  EXPECT_EQ(ReadAll(), kPages * 'x');
  EXPECT_EQ(ThreadMajorFaults(), before) << "pages in memory were waited for";

  // Dropped from memory (where the file system lets it go: not a RAM disk), each page read
  // again is waited for.
  const int fd = ::open(path_.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  ::fdatasync(fd);
  ::madvise(const_cast<uint8_t*>(data), kPages * 4096, MADV_DONTNEED);
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
  ::close(fd);
  std::vector<unsigned char> resident(kPages);
  ASSERT_EQ(::mincore(const_cast<uint8_t*>(data), kPages * 4096, resident.data()), 0);
  if (resident[kPages / 2] & 1) GTEST_SKIP() << "this file system keeps the file in memory";
  before = ThreadMajorFaults();
  EXPECT_EQ(*static_cast<const volatile uint8_t*>(data + (kPages / 2) * 4096), 'x');
  EXPECT_GT(ThreadMajorFaults(), before);
}

uint64_t ThreadMinorFaults() {
  struct rusage usage {};
  ::getrusage(RUSAGE_THREAD, &usage);
  return static_cast<uint64_t>(usage.ru_minflt);
}

TEST_F(MappedFileTest, ARangeReadInOrderLeavesTheMappingNotThePageCache) {
  constexpr size_t kPages = 256;
  ASSERT_NO_FATAL_FAILURE(Map(kPages, 'y'));
  auto read_all = [&] { return ReadAll(); };
  EXPECT_EQ(file_->ReadInOrder(file_->data(), kPages * 4096, read_all), kPages * 'y');
  // Mapped again page by page (a few at a time, as the kernel maps around a fault), from memory.
  const uint64_t minor = ThreadMinorFaults(), major = ThreadMajorFaults();
  EXPECT_EQ(read_all(), kPages * 'y');
  EXPECT_GT(ThreadMinorFaults(), minor) << "the pages stayed in the mapping";
  EXPECT_EQ(ThreadMajorFaults(), major) << "the pages left the page cache";
  // Now mapped: read again without a fault of either kind.
  const uint64_t minor_after = ThreadMinorFaults();
  EXPECT_EQ(read_all(), kPages * 'y');
  EXPECT_EQ(ThreadMinorFaults(), minor_after);
}

}  // namespace
}  // namespace paperdeck::index
