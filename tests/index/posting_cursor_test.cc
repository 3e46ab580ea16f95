// PostingCursor over real segment files written from hand-made token streams, checked against
// a brute-force reference of what was written.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "index/length_norm.h"
#include "index/mapped_segment_reader.h"
#include "index/segment_file.h"
#include "index/segment_writer.h"
#include "index_test_util.h"

namespace paperdeck::index {
namespace {

struct RefPosting {
  uint32_t doc;
  std::array<uint32_t, kNumFields> tf{};
  std::array<std::vector<uint32_t>, kNumFields> positions;
};

constexpr uint32_t kDocs = 12000;

class CursorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    std::mt19937 rng(7);
    auto pick = [&](uint32_t count) {
      std::set<uint32_t> docs;
      while (docs.size() < count) docs.insert(rng() % kDocs);
      return docs;
    };
    std::map<std::string, std::set<uint32_t>> lists;
    lists["one"] = {5000};
    lists["first"] = {0};
    lists["last"] = {kDocs - 1};
    lists["s127"] = pick(127);
    lists["s128"] = pick(128);
    lists["s129"] = pick(129);
    lists["s256"] = pick(256);
    lists["big"] = pick(10500);
    for (uint32_t d = 0; d < kDocs; ++d) lists["all"].insert(d);
    for (uint32_t d = 0; d < kDocs; d += 97) lists["sparse"].insert(d);

    std::vector<AnalyzedDocument> docs(kDocs);
    for (auto& [term, set] : lists) {
      for (uint32_t d : set) {
        RefPosting p;
        p.doc = d;
        const uint32_t fields = 1 + rng() % 15;  // a nonempty set of fields
        for (int f = 0; f < kNumFields; ++f) {
          if (!(fields & (1u << f))) continue;
          uint32_t tf = 1 + rng() % 3;
          if (rng() % 500 == 0) tf = 40 + rng() % 300;  // a rare heavy posting widens a block
          std::set<uint32_t> pos;
          while (pos.size() < tf) pos.insert(rng() % (tf * 4 + 20));
          p.tf[f] = tf;
          p.positions[f].assign(pos.begin(), pos.end());
          for (uint32_t x : pos) AddToken(&docs[d], static_cast<Field>(f), term, x);
        }
        reference_[term].push_back(std::move(p));
      }
    }
    SegmentWriter writer;
    for (uint32_t d = 0; d < kDocs; ++d) {
      docs[d].values.paper_key = 1000 + d;
      for (auto& len : docs[d].values.field_length) len += rng() % 50;  // lengths vary beyond positions
      ASSERT_EQ(writer.Add(docs[d]), d);
      for (int f = 0; f < kNumFields; ++f) lengths_[d][f] = docs[d].values.field_length[f];
    }
    ASSERT_TRUE(writer.WriteSegment(*dir_ / "c.seg").ok());
    auto file = SegmentFile::Open(*dir_ / "c.seg");
    ASSERT_TRUE(file.ok()) << file.status().message();
    ASSERT_TRUE(file.value()->Verify().ok());
    segment_ = new MappedSegmentReader("c", file.value(), nullptr);
  }
  static void TearDownTestSuite() {
    delete segment_;
    delete dir_;
    reference_.clear();
  }

  static const std::vector<RefPosting>& Ref(const std::string& term) { return reference_.at(term); }
  static std::vector<std::string> Terms() {
    std::vector<std::string> t;
    for (const auto& [term, list] : reference_) t.push_back(term);
    return t;
  }

  static void ExpectPostingEquals(PostingCursor& c, const RefPosting& p, bool positions) {
    ASSERT_EQ(c.doc(), p.doc);
    std::vector<uint32_t> got;
    for (int f = 0; f < kNumFields; ++f) {
      EXPECT_EQ(c.tf(static_cast<Field>(f)), p.tf[f]) << "doc " << p.doc << " field " << f;
      if (positions) {
        c.Positions(static_cast<Field>(f), &got);
        EXPECT_EQ(got, p.positions[f]) << "doc " << p.doc << " field " << f;
      }
    }
  }

  static inline TempDir* dir_ = nullptr;
  static inline MappedSegmentReader* segment_ = nullptr;
  static inline std::map<std::string, std::vector<RefPosting>> reference_;
  static inline std::array<std::array<uint32_t, kNumFields>, kDocs> lengths_{};
};

TEST_F(CursorTest, NextWalksEveryPostingWithItsTfAndPositions) {
  for (const std::string& term : Terms()) {
    SCOPED_TRACE(term);
    const auto& ref = Ref(term);
    auto c = segment_->Postings(term);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->size(), ref.size());
    EXPECT_EQ(segment_->DocFreq(term), ref.size());
    for (const RefPosting& p : ref) {
      ExpectPostingEquals(*c, p, /*positions=*/true);
      c->Next();
    }
    EXPECT_EQ(c->doc(), kEndDoc);
  }
}

