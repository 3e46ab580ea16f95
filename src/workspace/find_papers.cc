#include "workspace/find_papers.h"

#include <algorithm>

namespace paperdeck::workspace {

std::vector<int64_t> FoundPapers::keys() const {
  std::vector<int64_t> out;
  for (const library::StoredPaper& p : papers) out.push_back(p.key);
  return out;
}

Result<FoundPapers> FindPapers(library::Corpus& corpus, std::span<const std::string> ids) {
  FoundPapers out;
  for (const std::string& id : ids) {
    Result<std::optional<library::StoredPaper>> found = corpus.Find(id);
    if (!found.ok()) return found.status();
    if (!found->has_value()) {
      out.missing.push_back(id);
      continue;
    }
    const int64_t key = (*found)->key;
    if (std::none_of(out.papers.begin(), out.papers.end(),
                     [key](const library::StoredPaper& p) { return p.key == key; })) {
      out.papers.push_back(std::move(**found));
    }
  }
  return out;
}

}  // namespace paperdeck::workspace
