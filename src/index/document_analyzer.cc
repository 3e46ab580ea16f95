#include "index/document_analyzer.h"

#include <algorithm>
#include <vector>

#include "model/digit_groups.h"

namespace paperdeck::index {
namespace {

constexpr int kTitle = static_cast<int>(Field::kTitle);
constexpr int kAbstract = static_cast<int>(Field::kAbstract);
constexpr int kAuthors = static_cast<int>(Field::kAuthors);
constexpr int kVenue = static_cast<int>(Field::kVenue);

}  // namespace

bool DocumentAnalyzer::MayBeCut(const IndexDocument& doc) {
  size_t authors = 0;
  for (std::string_view a : doc.authors) authors += a.size();
  const size_t longest = std::max({doc.title.size(), doc.abstract.size(), doc.venue.size(), authors});
  const size_t all = doc.title.size() + doc.abstract.size() + doc.venue.size() + authors;
  return 2 * longest >= kMaxFieldTokens || 2 * all >= kMaxDocumentTerms;
}

void DocumentAnalyzer::Analyze(const IndexDocument& doc, AnalyzedDocument* out) {
  out->Clear();
  DocValues& v = out->values;
  v.paper_key = doc.paper_key;
  v.date = doc.date;
  v.year = doc.year;
  v.citations = doc.citations;
  v.upvotes = doc.upvotes;
  v.is_new = doc.is_new;

  auto& fields = out->fields;
  DocumentCut& cut = out->cut;
  auto analyze = [&](int f, std::string_view text) {
    cut.total_bytes[f] = text.size();
    v.field_length[f] =
        analyzer_.AnalyzeUpTo(text, kMaxFieldTokens, &fields[f], 0, &cut.analysed_bytes[f]);
  };
  analyze(kTitle, doc.title);
  analyze(kAbstract, doc.abstract);
  analyze(kVenue, doc.venue);

  uint32_t position = 0;
  uint32_t length = 0;
  bool stopped = false;
  for (size_t i = 0; i < doc.authors.size(); ++i) {
    const std::string_view name = doc.authors[i];
    cut.total_bytes[kAuthors] += name.size();
    if (stopped) continue;
    if (i > 0) position += kValueGap;
    size_t analysed = 0;
    const uint32_t end = author_names_.AnalyzeUpTo(&analyzer_, name, kMaxFieldTokens,
                                                   &fields[kAuthors], position, &analysed);
    cut.analysed_bytes[kAuthors] += analysed;
    length += end - position;
    position = end;
    stopped = analysed < name.size();
  }
  v.field_length[kAuthors] = length;

  size_t tokens = 0;
  for (const auto& f : fields) tokens += f.size();
  if (tokens > kMaxDocumentTerms) CapDistinctTerms(out);

  out->categories.assign(doc.categories.begin(), doc.categories.end());
}

void DocumentAnalyzer::CapDistinctTerms(AnalyzedDocument* out) {
  // First decide which tokens stay (the set's views point into the tokens, which must not move
  // meanwhile), then compact each field.
  static constexpr int kOrder[] = {kTitle, kAuthors, kVenue, kAbstract};
  std::array<std::vector<bool>, kNumFields> keep;
  terms_.clear();
  for (int f : kOrder) {
    const std::vector<text::Token>& tokens = out->fields[f];
    keep[f].assign(tokens.size(), true);
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (terms_.count(tokens[i].term) > 0) continue;
      if (terms_.size() < kMaxDocumentTerms) {
        terms_.insert(tokens[i].term);
      } else {
        keep[f][i] = false;
        ++out->cut.dropped_tokens;
      }
    }
  }
  terms_.clear();
  for (int f = 0; f < kNumFields; ++f) {
    std::vector<text::Token>& tokens = out->fields[f];
    size_t kept = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (!keep[f][i]) continue;
      if (kept != i) tokens[kept] = std::move(tokens[i]);
      ++kept;
    }
    tokens.resize(kept);
  }
}

std::string DescribeCut(const DocumentCut& cut) {
  static constexpr const char* kNames[kNumFields] = {"title", "abstract", "authors", "venue"};
  std::string out;
  for (int f = 0; f < kNumFields; ++f) {
    if (cut.analysed_bytes[f] == cut.total_bytes[f]) continue;
    if (!out.empty()) out += "; ";
    out += std::string("the ") + kNames[f] + " is indexed up to byte " +
           WithCommas(cut.analysed_bytes[f]) + " of " + WithCommas(cut.total_bytes[f]) + " (" +
           WithCommas(kMaxFieldTokens) + " terms per field)";
  }
  if (cut.dropped_tokens > 0) {
    if (!out.empty()) out += "; ";
    out += WithCommas(cut.dropped_tokens) + " words are not indexed, their terms coming after the "
           "paper's first " + WithCommas(kMaxDocumentTerms) + " distinct terms";
  }
  return out;
}

}  // namespace paperdeck::index
