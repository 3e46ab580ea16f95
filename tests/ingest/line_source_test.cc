#include "ingest/line_source.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest_test_files.h"

namespace paperdeck::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::ScratchDir;
using Outcome = LineSource::Outcome;

std::unique_ptr<LineSource> OpenOrDie(const std::filesystem::path& path,
                                      size_t max_line = LineSource::kDefaultMaxLineBytes) {
  Result<std::unique_ptr<LineSource>> source = LineSource::Open(path, max_line);
  EXPECT_TRUE(source.ok()) << source.status().message();
  return source.ok() ? std::move(source).value() : nullptr;
}

// The lines up to kEnd or kFailed; kTooLong lines appear as "<too long>".
std::vector<std::string> Lines(LineSource& source, Outcome* last = nullptr) {
  std::vector<std::string> lines;
  for (;;) {
    std::string_view line;
    Outcome outcome = source.Next(&line);
    if (outcome == Outcome::kLine) {
      lines.emplace_back(line);
    } else if (outcome == Outcome::kTooLong) {
      lines.emplace_back("<too long>");
    } else {
      if (last != nullptr) *last = outcome;
      return lines;
    }
  }
}

// n numbered lines of about 60 bytes each.
std::string NumberedLines(int n) {
  std::string text;
  for (int i = 1; i <= n; ++i) {
    text += "{\"line\": " + std::to_string(i) + ", \"text\": \"some words to make it longer\"}\n";
  }
  return text;
}

TEST(LineSourceTest, ReadsLinesAndCountsThem) {
  ScratchDir dir;
  auto source = OpenOrDie(dir.Write("a.txt", "first\nsecond\n\nfourth"));
  std::string_view line;
  ASSERT_EQ(source->Next(&line), Outcome::kLine);
  EXPECT_EQ(line, "first");
  EXPECT_EQ(source->line_number(), 1u);
  ASSERT_EQ(source->Next(&line), Outcome::kLine);
  EXPECT_EQ(line, "second");
  ASSERT_EQ(source->Next(&line), Outcome::kLine);
  EXPECT_EQ(line, "");  // blank lines are lines; skipping them is the reader's business
  ASSERT_EQ(source->Next(&line), Outcome::kLine);
  EXPECT_EQ(line, "fourth");  // no final newline
  EXPECT_EQ(source->line_number(), 4u);
  EXPECT_EQ(source->Next(&line), Outcome::kEnd);
  EXPECT_EQ(source->Next(&line), Outcome::kEnd);
  EXPECT_FALSE(source->compressed());
}

TEST(LineSourceTest, DropsCarriageReturnsAndByteOrderMark) {
  ScratchDir dir;
  auto source = OpenOrDie(dir.Write("crlf.txt", "\xEF\xBB\xBF{\"a\": 1}\r\n{\"b\": 2}\r\n"));
  EXPECT_THAT(Lines(*source), ElementsAre("{\"a\": 1}", "{\"b\": 2}"));
}

TEST(LineSourceTest, EmptyFileHasNoLines) {
  ScratchDir dir;
  auto source = OpenOrDie(dir.Write("empty.txt", ""));
  std::string_view line;
  EXPECT_EQ(source->Next(&line), Outcome::kEnd);
  EXPECT_EQ(source->file_size(), 0u);
}

TEST(LineSourceTest, RecognisesGzipByMagicNotByName) {
  ScratchDir dir;
  std::string text = NumberedLines(3);
  auto gz = OpenOrDie(dir.WriteGzip("looks-plain.jsonl", text));
  EXPECT_TRUE(gz->compressed());
  auto plain = OpenOrDie(dir.Write("looks-compressed.jsonl.gz", text));
  EXPECT_FALSE(plain->compressed());
  std::vector<std::string> from_gz = Lines(*gz);
  EXPECT_EQ(from_gz, Lines(*plain));
  ASSERT_EQ(from_gz.size(), 3u);
  EXPECT_THAT(from_gz[2], HasSubstr("\"line\": 3"));
}

