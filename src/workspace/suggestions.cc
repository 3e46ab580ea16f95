#include "workspace/suggestions.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <map>
#include <set>
#include <span>

#include "index/segment_posting_cursor.h"
#include "index/segment_reader.h"
#include "index/term_completions.h"
#include "model/ascii_case.h"
#include "text/analyzer.h"

namespace paperdeck::workspace {
namespace {

// Frequent terms read per request: enough for the words and authors among them.
constexpr size_t kCandidateTerms = 32;
// Postings and skipped blocks looked at per segment for papers holding a term in one field.
constexpr int kMaxSteps = 4096;
// Papers read for the way a word is written.
constexpr size_t kFormPapers = 4;
// Papers whose titles hold the box's words, among which the most cited are offered.
constexpr size_t kTitlePool = 64;

// What the box holds: the text kept before the last word, and the last word taken apart.
struct TypedBox {
  std::string_view rest;   // everything before the last word, byte for byte
  std::string_view lead;   // '-', '(' or '"' opening the last word, kept
  std::string field;       // "author" for `author:lec`, lowercase; empty for none
  std::string_view value;  // the part being completed: "lec"
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::optional<TypedBox> ReadBox(std::string_view typed) {
  if (typed.empty() || IsSpace(typed.back())) return std::nullopt;
  size_t start = typed.size();
  while (start > 0 && !IsSpace(typed[start - 1])) --start;
  TypedBox box;
  box.rest = typed.substr(0, start);
  std::string_view word = typed.substr(start);
  size_t lead = 0;
  while (lead < word.size() && (word[lead] == '-' || word[lead] == '(' || word[lead] == '"')) {
    ++lead;
  }
  box.lead = word.substr(0, lead);
  word.remove_prefix(lead);
  size_t colon = word.find(':');
  if (colon != std::string_view::npos && colon > 0 &&
      std::all_of(word.begin(), word.begin() + colon,
                  [](char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; })) {
    box.field = AsciiLowercase(word.substr(0, colon));
    word.remove_prefix(colon + 1);
    if (word.starts_with('"')) word.remove_prefix(1);
  }
  box.value = word;
  if (box.value.empty()) return std::nullopt;
  return box;
}

// "Attention" as the list shows a word: a capital that only opens the word is lowered;
// "LoRA", "GPT" and "BERT" keep theirs.
std::string ShownWord(std::string_view form) {
  std::string out(form);
  bool later_capital = std::any_of(out.begin() + (out.empty() ? 0 : 1), out.end(),
                                   [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!later_capital && !out.empty()) out[0] = AsciiLower(out[0]);
  return out;
}

// Up to max live papers holding term in field f, from the segments in order, walking only the
// blocks whose bound says the field holds the term, and at most kMaxSteps blocks and postings
// a segment.
std::vector<int64_t> PapersHolding(const index::IndexReader& reader, const std::string& term,
                                   index::Field f, size_t max) {
  std::vector<int64_t> keys;
  const int fi = static_cast<int>(f);
  for (const auto& segment : reader.segments()) {
    std::unique_ptr<index::SegmentPostingCursor> postings = segment->Postings(term);
    if (!postings || postings->list_impact().max_tf[fi] == 0) continue;
    for (int steps = 0; postings->doc() != index::kEndDoc && steps < kMaxSteps; ++steps) {
      if (postings->block_impact().max_tf[fi] == 0) {
        const uint32_t last = postings->block_last_doc();
        if (last == index::kEndDoc) break;
        postings->NextGeq(last + 1);
        continue;
      }
      const uint32_t doc = postings->doc();
      if (postings->tf(f) > 0 && !segment->IsDeleted(doc)) {
        keys.push_back(static_cast<int64_t>(segment->paper_key(doc)));
        if (keys.size() >= max) return keys;
      }
      postings->Next();
    }
  }
  return keys;
}

// How the papers keyed keys most often write term in their title (or abstract): "attention"
// for "attent", though one paper may say "Attentive".
std::optional<std::string> CommonForm(library::Corpus& corpus, text::Analyzer& analyzer,
                                      const std::string& term, index::Field f,
                                      std::span<const int64_t> keys) {
  Result<std::vector<library::StoredPaper>> papers = corpus.Get(keys);
  if (!papers.ok()) return std::nullopt;
  std::map<std::string, int> counts;  // by lowercase form
  std::map<std::string, std::string> as_written;
  std::vector<text::Token> tokens;
  for (const library::StoredPaper& p : *papers) {
    const std::string& text = f == index::Field::kTitle ? p.record.title : p.record.abstract;
    tokens.clear();
    analyzer.Analyze(text, &tokens);
    for (const text::Token& t : tokens) {
      if (t.term != term) continue;
      std::string form = text.substr(t.begin, t.end - t.begin);
      std::string lower = AsciiLowercase(form);
      if (counts[lower]++ == 0) as_written[lower] = std::move(form);
    }
  }
  std::optional<std::string> best;
  int best_count = 0;
  for (const auto& [lower, count] : counts) {
    if (count > best_count || (count == best_count && best && lower.size() < best->size())) {
      best = as_written[lower];
      best_count = count;
    }
  }
  return best;
}

// The author of the paper keyed key whose name holds term ("Yann LeCun" for "lecun").
std::optional<std::string> AuthorHolding(library::Corpus& corpus, text::Analyzer& analyzer,
                                         const std::string& term, int64_t key) {
  const int64_t keys[] = {key};
  Result<std::vector<library::StoredPaper>> papers = corpus.Get(keys);
  if (!papers.ok() || papers->empty()) return std::nullopt;
  std::vector<text::Token> tokens;
  for (const std::string& author : papers->front().record.authors) {
    tokens.clear();
    analyzer.Analyze(author, &tokens);
    for (const text::Token& t : tokens) {
      if (t.term == term) return author;
    }
  }
  return std::nullopt;
}

// A term as a query word: quoted when it holds a space or a quote would end it.
std::string Quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) out.push_back(c == '"' ? ' ' : c);
  out.push_back('"');
  return out;
}

bool NeedsQuotes(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return IsSpace(c) || c == '"' || c == '(' || c == ')'; });
}

