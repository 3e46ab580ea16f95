// RecordReader as a user meets it: format names, detection, and every kind of bad input, each
// reported with its file and line.
#include "ingest/record_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/line_source.h"
#include "ingest_test_files.h"

namespace paperdeck::ingest {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;
using testing::ReadFile;
using testing::ScratchDir;

constexpr std::string_view kGood1 = R"({"title": "Good one", "authors_shown": "A, B"})";
constexpr std::string_view kGood2 = R"({"title": "Good two", "authors_shown": "C"})";

std::string Lines(std::initializer_list<std::string_view> lines) {
  std::string text;
  for (std::string_view line : lines) {
    text += line;
    text += '\n';
  }
  return text;
}

TEST(FormatNameTest, NamesRoundTrip) {
  for (InputFormat f : {InputFormat::kAuto, InputFormat::kPaperDeckJsonl,
                        InputFormat::kArxivSnapshot, InputFormat::kArxivJsonl}) {
    Result<InputFormat> parsed = ParseFormatName(FormatName(f));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed.value(), f);
  }
  EXPECT_EQ(FormatName(InputFormat::kArxivSnapshot), "arxiv-snapshot");
}

TEST(FormatNameTest, UnknownNameListsTheValidOnes) {
  Result<InputFormat> parsed = ParseFormatName("ris");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(parsed.status().message(),
            "unknown format 'ris'; the formats are: auto, paperdeck-jsonl, arxiv-snapshot, "
            "arxiv-jsonl, bibtex, csl-json");
  EXPECT_EQ(ParseFormatName("bibtex").value(), InputFormat::kBibtex);
  EXPECT_EQ(ParseFormatName("csl-json").value(), InputFormat::kCslJson);
}

TEST(ReadIssueTest, PrintsFileLineAndMessage) {
  EXPECT_EQ((ReadIssue{"a.jsonl", 7, "broken JSON"}).ToString(), "a.jsonl:7: broken JSON");
  EXPECT_EQ((ReadIssue{"a.jsonl", 0, "empty file"}).ToString(), "a.jsonl: empty file");
}

TEST(RecordReaderTest, BrokenJsonLineIsSkippedAndTheNextOneRead) {
  ScratchDir dir;
  auto path = dir.Write("broken.jsonl", Lines({kGood1, R"({"title": "half a line", )", kGood2}));
  testing::ReadResult result = ReadFile(path);
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[1].title, "Good two");
  ASSERT_EQ(result.bad.size(), 1u);
  EXPECT_EQ(result.bad[0].file, path.string());
  EXPECT_EQ(result.bad[0].line, 2u);
  EXPECT_THAT(result.bad[0].ToString(), StartsWith(path.string() + ":2: broken JSON"));
}

TEST(RecordReaderTest, WrongFieldTypesNameTheField) {
  ScratchDir dir;
  auto path = dir.Write("types.jsonl",
                        Lines({kGood1, R"({"title": 42, "authors_shown": "A"})",
                               R"({"title": "T", "authors": "A, B"})", kGood2}));
  testing::ReadResult result = ReadFile(path);
  EXPECT_EQ(result.records.size(), 2u);
  ASSERT_EQ(result.bad.size(), 2u);
  EXPECT_EQ(result.bad[0].ToString(),
            path.string() + ":2: field 'title' should be a string, got number");
  EXPECT_EQ(result.bad[1].ToString(),
            path.string() + ":3: field 'authors' should be an array of strings, got string");
}

TEST(RecordReaderTest, InvalidUtf8IsABadRecord) {
  ScratchDir dir;
  auto path = dir.Write("utf8.jsonl",
                        Lines({kGood1, "{\"title\": \"Caf\xE9 au lait\", \"authors_shown\": \"A\"}", kGood2}));
  testing::ReadResult result = ReadFile(path);
  EXPECT_EQ(result.records.size(), 2u);
  ASSERT_EQ(result.bad.size(), 1u);
  EXPECT_EQ(result.bad[0].ToString(), path.string() + ":2: invalid UTF-8 at byte 15 of the line");
}

TEST(RecordReaderTest, MissingOrEmptyTitleIsABadRecord) {
  ScratchDir dir;
  auto path = dir.Write("titles.jsonl",
                        Lines({kGood1, R"({"authors_shown": "A", "badge": "paper"})",
                               R"({"title": " \n ", "authors_shown": "A"})",
                               R"({"title": null, "authors_shown": "A"})"}));
  testing::ReadResult result = ReadFile(path);
  EXPECT_EQ(result.records.size(), 1u);
  ASSERT_EQ(result.bad.size(), 3u);
  EXPECT_EQ(result.bad[0].ToString(), path.string() + ":2: field 'title' is missing");
  EXPECT_EQ(result.bad[1].ToString(), path.string() + ":3: field 'title' is empty");
  EXPECT_EQ(result.bad[2].ToString(), path.string() + ":4: field 'title' is missing");
}

