// Xapian as a peer engine, set up as a Xapian user would for this data: an on-disk glass
// database, compacted after the build (as Xapian's own tools advise for a database that is only
// read); BM25Weight with its default parameters.
//
// Each paper's title is indexed with a within-document frequency of 3 per occurrence (PaperDeck's
// title weight), then its abstract and authors, by TermGenerator with the English stemmer on
// every term (STEM_ALL, so phrases match stems, as in the other two engines) and positions kept.
// For field queries the title is indexed again under the prefix "S" and the authors under "A"
// (without positions), and each category is a boolean term "XC" + the category in lowercase,
// which filters (OP_FILTER) without changing scores; the year is value slot 0
// (sortable_serialise), filtered with OP_VALUE_GE. Queries are built from a Query's words with
// OP_AND, OP_OR and OP_PHRASE, not parsed.
//
// Xapian's errors are caught here and come back as a Status. Threading: one thread at a time.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "library/corpus.h"
#include "search_engine.h"

namespace paperdeck::bench {

// Builds the database under dir (which must not exist): dir/db, compacted, and dir/keys, the
// paper key of each Xapian document id. The database as built is removed after compacting.
Status BuildXapian(const std::vector<library::StoredPaper>& papers,
                   const std::filesystem::path& dir, BuildFigures* figures);

class XapianEngine : public SearchEngine {
 public:
  // Reads dir/keys; the database is read by Open.
  static Result<std::unique_ptr<XapianEngine>> Load(const std::filesystem::path& dir);

  std::string name() const override { return "xapian"; }
  std::string WithTotalRow(uint32_t k) const override;
  std::string TopOnlyRow(uint32_t k) const override;
  Status Open() override;
  void Close() override;
  std::vector<std::filesystem::path> Files() const override { return {dir_ / "db"}; }
  // The top-only row is get_mset(0, k), whose total is Xapian's estimate; the row with a total is
  // get_mset(0, k, doccount): check_at_least every document makes the total exact.
  Status Run(const Query& q, uint32_t k, QueryClock clock, bool total_only, Answer* answer,
             Timing* timing) override;

 private:
  explicit XapianEngine(std::filesystem::path dir) : dir_(std::move(dir)), stem_("english") {}

  // The keys of the mset's documents, best first.
  void Keys(const Xapian::MSet& mset, std::vector<uint64_t>* keys) const;

  std::filesystem::path dir_;
  Xapian::Stem stem_;
  std::unique_ptr<Xapian::Database> db_;
  std::unique_ptr<Xapian::Enquire> enquire_;
  Xapian::doccount doc_count_ = 0;
  std::vector<uint64_t> keys_;  // by Xapian document id: the paper key
};

}  // namespace paperdeck::bench
