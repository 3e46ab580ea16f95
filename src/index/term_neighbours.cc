#include "index/term_neighbours.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "index/frequent_terms.h"
#include "text/utf8.h"

namespace paperdeck::index {
namespace {

// The code points of s, with the byte each one ends at. An invalid byte is a code point of its
// own, distinct from every valid one and from other invalid bytes.
void Decode(std::string_view s, std::vector<char32_t>* cps, std::vector<size_t>* ends) {
  cps->clear();
  if (ends) ends->clear();
  for (size_t pos = 0; pos < s.size();) {
    text::DecodedCodePoint d = text::DecodeUtf8(s, pos);
    char32_t c = d.value;
    if (c == text::kInvalidCodePoint) c = 0x110000 + static_cast<unsigned char>(s[pos]);
    cps->push_back(c);
    pos += d.length;
    if (ends) ends->push_back(pos);
  }
}

// The smallest string greater than every string beginning with prefix; empty when none is.
std::string Successor(std::string_view prefix) {
  std::string s(prefix);
  while (!s.empty() && static_cast<unsigned char>(s.back()) == 0xFF) s.pop_back();
  if (!s.empty()) s.back() = static_cast<char>(static_cast<unsigned char>(s.back()) + 1);
  return s;
}

// Where the dictionary's analysed terms begin: past the category terms ("\x01...") and the
// exact forms ("\x02...").
constexpr std::string_view kFirstAnalysedTerm = "\x03";

// Terms a skip passes over one by one before it seeks: a seek binary-searches the block index,
// while the next terms are often past the skipped prefix already.
constexpr int kStepsBeforeSeek = 8;

// The last row of the distance table of s (rows) against t (columns): cell j is the
// Damerau–Levenshtein distance (optimal string alignment) of s to t's first j code points.
std::vector<int> LastRow(const std::vector<char32_t>& s, const std::vector<char32_t>& t) {
  const size_t w = t.size() + 1;
  std::vector<int> d((s.size() + 1) * w);
  for (size_t j = 0; j < w; ++j) d[j] = static_cast<int>(j);
  for (size_t i = 1; i <= s.size(); ++i) {
    d[i * w] = static_cast<int>(i);
    for (size_t j = 1; j < w; ++j) {
      int v = std::min(d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1);
      v = std::min(v, d[(i - 1) * w + j - 1] + (s[i - 1] == t[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && s[i - 1] == t[j - 2] && s[i - 2] == t[j - 1]) {
        v = std::min(v, d[(i - 2) * w + j - 2] + 1);
      }
      d[i * w + j] = v;
    }
  }
  return std::vector<int>(d.end() - static_cast<std::ptrdiff_t>(w), d.end());
}

// The word's first same_prefix code points (all of it when shorter).
std::string_view SamePrefix(std::string_view word, size_t same_prefix) {
  size_t pos = 0;
  for (size_t i = 0; i < same_prefix && pos < word.size(); ++i) {
    pos += text::DecodeUtf8(word, pos).length;
  }
  return word.substr(0, std::min(pos, word.size()));
}

// Asks each segment for its terms beginning with prefix, all at once, before a walk reads them
// (a cold dictionary is then read in one go per segment, not a page at a time). Nothing for an
// empty prefix: the walk then skips most of the dictionary.
void WillReadTermsWith(const IndexReader& reader, std::string_view prefix) {
  if (prefix.empty()) return;
  const std::string past = Successor(prefix);
  for (const auto& segment : reader.segments()) segment->WillReadTerms(prefix, past);
}

}  // namespace

void ForEachTermWithPrefix(const TermDictionaryReader& dict, std::string_view prefix,
                           const std::function<void(std::string_view, const TermInfo&)>& visit) {
  for (auto it = dict.Seek(prefix); it.Valid(); it.Next()) {
    if (!it.term().starts_with(prefix)) break;
    visit(it.term(), it.info());
  }
}

// Why a row whose every cell exceeds k ends the walk under its prefix. Row i holds, for each
// prefix of the word, the distance to the term's first i code points. A cell of row i+1 comes
// from row i (a deletion +1, a match +0, a substitution +1), from its own row (an insertion +1,
// itself coming from rows i and i-1 in the end) or from row i-1 (a swap, +1). So
// min(row i+1) >= min(min(row i), min(row i-1) + 1). A deletion bounds each cell of row i by
// the one above plus one, so min(row i-1) >= min(row i) - 1 >= k when min(row i) > k; then
// min(row i+1) > k, and by induction every later row too.
void ForEachTermWithin(const TermDictionaryReader& dict, std::string_view word, int max_edits,
                       size_t same_prefix,
                       const std::function<void(std::string_view, const TermInfo&, int)>& visit) {
  ForEachTermNearPrefixOf(dict, word, max_edits, same_prefix, SIZE_MAX, visit);
}

// The walk above, reading a term's distance to the word's prefixes of min_prefix code points or
// more from the last row: the least of its cells from min_prefix on (only the last cell when
// min_prefix is the word's length).
void ForEachTermNearPrefixOf(const TermDictionaryReader& dict, std::string_view word,
                             int max_edits, size_t same_prefix, size_t min_prefix,
                             const std::function<void(std::string_view, const TermInfo&, int)>& visit) {
  const int k = std::clamp(max_edits, 0, kMaxEdits);
  std::vector<char32_t> q, t;
  std::vector<size_t> t_ends;
  Decode(word, &q, nullptr);
  const size_t m = q.size();
  const size_t width = m + 1;
  min_prefix = std::min(min_prefix, m);

  const std::string_view start = SamePrefix(word, same_prefix);

  // rows[i * width + j]: the distance of the term's first i code points to the word's first j,
  // capped at k + 1. Row 0 is the same for every term.
  std::vector<uint8_t> rows(width);
  const auto cap = static_cast<uint8_t>(k + 1);
  for (size_t j = 0; j < width; ++j) rows[j] = static_cast<uint8_t>(std::min<size_t>(j, cap));
  size_t valid_rows = 0;  // rows 1..valid_rows hold the previous term's first code points
  std::string previous;

  auto it = dict.Seek(start.empty() ? kFirstAnalysedTerm : start);
  while (it.Valid()) {
    const std::string_view term = it.term();
    if (!start.empty() && !term.starts_with(start)) break;
    if (term.empty() || static_cast<unsigned char>(term[0]) < 0x03) {
      it = dict.Seek(kFirstAnalysedTerm);
      continue;
    }
    Decode(term, &t, &t_ends);
    // The rows of the code points this term shares with the previous one still hold.
    size_t shared_bytes = 0;
    while (shared_bytes < previous.size() && shared_bytes < term.size() &&
           previous[shared_bytes] == term[shared_bytes]) {
      ++shared_bytes;
    }
    size_t i = 0;
    while (i < t.size() && i < valid_rows && t_ends[i] <= shared_bytes) ++i;
    if (rows.size() < (t.size() + 1) * width) rows.resize((t.size() + 1) * width);

    size_t dead_at = 0;  // the prefix length whose row exceeds k everywhere; 0: none
    for (; i < t.size(); ++i) {
      const uint8_t* above = &rows[i * width];
      const uint8_t* two_above = i > 0 ? &rows[(i - 1) * width] : nullptr;
      uint8_t* row = &rows[(i + 1) * width];
      row[0] = static_cast<uint8_t>(std::min<size_t>(i + 1, cap));
      uint8_t least = row[0];
      for (size_t j = 1; j < width; ++j) {
        int v = std::min(above[j] + 1, row[j - 1] + 1);
        v = std::min(v, above[j - 1] + (t[i] == q[j - 1] ? 0 : 1));
        if (i > 0 && j > 1 && t[i] == q[j - 2] && t[i - 1] == q[j - 1]) {
          v = std::min(v, two_above[j - 2] + 1);
        }
        row[j] = static_cast<uint8_t>(std::min(v, static_cast<int>(cap)));
        least = std::min(least, row[j]);
      }
      if (least > k) {
        dead_at = i + 1;
        break;
      }
    }
    previous.assign(term);
    if (dead_at == 0) {
      valid_rows = t.size();
      const uint8_t* last = &rows[t.size() * width];
      const int distance = *std::min_element(last + min_prefix, last + m + 1);
      if (distance <= k) visit(term, it.info(), distance);
      it.Next();
      continue;
    }
    // No term beginning with the term's first dead_at code points is within reach.
    valid_rows = dead_at;
    // (A copy's view: moving the iterator changes the term it holds.)
    const std::string_view dead = std::string_view(previous).substr(0, t_ends[dead_at - 1]);
    const std::string past = Successor(dead);
    if (past.empty()) break;
    int steps = 0;
    do {
      it.Next();
    } while (it.Valid() && it.term().starts_with(dead) && ++steps < kStepsBeforeSeek);
    if (it.Valid() && it.term().starts_with(dead)) it = dict.Seek(past);
  }
}

std::vector<TermCount> TermsWithPrefix(const IndexReader& reader, std::string_view prefix) {
  std::map<std::string, TermCount, std::less<>> merged;
  WillReadTermsWith(reader, prefix);
  for (const auto& segment : reader.segments()) {
    ForEachTermWithPrefix(segment->dictionary(), prefix,
                          [&](std::string_view term, const TermInfo& info) {
                            auto found = merged.find(term);
                            if (found == merged.end()) {
                              found = merged.emplace(std::string(term), TermCount{std::string(term)}).first;
                            }
                            found->second.df += info.df;
                          });
  }
  std::vector<TermCount> out;
  out.reserve(merged.size());
  for (auto& [term, count] : merged) out.push_back(std::move(count));
  return out;
}

std::vector<TermCount> TermsWithin(const IndexReader& reader, std::string_view word,
                                   int max_edits, size_t same_prefix) {
  return TermsNearPrefixOf(reader, word, max_edits, same_prefix, SIZE_MAX);
}

std::vector<TermCount> TermsNearPrefixOf(const IndexReader& reader, std::string_view word,
                                         int max_edits, size_t same_prefix, size_t min_prefix) {
  std::map<std::string, TermCount, std::less<>> merged;
  WillReadTermsWith(reader, SamePrefix(word, same_prefix));
  for (const auto& segment : reader.segments()) {
    ForEachTermNearPrefixOf(segment->dictionary(), word, max_edits, same_prefix, min_prefix,
                      [&](std::string_view term, const TermInfo& info, int distance) {
                        auto found = merged.find(term);
                        if (found == merged.end()) {
                          found = merged.emplace(std::string(term),
                                                 TermCount{std::string(term), 0, distance}).first;
                        }
                        found->second.df += info.df;
                      });
  }
  std::vector<TermCount> out;
  out.reserve(merged.size());
  for (auto& [term, count] : merged) out.push_back(std::move(count));
  return out;
}

std::vector<TermCount> TermsNearPrefixOf(const IndexReader& reader, std::string_view word,
                                         int max_edits, size_t same_prefix, size_t min_prefix,
                                         uint64_t min_df) {
  const auto& segments = reader.segments();
  std::vector<const FrequentTerms*> lists;
  if (!segments.empty() && same_prefix > 0 && !word.empty()) {
    // A term of min_df documents holds at least this many in some segment.
    const uint64_t per_segment = (min_df + segments.size() - 1) / segments.size();
    if (per_segment >= kFrequentTermDocs) {
      for (const auto& segment : segments) {
        // Every segment is asked, so that each one's askings are counted.
        const FrequentTerms* list = segment->frequent_terms();
        if (list != nullptr && list->min_docs() <= per_segment) lists.push_back(list);
      }
    }
    if (lists.size() == segments.size()) {
      std::vector<std::string_view> near;
      const int k = std::clamp(max_edits, 0, kMaxEdits);
      std::vector<char32_t> q, t;
      Decode(word, &q, nullptr);
      const size_t m = q.size();
      min_prefix = std::min(min_prefix, m);
      const std::string_view start = SamePrefix(word, same_prefix);
      for (const FrequentTerms* list : lists) {
        for (const FrequentTerms::Entry& e : list->StartingWith(static_cast<unsigned char>(start[0]))) {
          if (e.df < per_segment) break;
          if (e.term.starts_with(start)) near.push_back(e.term);
        }
      }
      std::sort(near.begin(), near.end());
      near.erase(std::unique(near.begin(), near.end()), near.end());
      std::vector<TermCount> out;
      for (std::string_view term : near) {
        Decode(term, &t, nullptr);
        // The distance to a prefix of j code points is at least their difference in length.
        if (t.size() + k < min_prefix || t.size() > m + k) continue;
        const std::vector<int> last = LastRow(t, q);
        const int distance = *std::min_element(last.begin() + static_cast<std::ptrdiff_t>(min_prefix),
                                               last.end());
        if (distance > k) continue;
        const uint64_t df = reader.DocFreq(term);
        if (df >= min_df) out.push_back(TermCount{std::string(term), df, distance});
      }
      return out;
    }
  }
  std::vector<TermCount> out = TermsNearPrefixOf(reader, word, max_edits, same_prefix, min_prefix);
  std::erase_if(out, [&](const TermCount& c) { return c.df < min_df; });
  return out;
}

int EditDistance(std::string_view a, std::string_view b) {
  std::vector<char32_t> s, t;
  Decode(a, &s, nullptr);
  Decode(b, &t, nullptr);
  return LastRow(s, t).back();
}

}  // namespace paperdeck::index