TEST(RecordReaderTest, ALineThatIsNotAnObjectIsABadRecord) {
  ScratchDir dir;
  auto path = dir.Write("array.jsonl", Lines({kGood1, R"(["title", "x"])"}));
  testing::ReadResult result = ReadFile(path);
  ASSERT_EQ(result.bad.size(), 1u);
  EXPECT_EQ(result.bad[0].message, "expected a JSON object, got array");
}

TEST(RecordReaderTest, BlankLinesAreSkippedButCounted) {
  ScratchDir dir;
  auto path = dir.Write("blank.jsonl", "\n  \n" + Lines({kGood1, "", "\t", "not json", kGood2}));
  testing::ReadResult result = ReadFile(path);
  EXPECT_EQ(result.records.size(), 2u);
  ASSERT_EQ(result.bad.size(), 1u);
  EXPECT_EQ(result.bad[0].line, 6u);
}

TEST(RecordReaderTest, WindowsLineEndingsRead) {
  ScratchDir dir;
  auto path = dir.Write("crlf.jsonl", std::string(kGood1) + "\r\n" + std::string(kGood2) + "\r\n");
  testing::ReadResult result = ReadFile(path);
  EXPECT_EQ(result.records.size(), 2u);
  EXPECT_THAT(result.bad, IsEmpty());
}

TEST(RecordReaderTest, EmptyFileIsAnOpenError) {
  ScratchDir dir;
  for (std::string_view content : {std::string_view(""), std::string_view("\n \n\t\n")}) {
    auto path = dir.Write("empty.jsonl", content);
    for (InputFormat format : {InputFormat::kAuto, InputFormat::kPaperDeckJsonl}) {
      Result<std::unique_ptr<RecordReader>> reader = RecordReader::Open(path, format);
      ASSERT_FALSE(reader.ok());
      EXPECT_EQ(reader.status().message(), path.string() + ": empty file");
    }
  }
}

TEST(RecordReaderTest, EmptyGzipIsAnOpenError) {
  ScratchDir dir;
  auto path = dir.WriteGzip("empty.jsonl.gz", "");
  Result<std::unique_ptr<RecordReader>> reader = RecordReader::Open(path);
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().message(), path.string() + ": empty file");
}

TEST(RecordReaderTest, NonexistentFileIsAnOpenError) {
  ScratchDir dir;
  Result<std::unique_ptr<RecordReader>> reader = RecordReader::Open(dir.path() / "missing.jsonl");
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), Status::Code::kNotFound);
  EXPECT_THAT(reader.status().message(),
              StartsWith((dir.path() / "missing.jsonl").string() + ": cannot open"));
}

TEST(RecordReaderTest, UndetectableFormatIsAnOpenErrorNamingTheLine) {
  ScratchDir dir;
  auto path = dir.Write("unknown.jsonl", "\n" + Lines({R"({"name": "x", "size": 3})", kGood1}));
  Result<std::unique_ptr<RecordReader>> reader = RecordReader::Open(path);
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().message(),
            path.string() + ":2: cannot tell the format (keys: name, size); use --format");
}

TEST(RecordReaderTest, GivenFormatNeedsNoDetection) {
  ScratchDir dir;
  // A first line nothing could detect: with a format given it is just a bad record.
  auto path = dir.Write("given.jsonl", Lines({"garbage", kGood1}));
  EXPECT_FALSE(RecordReader::Open(path).ok());
  Result<std::unique_ptr<RecordReader>> reader = RecordReader::Open(path, InputFormat::kPaperDeckJsonl);
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  EXPECT_EQ((*reader)->format(), InputFormat::kPaperDeckJsonl);
  testing::ReadResult result = testing::ReadAll(**reader);
  ASSERT_EQ(result.bad.size(), 1u);
  EXPECT_EQ(result.bad[0].line, 1u);
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].title, "Good one");
}

TEST(RecordReaderTest, GzipIsRecognisedWhateverTheName) {
  ScratchDir dir;
  std::string text = Lines({kGood1, kGood2});
  EXPECT_EQ(ReadFile(dir.WriteGzip("records.jsonl", text)).records.size(), 2u);
  EXPECT_EQ(ReadFile(dir.Write("records.jsonl.gz", text)).records.size(), 2u);
}

std::string ManyRecords(int n) {
  std::string text;
  for (int i = 1; i <= n; ++i) {
    text += R"({"id": "2401.)" + std::to_string(10000 + i) +
            R"(", "title": "Paper number )" + std::to_string(i) +
            R"(", "authors": ["Ada Lovelace", "Alan Turing"], "abstract": "An abstract long enough)"
            R"( to take some room in the compressed stream, about attention.", "categories":)"
            R"( ["cs.LG"], "published": "2024-01-15"})" "\n";
  }
  return text;
}

