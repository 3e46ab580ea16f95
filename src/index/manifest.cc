#include "index/manifest.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "index/crc32c.h"
#include "index/deletion_bitmap.h"
#include "index/file_writer.h"

namespace paperdeck::index {
namespace {

constexpr std::string_view kMagicWord = "paperdeck-index";

template <typename T>
bool ParseNumber(std::string_view s, T* out, int base = 10) {
  const char* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, *out, base);
  return ec == std::errc() && p == end;
}

std::vector<std::string_view> Words(std::string_view line) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    size_t j = i;
    while (j < line.size() && line[j] != ' ') ++j;
    if (j > i) words.push_back(line.substr(i, j - i));
    i = j;
  }
  return words;
}

bool ValidName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  }
  return true;
}

}  // namespace

std::string SegmentName(uint64_t number) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "s%06llu", static_cast<unsigned long long>(number));
  return buf;
}

std::string SegmentFileName(std::string_view name) { return std::string(name) + ".seg"; }

std::vector<std::string> ManifestFiles(const Manifest& m) {
  std::vector<std::string> files;
  for (const ManifestSegment& s : m.segments) {
    files.push_back(SegmentFileName(s.name));
    if (s.deletion_generation > 0) files.push_back(DeletionFileName(s.name, s.deletion_generation));
  }
  return files;
}

std::string SerializeManifest(const Manifest& m) {
  std::string out;
  out += std::string(kMagicWord) + " " + std::to_string(kManifestFormatVersion) + "\n";
  out += "corpus_revision " + std::to_string(m.corpus_revision) + "\n";
  out += "next_segment " + std::to_string(m.next_segment) + "\n";
  for (const ManifestSegment& s : m.segments) {
    out += "segment " + s.name + " " + std::to_string(s.doc_count) + " " +
           std::to_string(s.deletion_generation) + " " + std::to_string(s.deleted_count) + "\n";
  }
  char crc[16];
  std::snprintf(crc, sizeof crc, "%08x", Crc32c(out.data(), out.size()));
  out += "checksum " + std::string(crc) + "\n";
  return out;
}

Result<Manifest> ParseManifest(std::string_view text) {
  auto bad = [](const std::string& what, int line) {
    return Status::Corruption("MANIFEST line " + std::to_string(line) + ": " + what);
  };
  Manifest m;
  size_t at = 0;
  int line_no = 0;
  bool header = false, checksum = false;
  while (at < text.size()) {
    size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) return bad("truncated (no final newline)", line_no + 1);
    std::string_view line = text.substr(at, nl - at);
    const size_t line_start = at;
    at = nl + 1;
    ++line_no;
    if (checksum) return bad("text after the checksum", line_no);
    std::vector<std::string_view> w = Words(line);
    if (w.empty()) return bad("empty line", line_no);
    if (!header) {
      uint32_t version;
      if (w.size() != 2 || w[0] != kMagicWord || !ParseNumber(w[1], &version)) {
        return bad("not a paperdeck index manifest", line_no);
      }
      if (version != kManifestFormatVersion) {
        return bad("unsupported manifest version " + std::string(w[1]), line_no);
      }
      header = true;
    } else if (w[0] == "corpus_revision" && w.size() == 2) {
      if (!ParseNumber(w[1], &m.corpus_revision)) return bad("bad corpus_revision", line_no);
    } else if (w[0] == "next_segment" && w.size() == 2) {
      if (!ParseNumber(w[1], &m.next_segment)) return bad("bad next_segment", line_no);
    } else if (w[0] == "segment" && w.size() == 5) {
      ManifestSegment s;
      s.name = std::string(w[1]);
      if (!ValidName(s.name) || !ParseNumber(w[2], &s.doc_count) ||
          !ParseNumber(w[3], &s.deletion_generation) || !ParseNumber(w[4], &s.deleted_count) ||
          s.deleted_count > s.doc_count) {
        return bad("bad segment line", line_no);
      }
      m.segments.push_back(std::move(s));
    } else if (w[0] == "checksum" && w.size() == 2) {
      uint32_t crc;
      if (!ParseNumber(w[1], &crc, 16)) return bad("bad checksum", line_no);
      if (Crc32c(text.data(), line_start) != crc) return bad("checksum mismatch", line_no);
      checksum = true;
    } else {
      return bad("unknown line", line_no);
    }
  }
  if (!checksum) return bad("no checksum line (truncated?)", line_no);
  return m;
}

Result<std::optional<Manifest>> ReadManifest(const std::filesystem::path& dir) {
  const std::filesystem::path path = dir / kManifestFileName;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec) && !ec) return std::optional<Manifest>();
    return Status::IOError("cannot read " + path.string());
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::IOError("cannot read " + path.string());
  auto m = ParseManifest(text.str());
  if (!m.ok()) return Status::Corruption(path.string() + ": " + m.status().message());
  return std::optional<Manifest>(std::move(m.value()));
}

Status WriteManifest(const std::filesystem::path& dir, const Manifest& m) {
  const std::filesystem::path tmp = dir / kManifestTempFileName;
  auto out = FileWriter::Create(tmp);
  if (!out.ok()) return out.status();
  Status s = out.value()->Append(SerializeManifest(m));
  if (s.ok()) s = out.value()->Sync();
  if (s.ok()) s = out.value()->Close();
  if (s.ok() && std::rename(tmp.c_str(), (dir / kManifestFileName).c_str()) != 0) {
    s = Status::IOError(ErrnoMessage("cannot rename manifest into place", tmp));
  }
  if (s.ok()) s = SyncDirectory(dir);
  return s;
}

}  // namespace paperdeck::index
