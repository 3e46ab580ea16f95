#include "search/highlighter.h"

#include <algorithm>
#include <unordered_set>

namespace paperdeck::search {

std::vector<HighlightSpan> Highlight(std::string_view text, const std::vector<std::string>& terms,
                                     text::Analyzer& analyzer) {
  std::vector<HighlightSpan> spans;
  if (terms.empty() || text.empty()) return spans;
  std::unordered_set<std::string_view> wanted(terms.begin(), terms.end());
  std::vector<text::Token> tokens;
  analyzer.Analyze(text, &tokens);
  for (const text::Token& t : tokens) {
    if (t.begin < t.end && wanted.contains(t.term)) spans.push_back({t.begin, t.end});
  }
  std::sort(spans.begin(), spans.end(), [](const HighlightSpan& a, const HighlightSpan& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<HighlightSpan> merged;
  for (const HighlightSpan& s : spans) {
    if (!merged.empty() && s.begin <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, s.end);
    } else {
      merged.push_back(s);
    }
  }
  return merged;
}

}  // namespace paperdeck::search