TEST(RecordReaderTest, TruncatedGzipReturnsTheRecordsBeforeTheCutThenFails) {
  ScratchDir dir;
  std::string gz = testing::Gzip(ManyRecords(5000));
  auto path = dir.Write("cut.jsonl.gz", gz.substr(0, gz.size() * 2 / 3));
  Result<std::unique_ptr<RecordReader>> reader = RecordReader::Open(path);
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  testing::ReadResult result = testing::ReadAll(**reader);
  EXPECT_THAT(result.bad, IsEmpty());
  ASSERT_GT(result.records.size(), 1000u);
  ASSERT_LT(result.records.size(), 5000u);
  EXPECT_EQ(result.records.back().title, "Paper number " + std::to_string(result.records.size()));
  ASSERT_TRUE(result.failure.has_value());
  EXPECT_EQ(result.failure->file, path.string());
  EXPECT_EQ(result.failure->line, result.records.size() + 1);
  EXPECT_EQ(result.failure->ToString(),
            path.string() + ":" + std::to_string(result.records.size() + 1) +
                ": the gzip stream ends early: the file is truncated");
  // The failure stays: a caller that asks again is told again.
  PaperRecord record;
  ReadIssue issue;
  EXPECT_EQ((*reader)->Next(&record, &issue), ReadOutcome::kFailed);
  EXPECT_EQ(issue.line, result.failure->line);
}

TEST(RecordReaderTest, GzipCutInsideItsFirstLineIsAnOpenError) {
  ScratchDir dir;
  std::string gz = testing::Gzip(ManyRecords(50));
  auto path = dir.Write("cut-early.jsonl.gz", gz.substr(0, 40));
  Result<std::unique_ptr<RecordReader>> reader = RecordReader::Open(path);
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), Status::Code::kCorruption);
  EXPECT_EQ(reader.status().message(),
            path.string() + ":1: the gzip stream ends early: the file is truncated");
}

TEST(RecordReaderTest, OverlongLineIsABadRecord) {
  ScratchDir dir;
  std::string huge = R"({"title": ")" + std::string(LineSource::kDefaultMaxLineBytes, 'x') +
                     R"(", "authors_shown": "A"})";
  auto path = dir.Write("huge.jsonl", Lines({kGood1, huge, kGood2}));
  testing::ReadResult result = ReadFile(path);
  EXPECT_EQ(result.records.size(), 2u);
  ASSERT_EQ(result.bad.size(), 1u);
  EXPECT_EQ(result.bad[0].ToString(),
            path.string() + ":2: the line is longer than 16 MiB, the most one record may take");
}

TEST(RecordReaderTest, ReportsProgressInBytes) {
  ScratchDir dir;
  auto path = dir.Write("progress.jsonl", ManyRecords(3000));
  Result<std::unique_ptr<RecordReader>> reader = RecordReader::Open(path);
  ASSERT_TRUE(reader.ok());
  RecordReader& r = **reader;
  EXPECT_EQ(r.file_size(), std::filesystem::file_size(path));
  PaperRecord record;
  ReadIssue issue;
  ASSERT_EQ(r.Next(&record, &issue), ReadOutcome::kRecord);
  EXPECT_LT(r.bytes_read(), r.file_size());
  while (r.Next(&record, &issue) == ReadOutcome::kRecord) {
  }
  EXPECT_EQ(r.bytes_read(), r.file_size());
}

}  // namespace
}  // namespace paperdeck::ingest

namespace paperdeck::ingest {
namespace {

// Lines of arbitrary bytes (a fixed pseudo-random sequence): every one is a record or a bad
// record, never a crash or a lost line, and the good line after them is still read.
TEST(RecordReaderTest, ArbitraryBytesAreBadRecordsNotCrashes) {
  testing::ScratchDir dir;
  std::string text = std::string(kGood1) + "\n";
  uint64_t state = 0x9E3779B97F4A7C15ull;
  auto next = [&state] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  constexpr int kLines = 500;
  for (int i = 0; i < kLines; ++i) {
    std::string line = R"({"title": ")";
    size_t length = next() % 200;
    for (size_t k = 0; k < length; ++k) {
      char c = static_cast<char>(next() % 256);
      if (c == '\n') c = ' ';
      line += c;
    }
    text += line + "\n";
  }
  text += std::string(kGood2) + "\n";
  testing::ReadResult result = testing::ReadFile(dir.Write("noise.jsonl", text));
  EXPECT_EQ(result.records.size() + result.bad.size(), kLines + 2u);
  EXPECT_GE(result.bad.size(), kLines * 9u / 10);
  ASSERT_FALSE(result.records.empty());
  EXPECT_EQ(result.records.back().title, "Good two");
  EXPECT_FALSE(result.failure.has_value());
}

}  // namespace
}  // namespace paperdeck::ingest
