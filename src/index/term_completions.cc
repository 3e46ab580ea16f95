#include "index/term_completions.h"

#include <algorithm>
#include <memory>

#include "index/field.h"
#include "index/segment_posting_cursor.h"
#include "index/segment_reader.h"
#include "index/term_dictionary_reader.h"

namespace paperdeck::index {
namespace {

// Higher df first, then term order: "better" in the heap's sense.
bool Better(const TermCompletion& a, const TermCompletion& b) {
  if (a.df != b.df) return a.df > b.df;
  return a.term < b.term;
}

}  // namespace

std::vector<TermCompletion> TopTermsWithPrefix(const IndexReader& reader, std::string_view prefix,
                                               size_t limit) {
  std::vector<TermCompletion> top;
  // Category terms ("\x01") and exact forms ("\x02") are not words to complete.
  if (prefix.empty() || limit == 0 || prefix.front() == '\x01' || IsExactFormTerm(prefix)) {
    return top;
  }

  // One iterator per segment, each on its range; the smallest current term is taken next.
  std::vector<TermDictionaryReader::Iterator> its;
  for (const auto& segment : reader.segments()) {
    TermDictionaryReader::Iterator it = segment->dictionary().Seek(prefix);
    if (it.Valid() && it.term().starts_with(prefix)) its.push_back(std::move(it));
  }
  // top is a min-heap under Better: its front is the weakest kept term.
  auto weaker = [](const TermCompletion& a, const TermCompletion& b) { return Better(a, b); };
  std::string term;
  while (!its.empty()) {
    // Segments are few (tens): a linear scan for the smallest term beats a heap of iterators.
    std::string_view smallest = its.front().term();
    for (size_t i = 1; i < its.size(); ++i) smallest = std::min(smallest, its[i].term());
    term.assign(smallest);
    uint64_t df = 0;
    for (size_t i = 0; i < its.size();) {
      if (its[i].term() != term) {
        ++i;
        continue;
      }
      df += its[i].info().df;
      its[i].Next();
      if (its[i].Valid() && its[i].term().starts_with(prefix)) {
        ++i;
      } else {
        its[i] = std::move(its.back());
        its.pop_back();
      }
    }
    if (top.size() < limit) {
      top.push_back(TermCompletion{term, df, 0});
      std::push_heap(top.begin(), top.end(), weaker);
    } else if (df > top.front().df) {
      std::pop_heap(top.begin(), top.end(), weaker);
      top.back() = TermCompletion{term, df, 0};
      std::push_heap(top.begin(), top.end(), weaker);
    }
  }
  std::sort(top.begin(), top.end(), Better);

  for (TermCompletion& c : top) c.fields = FieldsHolding(reader, c.term);
  return top;
}

FieldMask FieldsHolding(const IndexReader& reader, std::string_view term) {
  FieldMask fields = 0;
  for (const auto& segment : reader.segments()) {
    std::unique_ptr<SegmentPostingCursor> postings = segment->Postings(term);
    if (!postings) continue;
    const Impact& impact = postings->list_impact();
    for (int f = 0; f < kNumFields; ++f) {
      if (impact.max_tf[f] > 0) fields |= FieldBit(static_cast<Field>(f));
    }
    if (fields == kAllTextFields) break;  // no segment can add one
  }
  return fields;
}

}  // namespace paperdeck::index
