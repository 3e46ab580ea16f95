#include "workspace/search_page.h"

#include <unordered_map>
#include <utility>

namespace paperdeck::workspace {

std::vector<FoundPaper> JoinHitsToPapers(std::span<const search::SearchHit> hits,
                                         std::vector<library::StoredPaper> papers) {
  std::unordered_map<int64_t, size_t> by_key;
  by_key.reserve(papers.size());
  for (size_t i = 0; i < papers.size(); ++i) by_key.emplace(papers[i].key, i);
  std::vector<FoundPaper> found;
  found.reserve(hits.size());
  for (const search::SearchHit& hit : hits) {
    auto it = by_key.find(static_cast<int64_t>(hit.paper_key));
    if (it == by_key.end()) continue;
    found.push_back({std::move(papers[it->second]), hit.score, {}, hit.explanation});
    by_key.erase(it);  // a key appears once in a page; a second hit would find nothing to move
  }
  return found;
}

Result<std::vector<FoundPaper>> ReadFoundPapers(library::Corpus& corpus,
                                                std::span<const search::SearchHit> hits) {
  std::vector<int64_t> keys;
  keys.reserve(hits.size());
  for (const search::SearchHit& hit : hits) keys.push_back(static_cast<int64_t>(hit.paper_key));
  PAPERDECK_ASSIGN_OR_RETURN(std::vector<library::StoredPaper> papers, corpus.Get(keys));
  std::vector<FoundPaper> found = JoinHitsToPapers(hits, std::move(papers));
  for (FoundPaper& f : found) {
    PAPERDECK_ASSIGN_OR_RETURN(f.library, corpus.LibraryOf(f.paper.key));
  }
  return found;
}

}  // namespace paperdeck::workspace