// The terms of the box's words before the last: plain words only (no operators, fields,
// quotes or exclusions), analysed as the index analyses them.
std::vector<std::string> RestTerms(std::string_view rest, text::Analyzer& analyzer) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < rest.size()) {
    while (i < rest.size() && IsSpace(rest[i])) ++i;
    size_t j = i;
    while (j < rest.size() && !IsSpace(rest[j])) ++j;
    std::string_view w = rest.substr(i, j - i);
    i = j;
    if (w.empty() || w == "OR" || w == "AND" || w == "NOT") continue;
    if (std::any_of(w.begin(), w.end(), [](char c) {
          return c == ':' || c == '"' || c == '(' || c == ')' || c == '*' || c == '~';
        }) ||
        w.front() == '-') {
      continue;
    }
    std::string term = analyzer.Term(w);
    if (!term.empty()) out.push_back(std::move(term));
  }
  return out;
}

// Up to k papers whose titles hold every one of terms, the most cited first, among the first
// kTitlePool found: each segment's lists walked together (the rarest leading, skipping blocks
// whose bound has no title), within kMaxSteps a segment. No count of every match is made, which
// a search would: a frequent word's list at millions of papers is long.
std::vector<int64_t> PapersTitled(const index::IndexReader& reader,
                                  const std::vector<std::string>& terms, size_t k) {
  constexpr int kTitle = static_cast<int>(index::Field::kTitle);
  struct Found {
    int64_t citations;
    int64_t key;
  };
  std::vector<Found> pool;
  for (const auto& segment : reader.segments()) {
    std::vector<std::unique_ptr<index::SegmentPostingCursor>> lists;
    for (const std::string& term : terms) {
      std::unique_ptr<index::SegmentPostingCursor> c = segment->Postings(term);
      if (!c || c->list_impact().max_tf[kTitle] == 0) {
        lists.clear();
        break;
      }
      lists.push_back(std::move(c));
    }
    if (lists.empty()) continue;
    std::sort(lists.begin(), lists.end(), [](const auto& a, const auto& b) { return a->size() < b->size(); });
    index::SegmentPostingCursor& lead = *lists.front();
    for (int steps = 0; lead.doc() != index::kEndDoc && steps < kMaxSteps; ++steps) {
      if (lead.block_impact().max_tf[kTitle] == 0) {
        const uint32_t last = lead.block_last_doc();
        if (last == index::kEndDoc) break;
        lead.NextGeq(last + 1);
        continue;
      }
      const uint32_t doc = lead.doc();
      uint32_t ahead = doc;  // the furthest another list went
      bool all = lead.tf(index::Field::kTitle) > 0;
      for (size_t i = 1; all && i < lists.size(); ++i) {
        lists[i]->NextGeq(doc);
        if (lists[i]->doc() != doc) {
          all = false;
          ahead = lists[i]->doc();
        } else if (lists[i]->tf(index::Field::kTitle) == 0) {
          all = false;
        }
      }
      if (all && !segment->IsDeleted(doc)) {
        pool.push_back({segment->citations(doc), static_cast<int64_t>(segment->paper_key(doc))});
        if (pool.size() >= kTitlePool) break;
      }
      if (ahead == index::kEndDoc) break;
      if (ahead > doc) {
        lead.NextGeq(ahead);
      } else {
        lead.Next();
      }
    }
    if (pool.size() >= kTitlePool) break;
  }
  std::stable_sort(pool.begin(), pool.end(),
                   [](const Found& a, const Found& b) { return a.citations > b.citations; });
  std::vector<int64_t> keys;
  for (size_t i = 0; i < pool.size() && i < k; ++i) keys.push_back(pool[i].key);
  return keys;
}

}  // namespace