TEST_F(CursorTest, PositionsAreFoundWhenEarlierPostingsWereSkipped) {
  for (const std::string& term : Terms()) {
    SCOPED_TRACE(term);
    const auto& ref = Ref(term);
    auto c = segment_->Postings(term);
    for (size_t i = 0; i < ref.size(); ++i) {
      ExpectPostingEquals(*c, ref[i], /*positions=*/i % 7 == 3);
      c->Next();
    }
  }
}

TEST_F(CursorTest, AskingForPositionsAheadMovesNothing) {
  // Docs in the list, docs between its postings and docs past its end: the cursor stays where
  // it was, and the positions then read are the ones written.
  std::mt19937 rng(3);
  for (const std::string& term : Terms()) {
    SCOPED_TRACE(term);
    const auto& ref = Ref(term);
    auto c = segment_->Postings(term);
    std::set<uint32_t> asked;
    for (size_t i = 0; i < ref.size(); i += 1 + rng() % 40) asked.insert(ref[i].doc);
    for (int i = 0; i < 20; ++i) asked.insert(rng() % kDocs);
    asked.insert(kDocs + 5);
    const std::vector<uint32_t> docs(asked.begin(), asked.end());
    const uint32_t at = c->doc();
    c->WillReadPositions(docs);
    EXPECT_EQ(c->doc(), at);
    for (size_t i = 0; i < ref.size(); ++i) {
      if (!asked.contains(ref[i].doc)) continue;
      c->NextGeq(ref[i].doc);
      ExpectPostingEquals(*c, ref[i], /*positions=*/true);
    }
    c->WillReadPositions({});
  }
}

TEST_F(CursorTest, NextGeqLandsOnTheFirstDocAtOrAfterTarget) {
  std::mt19937 rng(11);
  for (const std::string& term : Terms()) {
    SCOPED_TRACE(term);
    const auto& ref = Ref(term);
    for (uint32_t max_step : {3u, 60u, 700u, 5000u}) {
      auto c = segment_->Postings(term);
      uint32_t target = 0;
      while (true) {
        target += rng() % max_step;
        // A target at or before the current doc leaves the cursor where it is.
        const uint32_t effective = std::max(target, c->doc());
        auto it = std::lower_bound(ref.begin(), ref.end(), effective,
                                   [](const RefPosting& p, uint32_t t) { return p.doc < t; });
        c->NextGeq(target);
        if (it == ref.end()) {
          EXPECT_EQ(c->doc(), kEndDoc);
          break;
        }
        ASSERT_EQ(c->doc(), it->doc) << "target " << target;
        ExpectPostingEquals(*c, *it, /*positions=*/true);
        if (rng() % 3 == 0 && c->doc() != kEndDoc) {
          c->Next();  // mixing Next and NextGeq
          ++it;
          ASSERT_EQ(c->doc(), it == ref.end() ? kEndDoc : it->doc);
          if (c->doc() == kEndDoc) break;
        }
      }
    }
  }
}

TEST_F(CursorTest, ShallowAdvanceDescribesTheBlockThatMayHoldTarget) {
  std::mt19937 rng(13);
  for (const std::string& term : Terms()) {
    SCOPED_TRACE(term);
    const auto& ref = Ref(term);
    auto c = segment_->Postings(term);
    const uint32_t first = c->doc();
    uint32_t target = 0;
    while (true) {
      target += rng() % 400;
      c->ShallowAdvance(target);
      EXPECT_EQ(c->doc(), first);  // the posting does not move
      auto it = std::lower_bound(ref.begin(), ref.end(), target,
                                 [](const RefPosting& p, uint32_t t) { return p.doc < t; });
      if (it == ref.end()) {
        EXPECT_EQ(c->block_last_doc(), kEndDoc);
        break;
      }
      const size_t block = static_cast<size_t>(it - ref.begin()) / kBlockSize;
      const size_t end = std::min(ref.size(), (block + 1) * kBlockSize);
      ASSERT_EQ(c->block_last_doc(), ref[end - 1].doc) << "target " << target;
      const Impact& impact = c->block_impact();
      for (size_t i = block * kBlockSize; i < end; ++i) {
        for (int f = 0; f < kNumFields; ++f) {
          EXPECT_LE(ref[i].tf[f], impact.max_tf[f]);
          if (ref[i].tf[f] > 0) EXPECT_GE(lengths_[ref[i].doc][f], impact.min_field_length[f]);
        }
      }
    }
  }
}

