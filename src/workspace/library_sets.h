// LibrarySets: what the library's filters answered, kept between searches while the library
// stays the same. Reading a 100,000-paper tag from the corpus takes tens of milliseconds, more
// than the rest of the search; a researcher runs the same `tag:` many times between changes.
// Every entry is kept for one library revision (Corpus::LibraryRevision, bumped by triggers on
// every change to the library tables, whoever writes them), and all are dropped when a search
// reads a different revision, so a tag change is still in the very next search.
//
// A search reads the revision before it reads any set, so a set stored under revision R was
// read at R or later: a change committed meanwhile can make an entry newer than its revision
// (and it is then read again at the next revision), never older.
//
// Threading: every method may be called from many threads at once (one mutex; the sets are
// shared, immutable, and copied out by the callers that combine them).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "search/library_keys.h"

namespace paperdeck::workspace {

class LibrarySets {
 public:
  // The set stored for leaf (LeafKey) at revision, or nullptr.
  std::shared_ptr<const search::PaperKeySet> Find(int64_t revision, const std::string& leaf);
  // Keeps set for leaf at revision. A revision other than the one kept drops every entry.
  void Store(int64_t revision, const std::string& leaf,
             std::shared_ptr<const search::PaperKeySet> set);

  // The library's entry order stored at revision, or nullptr; and keeping it.
  std::shared_ptr<const std::vector<uint64_t>> FindByEntry(int64_t revision);
  void StoreByEntry(int64_t revision, std::shared_ptr<const std::vector<uint64_t>> order);

 private:
  // REQUIRES: mu_ held. Drops everything kept for another revision.
  void MoveTo(int64_t revision);

  // Sets of nested tags and notes' words are few per revision; this bounds the odd session that
  // asks thousands of different ones.
  static constexpr size_t kMaxSets = 256;

  std::mutex mu_;
  int64_t revision_ = -1;
  std::unordered_map<std::string, std::shared_ptr<const search::PaperKeySet>> sets_;
  std::shared_ptr<const std::vector<uint64_t>> by_entry_;
};

}  // namespace paperdeck::workspace
