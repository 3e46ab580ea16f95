// The papers a command names, all found before any is changed: a command over several ids
// (`tag`, `mark`) checks every one first and changes none if any is wrong.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "library/corpus.h"
#include "model/status.h"

namespace paperdeck::workspace {

struct FoundPapers {
  std::vector<library::StoredPaper> papers;  // in the order named, each paper once
  std::vector<std::string> missing;          // ids no paper answers to, as given
  std::vector<int64_t> keys() const;
};

// Finds each id (a canonical id, an arXiv id with or without version, a DOI: Corpus::Find).
Result<FoundPapers> FindPapers(library::Corpus& corpus, std::span<const std::string> ids);

}  // namespace paperdeck::workspace
