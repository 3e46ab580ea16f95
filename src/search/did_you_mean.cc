#include "search/did_you_mean.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <tuple>
#include <memory>

#include "index/field.h"
#include "index/term_neighbours.h"

namespace paperdeck::search {
namespace {

using query::QueryNode;

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Letters only (any non-ASCII byte is taken as part of a letter): no digits, no joiners.
bool LettersOnly(std::string_view s) {
  for (unsigned char c : s) {
    if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return !s.empty();
}

bool HasCapital(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string AsciiLower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return s;
}

// How like a typo the edits from a to b are, in half edits, to rank neighbours at the same
// distance: a doubled or undoubled letter (`atent` -> `attent`) or a swap costs 1, any other
// edit 2. So `atention` means attention (one t doubled), not agent (a letter changed), however
// frequent agents are. Bytes, not code points: a ranking, not the distance itself.
int TypoCost(std::string_view a, std::string_view b) {
  const size_t w = b.size() + 1;
  std::vector<int> d((a.size() + 1) * w);
  for (size_t j = 0; j < w; ++j) d[j] = static_cast<int>(2 * j);
  for (size_t i = 1; i <= a.size(); ++i) {
    d[i * w] = static_cast<int>(2 * i);
    for (size_t j = 1; j < w; ++j) {
      // Deleting a[i-1] is cheap when it doubles a neighbour; inserting b[j-1] likewise.
      const bool doubled_a = (i > 1 && a[i - 1] == a[i - 2]) || (i < a.size() && a[i - 1] == a[i]);
      const bool doubled_b = (j > 1 && b[j - 1] == b[j - 2]) || (j < b.size() && b[j - 1] == b[j]);
      int v = d[(i - 1) * w + j] + (doubled_a ? 1 : 2);
      v = std::min(v, d[i * w + j - 1] + (doubled_b ? 1 : 2));
      v = std::min(v, d[(i - 1) * w + j - 1] + (a[i - 1] == b[j - 1] ? 0 : 2));
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        v = std::min(v, d[(i - 2) * w + j - 2] + 1);
      }
      d[i * w + j] = v;
    }
  }
  return d[a.size() * w + b.size()];
}

// A live paper holding term, from the first segment that has one.
std::optional<uint64_t> PaperWith(const index::IndexReader& reader, const std::string& term) {
  for (const auto& segment : reader.segments()) {
    std::unique_ptr<index::SegmentPostingCursor> cursor = segment->Postings(term);
    if (!cursor) continue;
    for (uint32_t d = cursor->doc(); d != index::kEndDoc; cursor->Next(), d = cursor->doc()) {
      if (!segment->IsDeleted(d)) return segment->paper_key(d);
    }
  }
  return std::nullopt;
}

class Corrector {
 public:
  Corrector(std::string_view text, text::Analyzer* analyzer, const index::IndexReader& reader,
            WordForms* word_forms)
      : text_(text), analyzer_(analyzer), reader_(reader), word_forms_(word_forms) {}

  void Walk(const QueryNode& node) {
    switch (node.kind) {
      case QueryNode::Kind::kNot:
        return;  // an excluded word is meant as written
      case QueryNode::Kind::kTerm: {
        // A field's word starts where its field name does: the word is then after the colon.
        size_t at = node.position;
        if (!text_.substr(at).starts_with(node.text)) {
          at = text_.find(":" + node.text, node.position);
          if (at != std::string_view::npos) ++at;
        }
        // The name of a field the language does not have (`bogus:attention`) is left alone.
        const size_t end = at + node.text.size();
        if (at != std::string_view::npos && !(end < text_.size() && text_[end] == ':')) {
          Words(node.text, at);
        }
        return;
      }
      case QueryNode::Kind::kPhrase: {
        const size_t quote = text_.find('"', node.position);
        if (quote != std::string_view::npos &&
            text_.substr(quote + 1).starts_with(node.text)) {
          Words(node.text, quote + 1);
        }
        return;
      }
      default:
        for (const QueryNode& child : node.children) Walk(child);
        return;
    }
  }

  std::vector<Correction> Take() { return std::move(out_); }