TEST_F(CursorTest, ImpactsBoundEveryPostingOfTheirBlockAndList) {
  for (const std::string& term : Terms()) {
    SCOPED_TRACE(term);
    const auto& ref = Ref(term);
    auto c = segment_->Postings(term);
    std::array<uint32_t, kNumFields> max_tf{};
    std::array<uint32_t, kNumFields> min_len;
    min_len.fill(UINT32_MAX);
    std::array<float, kNumFields> max_ntf{};
    std::array<double, kNumFields> average{};
    for (int f = 0; f < kNumFields; ++f) {
      average[f] = static_cast<double>(segment_->total_field_length(static_cast<Field>(f))) /
                   segment_->doc_count();
    }
    for (size_t i = 0; i < ref.size(); ++i, c->Next()) {
      ASSERT_EQ(c->doc(), ref[i].doc);
      const size_t end = std::min(ref.size(), (i / kBlockSize + 1) * kBlockSize);
      EXPECT_EQ(c->block_last_doc(), ref[end - 1].doc);
      for (int f = 0; f < kNumFields; ++f) {
        const uint32_t tf = ref[i].tf[f];
        const uint32_t len = lengths_[ref[i].doc][f];
        EXPECT_LE(tf, c->block_impact().max_tf[f]);
        EXPECT_LE(tf, c->list_impact().max_tf[f]);
        const float ntf = NormalizedTf(tf, len, average[f]);
        EXPECT_LE(ntf, c->block_impact().max_ntf[f]);
        EXPECT_LE(ntf, c->list_impact().max_ntf[f]);
        max_ntf[f] = std::max(max_ntf[f], ntf);
        if (tf > 0) {
          EXPECT_GE(len, c->block_impact().min_field_length[f]);
          EXPECT_GE(len, c->list_impact().min_field_length[f]);
          max_tf[f] = std::max(max_tf[f], tf);
          min_len[f] = std::min(min_len[f], len);
        }
      }
    }
    // The list impact is not just a bound but the exact extreme (so pruning is as tight as it
    // can be).
    for (int f = 0; f < kNumFields; ++f) {
      EXPECT_EQ(c->list_impact().max_tf[f], max_tf[f]) << "field " << f;
      EXPECT_EQ(c->list_impact().min_field_length[f], max_tf[f] ? min_len[f] : 0) << "field " << f;
      // The normalised tf is stored rounded up to 1/256: a bound within one step of the max.
      EXPECT_LE(c->list_impact().max_ntf[f], max_ntf[f] + 1.0f / kNtfUnit + 1e-4f * max_ntf[f])
          << "field " << f;
    }
    EXPECT_EQ(c->block_last_doc(), kEndDoc);
  }
}

TEST_F(CursorTest, AbsentTermHasNoCursor) {
  EXPECT_EQ(segment_->Postings("absent"), nullptr);
  EXPECT_EQ(segment_->Postings(""), nullptr);
  EXPECT_EQ(segment_->Postings("zzzz"), nullptr);
  EXPECT_EQ(segment_->DocFreq("bi"), 0u);  // a prefix of a term is not the term
}

TEST(SegmentPositions, AdjacentWordsHaveAdjacentFieldLocalPositions) {
  TempDir dir;
  AnalyzedDocument doc;
  doc.values.paper_key = 1;
  AddToken(&doc, Field::kTitle, "deep", 0);
  AddToken(&doc, Field::kTitle, "learn", 1);
  AddToken(&doc, Field::kAbstract, "we", 0);
  AddToken(&doc, Field::kAbstract, "learn", 1);
  AddToken(&doc, Field::kAbstract, "deep", 2);
  AddToken(&doc, Field::kAbstract, "learn", 3);
  SegmentWriter writer;
  writer.Add(doc);
  ASSERT_TRUE(writer.WriteSegment(dir / "p.seg").ok());
  auto file = SegmentFile::Open(dir / "p.seg");
  ASSERT_TRUE(file.ok());
  MappedSegmentReader seg("p", file.value(), nullptr);
  auto deep = seg.Postings("deep");
  auto learn = seg.Postings("learn");
  std::vector<uint32_t> pos;
  deep->Positions(Field::kTitle, &pos);
  EXPECT_EQ(pos, (std::vector<uint32_t>{0}));
  learn->Positions(Field::kTitle, &pos);
  EXPECT_EQ(pos, (std::vector<uint32_t>{1}));
  deep->Positions(Field::kAbstract, &pos);
  EXPECT_EQ(pos, (std::vector<uint32_t>{2}));
  learn->Positions(Field::kAbstract, &pos);
  EXPECT_EQ(pos, (std::vector<uint32_t>{1, 3}));
  EXPECT_EQ(learn->tf(Field::kTitle), 1u);
  EXPECT_EQ(learn->tf(Field::kAbstract), 2u);
  EXPECT_EQ(learn->tf(Field::kAuthors), 0u);
  learn->Positions(Field::kAuthors, &pos);
  EXPECT_TRUE(pos.empty());
}

}  // namespace
}  // namespace paperdeck::index