TEST(LineSourceTest, ReadsConcatenatedGzipMembersAsOneStream) {
  ScratchDir dir;
  auto source = OpenOrDie(dir.Write("two.gz", testing::Gzip("a\nb\n") + testing::Gzip("c\n")));
  Outcome last;
  EXPECT_THAT(Lines(*source, &last), ElementsAre("a", "b", "c"));
  EXPECT_EQ(last, Outcome::kEnd);
}

TEST(LineSourceTest, ReadsLinesLongerThanItsBuffer) {
  ScratchDir dir;
  std::string long_line(3 << 20, 'x');  // 3 MiB, several times the starting buffer
  for (bool gzip : {false, true}) {
    std::string text = "short\n" + long_line + "\nafter\n";
    auto source = OpenOrDie(gzip ? dir.WriteGzip("long.gz", text) : dir.Write("long.txt", text));
    std::vector<std::string> lines = Lines(*source);
    ASSERT_EQ(lines.size(), 3u) << "gzip=" << gzip;
    EXPECT_EQ(lines[1], long_line);
    EXPECT_EQ(lines[2], "after");
  }
}

TEST(LineSourceTest, SkipsLinesOverTheLimitAndGoesOn) {
  ScratchDir dir;
  std::string text = "short\n" + std::string(100, 'y') + "\nafter\n" + std::string(50, 'z');
  auto source = OpenOrDie(dir.Write("limit.txt", text), /*max_line=*/16);
  std::string_view line;
  EXPECT_EQ(source->Next(&line), Outcome::kLine);
  EXPECT_EQ(source->Next(&line), Outcome::kTooLong);
  EXPECT_EQ(source->line_number(), 2u);
  ASSERT_EQ(source->Next(&line), Outcome::kLine);
  EXPECT_EQ(line, "after");
  EXPECT_EQ(source->line_number(), 3u);
  EXPECT_EQ(source->Next(&line), Outcome::kTooLong);  // the last line, without a newline
  EXPECT_EQ(source->line_number(), 4u);
  EXPECT_EQ(source->Next(&line), Outcome::kEnd);
}

TEST(LineSourceTest, AHugeLineDoesNotGrowTheBuffer) {
  ScratchDir dir;
  std::string text = "before\n" + std::string(8 << 20, 'q') + "\nafter\n";
  for (bool gzip : {false, true}) {
    auto source = OpenOrDie(gzip ? dir.WriteGzip("huge.gz", text) : dir.Write("huge.txt", text),
                            /*max_line=*/1024);
    EXPECT_THAT(Lines(*source), ElementsAre("before", "<too long>", "after"));
    // The 8 MiB line was skipped, never held: the buffer stayed at its starting size.
    EXPECT_LT(source->buffer_bytes(), size_t{1} << 20) << "gzip=" << gzip;
  }
}

TEST(LineSourceTest, CountsBytesReadUpToTheFileSize) {
  ScratchDir dir;
  std::string text = NumberedLines(20000);  // over 1 MiB, several reads
  for (bool gzip : {false, true}) {
    auto source = OpenOrDie(gzip ? dir.WriteGzip("n.gz", text) : dir.Write("n.txt", text));
    uint64_t size = std::filesystem::file_size(dir.path() / (gzip ? "n.gz" : "n.txt"));
    EXPECT_EQ(source->file_size(), size);
    std::string_view line;
    ASSERT_EQ(source->Next(&line), Outcome::kLine);
    EXPECT_LT(source->bytes_read(), size) << "gzip=" << gzip;
    Outcome last;
    EXPECT_EQ(Lines(*source, &last).size(), 19999u);
    EXPECT_EQ(last, Outcome::kEnd);
    EXPECT_EQ(source->bytes_read(), size) << "gzip=" << gzip;
  }
}