 private:
  // The words of a term's or phrase's text, which starts at byte offset in the query.
  void Words(const std::string& words, size_t offset) {
    for (const text::QueryWord& w : analyzer_->AnalyzeQuery(words)) {
      if (looked_at_ >= kMaxCorrectedWords) return;
      if (w.stop || !w.parts.empty() || w.whole.empty()) continue;
      const std::string_view written = std::string_view(words).substr(w.begin, w.end - w.begin);
      if (!LettersOnly(written) || CodePoints(w.whole) < kMinCorrectedLength) continue;
      ++looked_at_;
      if (std::optional<Correction> c = Correct(w.whole, written)) {
        c->begin = offset + w.begin;
        c->end = offset + w.end;
        out_.push_back(std::move(*c));
      }
    }
  }

  std::optional<Correction> Correct(const std::string& stem, std::string_view written) {
    const uint64_t df = reader_.DocFreq(stem);
    word_fields_.reset();
    struct Candidate {
      std::string term;  // the stem
      std::string form;  // the form written, when the candidate is one; else empty
      uint64_t df = 0;   // the stem's
      int cost = 0;
    };
    std::optional<Candidate> best;
    // The least frequency a neighbour needs: for a word of a few papers or more, the walks below
    // read only each segment's frequent terms (index/frequent_terms.h).
    const uint64_t needed = df == 0 ? 1 : kFrequencyRatio * df;
    // No term is in more documents than the index holds: a word that frequent has no neighbour
    // to be corrected to, and nothing need be read to say so.
    uint64_t documents = 0;
    for (const auto& segment : reader_.segments()) documents += segment->doc_count();
    if (needed > documents) return std::nullopt;
    auto frequent = [&](uint64_t n) { return n >= needed; };
    auto consider = [&](Candidate c) {
      // The likeliest typo, then the most frequent stem, then a form of it (the word as typed,
      // but for the typo) before the stem itself.
      if (best && std::tuple(-c.cost, c.df, !c.form.empty()) <=
                      std::tuple(-best->cost, best->df, !best->form.empty())) {
        return;
      }
      if (!FrequentWhereTheWordIs(stem, c.term)) return;
      best = std::move(c);
    };
    // Stems near the word's stem, and forms near the word as written of the stems near its
    // beginning: a typo in an ending the stemmer keeps (`attentoin`) is far from every stem but
    // one edit from `attention`. One walk gives both when the stem begins the word (the stems
    // near it are near a prefix of the word).
    const int edits = CodePoints(stem) <= 5 ? 1 : 2;
    const std::string folded = analyzer_->Folded(written);
    const size_t length = CodePoints(folded);
    const size_t shortest = length > kMaxEnding + 1 ? length - kMaxEnding : 1;
    const bool forms = LettersOnly(folded);
    const bool one_walk = forms && folded.starts_with(stem) && CodePoints(stem) >= shortest;
    auto stem_candidate = [&](index::TermCount& n) {
      if (n.distance == 0 || !LettersOnly(n.term) || !frequent(n.df)) return;
      const int cost = TypoCost(stem, n.term);
      consider({std::move(n.term), "", n.df, cost});
    };
    if (!one_walk) {
      for (index::TermCount& n : index::TermsNearPrefixOf(reader_, stem, edits, /*same_prefix=*/1,
                                                                 SIZE_MAX, needed)) {
        stem_candidate(n);
      }
    }
    if (forms) {
      const int form_edits = length <= 5 ? 1 : 2;
      for (index::TermCount& s :
           index::TermsNearPrefixOf(reader_, folded, form_edits, /*same_prefix=*/1, shortest,
                                    needed)) {
        // A form is in no more papers than its stem.
        if (!frequent(s.df) || !LettersOnly(s.term)) continue;
        for (index::TermCount& f : index::TermsWithPrefix(reader_, index::ExactFormRange(s.term))) {
          std::string form(index::ExactFormOf(f.term));
          // The form itself must be frequent, not only its stem.
          if (form.empty() || form == folded || !frequent(f.df) || !LettersOnly(form) ||
              index::EditDistance(folded, form) > form_edits) {
            continue;
          }
          const int cost = TypoCost(folded, form);
          consider({s.term, std::move(form), s.df, cost});
        }
        if (one_walk) {
          const size_t n = CodePoints(s.term), m = CodePoints(stem);
          if (n + edits < m || m + edits < n) continue;
          if (const int d = index::EditDistance(stem, s.term); d <= edits) {
            index::TermCount near{std::move(s.term), s.df, d};
            stem_candidate(near);
          }
        }
      }
    }
    if (!best) return std::nullopt;
    Correction c;
    c.term = best->term;
    c.df = best->df;
    if (!best->form.empty()) {
      // Forms are folded: a word typed with a capital first gets one.
      c.word = best->form;
      if (!written.empty() && written[0] >= 'A' && written[0] <= 'Z' && c.word[0] >= 'a' &&
          c.word[0] <= 'z') {
        c.word[0] = static_cast<char>(c.word[0] - 32);
      }
    } else {
      c.word = Written(best->term, stem, written);
    }
    if (c.word.empty()) return std::nullopt;
    return c;
  }

