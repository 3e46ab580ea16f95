#include "search/query_planner.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "index/term_neighbours.h"
#include "model/digit_groups.h"
#include "search/bm25f.h"
#include "search/index_fields.h"
#include "search/question_words.h"
#include "text/author_name_analyzer.h"

namespace paperdeck::search {
namespace {

using query::QueryNode;
using QKind = QueryNode::Kind;
using PKind = PlanNode::Kind;

PlanNode Group(PKind kind, std::vector<PlanNode> children) {
  if (children.size() == 1) return std::move(children[0]);
  PlanNode n;
  n.kind = kind;
  n.children = std::move(children);
  return n;
}

PlanNode Exclude(PlanNode included, PlanNode excluded) {
  PlanNode n;
  n.kind = PKind::kExclude;
  n.children.push_back(std::move(included));
  n.children.push_back(std::move(excluded));
  return n;
}

class Planner {
 public:
  Planner(text::Analyzer* analyzer, const index::IndexReader& reader, PlanOptions options,
          const LibrarySets* library)
      : analyzer_(analyzer), reader_(reader), options_(options), library_(library) {}

  QueryPlan Plan(const QueryNode& query) {
    QueryPlan plan;
    plan.root = PlanNodeOf(query, /*positive=*/true);
    plan.highlight_terms = std::move(highlight_);
    plan.proximity_terms = std::move(proximity_);
    plan.notice = std::move(notice_);
    return plan;
  }

 private:
  // The feedback terms as alternatives beside words, skipping those words already hold.
  void AddFeedback(index::FieldMask fields, std::vector<PlanNode>* words) {
    for (const FeedbackTerm& f : options_.feedback) {
      const bool held = std::any_of(words->begin(), words->end(), [&](const PlanNode& n) {
        return n.kind == PKind::kTerm && n.terms[0].term == f.term;
      });
      if (held || f.weight <= 0) continue;
      PlanNode n;
      n.kind = PKind::kTerm;
      n.terms.push_back({f.term, 0});
      n.fields = fields;
      n.idf = Idf(f.term) * f.weight;
      n.written = f.term;
      n.feedback = true;
      words->push_back(std::move(n));
    }
  }

  float Idf(const std::string& term) {
    auto it = idf_.find(term);
    if (it != idf_.end()) return it->second;
    float idf = Bm25f::Idf(reader_.DocFreq(term), reader_.live_doc_count());
    idf_.emplace(term, idf);
    return idf;
  }

  // expansion: the term is one of a prefix's or fuzzy word's, which proximity leaves out.
  void Highlight(const std::string& term, bool positive, bool expansion = false) {
    if (!positive || term.empty()) return;
    if (std::find(highlight_.begin(), highlight_.end(), term) == highlight_.end()) {
      highlight_.push_back(term);
    }
    if (!expansion && std::find(proximity_.begin(), proximity_.end(), term) == proximity_.end()) {
      proximity_.push_back(term);
    }
  }

  void Note(size_t position, std::string message) {
    if (!notice_) {
      notice_ = query::QueryNotice{position, std::move(message), query::QueryNotice::Kind::kReadAs};
    }
  }

  // The expansions of a prefix or fuzzy word as one term: idf of the most frequent of them.
  PlanNode TermSet(std::vector<index::TermCount> terms, index::FieldMask fields, bool positive,
                   std::string written) {
    PlanNode n;
    n.kind = PKind::kTermSet;
    n.fields = fields;
    n.written = std::move(written);
    uint64_t most = 0;
    for (index::TermCount& t : terms) {
      most = std::max(most, t.df);
      Highlight(t.term, positive, /*expansion=*/true);
      n.terms.push_back({std::move(t.term), 0});
    }
    n.idf = Bm25f::Idf(most, reader_.live_doc_count());
    return n;
  }