TEST(LineSourceTest, TruncatedGzipFailsAfterTheWholeLines) {
  ScratchDir dir;
  std::string gz = testing::Gzip(NumberedLines(20000));
  auto source = OpenOrDie(dir.Write("cut.gz", gz.substr(0, gz.size() / 2)));
  Outcome last;
  std::vector<std::string> lines = Lines(*source, &last);
  EXPECT_EQ(last, Outcome::kFailed);
  ASSERT_GT(lines.size(), 100u);
  ASSERT_LT(lines.size(), 20000u);
  // Every line returned is whole; the damage is reported at the line after them.
  EXPECT_EQ(lines.back(), "{\"line\": " + std::to_string(lines.size()) +
                              ", \"text\": \"some words to make it longer\"}");
  EXPECT_EQ(source->line_number(), lines.size() + 1);
  EXPECT_THAT(source->failure(), HasSubstr("truncated"));
  std::string_view line;
  EXPECT_EQ(source->Next(&line), Outcome::kFailed);  // sticky
}

TEST(LineSourceTest, GzipWithoutItsTrailerFailsAfterAllLines) {
  ScratchDir dir;
  std::string gz = testing::Gzip("a\nb\n");
  auto source = OpenOrDie(dir.Write("no-trailer.gz", gz.substr(0, gz.size() - 8)));
  Outcome last;
  EXPECT_THAT(Lines(*source, &last), ElementsAre("a", "b"));
  EXPECT_EQ(last, Outcome::kFailed);
  EXPECT_EQ(source->line_number(), 3u);
}

TEST(LineSourceTest, CorruptGzipFails) {
  ScratchDir dir;
  std::string gz = testing::Gzip(NumberedLines(2000));
  for (size_t i = gz.size() / 2; i < gz.size() / 2 + 64; ++i) gz[i] = static_cast<char>(~gz[i]);
  auto source = OpenOrDie(dir.Write("corrupt.gz", gz));
  Outcome last;
  std::vector<std::string> lines = Lines(*source, &last);
  EXPECT_EQ(last, Outcome::kFailed);
  EXPECT_LT(lines.size(), 2000u);
  EXPECT_THAT(source->failure(), HasSubstr("corrupt"));
}

TEST(LineSourceTest, JunkAfterTheGzipStreamFails) {
  ScratchDir dir;
  auto source = OpenOrDie(dir.Write("junk.gz", testing::Gzip("a\n") + "junk"));
  Outcome last;
  EXPECT_THAT(Lines(*source, &last), ElementsAre("a"));
  EXPECT_EQ(last, Outcome::kFailed);
  EXPECT_THAT(source->failure(), HasSubstr("after the end of the gzip stream"));
}

TEST(LineSourceTest, PutBackReturnsTheSameLineAgain) {
  ScratchDir dir;
  auto source = OpenOrDie(dir.Write("p.txt", "one\ntwo\n"));
  std::string_view line;
  ASSERT_EQ(source->Next(&line), Outcome::kLine);
  source->PutBack();
  ASSERT_EQ(source->Next(&line), Outcome::kLine);
  EXPECT_EQ(line, "one");
  EXPECT_EQ(source->line_number(), 1u);
  ASSERT_EQ(source->Next(&line), Outcome::kLine);
  EXPECT_EQ(line, "two");
}

TEST(LineSourceTest, OpenErrorsNameTheFile) {
  ScratchDir dir;
  Result<std::unique_ptr<LineSource>> missing = LineSource::Open(dir.path() / "nope.jsonl");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
  EXPECT_THAT(missing.status().message(), HasSubstr("nope.jsonl: cannot open"));

  Result<std::unique_ptr<LineSource>> directory = LineSource::Open(dir.path());
  ASSERT_FALSE(directory.ok());
  EXPECT_THAT(directory.status().message(), HasSubstr("is a directory"));
}

}  // namespace
}  // namespace paperdeck::ingest
