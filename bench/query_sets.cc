#include "query_sets.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <numeric>
#include <optional>
#include <random>
#include <unordered_set>

namespace paperdeck::bench {
namespace {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A token as a query word (see the header), lowercase, or "" if it does not qualify.
std::string PlainWord(std::string_view token) {
  if (token.size() < 3) return "";
  for (size_t i = 0; i < token.size(); ++i) {
    char c = token[i];
    if (!IsAsciiLetter(c)) return "";
    if (i > 0 && c >= 'A' && c <= 'Z') return "";
  }
  std::string word(token);
  word[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(word[0])));
  return word;
}

// token without the punctuation around it: "(sparse" and "attention:" read as their words.
// lead and trail receive how much was cut at each end.
std::string_view Trimmed(std::string_view token, size_t* lead, size_t* trail) {
  size_t begin = 0;
  while (begin < token.size() && !IsAsciiLetter(token[begin]) &&
         std::ispunct(static_cast<unsigned char>(token[begin]))) {
    ++begin;
  }
  size_t end = token.size();
  while (end > begin && !IsAsciiLetter(token[end - 1]) &&
         std::ispunct(static_cast<unsigned char>(token[end - 1]))) {
    --end;
  }
  *lead = begin;
  *trail = token.size() - end;
  return token.substr(begin, end - begin);
}

// The white-space separated tokens of text.
std::vector<std::string_view> Tokens(std::string_view text) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    size_t begin = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i > begin) out.push_back(text.substr(begin, i - begin));
  }
  return out;
}

// An FTS5 string: double quotes, with any quote inside doubled.
std::string FtsQuoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

// Writes q.ours and q.fts from q's kind, field, words and category. The FTS5 table also has a
// categories column, so every expression names the columns it searches: bare words must not
// match "stat" or "math" in a category.
void Spell(Query* q) {
  std::string ours, fts;
  if (q->kind == Query::Kind::kPhrase) {
    std::string text;
    for (const std::string& w : q->words) text += (text.empty() ? "" : " ") + w;
    ours = "\"" + text + "\"";
    fts = FtsQuoted(text);
  } else {
    // A question writes no operator: PaperDeck asks it in QueryMode::kPlainTextAny.
    const char* ours_op = q->kind == Query::Kind::kAny && !q->question ? " OR " : " ";
    const char* fts_op = q->kind == Query::Kind::kAny ? " OR " : " ";  // FTS5: juxtaposition is AND
    for (const std::string& w : q->words) {
      if (!ours.empty()) {
        ours += ours_op;
        fts += fts_op;
      }
      ours += (q->exact_form ? "=" : "") + w;
      fts += FtsQuoted(w);
    }
  }
  switch (q->field) {
    case Query::Field::kText:
      fts = "{title abstract authors} : (" + fts + ")";
      break;
    case Query::Field::kTitle:
      ours = "title:" + (q->words.size() > 1 ? "(" + ours + ")" : ours);
      fts = "title : (" + fts + ")";
      break;
    case Query::Field::kAuthors:
      ours = "author:" + (q->words.size() > 1 ? "(" + ours + ")" : ours);
      fts = "authors : (" + fts + ")";
      break;
  }
  if (!q->category.empty()) {
    ours += " cat:" + q->category;
    fts += " AND categories : " + FtsQuoted(q->category);
  }
  // FTS5's MATCH has no ranges: the year is a second condition of the statement (fts5_engine.h).
  if (q->year_from > 0) ours += " year:>=" + std::to_string(q->year_from);
  q->ours = std::move(ours);
  q->fts = std::move(fts);
}

Query Make(Query::Kind kind, std::vector<std::string> words,
           Query::Field field = Query::Field::kText, std::string category = "", int year_from = 0) {
  Query q;
  q.kind = kind;
  q.words = std::move(words);
  q.field = field;
  q.category = std::move(category);
  q.year_from = year_from;
  Spell(&q);
  return q;
}

class QueryDrawer {
 public:
  QueryDrawer(std::vector<PaperWords> papers, uint64_t seed)
      : papers_(std::move(papers)), rng_(seed) {}

  // k distinct words of one random title, in title order.
  std::vector<std::string> WordsOfOneTitle(size_t k) {
    for (int attempt = 0; attempt < 100000; ++attempt) {
      const PaperWords& t = papers_[Pick(papers_.size())];
      if (t.words.size() < k) continue;
      return Chosen(t.words, k);
    }
    return {};
  }

