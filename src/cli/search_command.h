// `paperdeck search QUERY`: runs a query over the index and draws the hits as cards, or prints
// them as JSON for scripts (--json).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace paperdeck::cli {

struct SearchOptions {
  std::filesystem::path data;
  std::string query;
  std::string sort = "relevance";  // relevance | newest | citations | upvotes
  uint32_t page = 1;               // 1-based
  uint32_t limit = 10;
  bool json = false;
  bool plain = false;  // no character is an operator
  bool exact = false;  // never show a suggestion's results in place of none
  bool explain = false;  // each result's score, part by part
  bool expand = false;   // plain words as a question, with feedback terms (SearchRequest::expand)
  std::string mode = "keyword";  // keyword | hybrid (BM25F fused with the dense neighbours)
};

int RunSearch(const SearchOptions& options);

}  // namespace paperdeck::cli
