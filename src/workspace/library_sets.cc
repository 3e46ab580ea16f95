#include "workspace/library_sets.h"

#include <utility>

namespace paperdeck::workspace {

void LibrarySets::MoveTo(int64_t revision) {
  if (revision == revision_) return;
  revision_ = revision;
  sets_.clear();
  by_entry_.reset();
}

std::shared_ptr<const search::PaperKeySet> LibrarySets::Find(int64_t revision,
                                                              const std::string& leaf) {
  std::lock_guard<std::mutex> lock(mu_);
  if (revision != revision_) return nullptr;
  auto it = sets_.find(leaf);
  return it == sets_.end() ? nullptr : it->second;
}

void LibrarySets::Store(int64_t revision, const std::string& leaf,
                        std::shared_ptr<const search::PaperKeySet> set) {
  std::lock_guard<std::mutex> lock(mu_);
  // A slower search that read an older revision must not throw away a newer one's sets.
  if (revision < revision_) return;
  MoveTo(revision);
  if (sets_.size() >= kMaxSets) sets_.clear();
  sets_[leaf] = std::move(set);
}

std::shared_ptr<const std::vector<uint64_t>> LibrarySets::FindByEntry(int64_t revision) {
  std::lock_guard<std::mutex> lock(mu_);
  return revision == revision_ ? by_entry_ : nullptr;
}

void LibrarySets::StoreByEntry(int64_t revision,
                               std::shared_ptr<const std::vector<uint64_t>> order) {
  std::lock_guard<std::mutex> lock(mu_);
  if (revision < revision_) return;
  MoveTo(revision);
  by_entry_ = std::move(order);
}

}  // namespace paperdeck::workspace
