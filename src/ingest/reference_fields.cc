#include "ingest/reference_fields.h"

#include <cstdio>
#include <fstream>
#include <system_error>

#include "ingest/whitespace.h"
#include "model/ascii_case.h"
#include "model/paper_id.h"

namespace paperdeck::ingest {
namespace {

bool IsIdChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' ||
         c == '/' || c == '-';
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

Result<std::string> ReadReferenceFile(const std::filesystem::path& path) {
  std::error_code ec;
  const uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) return Status::IOError(path.string() + ": cannot read: " + ec.message());
  if (size > kMaxReferenceFileBytes) {
    return Status::InvalidArgument(path.string() + ": the file is larger than " +
                                   std::to_string(kMaxReferenceFileBytes >> 20) +
                                   " MiB, the most a .bib or CSL JSON file may be");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path.string() + ": cannot open");
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (static_cast<uintmax_t>(in.gcount()) != size) {
    return Status::IOError(path.string() + ": cannot read the whole file");
  }
  return bytes;
}

std::string ArxivIdInText(std::string_view text) {
  const std::string lower = AsciiLowercase(text);
  for (std::string_view marker : {"arxiv.org/abs/", "arxiv.org/pdf/", "arxiv:"}) {
    size_t at = 0;
    while ((at = lower.find(marker, at)) != std::string::npos) {
      size_t begin = at + marker.size();
      while (begin < text.size() && text[begin] == ' ') ++begin;
      size_t end = begin;
      while (end < text.size() && IsIdChar(text[end])) ++end;
      // "arXiv:1706.03762." at the end of a sentence: the final dot is not the id's.
      while (end > begin && text[end - 1] == '.') --end;
      std::string id = NormalizeArxivId(text.substr(begin, end - begin));
      if (!id.empty()) return id;
      at = begin;
    }
  }
  return {};
}

bool IsArxivVenue(std::string_view venue) {
  const std::string v = AsciiLowercase(Trim(venue));
  return v == "arxiv" || v.starts_with("arxiv preprint") || v.starts_with("arxiv e-print") ||
         v == "corr" || v.starts_with("arxiv:") || v == "arxiv.org";
}

std::vector<std::string> SplitKeywords(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != ',' && text[i] != ';') continue;
    std::string_view word = Trim(text.substr(start, i - start));
    if (!word.empty()) out.push_back(CollapseWhitespace(word));
    start = i + 1;
  }
  return out;
}

int MonthNumber(std::string_view text) {
  std::string_view t = Trim(text);
  if (!t.empty() && t.back() == '.') t.remove_suffix(1);
  if (t.empty()) return 0;
  if (t[0] >= '0' && t[0] <= '9') {
    int n = 0;
    for (char c : t) {
      if (c < '0' || c > '9') return 0;
      n = n * 10 + (c - '0');
      if (n > 12) return 0;
    }
    return n;
  }
  if (t.size() < 3) return 0;
  static constexpr std::string_view kNames[] = {"january", "february", "march",     "april",
                                                "may",     "june",     "july",      "august",
                                                "september", "october", "november", "december"};
  const std::string lower = AsciiLowercase(t);
  for (int m = 0; m < 12; ++m) {
    if (kNames[m].starts_with(lower)) return m + 1;
  }
  return 0;
}

std::string IsoDate(int year, int month, int day) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      day > kDays[month - 1]) {
    return {};
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

int YearIn(std::string_view text) {
  std::string_view t = Trim(text);
  if (t.size() < 4) return 0;
  int year = 0;
  for (size_t i = 0; i < 4; ++i) {
    if (t[i] < '0' || t[i] > '9') return 0;
    year = year * 10 + (t[i] - '0');
  }
  if (t.size() > 4 && t[4] >= '0' && t[4] <= '9') return 0;
  return year;
}

}  // namespace paperdeck::ingest
