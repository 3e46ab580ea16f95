#include "workspace/word_forms_lookup.h"

#include <vector>

namespace paperdeck::workspace {

std::optional<std::string> WordFormsLookup::WordFor(std::string_view term, uint64_t paper_key) {
  const int64_t keys[] = {static_cast<int64_t>(paper_key)};
  Result<std::vector<library::StoredPaper>> papers = corpus_.Get(keys);
  if (!papers.ok() || papers->empty()) return std::nullopt;
  const PaperRecord& record = papers->front().record;
  std::vector<std::string_view> texts = {record.title};
  for (const std::string& author : record.authors) texts.push_back(author);
  texts.push_back(record.abstract);
  std::vector<text::Token> tokens;
  for (std::string_view text : texts) {
    tokens.clear();
    analyzer_.Analyze(text, &tokens);
    for (const text::Token& t : tokens) {
      if (t.term == term) return std::string(text.substr(t.begin, t.end - t.begin));
    }
  }
  return std::nullopt;
}

}  // namespace paperdeck::workspace