  std::optional<PlanNode> Prefix(const QueryNode& q, bool positive) {
    const std::string folded = analyzer_->Folded(q.text);
    if (folded.empty()) return std::nullopt;
    std::vector<index::TermCount> terms = index::TermsWithPrefix(reader_, folded);
    // The stem of the whole text need not begin with it (`attention` -> `attent`); with it, a
    // prefix finds at least what its text as a word does.
    const std::string stem = analyzer_->Term(q.text);
    if (!stem.empty() && !stem.starts_with(folded)) {
      if (uint64_t df = reader_.DocFreq(stem); df > 0) terms.push_back({stem, df, 0});
    }
    if (terms.size() > kMaxPrefixTerms) {
      const size_t all = terms.size();
      std::stable_sort(terms.begin(), terms.end(),
                       [](const auto& a, const auto& b) { return a.df > b.df; });
      terms.resize(kMaxPrefixTerms);
      Note(q.position, q.text + "* matches " + WithCommas(all) + " terms: searched the " +
                           std::to_string(kMaxPrefixTerms) + " most frequent");
    }
    return TermSet(std::move(terms), IndexFields(q.fields), positive, q.text + "*");
  }

  std::optional<PlanNode> Fuzzy(const QueryNode& q, bool positive) {
    const std::string stem = analyzer_->Term(q.text);
    if (stem.empty()) return std::nullopt;  // a stop word, or no letters
    std::vector<index::TermCount> terms = index::TermsWithin(reader_, stem, q.edits);
    if (terms.size() > kMaxFuzzyTerms) {
      const size_t all = terms.size();
      std::stable_sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) {
        return a.distance != b.distance ? a.distance < b.distance : a.df > b.df;
      });
      terms.resize(kMaxFuzzyTerms);
      Note(q.position, q.text + "~" + std::to_string(q.edits) + " is within " +
                           std::to_string(q.edits) + " edits of " + WithCommas(all) +
                           " terms: searched the " + std::to_string(kMaxFuzzyTerms) + " nearest");
    }
    return TermSet(std::move(terms), IndexFields(q.fields), positive,
                   q.text + "~" + std::to_string(q.edits));
  }

  PlanNode Term(const std::string& term, index::FieldMask fields, bool positive,
                std::string_view written) {
    Highlight(term, positive);
    PlanNode n;
    n.kind = PKind::kTerm;
    n.terms.push_back({term, 0});
    n.fields = fields;
    n.idf = Idf(term);
    n.written = written;
    return n;
  }

  // The exact form of a word (`=transformer`, of the stem `transform`): no positions, so
  // highlighted but not read by proximity.
  PlanNode ExactTerm(const std::string& stem, const std::string& form, index::FieldMask fields,
                     bool positive) {
    const std::string term = index::ExactFormTerm(stem, form);
    Highlight(index::ExactFormHighlightTerm(form), positive, /*expansion=*/true);
    PlanNode n;
    n.kind = PKind::kTerm;
    n.terms.push_back({term, 0});
    n.fields = fields;
    n.idf = Idf(term);
    n.written = "=" + form;
    return n;
  }

  // A bare word's stem, and its exact form adding a weighted score where a paper writes it so
  // (PlanOptions::exact_form_weight): every paper holding the form holds the stem in the same
  // fields, so the alternatives match what the stem does.
  PlanNode WithExactForm(PlanNode stem, const std::string& form) {
    if (options_.exact_form_weight <= 0 || form.empty() || stem.kind != PKind::kTerm) return stem;
    const std::string term = index::ExactFormTerm(stem.terms[0].term, form);
    if (reader_.DocFreq(term) == 0) return stem;
    PlanNode bonus;
    bonus.kind = PKind::kTerm;
    bonus.terms.push_back({term, 0});
    bonus.fields = stem.fields;
    bonus.written = stem.written;
    bonus.exact_form_bonus = true;
    // The stem's idf stays what a repeated word made it; the form's follows it.
    bonus.idf = Idf(term) * options_.exact_form_weight * (stem.idf / Idf(stem.terms[0].term));
    std::vector<PlanNode> either;
    either.push_back(std::move(stem));
    either.push_back(std::move(bonus));
    return Group(PKind::kOr, std::move(either));
  }

  // terms: (term, position) with gaps already in the positions; empty terms are gaps.
  std::optional<PlanNode> Phrase(std::vector<PlanTerm> terms, index::FieldMask fields, bool positive,
                                 std::string_view written) {
    std::erase_if(terms, [](const PlanTerm& t) { return t.term.empty(); });
    if (terms.empty()) return std::nullopt;
    if (terms.size() == 1) return Term(terms[0].term, fields, positive, written);
    uint32_t base = terms[0].offset;
    PlanNode n;
    n.kind = PKind::kPhrase;
    n.fields = fields;
    n.written = written;
    for (PlanTerm& t : terms) {
      Highlight(t.term, positive);
      n.idf += Idf(t.term);
      t.offset -= base;
      n.terms.push_back(std::move(t));
    }
    return n;
  }