std::string_view SuggestionKindName(SuggestionKind kind) {
  switch (kind) {
    case SuggestionKind::kWord: return "word";
    case SuggestionKind::kAuthor: return "author";
    case SuggestionKind::kTitle: return "title";
    case SuggestionKind::kTag: return "tag";
    case SuggestionKind::kSavedSearch: return "saved-search";
  }
  return "word";
}

Result<std::vector<TypedSuggestion>> SuggestCompletions(library::Corpus& corpus,
                                                        const index::IndexReader& reader,
                                                        std::string_view typed, size_t limit) {
  std::vector<TypedSuggestion> out;
  limit = std::min(limit, kMaxSuggestions);
  std::optional<TypedBox> box = ReadBox(typed);
  if (!box || limit == 0) return out;

  const bool any = box->field.empty();
  const bool authors_only = box->field == "author" || box->field == "authors";
  const bool tags_only = box->field == "tag";
  // Words complete a bare word or one of the text fields; other fields (cat:, year:, state:...)
  // have values of their own, which are not words of the index.
  const bool words_wanted = any || box->field == "title" || box->field == "abstract";
  const bool titles_wanted = any || box->field == "title";
  const size_t word_cap = std::max<size_t>(3, limit / 2);
  const size_t other_cap = std::max<size_t>(2, limit / 4);
  // What the box keeps before the completed word, and a field the completion keeps.
  const std::string kept = std::string(box->rest) + std::string(box->lead);
  const std::string field_kept = box->field.empty() ? "" : box->field + ":";

  std::vector<TypedSuggestion> words, authors, titles, tags, saved;
  std::string best_term;  // the first word's term, which titles complete the box with
  thread_local text::Analyzer analyzer;

  if (words_wanted || authors_only) {
    const std::string folded = analyzer.Folded(box->value);
    if (!folded.empty()) {
      std::vector<index::TermCompletion> terms =
          index::TopTermsWithPrefix(reader, folded, kCandidateTerms);
      // The typed word's own term ("attention" → "attent"), which no longer begins with it.
      const std::string typed_term = analyzer.Term(box->value);
      if (!typed_term.empty() && typed_term != folded &&
          std::none_of(terms.begin(), terms.end(),
                       [&](const index::TermCompletion& t) { return t.term == typed_term; })) {
        if (uint64_t df = reader.DocFreq(typed_term); df > 0) {
          terms.insert(terms.begin(),
                       index::TermCompletion{typed_term, df, index::FieldsHolding(reader, typed_term)});
        }
      }
      std::stable_sort(terms.begin(), terms.end(),
                       [](const auto& a, const auto& b) { return a.df > b.df; });

      std::set<std::string> shown_words, shown_names;
      const index::FieldMask text_fields =
          index::FieldBit(index::Field::kTitle) | index::FieldBit(index::Field::kAbstract);
      for (const index::TermCompletion& t : terms) {
        // The whole of a compound ("attention-guid") completes only a compound being typed:
        // its parts are terms of their own.
        if (t.term.find('-') != std::string::npos && folded.find('-') == std::string::npos) {
          continue;
        }
        if (words_wanted && words.size() < word_cap && (t.fields & text_fields)) {
          std::optional<std::string> form;
          index::Field where = (t.fields & index::FieldBit(index::Field::kTitle))
                                   ? index::Field::kTitle
                                   : index::Field::kAbstract;
          std::vector<int64_t> keys = PapersHolding(reader, t.term, where, kFormPapers);
          if (!keys.empty()) form = CommonForm(corpus, analyzer, t.term, where, keys);
          // A whole word typed ("studies", whose papers write "study") is its own form.
          if ((!form || !analyzer.Folded(*form).starts_with(folded)) && t.term == typed_term &&
              typed_term != folded) {
            form = std::string(box->value);
          }
          if (form && analyzer.Folded(*form).starts_with(folded)) {
            std::string shown = ShownWord(*form);
            if (shown_words.insert(AsciiLowercase(shown)).second) {
              std::string q = kept + field_kept + shown;
              if (words.empty()) best_term = t.term;
              words.push_back({SuggestionKind::kWord, std::move(shown), std::move(q), t.df});
            }
          }
        }
        if ((any || authors_only) && authors.size() < other_cap &&
            (t.fields & index::FieldBit(index::Field::kAuthors))) {
          std::vector<int64_t> keys = PapersHolding(reader, t.term, index::Field::kAuthors, 1);
          std::optional<std::string> name =
              keys.empty() ? std::nullopt : AuthorHolding(corpus, analyzer, t.term, keys[0]);
          if (name && shown_names.insert(*name).second) {
            std::string q = kept + "author:" + Quoted(*name);
            authors.push_back({SuggestionKind::kAuthor, *name, std::move(q), 0});
          }
        }
        if ((words.size() >= word_cap || !words_wanted) &&
            (authors.size() >= other_cap || !(any || authors_only))) {
          break;
        }
      }
    }
  }

  // Titles holding the box's words, the last one completed as the best word.
  if (titles_wanted && !best_term.empty()) {
    std::vector<std::string> terms = RestTerms(box->rest, analyzer);
    terms.push_back(best_term);
    std::vector<int64_t> keys = PapersTitled(reader, terms, other_cap);
    PAPERDECK_ASSIGN_OR_RETURN(std::vector<library::StoredPaper> papers, corpus.Get(keys));
    for (const library::StoredPaper& p : papers) {
      if (p.record.title.empty()) continue;
      titles.push_back({SuggestionKind::kTitle, p.record.title, "title:" + Quoted(p.record.title), 0});
    }
  }

  const std::string value = AsciiLowercase(box->value);
  if (any || tags_only) {
    PAPERDECK_ASSIGN_OR_RETURN(std::vector<library::TagCount> all, corpus.Tags());
    for (const library::TagCount& tag : all) {
      if (tags.size() >= other_cap) break;
      if (!AsciiLowercase(tag.name).starts_with(value)) continue;
      std::string q = kept + "tag:" + (NeedsQuotes(tag.name) ? Quoted(tag.name) : tag.name);
      tags.push_back({SuggestionKind::kTag, tag.name, std::move(q), tag.papers});
    }
  }
  if (any) {
    const std::string whole = AsciiLowercase(typed);
    PAPERDECK_ASSIGN_OR_RETURN(std::vector<library::SavedSearch> searches, corpus.SavedSearches());
    for (const library::SavedSearch& s : searches) {
      if (saved.size() >= other_cap) break;
      if (AsciiLowercase(s.name).starts_with(value) ||
          AsciiLowercase(s.query).starts_with(whole)) {
        saved.push_back({SuggestionKind::kSavedSearch, s.name, s.query, 0});
      }
    }
  }

  for (auto* kind : {&words, &tags, &saved, &authors, &titles}) {
    for (TypedSuggestion& s : *kind) {
      if (out.size() < limit) out.push_back(std::move(s));
    }
  }
  return out;
}

}  // namespace paperdeck::workspace