  // One word from each of k random titles, all distinct.
  std::vector<std::string> WordsOfTitles(size_t k) {
    std::vector<std::string> words;
    for (int attempt = 0; attempt < 100000 && words.size() < k; ++attempt) {
      std::vector<std::string> one = WordsOfOneTitle(1);
      if (one.empty()) break;
      if (std::find(words.begin(), words.end(), one[0]) == words.end()) words.push_back(one[0]);
    }
    return words;
  }

  std::optional<std::pair<std::string, std::string>> PhraseOfOneTitle() {
    for (int attempt = 0; attempt < 100000; ++attempt) {
      const PaperWords& t = papers_[Pick(papers_.size())];
      if (!t.phrases.empty()) return t.phrases[Pick(t.phrases.size())];
    }
    return std::nullopt;
  }

  // The surname of a random author of a random paper.
  std::string SurnameOfOnePaper() {
    for (int attempt = 0; attempt < 100000; ++attempt) {
      const PaperWords& t = papers_[Pick(papers_.size())];
      if (!t.surnames.empty()) return t.surnames[Pick(t.surnames.size())];
    }
    return "";
  }

  // A word of a random title and one of the same paper's categories.
  std::optional<std::pair<std::string, std::string>> WordAndCategoryOfOnePaper() {
    for (int attempt = 0; attempt < 100000; ++attempt) {
      const PaperWords& t = papers_[Pick(papers_.size())];
      if (t.words.empty() || t.categories.empty()) continue;
      std::string word = t.words[Pick(t.words.size())];
      return std::make_pair(word, t.categories[Pick(t.categories.size())]);
    }
    return std::nullopt;
  }

  // A word of a random title and the same paper's year (known).
  std::optional<std::pair<std::string, int>> WordAndYearOfOnePaper() {
    for (int attempt = 0; attempt < 100000; ++attempt) {
      const PaperWords& t = papers_[Pick(papers_.size())];
      if (t.words.empty() || t.year == 0) continue;
      return std::make_pair(t.words[Pick(t.words.size())], t.year);
    }
    return std::nullopt;
  }

  size_t Between(size_t lo, size_t hi) { return lo + Pick(hi - lo + 1); }

 private:
  size_t Pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }

  // k of words, in their order.
  std::vector<std::string> Chosen(const std::vector<std::string>& words, size_t k) {
    std::vector<size_t> chosen(words.size());
    std::iota(chosen.begin(), chosen.end(), 0);
    std::shuffle(chosen.begin(), chosen.end(), rng_);
    chosen.resize(k);
    std::sort(chosen.begin(), chosen.end());
    std::vector<std::string> out;
    for (size_t i : chosen) out.push_back(words[i]);
    return out;
  }

  std::vector<PaperWords> papers_;
  std::mt19937_64 rng_;
};

}  // namespace

PaperWords ReadPaper(const library::StoredPaper& paper, text::Analyzer& analyzer) {
  PaperWords out;
  std::unordered_set<std::string> seen;
  // The previous token's word if it ended without punctuation, else "": two adjacent words with
  // nothing but space between them are a phrase as written.
  std::string previous;
  for (std::string_view token : Tokens(paper.record.title)) {
    size_t lead = 0, trail = 0;
    std::string word = PlainWord(Trimmed(token, &lead, &trail));
    if (!word.empty() && analyzer.IsStopWord(word)) word.clear();
    if (!word.empty()) {
      if (!previous.empty() && lead == 0 && previous != word) {
        out.phrases.emplace_back(previous, word);
      }
      if (seen.insert(word).second) out.words.push_back(word);
    }
    previous = trail == 0 ? word : "";
  }
  for (const std::string& name : paper.record.authors) {
    std::vector<std::string_view> tokens = Tokens(name);
    if (tokens.size() < 2) continue;  // a surname needs a given name before it
    size_t lead = 0, trail = 0;
    std::string surname = PlainWord(Trimmed(tokens.back(), &lead, &trail));
    if (surname.empty() || analyzer.IsStopWord(surname)) continue;
    if (std::find(out.surnames.begin(), out.surnames.end(), surname) == out.surnames.end()) {
      out.surnames.push_back(surname);
    }
  }
  out.categories = paper.record.categories;
  out.year = YearOf(paper);
  return out;
}

int YearOf(const library::StoredPaper& paper) {
  if (paper.record.year != 0) return paper.record.year;
  const std::string& d = paper.record.published;  // YYYY-MM-DD
  if (d.size() < 4 ||
      !std::all_of(d.begin(), d.begin() + 4, [](char c) { return c >= '0' && c <= '9'; })) {
    return 0;
  }
  return std::stoi(d.substr(0, 4));
}

