// A small index on disk for the search tests: papers written with the real IndexWriter into a
// temporary directory (support/temp_dir.h), removed when the TestIndex goes away.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "index/index_document.h"
#include "index/index_reader.h"
#include "index/index_writer.h"
#include "model/calendar.h"
#include "support/temp_dir.h"

namespace paperdeck::search {

// An IndexDocument that owns its strings.
struct TestPaper {
  uint64_t key = 0;
  std::string title;
  std::string abstract;
  std::vector<std::string> authors;
  std::string venue;
  std::vector<std::string> categories;
  std::string date;  // YYYY-MM-DD or empty
  int32_t year = 0;
  int64_t citations = -1;
  int64_t upvotes = -1;

  index::IndexDocument Document() const {
    index::IndexDocument d;
    d.paper_key = key;
    d.title = title;
    d.abstract = abstract;
    for (const std::string& a : authors) d.authors.push_back(a);
    d.venue = venue;
    for (const std::string& c : categories) d.categories.push_back(c);
    d.date = date.empty() ? index::kNoDate : *ParseIsoDate(date);
    d.year = year;
    d.citations = citations;
    d.upvotes = upvotes;
    return d;
  }
};

class TestIndex {
 public:
  TestIndex() = default;
  ~TestIndex() { writer_.reset(); }  // before dir_ goes
  TestIndex(const TestIndex&) = delete;
  TestIndex& operator=(const TestIndex&) = delete;

  index::IndexWriter& writer(index::IndexWriterOptions options = {}) {
    if (!writer_) {
      auto w = index::IndexWriter::Open(dir_.path(), options);
      EXPECT_TRUE(w.ok()) << w.status().message();
      writer_ = std::move(w.value());
    }
    return *writer_;
  }

  // Upserts papers, committing after every `per_commit` of them (one segment each) or once.
  void Add(const std::vector<TestPaper>& papers, size_t per_commit = 0) {
    index::IndexWriter& w = writer();
    size_t since_commit = 0;
    for (const TestPaper& p : papers) {
      ASSERT_TRUE(w.Upsert(p.Document()).ok());
      if (per_commit && ++since_commit == per_commit) {
        Commit();
        since_commit = 0;
      }
    }
    if (since_commit || !per_commit) Commit();
  }

  void Commit() { ASSERT_TRUE(writer().Commit(++revision_).ok()); }

  std::shared_ptr<const index::IndexReader> Reader() const {
    auto r = index::IndexReader::Open(dir_.path());
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? r.value() : nullptr;
  }

 private:
  ::paperdeck::testing::TempDir dir_;
  std::unique_ptr<index::IndexWriter> writer_;
  int64_t revision_ = 0;
};

}  // namespace paperdeck::search
