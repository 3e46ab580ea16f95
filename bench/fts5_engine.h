// SQLite FTS5 as a peer engine: a contentless table (content='') of title, abstract, authors and
// categories, tokenize='porter unicode61'. Like PaperDeck's index it keeps the terms, positions
// and lengths it needs to match and rank, not the text, which both leave to the corpus.
//
// Queries rank by bm25(t, 3.0, 1.0, 1.0, 0.0): PaperDeck's BM25F field weights, and none for the
// categories column, which only filters (a query's category is a phrase in that column, "cs.LG"
// read as "cs lg"). Words are searched with a column filter ({title abstract authors}), so a bare
// word never matches a category. FTS5's MATCH has no ranges, so a year filter is a join with an
// ordinary table, years(key INTEGER PRIMARY KEY, year), in the same database file:
// `... FROM t JOIN years ON years.key = t.rowid WHERE t MATCH ? AND years.year >= ?`.
// The table is memory-mapped (mmap_size 4 GiB) with a 1 GiB page
// cache, its most favourable setup for this workload. Each statement is prepared once per Open.
//
// Threading: one thread at a time.
#pragma once

#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "library/corpus.h"
#include "search_engine.h"

namespace paperdeck::bench {

// Builds the table in file (which must not exist) from papers, in one transaction, then merges
// it into one b-tree ('optimize') as PaperDeck's build ends in one segment. journal_mode=OFF and
// synchronous=OFF: a table thrown away if the build fails needs neither.
Status BuildFts5(const std::vector<library::StoredPaper>& papers, const std::filesystem::path& file,
                 BuildFigures* figures);

class Fts5Engine : public SearchEngine {
 public:
  explicit Fts5Engine(std::filesystem::path file);
  ~Fts5Engine() override;

  std::string name() const override { return "fts5"; }
  std::string WithTotalRow(uint32_t k) const override;
  std::string TopOnlyRow(uint32_t k) const override;
  Status Open() override;
  void Close() override;
  std::vector<std::filesystem::path> Files() const override { return {file_}; }
  Status Run(const Query& q, uint32_t k, QueryClock clock, bool total_only, Answer* answer,
             Timing* timing) override;

 private:
  struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
    void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
  };

  Status Error(const std::string& what) const;

  std::filesystem::path file_;
  // The statements are declared after the connection, so they are finalized before it closes.
  std::unique_ptr<sqlite3, Closer> db_;
  std::unique_ptr<sqlite3_stmt, Closer> top_, count_, top_year_, count_year_;
};

}  // namespace paperdeck::bench
