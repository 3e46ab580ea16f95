// `paperdeck feed [NAME]`: per saved search, the papers new since its user last looked, newest
// first, with counts; looking marks them seen (`--peek` does not). `feed NAME --format atom`
// prints instead the saved search's Atom feed, the document `serve` gives at /feeds/NAME.atom
// (present/saved_search_atom.h), with links on --base-url; it marks nothing seen.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace paperdeck::cli {

struct FeedOptions {
  std::filesystem::path data;
  std::string name;  // empty: every saved search
  bool peek = false;
  bool json = false;
  std::string format = "text";  // "text", "json" (as --json) or "atom"
  std::string base_url = "http://127.0.0.1:8080";  // atom: where `serve` answers
  uint32_t limit = 20;  // papers shown per saved search
};

int RunFeed(const FeedOptions& options);

}  // namespace paperdeck::cli
