// Frequent terms: a segment's analysed terms held by at least kFrequentTermDocs of its documents,
// grouped by first byte, each group by document frequency descending.
//
// A spelling corrector asks for the neighbours of a word that are far more frequent than the word
// (search/did_you_mean.h: twenty times). For a word found in a few papers or more, every such
// neighbour is frequent in some segment, so reading the head of one group per segment finds them
// all; the walk of the dictionary (index/term_neighbours.h), which visits every term near the
// word however rare, is left for words that are rare or absent: the typos themselves.
//
// Kept with the segment's file and built from its dictionary in one pass, by the
// kAsksBeforeBuilding-th asking: a process that corrects a few words (one command) keeps walking,
// one that corrects many (the server) builds once per segment. At 75,728 papers in one segment the
// lists hold about 12,000 terms.
//
// Threading: FrequentTerms is immutable; LazyFrequentTerms::Get may be called from many threads.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "index/term_dictionary_reader.h"

namespace paperdeck::index {

// A term is frequent in a segment from this many documents (deleted ones included).
inline constexpr uint32_t kFrequentTermDocs = 64;
// Askings of a segment's frequent terms before they are built: a dictionary's pass costs about
// as many walks of one letter's terms.
inline constexpr uint32_t kAsksBeforeBuilding = 32;

class FrequentTerms {
 public:
  struct Entry {
    std::string_view term;  // into the list's own bytes
    uint32_t df = 0;
  };

  // One pass of dict; terms before "\x03" (categories, exact forms) are left out.
  explicit FrequentTerms(const TermDictionaryReader& dict, uint32_t min_docs = kFrequentTermDocs);
  FrequentTerms(const FrequentTerms&) = delete;
  FrequentTerms& operator=(const FrequentTerms&) = delete;

  uint32_t min_docs() const { return min_docs_; }
  size_t size() const { return entries_.size(); }
  // The frequent terms beginning with byte first, by df descending (ties in term order).
  std::span<const Entry> StartingWith(unsigned char first) const {
    return std::span<const Entry>(entries_).subspan(group_begin_[first],
                                                    group_begin_[first + 1] - group_begin_[first]);
  }

 private:
  uint32_t min_docs_;
  std::string bytes_;            // every term, one after another
  std::vector<Entry> entries_;   // grouped by first byte
  std::array<size_t, 257> group_begin_{};
};

// A segment's FrequentTerms, built on the kAsksBeforeBuilding-th Get.
class LazyFrequentTerms {
 public:
  // nullptr until asked often enough; then the lists (built by the thread that gets there first,
  // which calls before_building first: the caller may ask for the dictionary's pages at once).
  const FrequentTerms* Get(const TermDictionaryReader& dict,
                           const std::function<void()>& before_building) const;

 private:
  mutable std::atomic<uint32_t> asked_{0};
  mutable std::once_flag once_;
  mutable std::unique_ptr<const FrequentTerms> built_;
};

}  // namespace paperdeck::index
