// Query sets drawn from the corpus's papers, each query written three ways: in PaperDeck's query
// language, as an FTS5 MATCH expression, and as the words and operator Xapian's query is built
// from (Xapian's queries are built, not parsed, so all three engines see the same words).
//
// A query word is a token made only of ASCII letters (at least three), capitalised at most at
// the front, and not on PaperDeck's stop word list. That leaves out compounds ("GPT-4",
// "FlashAttention", "LLMs"), which PaperDeck splits into parts and the peers do not, and digits,
// which the engines treat differently.
//
// Drawing is reproducible: the same papers (in the same order), seed and standard library give
// the same queries. The first five sets are drawn exactly as before the field and category sets
// were added, and those nine exactly as before the exact-form and question sets were, so their
// queries did not change.
//
// Threading: plain values and functions; one thread at a time per QueryDrawer.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "library/corpus.h"
#include "model/status.h"
#include "text/analyzer.h"

namespace paperdeck::bench {

struct Query {
  // kPrefix: words[0] is a prefix (`atten*`), for forgive_bench.
  enum class Kind { kAll, kAny, kPhrase, kPrefix };
  // Where the words must be: any of title, abstract and authors (bare words), or one field.
  enum class Field { kText, kTitle, kAuthors };

  std::string ours;  // PaperDeck's query language
  std::string fts;   // FTS5's MATCH syntax
  Kind kind = Kind::kAll;
  Field field = Field::kText;
  std::vector<std::string> words;  // lowercase, unstemmed
  std::string category;            // a category filter ("cs.LG"), or "" for none
  int year_from = 0;               // a year filter (year:>=Y), or 0 for none
  // PaperDeck: the word's exact form (`=word`), not its stem. The peers index stems alone and
  // run the plain word.
  bool exact_form = false;
  // kAny, PaperDeck: the words as a question (QueryMode::kPlainTextAny: any word, no operator
  // written), with feedback off unless expand. The peers run the words ORed.
  bool question = false;
  // PaperDeck: the question expanded with feedback terms (SearchRequest::expand, as `paperdeck
  // search --expand` asks); the peers have no feedback and run the words ORed.
  bool expand = false;
};

struct QuerySet {
  std::string name;         // short, for the TSV file: "and2"
  std::string description;  // for the table's title
  std::vector<Query> queries;
};

// What one paper offers the query drawer.
struct PaperWords {
  std::vector<std::string> words;  // distinct title words, lowercase, in title order
  std::vector<std::pair<std::string, std::string>> phrases;  // adjacent title words as written
  std::vector<std::string> surnames;    // the last word of each author's name, lowercase
  std::vector<std::string> categories;  // as stored: "cs.LG", primary first
  int year = 0;                         // YearOf the paper
};

// The year PaperDeck's index gives a paper (sync/paper_document.cc): its year, else the year of
// its published date; 0 if neither is known. The peers index the same year.
int YearOf(const library::StoredPaper& paper);

// What the drawer needs of a paper; analyzer judges stop words.
PaperWords ReadPaper(const library::StoredPaper& paper, text::Analyzer& analyzer);

// The sets, each of up to n queries, drawn from papers with a std::mt19937_64 seeded with seed.
std::vector<QuerySet> DrawQuerySets(std::vector<PaperWords> papers, size_t n, uint64_t seed);

// Writes every query as TSV: set, query (PaperDeck's language), fts5 (MATCH text), fts5_year_from
// (the year condition beside the MATCH, or empty).
Status WriteQueries(const std::filesystem::path& file, const std::vector<QuerySet>& sets);

}  // namespace paperdeck::bench