  // Alternatives: a word written n times is one alternative whose idf is multiplied by sqrt(n),
  // so a long question that repeats a word leans on it without being taken over by it (counting
  // it n times, or once, both measured worse: EVAL.md). Scaling idf scales a term's score and its
  // bound alike, so pruning stays exact.
  static void MergeRepeats(std::vector<PlanNode>* words) {
    std::vector<PlanNode> unique;
    std::vector<std::string> keys;
    std::vector<int> count;
    for (PlanNode& n : *words) {
      std::string key = Describe(n);
      auto it = std::find(keys.begin(), keys.end(), key);
      if (it != keys.end()) {
        ++count[static_cast<size_t>(it - keys.begin())];
        continue;
      }
      keys.push_back(std::move(key));
      count.push_back(1);
      unique.push_back(std::move(n));
    }
    for (size_t i = 0; i < unique.size(); ++i) {
      if (count[i] > 1 && (unique[i].kind == PKind::kTerm || unique[i].kind == PKind::kPhrase)) {
        unique[i].idf *= std::sqrt(static_cast<float>(count[i]));
      }
    }
    *words = std::move(unique);
  }

  // The words of a term or phrase. Only in the authors, a name's words are no stop words (the
  // index keeps "An" and "A." there: text/author_name_analyzer.h).
  std::vector<text::QueryWord> Words(std::string_view text, index::FieldMask fields) {
    if (fields == index::FieldBit(index::Field::kAuthors)) {
      return text::AuthorQueryWords(analyzer_, text);
    }
    return analyzer_->AnalyzeQuery(text);
  }

  // The phrase of a quoted text's words.
  std::optional<PlanNode> PhraseOf(const std::vector<text::QueryWord>& words,
                                   index::FieldMask fields, bool positive,
                                   std::string_view written) {
    std::vector<PlanTerm> terms;
    uint32_t position = 0;
    for (const text::QueryWord& w : words) {
      if (!w.parts.empty()) {
        // A compound's parts sit at successive positions in the index, whether it was written
        // joined or as separate words: the parts match both. An empty part is a stop word, a gap.
        for (const std::string& part : w.parts) terms.push_back({part, position++});
      } else if (w.stop || w.whole.empty()) {
        ++position;  // a gap, as the index left one
      } else {
        terms.push_back({w.whole, position++});
      }
    }
    return Phrase(std::move(terms), fields, positive, written);
  }

  // One analysed word of a bare term: its whole term, or for a compound the whole term OR the
  // phrase of its parts.
  // written: the word as the query wrote it.
  std::optional<PlanNode> Word(const text::QueryWord& w, index::FieldMask fields, bool positive,
                               std::string_view written) {
    if (w.stop) return std::nullopt;
    if (w.parts.empty() || (options_.compounds_whole && !w.whole.empty())) {
      if (w.whole.empty()) return std::nullopt;  // no letters or digits, or too long to index
      return Term(w.whole, fields, positive, written);
    }
    std::vector<PlanTerm> parts;  // empty parts are stop words: gaps
    for (uint32_t i = 0; i < w.parts.size(); ++i) parts.push_back({w.parts[i], i});
    std::optional<PlanNode> phrase = Phrase(std::move(parts), fields, positive, written);
    if (w.whole.empty()) return phrase;  // the whole was too long to index; its parts were not
    PlanNode whole = Term(w.whole, fields, positive, written);
    if (!phrase || (phrase->kind == PKind::kTerm && phrase->terms[0].term == w.whole)) return whole;
    std::vector<PlanNode> either;
    either.push_back(std::move(whole));
    either.push_back(std::move(*phrase));
    return Group(PKind::kOr, std::move(either));
  }

