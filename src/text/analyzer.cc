#include "text/analyzer.h"

#include <cstdint>

#include "text/english_stemmer.h"
#include "text/latex_accents.h"
#include "text/stop_words.h"
#include "text/unicode_folding.h"
#include "text/word_splitter.h"

namespace paperdeck::text {
namespace {

// Longer terms are not indexed (their word still takes its positions): they are junk such as
// long URLs, base64 or sequences, and would bloat the term dictionary.
constexpr size_t kMaxTermBytes = 64;

}  // namespace

// The analysis of one word, computed into buffers that live as long as the Analyzer so that
// analysing a text allocates nothing but the output terms.
struct Analyzer::Impl {
  UnicodeFolder folder;
  EnglishStemmer stemmer;
  Word word;
  std::string plain;                  // a part with its LaTeX letters made plain
  std::string folded;                 // the folded parts, back to back
  std::vector<uint32_t> folded_ends;  // where each part's folded text ends in `folded`
  std::string whole_folded;
  std::string whole;        // the term of the word as written
  std::string_view whole_form;  // its folded, unstemmed text (in `folded` or `whole_folded`)
  bool whole_indexed = false;
  bool stop = false;        // a simple word that is a stop word
  std::vector<std::string> part_terms;  // for a compound, per part; empty for a gap

  std::string_view FoldedPart(size_t i) const {
    const uint32_t begin = i == 0 ? 0 : folded_ends[i - 1];
    return std::string_view(folded).substr(begin, folded_ends[i] - begin);
  }

  // Folds and stems `word`, a word of text.
  void Process(std::string_view text) {
    folded.clear();
    folded_ends.clear();
    for (const WordPart& p : word.parts) {
      std::string_view bytes = text.substr(p.begin, p.fold_end - p.begin);
      if (p.latex) {
        plain.clear();
        AppendWithoutLatexAccents(bytes, &plain);
        bytes = plain;
      }
      if (p.ascii) {
        UnicodeFolder::FoldAscii(bytes, &folded);
      } else {
        folder.Fold(bytes, &folded);
      }
      folded_ends.push_back(static_cast<uint32_t>(folded.size()));
    }

    const size_t n = word.parts.size();
    if (n == 1) {
      stop = IsEnglishStopWord(folded);
      whole_form = folded;
      StemUnlessTooLong(folded, &whole);
      whole_indexed = !whole.empty();
      return;
    }

    stop = false;
    whole_folded.clear();
    for (size_t i = 0; i < n; ++i) {
      whole_folded += word.JoinerBefore(i);
      whole_folded += FoldedPart(i);
    }
    whole_folded += word.trailer;
    whole_form = whole_folded;
    StemUnlessTooLong(whole_folded, &whole);
    whole_indexed = !whole.empty();

    if (part_terms.size() < n) part_terms.resize(n);
    for (size_t i = 0; i < n; ++i) {
      const std::string_view part = FoldedPart(i);
      if (IsEnglishStopWord(part)) {
        part_terms[i].clear();
      } else {
        StemUnlessTooLong(part, &part_terms[i]);
      }
    }
  }

  void StemUnlessTooLong(std::string_view folded_term, std::string* out) {
    if (folded_term.size() > kMaxTermBytes) {
      out->clear();
    } else {
      stemmer.Stem(folded_term, out);
    }
  }
};

Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {}

Analyzer::~Analyzer() = default;

uint32_t Analyzer::Analyze(std::string_view text, std::vector<Token>* out,
                           uint32_t first_position) {
  size_t stopped_at = 0;
  return AnalyzeUpTo(text, SIZE_MAX, out, first_position, &stopped_at);
}

uint32_t Analyzer::AnalyzeUpTo(std::string_view text, size_t max_tokens, std::vector<Token>* out,
                               uint32_t first_position, size_t* stopped_at) {
  Impl& s = *impl_;
  const Word& w = s.word;
  uint32_t position = first_position;
  auto emit = [out](const std::string& term, std::string_view form, uint32_t pos, uint32_t begin,
                    uint32_t end) {
    Token& t = out->emplace_back();
    t.term.assign(term);
    t.form.assign(form);
    t.position = pos;
    t.begin = begin;
    t.end = end;
  };

  WordSplitter splitter(text);
  while (splitter.Next(&s.word)) {
    s.Process(text);
    if (!w.compound()) {
      if (!s.stop && s.whole_indexed) {
        if (out->size() >= max_tokens) {
          *stopped_at = w.begin;
          return position;
        }
        emit(s.whole, s.whole_form, position, w.begin, w.end);
      }
      ++position;
      continue;
    }
    size_t tokens = s.whole_indexed ? 1 : 0;
    for (size_t i = 0; i < w.parts.size(); ++i) tokens += s.part_terms[i].empty() ? 0 : 1;
    if (out->size() + tokens > max_tokens) {
      *stopped_at = w.begin;
      return position;
    }
    if (s.whole_indexed) emit(s.whole, s.whole_form, position, w.begin, w.end);
    for (size_t i = 0; i < w.parts.size(); ++i) {
      if (!s.part_terms[i].empty()) {
        emit(s.part_terms[i], s.FoldedPart(i), position + static_cast<uint32_t>(i),
             w.parts[i].begin, w.parts[i].end);
      }
    }
    position += static_cast<uint32_t>(w.parts.size());
  }
  *stopped_at = text.size();
  return position;
}

std::vector<QueryWord> Analyzer::AnalyzeQuery(std::string_view text) {
  Impl& s = *impl_;
  const Word& w = s.word;
  std::vector<QueryWord> words;
  WordSplitter splitter(text);
  while (splitter.Next(&s.word)) {
    s.Process(text);
    QueryWord& q = words.emplace_back();
    if (s.whole_indexed) {
      q.whole = s.whole;
      q.form = s.whole_form;
    }
    q.stop = s.stop;
    q.begin = w.begin;
    q.end = w.end;
    if (w.compound()) q.parts.assign(s.part_terms.begin(), s.part_terms.begin() + w.parts.size());
  }
  return words;
}

std::string Analyzer::Term(std::string_view word) {
  Impl& s = *impl_;
  WordSplitter splitter(word);
  if (!splitter.Next(&s.word)) return "";
  s.Process(word);
  if (s.stop || !s.whole_indexed) return "";
  return s.whole;
}

std::string Analyzer::Folded(std::string_view word) {
  Impl& s = *impl_;
  WordSplitter splitter(word);
  if (!splitter.Next(&s.word)) return "";
  s.Process(word);
  if (!s.whole_indexed) return "";
  if (s.word.parts.size() == 1) return std::string(s.FoldedPart(0));
  return s.whole_folded;
}

bool Analyzer::IsStopWord(std::string_view word) {
  Impl& s = *impl_;
  s.folded.clear();
  s.folder.Fold(word, &s.folded);
  return IsEnglishStopWord(s.folded);
}

}  // namespace paperdeck::text
