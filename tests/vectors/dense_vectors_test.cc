// Dense vectors: word vectors learned from a small corpus (two themes, a few hundred short
// documents, seconds), paper vectors per segment and the nearest papers to a query, a new segment
// given vectors from the trained model without training again, the model's file read back and
// named when damaged, and reciprocal-rank fusion.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "index/index_reader.h"
#include "index/index_writer.h"
#include "support/temp_dir.h"
#include "text/analyzer.h"
#include "vectors/dense_index.h"
#include "vectors/forward_files.h"
#include "vectors/rank_fusion.h"
#include "vectors/word_vectors.h"

namespace paperdeck::vectors {
namespace {

using ::paperdeck::testing::TempDir;
using ::testing::HasSubstr;

// Theme 0 (robots) and theme 1 (proteins). Every document draws from its theme's words;
// "dexterous" and "enzyme" each appear in a few documents of their theme only.
struct Doc {
  uint64_t key;
  int theme;
  std::string title, abstract;
};

std::vector<Doc> MakeDocs(uint64_t first_key, int count, uint32_t seed) {
  const std::vector<std::vector<std::string>> words = {
      {"robot", "grasp", "gripper", "manipulation", "arm", "object", "clutter", "pick", "place",
       "hand", "finger", "tactile", "grasping", "pose", "motion"},
      {"protein", "fold", "residue", "structure", "sequence", "amino", "acid", "binding", "molecule",
       "peptide", "chain", "folding", "ligand", "backbone", "conformation"}};
  std::mt19937 rng(seed);
  std::vector<Doc> docs;
  for (int i = 0; i < count; ++i) {
    Doc d;
    d.key = first_key + i;
    d.theme = i % 2;
    const auto& w = words[d.theme];
    std::uniform_int_distribution<size_t> pick(0, w.size() - 1);
    for (int j = 0; j < 4; ++j) d.title += w[pick(rng)] + " ";
    for (int j = 0; j < 30; ++j) d.abstract += w[pick(rng)] + " ";
    if (i % 10 == 0) d.abstract += d.theme == 0 ? "dexterous" : "enzyme";
    docs.push_back(d);
  }
  return docs;
}

void Index(const std::filesystem::path& dir, const std::vector<Doc>& docs, int64_t revision) {
  auto writer = index::IndexWriter::Open(dir);
  ASSERT_TRUE(writer.ok()) << writer.status().message();
  for (const Doc& d : docs) {
    index::IndexDocument doc;
    doc.paper_key = d.key;
    doc.title = d.title;
    doc.abstract = d.abstract;
    ASSERT_TRUE((*writer)->Upsert(doc).ok());
  }
  ASSERT_TRUE((*writer)->Commit(revision).ok());
}

std::unique_ptr<WordVectors> Train(const std::filesystem::path& dir, const std::vector<Doc>& docs) {
  const std::filesystem::path text_file = dir / "training.txt";
  {
    std::ofstream out(text_file);
    text::Analyzer analyzer;
    std::string line;
    for (const Doc& d : docs) {
      line.clear();
      AppendTrainingLine(analyzer, d.title, d.abstract, &line);
      out << line;
    }
  }
  TrainOptions options;
  options.dim = 16;
  options.epoch = 5;
  options.min_count = 1;
  auto words = WordVectors::Train(text_file, docs.size(), options);
  EXPECT_TRUE(words.ok()) << words.status().message();
  return words.ok() ? std::move(*words) : nullptr;
}

class DenseVectorsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    docs_ = MakeDocs(1, 300, 7);
    Index(dir_.path() / "index", docs_, 1);
    words_ = Trained(docs_);
    ASSERT_NE(words_, nullptr);
    std::filesystem::create_directories(dir_.path() / "vectors");
    ASSERT_TRUE(words_->Write(dir_.path() / "vectors" / kWordsFileName).ok());
  }