  std::optional<PlanNode> PlanNodeOf(const QueryNode& q, bool positive) {
    switch (q.kind) {
      case QKind::kTerm: {
        const index::FieldMask fields = IndexFields(q.fields);
        std::vector<PlanNode> words;
        std::map<std::string, std::string> forms;  // a simple word's stem -> its form as written
        for (const text::QueryWord& w : Words(q.text, fields)) {
          const std::string_view written =
              w.begin <= w.end && w.end <= q.text.size()
                  ? std::string_view(q.text).substr(w.begin, w.end - w.begin)
                  : std::string_view(w.form);
          if (options_.drop_question_words && w.end <= q.text.size() && IsQuestionWord(written)) {
            continue;
          }
          if (std::optional<PlanNode> n = Word(w, fields, positive, written)) {
            words.push_back(std::move(*n));
          }
          if (w.parts.empty() && !w.whole.empty()) forms.emplace(w.whole, w.form);
        }
        if (words.empty()) return std::nullopt;
        if (options_.any_word) MergeRepeats(&words);
        if (options_.any_word && positive) AddFeedback(fields, &words);
        if (positive) {
          for (PlanNode& n : words) {
            if (n.kind != PKind::kTerm) continue;
            if (auto it = forms.find(n.terms[0].term); it != forms.end()) {
              n = WithExactForm(std::move(n), it->second);
            }
          }
        }
        return Group(options_.any_word ? PKind::kOr : PKind::kAnd, std::move(words));
      }
      case QKind::kPhrase: {
        const index::FieldMask fields = IndexFields(q.fields);
        const std::vector<text::QueryWord> words = Words(q.text, fields);
        const bool authors = fields == index::FieldBit(index::Field::kAuthors);
        // One simple word between quotes is that word as written; not a name, which is found by
        // its every spelling (its name forms have no exact form).
        if (!authors && words.size() == 1 && words[0].parts.empty() && !words[0].stop) {
          if (words[0].form.empty()) return std::nullopt;
          return ExactTerm(words[0].whole, words[0].form, fields, positive);
        }
        const std::string written = "\"" + q.text + "\"";
        std::optional<PlanNode> phrase = PhraseOf(words, fields, positive, written);
        if (!authors || !phrase) return phrase;
        // A name typed family name first ("bengio, yoshua", "bengio y") also as the index
        // holds names: given names first.
        const std::vector<text::QueryWord> given_first = text::GivenNamesFirst(words, q.text);
        if (given_first.empty()) return phrase;
        std::optional<PlanNode> other = PhraseOf(given_first, fields, positive, written);
        if (!other) return phrase;
        std::vector<PlanNode> either;
        either.push_back(std::move(*phrase));
        either.push_back(std::move(*other));
        return Group(PKind::kOr, std::move(either));
      }
      case QKind::kPrefix:
        return Prefix(q, positive);
      case QKind::kFuzzy:
        return Fuzzy(q, positive);
      case QKind::kExact: {
        // Each word of the text in its form; a stop word is not indexed in any form.
        std::vector<PlanNode> words;
        for (const text::QueryWord& w : analyzer_->AnalyzeQuery(q.text)) {
          if (w.stop || w.form.empty()) continue;
          words.push_back(ExactTerm(w.whole, w.form, IndexFields(q.fields), positive));
        }
        if (words.empty()) return std::nullopt;
        return Group(PKind::kAnd, std::move(words));
      }
      case QKind::kCategory: {
        PlanNode n;
        n.kind = PKind::kCategory;
        n.terms.push_back({index::CategoryTerm(q.text), 0});
        return n;
      }
      case QKind::kYearRange:
      case QKind::kDateRange: {
        PlanNode n;
        n.kind = q.kind == QKind::kYearRange ? PKind::kYearRange : PKind::kDateRange;
        n.low = q.low;
        n.high = q.high;
        return n;
      }
      case QKind::kMatchAll:
        return PlanNode{};
      case QKind::kTag:
      case QKind::kState:
      case QKind::kHas:
      case QKind::kNoteWord:
      case QKind::kNotePhrase:
      case QKind::kAddedRange:
      case QKind::kPaperSet: {
        PlanNode n;
        n.kind = PKind::kPapers;
        if (library_) {
          if (auto it = library_->find(&q); it != library_->end()) n.papers = it->second;
        }
        if (!n.papers) n.papers = std::make_shared<const PaperKeySet>();
        return n;
      }
      case QKind::kNot: {
        std::optional<PlanNode> inner = PlanNodeOf(q.children[0], !positive);
        if (!inner) return std::nullopt;
        return Exclude(PlanNode{}, std::move(*inner));
      }
      case QKind::kOr: {
        std::vector<PlanNode> alternatives;
        for (const QueryNode& c : q.children) {
          if (std::optional<PlanNode> n = PlanNodeOf(c, positive)) alternatives.push_back(std::move(*n));
        }
        if (alternatives.empty()) return std::nullopt;
        return Group(PKind::kOr, std::move(alternatives));
      }
      case QKind::kAnd: {
        std::vector<PlanNode> included, excluded;
        for (const QueryNode& c : q.children) {
          if (c.kind == QKind::kNot) {
            if (std::optional<PlanNode> n = PlanNodeOf(c.children[0], !positive)) {
              excluded.push_back(std::move(*n));
            }
          } else if (std::optional<PlanNode> n = PlanNodeOf(c, positive)) {
            included.push_back(std::move(*n));
          }
        }
        if (included.empty() && excluded.empty()) return std::nullopt;
        // Every document beside something narrower adds nothing (`* attention`).
        if (included.size() > 1) {
          std::erase_if(included, [](const PlanNode& n) { return n.kind == PKind::kAll; });
          if (included.empty()) included.push_back(PlanNode{});
        }
        PlanNode in = included.empty() ? PlanNode{} : Group(PKind::kAnd, std::move(included));
        if (excluded.empty()) return in;
        return Exclude(std::move(in), Group(PKind::kOr, std::move(excluded)));
      }
    }
    return std::nullopt;
  }