  // Whether neighbour is kFrequencyRatio times as frequent as the word (of stem stem) in each
  // field the word is in: a name (`hinton` in the authors) is no typo of a word the authors
  // never hold (`historical`), however frequent elsewhere.
  bool FrequentWhereTheWordIs(const std::string& stem, const std::string& neighbour) {
    if (!word_fields_) {
      word_fields_.emplace();
      for (int f = 0; f < index::kNumFields; ++f) {
        (*word_fields_)[f] = FieldDocs(stem, static_cast<index::Field>(f), UINT64_MAX);
      }
    }
    for (int f = 0; f < index::kNumFields; ++f) {
      const uint64_t word = (*word_fields_)[f];
      if (word == 0) continue;
      const uint64_t needed = kFrequencyRatio * word;
      if (FieldDocs(neighbour, static_cast<index::Field>(f), needed) < needed) return false;
    }
    return true;
  }

  // The documents holding term in field f, counted up to at most cap.
  uint64_t FieldDocs(const std::string& term, index::Field f, uint64_t cap) {
    uint64_t n = 0;
    for (const auto& segment : reader_.segments()) {
      std::unique_ptr<index::SegmentPostingCursor> cursor = segment->Postings(term);
      if (!cursor || cursor->list_impact().max_tf[static_cast<int>(f)] == 0) continue;
      for (; cursor->doc() != index::kEndDoc && n < cap; cursor->Next()) {
        if (cursor->tf(f) > 0) ++n;
      }
      if (n >= cap) break;
    }
    return n;
  }

  // How to write term in place of the word written (whose stem is stem).
  std::string Written(const std::string& term, const std::string& stem, std::string_view written) {
    if (word_forms_) {
      if (std::optional<uint64_t> paper = PaperWith(reader_, term)) {
        if (std::optional<std::string> form = word_forms_->WordFor(term, *paper)) {
          return HasCapital(written) ? *form : AsciiLower(std::move(*form));
        }
      }
    }
    // The typed word's ending after its stem, on the neighbour: `atention` -> `attention`.
    const std::string folded = analyzer_->Folded(written);
    if (folded.starts_with(stem)) {
      std::string guess = term + folded.substr(stem.size());
      if (analyzer_->Term(guess) == term) return guess;
    }
    return analyzer_->Term(term) == term ? term : std::string();
  }

  std::string_view text_;
  text::Analyzer* analyzer_;
  const index::IndexReader& reader_;
  WordForms* word_forms_;
  size_t looked_at_ = 0;
  // The word being corrected's documents per field, once asked for.
  std::optional<std::array<uint64_t, index::kNumFields>> word_fields_;
  std::vector<Correction> out_;
};

}  // namespace

std::vector<Correction> FindCorrections(const query::QueryNode& query, std::string_view text,
                                        text::Analyzer* analyzer, const index::IndexReader& reader,
                                        WordForms* word_forms) {
  Corrector corrector(text, analyzer, reader, word_forms);
  corrector.Walk(query);
  std::vector<Correction> out = corrector.Take();
  std::sort(out.begin(), out.end(),
            [](const Correction& a, const Correction& b) { return a.begin < b.begin; });
  return out;
}

std::string ApplyCorrections(std::string_view text, const std::vector<Correction>& corrections) {
  std::string out;
  size_t at = 0;
  for (const Correction& c : corrections) {
    out.append(text.substr(at, c.begin - at));
    out.append(c.word);
    at = c.end;
  }
  out.append(text.substr(at));
  return out;
}

}  // namespace paperdeck::search