std::vector<QuerySet> DrawQuerySets(std::vector<PaperWords> papers, size_t n, uint64_t seed) {
  using Kind = Query::Kind;
  using Field = Query::Field;
  QueryDrawer draw(std::move(papers), seed);
  std::vector<QuerySet> sets = {
      {"and1", "1 word", {}},
      {"and2", "2 words, all required", {}},
      {"and3-5", "3-5 words, all required", {}},
      {"phrase2", "2-word phrases", {}},
      {"or2-3", "2-3 words, any (OR)", {}},
      {"title1", "1 word in the title (title:word)", {}},
      {"author1", "an author's surname (author:name)", {}},
      {"cat1", "1 word in one category (word cat:C)", {}},
      {"year1", "1 word from a year on (word year:>=Y)", {}},
      {"plain1", "1 word, the words of exact1 (word)", {}},
      {"exact1", "1 word's exact form (=word; the peers: the word)", {}},
      {"question3-6", "3-6 words of a title as a question (any word; feedback off)", {}},
      {"question3-6+fb",
       "the same questions expanded by feedback (--expand; the peers: the words ORed)", {}},
  };
  for (size_t i = 0; i < n; ++i) {
    if (auto w = draw.WordsOfOneTitle(1); !w.empty())
      sets[0].queries.push_back(Make(Kind::kAll, w));
    if (auto w = draw.WordsOfOneTitle(2); !w.empty())
      sets[1].queries.push_back(Make(Kind::kAll, w));
    if (auto w = draw.WordsOfOneTitle(draw.Between(3, 5)); !w.empty()) {
      sets[2].queries.push_back(Make(Kind::kAll, w));
    }
    if (auto p = draw.PhraseOfOneTitle()) {
      sets[3].queries.push_back(Make(Kind::kPhrase, {p->first, p->second}));
    }
    if (auto w = draw.WordsOfTitles(draw.Between(2, 3)); w.size() >= 2) {
      sets[4].queries.push_back(Make(Kind::kAny, w));
    }
  }
  // The later sets come from the same generator after the first five are complete, so adding
  // them changed none of the first five.
  for (size_t i = 0; i < n; ++i) {
    if (auto w = draw.WordsOfOneTitle(1); !w.empty()) {
      sets[5].queries.push_back(Make(Kind::kAll, w, Field::kTitle));
    }
    if (std::string s = draw.SurnameOfOnePaper(); !s.empty()) {
      sets[6].queries.push_back(Make(Kind::kAll, {s}, Field::kAuthors));
    }
    if (auto wc = draw.WordAndCategoryOfOnePaper()) {
      sets[7].queries.push_back(Make(Kind::kAll, {wc->first}, Field::kText, wc->second));
    }
    if (auto wy = draw.WordAndYearOfOnePaper()) {
      sets[8].queries.push_back(Make(Kind::kAll, {wy->first}, Field::kText, "", wy->second));
    }
  }
  // The exact-form and question sets: drawn after the nine above, which they leave as they were.
  // Each pair holds the same words, so the pair's ratio is the cost of the form or the feedback.
  for (size_t i = 0; i < n; ++i) {
    if (auto w = draw.WordsOfOneTitle(1); !w.empty()) {
      sets[9].queries.push_back(Make(Kind::kAll, w));
      Query exact;
      exact.kind = Kind::kAll;
      exact.words = w;
      exact.exact_form = true;
      Spell(&exact);
      sets[10].queries.push_back(std::move(exact));
    }
    if (auto w = draw.WordsOfOneTitle(draw.Between(3, 6)); !w.empty()) {
      Query question;
      question.kind = Kind::kAny;
      question.words = w;
      question.question = true;
      Spell(&question);
      sets[11].queries.push_back(question);
      question.expand = true;
      sets[12].queries.push_back(std::move(question));
    }
  }
  return sets;
}

Status WriteQueries(const std::filesystem::path& file, const std::vector<QuerySet>& sets) {
  std::ofstream out(file);
  if (!out) return Status::IOError(file.string() + ": cannot write");
  out << "set\tquery\tfts5\tfts5_year_from\n";
  for (const QuerySet& set : sets) {
    for (const Query& q : set.queries) {
      out << set.name << '\t' << q.ours << '\t' << q.fts << '\t';
      if (q.year_from > 0) out << q.year_from;
      out << '\n';
    }
  }
  out.close();
  if (!out) return Status::IOError(file.string() + ": write failed");
  return Status::Ok();
}

}  // namespace paperdeck::bench
