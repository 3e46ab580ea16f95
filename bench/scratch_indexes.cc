#include "scratch_indexes.h"

#include <unistd.h>

#include <ctime>
#include <fstream>
#include <sstream>
#include <system_error>

namespace paperdeck::bench {

namespace fs = std::filesystem;

namespace {

// Changes whenever a build's content changes (columns, terms, prefixes), so that an older build
// is never taken for a current one.
constexpr const char* kFormat = "search_bench-build-5";

std::string UtcNow() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof(text), "%Y-%m-%d %H:%M UTC", &utc);
  return text;
}

}  // namespace

Result<std::unique_ptr<ScratchIndexes>> ScratchIndexes::Open(const fs::path& tmp_root,
                                                             const fs::path& keep) {
  bool kept = !keep.empty();
  fs::path dir = kept ? keep : tmp_root / ("paperdeck-bench-" + std::to_string(::getpid()));
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Status::IOError(dir.string() + ": " + ec.message());
  return std::unique_ptr<ScratchIndexes>(new ScratchIndexes(dir, kept));
}

ScratchIndexes::~ScratchIndexes() {
  if (kept_) return;
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

std::string ScratchIndexes::BuiltEarlier(const std::string& engine, int64_t revision,
                                         uint64_t papers, const std::string& code) const {
  // The stamp's lines: format, "revision papers", code, when.
  std::ifstream in(StampOf(engine));
  std::string format, stamped_code, when;
  int64_t stamped_revision = -1;
  uint64_t stamped_papers = 0;
  if (!std::getline(in, format) || !(in >> stamped_revision >> stamped_papers)) return "";
  in.ignore(1);
  std::getline(in, stamped_code);
  std::getline(in, when);
  std::error_code ec;
  if (format != kFormat || stamped_revision != revision || stamped_papers != papers ||
      stamped_code != code || !fs::exists(PathOf(engine), ec)) {
    return "";
  }
  return when.empty() ? "unknown time" : when;
}

Status ScratchIndexes::Clear(const std::string& engine) {
  std::error_code ec;
  fs::remove(StampOf(engine), ec);
  fs::remove_all(PathOf(engine), ec);
  if (ec) return Status::IOError(PathOf(engine).string() + ": " + ec.message());
  return Status::Ok();
}

Status ScratchIndexes::Stamp(const std::string& engine, int64_t revision, uint64_t papers,
                             const std::string& code) {
  std::ofstream out(StampOf(engine));
  out << kFormat << '\n' << revision << ' ' << papers << '\n' << code << '\n' << UtcNow() << '\n';
  out.close();
  if (!out) return Status::IOError(StampOf(engine).string() + ": write failed");
  return Status::Ok();
}

}  // namespace paperdeck::bench