  text::Analyzer* analyzer_;
  const index::IndexReader& reader_;
  const PlanOptions options_;
  const LibrarySets* library_;
  std::map<std::string, float, std::less<>> idf_;
  std::vector<std::string> highlight_;
  std::vector<std::string> proximity_;
  std::optional<query::QueryNotice> notice_;
};

std::string FieldPrefix(index::FieldMask fields) {
  if (fields == index::kDefaultFields) return "";
  static const char* kNames[index::kNumFields] = {"title", "abstract", "authors", "venue"};
  std::string out;
  for (int f = 0; f < index::kNumFields; ++f) {
    if (fields & (1u << f)) {
      if (!out.empty()) out += '|';
      out += kNames[f];
    }
  }
  return out + " ";
}

void Append(const PlanNode& n, std::string* out) {
  switch (n.kind) {
    case PKind::kTerm:
      if (index::IsExactFormTerm(n.terms[0].term)) {
        *out += "(exact " + FieldPrefix(n.fields) + "\"" +
                std::string(index::ExactFormOf(n.terms[0].term)) + "\")";
      } else {
        *out += "(term " + FieldPrefix(n.fields) + "\"" + n.terms[0].term + "\")";
      }
      return;
    case PKind::kTermSet:
      *out += "(terms " + FieldPrefix(n.fields);
      for (size_t i = 0; i < n.terms.size(); ++i) {
        if (i > 0) *out += ' ';
        *out += "\"" + n.terms[i].term + "\"";
      }
      *out += ")";
      return;
    case PKind::kPhrase:
      *out += "(phrase " + FieldPrefix(n.fields);
      for (size_t i = 0; i < n.terms.size(); ++i) {
        if (i > 0) *out += ' ';
        *out += "\"" + n.terms[i].term + "\"@" + std::to_string(n.terms[i].offset);
      }
      *out += ")";
      return;
    case PKind::kCategory:
      *out += "(cat \"" + n.terms[0].term.substr(1) + "\")";
      return;
    case PKind::kYearRange:
    case PKind::kDateRange:
      *out += std::string(n.kind == PKind::kYearRange ? "(year " : "(date ") + std::to_string(n.low) +
              " " + std::to_string(n.high) + ")";
      return;
    case PKind::kAll:
      *out += "(all)";
      return;
    case PKind::kPapers:
      *out += "(papers " + std::to_string(n.papers ? n.papers->cardinality() : 0) + ")";
      return;
    case PKind::kAnd:
    case PKind::kOr:
    case PKind::kExclude:
      *out += n.kind == PKind::kAnd ? "(and" : n.kind == PKind::kOr ? "(or" : "(exclude";
      for (const PlanNode& c : n.children) {
        *out += ' ';
        Append(c, out);
      }
      *out += ')';
      return;
  }
}

}  // namespace

QueryPlan PlanQuery(const query::QueryNode& query, text::Analyzer* analyzer,
                    const index::IndexReader& reader, PlanOptions options,
                    const LibrarySets* library) {
  return Planner(analyzer, reader, options, library).Plan(query);
}

std::string Describe(const PlanNode& node) {
  std::string out;
  Append(node, &out);
  return out;
}

}  // namespace paperdeck::search
