#include "index/frequent_terms.h"

#include <algorithm>
#include <tuple>

namespace paperdeck::index {

FrequentTerms::FrequentTerms(const TermDictionaryReader& dict, uint32_t min_docs)
    : min_docs_(min_docs) {
  struct Found {
    size_t begin, size;
    uint32_t df;
  };
  std::vector<Found> found;
  for (auto it = dict.Seek("\x03"); it.Valid(); it.Next()) {
    if (it.info().df < min_docs) continue;
    found.push_back({bytes_.size(), it.term().size(), it.info().df});
    bytes_.append(it.term());
  }
  // bytes_ is whole now: the views can be taken.
  entries_.reserve(found.size());
  for (const Found& f : found) entries_.push_back({std::string_view(bytes_).substr(f.begin, f.size), f.df});
  std::stable_sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
    const auto first_a = static_cast<unsigned char>(a.term[0]);
    const auto first_b = static_cast<unsigned char>(b.term[0]);
    return std::tuple(first_a, b.df) < std::tuple(first_b, a.df);
  });
  size_t at = 0;
  for (int byte = 0; byte < 256; ++byte) {
    group_begin_[byte] = at;
    while (at < entries_.size() && static_cast<unsigned char>(entries_[at].term[0]) == byte) ++at;
  }
  group_begin_[256] = entries_.size();
}

const FrequentTerms* LazyFrequentTerms::Get(const TermDictionaryReader& dict,
                                            const std::function<void()>& before_building) const {
  if (asked_.load(std::memory_order_relaxed) < kAsksBeforeBuilding &&
      asked_.fetch_add(1, std::memory_order_relaxed) + 1 < kAsksBeforeBuilding) {
    return nullptr;
  }
  std::call_once(once_, [&] {
    before_building();
    built_ = std::make_unique<const FrequentTerms>(dict);
  });
  return built_.get();
}

}  // namespace paperdeck::index
