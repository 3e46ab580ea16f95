// What the library tests share: a scratch data directory removed afterwards (a TempDir), the
// seed page's cards read as records the way a card-listing source would give them, and a corpus
// an older build wrote, loaded from its `.dump` and migrated.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "library/corpus.h"
#include "library/schema.h"
#include "library/sqlite_handle.h"
#include "model/paper_record.h"
#include "support/temp_dir.h"

namespace paperdeck::library::testing {

using ScratchDir = ::paperdeck::testing::TempDir;

// The 35 cards of the reference page: no ids, first authors only when the card says "et al.".
inline std::vector<PaperRecord> SeedPageRecords() {
  std::vector<PaperRecord> out;
  std::ifstream in(std::string(PAPERDECK_TEST_DATA) + "/seed-page.jsonl");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    nlohmann::json card = nlohmann::json::parse(line);
    PaperRecord r;
    r.title = card.at("title");
    r.abstract = card.value("abstract", "");
    std::string shown = card.value("authors_shown", "");
    if (shown.size() > 7 && shown.ends_with(" et al.")) {
      shown.resize(shown.size() - 7);
      r.authors_complete = false;
    }
    size_t start = 0;
    while (start <= shown.size() && !shown.empty()) {
      size_t comma = shown.find(", ", start);
      r.authors.push_back(shown.substr(start, comma - start));
      if (comma == std::string::npos) break;
      start = comma + 2;
    }
    if (card.contains("badge")) r.badges.push_back(card["badge"]);
    if (card.contains("categories")) r.categories = card["categories"].get<std::vector<std::string>>();
    r.published = card.value("date", "");
    r.venue = card.value("venue", "");
    r.year = card.value("year", 0);
    if (card.contains("upvotes")) r.upvotes = card["upvotes"].get<int64_t>();
    if (card.contains("citations")) r.citations = card["citations"].get<int64_t>();
    r.is_new = card.value("new", false);
    r.source = "paperdeck-jsonl";
    r.origin = "seed-page.jsonl";
    out.push_back(std::move(r));
  }
  return out;
}

// Loads tests/data/library/FIXTURE (the `.dump` of a corpus an older build wrote, at schema
// `version`) into dir's corpus.db, then opens it with Corpus::Open, which migrates it. nullptr,
// after a failed expectation, when either step fails.
inline std::unique_ptr<Corpus> OpenDumpedCorpus(const ScratchDir& dir, const std::string& fixture,
                                                int64_t version) {
  std::ifstream in(std::string(PAPERDECK_TEST_DATA) + "/library/" + fixture);
  EXPECT_TRUE(in) << "missing fixture " << fixture;
  const std::string dump((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  {
    Result<std::unique_ptr<Database>> db = Database::Open(dir.path() / "corpus.db");
    EXPECT_TRUE(db.ok());
    if (!db.ok()) return nullptr;
    Status loaded = (*db)->Exec(dump);
    EXPECT_TRUE(loaded.ok()) << loaded.message();
    EXPECT_EQ(SchemaVersion(**db).value(), version);
  }
  Result<std::unique_ptr<Corpus>> corpus = Corpus::Open(dir.path());
  EXPECT_TRUE(corpus.ok()) << corpus.status().message();
  return corpus.ok() ? std::move(corpus).value() : nullptr;
}

}  // namespace paperdeck::library::testing
