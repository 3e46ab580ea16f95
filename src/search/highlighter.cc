#include "search/highlighter.h"

#include <algorithm>
#include <unordered_set>

#include "index/field.h"

namespace paperdeck::search {

std::vector<HighlightSpan> Highlight(std::string_view text, const std::vector<std::string>& terms,
                                     text::Analyzer& analyzer) {
  std::vector<HighlightSpan> spans;
  if (terms.empty() || text.empty()) return spans;
  std::unordered_set<std::string_view> wanted(terms.begin(), terms.end());
  const bool forms = std::any_of(terms.begin(), terms.end(), index::IsExactFormTerm);
  std::vector<text::Token> tokens;
  analyzer.Analyze(text, &tokens);
  std::string form;
  for (const text::Token& t : tokens) {
    if (t.begin >= t.end) continue;
    bool hit = wanted.contains(t.term);
    if (!hit && forms && !t.form.empty()) {
      form = index::ExactFormHighlightTerm(t.form);
      hit = wanted.contains(form);
    }
    if (hit) spans.push_back({t.begin, t.end});
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
