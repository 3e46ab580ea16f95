#include "search/feedback.h"

#include <algorithm>
#include <unordered_map>

namespace paperdeck::search {

std::vector<FeedbackTerm> ChooseFeedbackTerms(const vectors::ForwardIndex& forward,
                                              std::span<const uint64_t> papers,
                                              std::span<const std::string> query_terms,
                                              const FeedbackOptions& options) {
  std::vector<FeedbackTerm> out;
  if (!options.on()) return out;
  std::unordered_map<uint32_t, float> centroid;
  uint32_t taken = 0;
  for (uint64_t key : papers) {
    if (taken == options.docs) break;
    std::optional<vectors::DocRef> doc = forward.Find(key);
    if (!doc) continue;
    ++taken;
    for (const vectors::TermWeight& t : forward.VectorAt(*doc)) centroid[t.term] += t.weight;
  }
  std::vector<vectors::TermWeight> ranked;
  ranked.reserve(centroid.size());
  for (const auto& [term, weight] : centroid) {
    if (weight <= 0) continue;
    const std::string_view text = forward.term(term);
    if (std::find(query_terms.begin(), query_terms.end(), text) != query_terms.end()) continue;
    ranked.push_back({term, weight});
  }
  // Heaviest first; a tie by term id, so the choice never depends on the map's order.
  const size_t n = std::min<size_t>(options.terms, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + n, ranked.end(),
                    [](const vectors::TermWeight& a, const vectors::TermWeight& b) {
                      return a.weight != b.weight ? a.weight > b.weight : a.term < b.term;
                    });
  ranked.resize(n);
  if (ranked.empty()) return out;
  const float heaviest = ranked.front().weight;
  for (const vectors::TermWeight& t : ranked) {
    out.push_back({std::string(forward.term(t.term)), options.weight * t.weight / heaviest});
  }
  return out;
}

}  // namespace paperdeck::search