  std::shared_ptr<const DenseIndex> Open(DenseFilesReport* report = nullptr,
                                         const DenseOptions& options = {}) {
    auto reader = index::IndexReader::Open(dir_.path() / "index");
    EXPECT_TRUE(reader.ok());
    EXPECT_TRUE(UpdateForwardFiles(**reader, dir_.path() / "vectors").ok());
    auto words = WordVectors::Read(dir_.path() / "vectors" / kWordsFileName);
    EXPECT_TRUE(words.ok()) << words.status().message();
    auto dense = DenseIndex::Open(*reader, dir_.path() / "vectors",
                                  std::shared_ptr<const WordVectors>(std::move(*words)), report,
                                  options);
    EXPECT_TRUE(dense.ok()) << dense.status().message();
    return dense.ok() ? *dense : nullptr;
  }

  int Theme(uint64_t key) const { return docs_[key - 1].theme; }

  TempDir dir_;
  std::vector<Doc> docs_;
  const WordVectors* words_ = nullptr;

  // Trained once for the suite (training is the slow part).
  static const WordVectors* Trained(const std::vector<Doc>& docs) {
    static TempDir* dir = new TempDir();
    static std::unique_ptr<WordVectors> words = Train(dir->path(), docs);
    return words.get();
  }
};

TEST_F(DenseVectorsTest, NearestPapersShareTheQuerysThemeWithoutItsWord) {
  auto dense = Open();
  ASSERT_NE(dense, nullptr);
  // "dexterous" is in 30 robot papers; its nearest 40 are robot papers, the last ones without it.
  std::vector<float> q = dense->EmbedQuery("dexterous");
  std::vector<DenseHit> hits = dense->Nearest(q, 40);
  ASSERT_EQ(hits.size(), 40u);
  int robots = 0, without_word = 0;
  for (const DenseHit& h : hits) {
    robots += Theme(h.paper_key) == 0;
    without_word += docs_[h.paper_key - 1].abstract.find("dexterous") == std::string::npos;
  }
  EXPECT_GE(robots, 38);
  EXPECT_GE(without_word, 5);
  for (size_t i = 1; i < hits.size(); ++i) EXPECT_GE(hits[i - 1].score, hits[i].score);
  // A word the model never saw gives no vector, and no neighbours worth the name.
  std::vector<float> none = dense->EmbedQuery("zyxwvut");
  EXPECT_EQ(std::count(none.begin(), none.end(), 0.0f), static_cast<long>(none.size()));
}

TEST_F(DenseVectorsTest, ANewSegmentGetsVectorsFromTheTrainedModel) {
  DenseFilesReport first;
  ASSERT_NE(Open(&first), nullptr);
  EXPECT_EQ(first.written, 1u);
  // Papers indexed after training: a new segment, vectors without training again.
  std::vector<Doc> more = MakeDocs(301, 20, 11);
  Index(dir_.path() / "index", more, 2);
  for (Doc& d : more) docs_.push_back(d);
  DenseFilesReport second;
  auto dense = Open(&second);
  ASSERT_NE(dense, nullptr);
  EXPECT_EQ(second.written, 1u);  // the new segment's only
  EXPECT_FALSE(dense->VectorOf(305).empty());
  std::vector<float> q = dense->VectorOf(306);  // a protein paper of the new segment
  ASSERT_EQ(Theme(306), 1);
  std::vector<DenseHit> hits = dense->Nearest(q, 10);
  ASSERT_FALSE(hits.empty());
  float self = 0;
  ASSERT_TRUE(dense->Similarity(306, q, &self));
  EXPECT_NEAR(self, 1.0f, 0.02f);
  EXPECT_GE(hits[0].score, 0.9f);
  for (const DenseHit& h : hits) EXPECT_EQ(Theme(h.paper_key), 1) << h.paper_key;
}

TEST_F(DenseVectorsTest, TheModelFileReadsBackAndACutShortOneIsNamed) {
  const std::filesystem::path path = dir_.path() / "vectors" / kWordsFileName;
  auto read = WordVectors::Read(path);
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ((*read)->word_count(), words_->word_count());
  EXPECT_EQ((*read)->papers(), 300u);
  EXPECT_EQ((*read)->checksum(), words_->checksum());
  const int32_t robot = (*read)->Find("robot");
  ASSERT_GE(robot, 0);
  EXPECT_EQ((*read)->Vector(robot)[3], words_->Vector(words_->Find("robot"))[3]);

  std::filesystem::resize_file(path, std::filesystem::file_size(path) - 100);
  auto cut = WordVectors::Read(path);
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.status().code(), Status::Code::kCorruption);
  EXPECT_THAT(cut.status().message(), HasSubstr(path.string()));
  EXPECT_THAT(cut.status().message(), HasSubstr("cut short"));

  std::filesystem::remove(path);
  auto missing = WordVectors::Read(path);
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
  EXPECT_THAT(missing.status().message(), HasSubstr("reindex --vectors"));
}

TEST_F(DenseVectorsTest, ADamagedPaperVectorsFileIsWrittenAgain) {
  ASSERT_NE(Open(), nullptr);
  std::filesystem::path dvec;
  for (const auto& e : std::filesystem::directory_iterator(dir_.path() / "vectors")) {
    if (e.path().extension() == ".dvec") dvec = e.path();
  }
  ASSERT_FALSE(dvec.empty());
  std::filesystem::resize_file(dvec, 100);
  DenseFilesReport report;
  auto dense = Open(&report);
  ASSERT_NE(dense, nullptr);
  EXPECT_EQ(report.written, 1u);
  EXPECT_FALSE(dense->VectorOf(1).empty());
}

// Every segment of 100 papers or more searched through a neighbour graph.
DenseOptions WithGraphs() {
  DenseOptions options;
  options.graph_min_docs = 100;
  options.graph_min_breadth = 16;
  return options;
}

std::filesystem::path OnlyFileEndingIn(const std::filesystem::path& dir, std::string_view end) {
  std::filesystem::path found;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().filename().string().ends_with(end)) {
      EXPECT_TRUE(found.empty()) << found << " and " << e.path();
      found = e.path();
    }
  }
  return found;
}

TEST_F(DenseVectorsTest, AGraphFindsThePapersBruteForceFinds) {
  auto brute = Open();
  DenseFilesReport report;
  auto graph = Open(&report, WithGraphs());
  ASSERT_NE(brute, nullptr);
  ASSERT_NE(graph, nullptr);
  EXPECT_EQ(report.graphs_built, 1u);
  EXPECT_EQ(brute->graph_count(), 0u);
  EXPECT_EQ(graph->graph_count(), 1u);
  size_t same = 0, narrow_same = 0, asked = 0;
  for (uint64_t key = 1; key <= 60; ++key) {
    const std::vector<float> q = brute->VectorOf(key);
    ASSERT_FALSE(q.empty());
    const std::vector<DenseHit> want = brute->Nearest(q, 10);
    const std::vector<DenseHit> got = graph->Nearest(q, 10);
    // A search keeping no more candidates than it returns: still ten, best first.
    const std::vector<DenseHit> narrow = graph->Nearest(q, 10, /*breadth=*/10);
    ASSERT_EQ(got.size(), 10u);
    ASSERT_EQ(narrow.size(), 10u);
    for (size_t i = 1; i < got.size(); ++i) EXPECT_GE(got[i - 1].score, got[i].score);
    for (size_t i = 1; i < narrow.size(); ++i) EXPECT_GE(narrow[i - 1].score, narrow[i].score);
    for (const DenseHit& w : want) {
      for (const DenseHit& g : got) {
        if (w.paper_key != g.paper_key) continue;
        ++same;
        EXPECT_FLOAT_EQ(g.score, w.score);  // scored as brute force scores
      }
      for (const DenseHit& g : narrow) narrow_same += g.paper_key == w.paper_key;
    }
    asked += want.size();
  }
  EXPECT_GE(same, asked * 95 / 100) << same << " of " << asked;
  EXPECT_GE(narrow_same, asked * 70 / 100) << narrow_same << " of " << asked;
  // Opened again, after an opening that does not read graphs: the graph is kept, read, not built.
  ASSERT_NE(Open(), nullptr);
  DenseFilesReport again;
  ASSERT_NE(Open(&again, WithGraphs()), nullptr);
  EXPECT_EQ(again.graphs_built, 0u);
}

TEST_F(DenseVectorsTest, ADamagedGraphIsBuiltAgainAndRemovedPapersAreNeverFound) {
  ASSERT_NE(Open(nullptr, WithGraphs()), nullptr);
  const std::filesystem::path vectors = dir_.path() / "vectors";
  const std::filesystem::path graph_file = OnlyFileEndingIn(vectors, ".graph");
  ASSERT_FALSE(graph_file.empty());
  ASSERT_FALSE(OnlyFileEndingIn(vectors, ".graph.sum").empty());
  // Cut short, then with a byte changed in the middle: each time read as damaged, built again.
  for (int damage = 0; damage < 2; ++damage) {
    if (damage == 0) {
      std::filesystem::resize_file(graph_file, std::filesystem::file_size(graph_file) / 2);
    } else {
      std::fstream f(graph_file, std::ios::in | std::ios::out | std::ios::binary);
      f.seekp(static_cast<std::streamoff>(std::filesystem::file_size(graph_file) / 2));
      f.put('\x7f');
    }
    DenseFilesReport report;
    auto dense = Open(&report, WithGraphs());
    ASSERT_NE(dense, nullptr);
    EXPECT_EQ(report.graphs_built, 1u) << "damage " << damage;
    EXPECT_EQ(dense->graph_count(), 1u);
  }
  // Papers removed from the index after the graph was built are in the graph still, never in
  // what it finds; the nearest ten are still ten.
  const std::vector<float> q = Open()->VectorOf(2);
  {
    auto writer = index::IndexWriter::Open(dir_.path() / "index");
    ASSERT_TRUE(writer.ok());
    for (uint64_t key = 2; key <= 40; key += 2) ASSERT_TRUE((*writer)->Remove(key).ok());
    ASSERT_TRUE((*writer)->Commit(2).ok());
  }
  DenseFilesReport report;
  auto dense = Open(&report, WithGraphs());
  ASSERT_NE(dense, nullptr);
  std::vector<DenseHit> hits = dense->Nearest(q, 10);
  ASSERT_EQ(hits.size(), 10u);
  for (const DenseHit& h : hits) {
    EXPECT_FALSE(h.paper_key <= 40 && h.paper_key % 2 == 0) << h.paper_key << " was removed";
    EXPECT_EQ(Theme(h.paper_key), 1) << h.paper_key;
  }
}

TEST(RankFusionTest, PapersInBothRankingsRiseAndTiesKeepTheKeywordOrder) {
  const std::vector<uint64_t> keyword = {10, 20, 30};
  const std::vector<uint64_t> dense = {30, 40};
  std::vector<FusedHit> fused = FuseReciprocalRanks(keyword, dense);
  ASSERT_EQ(fused.size(), 4u);
  EXPECT_EQ(fused[0].paper_key, 30u);  // 1/63 + 1/61
  EXPECT_FLOAT_EQ(fused[0].score, 1.0f / 63 + 1.0f / 61);
  EXPECT_EQ(fused[1].paper_key, 10u);  // 1/61
  EXPECT_EQ(fused[2].paper_key, 20u);  // 1/62, tied with 40: the keyword ranking's first
  EXPECT_EQ(fused[3].paper_key, 40u);
  FusionParams dense_only{60.0f, 0.0f, 1.0f};
  std::vector<FusedHit> d = FuseReciprocalRanks(keyword, dense, dense_only);
  EXPECT_EQ(d[0].paper_key, 30u);
  EXPECT_EQ(d[1].paper_key, 40u);
}

}  // namespace
}  // namespace paperdeck::vectors
