// The forward index: each segment's file written from its postings and read back (round trip),
// the tf-idf vectors and their cosines, damage named by file, and the directory kept level with
// the index as segments come and go; and the linear SVM telling two themes apart.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "index/index_reader.h"
#include "index/index_writer.h"
#include "support/temp_dir.h"
#include "vectors/forward_file.h"
#include "vectors/forward_files.h"
#include "vectors/forward_index.h"
#include "vectors/linear_svm.h"

namespace paperdeck::vectors {
namespace {

using ::paperdeck::testing::TempDir;
using ::testing::HasSubstr;

struct Paper {
  uint64_t key;
  std::string title, abstract;
  std::vector<std::string> authors;
  std::string venue;
};

const std::vector<Paper>& Papers() {
  static const std::vector<Paper> papers = {
      {1, "Gaussian Splatting for Radiance Fields", "We splat Gaussians to render radiance fields.", {"Ana Kovac"}, "Splatting Venue"},
      {2, "Dynamic Gaussian Splatting", "Gaussians that move render dynamic radiance fields.", {"Bo Lindqvist"}, ""},
      {3, "Robotic Grasping in Clutter", "A robot learns to grasp objects in clutter with a gripper.", {"Chen Wei"}, ""},
      {4, "Dexterous Grasping", "A robot hand learns dexterous grasp poses for objects.", {"Dara Okafor"}, ""},
      {5, "Protein Folding with Attention", "Attention over residues predicts protein structure.", {"Eli Moreau"}, ""},
      {6, "Protein Design", "Designed protein sequences fold into a target structure.", {"Ana Kovac"}, ""},
  };
  return papers;
}

index::IndexDocument Document(const Paper& p, std::vector<std::string_view>* authors) {
  index::IndexDocument d;
  d.paper_key = p.key;
  d.title = p.title;
  d.abstract = p.abstract;
  d.venue = p.venue;
  authors->assign(p.authors.begin(), p.authors.end());
  d.authors = *authors;
  return d;
}

class ForwardIndexTest : public ::testing::Test {
 protected:
  void SetUp() override { Write(Papers(), 1); }

  void Write(const std::vector<Paper>& papers, int64_t revision) {
    auto writer = index::IndexWriter::Open(dir_.path() / "index");
    ASSERT_TRUE(writer.ok()) << writer.status().message();
    for (const Paper& p : papers) {
      std::vector<std::string_view> authors;
      ASSERT_TRUE((*writer)->Upsert(Document(p, &authors)).ok());
    }
    ASSERT_TRUE((*writer)->Commit(revision).ok());
  }

  void Remove(uint64_t key, int64_t revision) {
    auto writer = index::IndexWriter::Open(dir_.path() / "index");
    ASSERT_TRUE(writer.ok()) << writer.status().message();
    ASSERT_TRUE((*writer)->Remove(key).ok());
    ASSERT_TRUE((*writer)->Commit(revision).ok());
  }

  std::shared_ptr<const index::IndexReader> Reader() {
    auto reader = index::IndexReader::Open(dir_.path() / "index");
    EXPECT_TRUE(reader.ok());
    return *reader;
  }

  std::filesystem::path vectors() const { return dir_.path() / "vectors"; }

  // The path of the first segment's forward file, once written.
  std::filesystem::path FirstFile() {
    auto reader = Reader();
    auto updated = UpdateForwardFiles(*reader, vectors());
    EXPECT_TRUE(updated.ok()) << updated.status().message();
    return vectors() / ForwardFileName(reader->segments()[0]->name());
  }

  TempDir dir_{"paperdeck-vectors"};
};

// Each document's terms as the file holds them: stem -> weighted tf.
std::map<std::string, uint16_t> TermsOf(const ForwardFile& f, uint32_t doc) {
  std::map<std::string, uint16_t> out;
  for (uint64_t e = f.begin(doc); e < f.end(doc); ++e) out[std::string(f.term(f.term_id(e)))] = f.tf(e);
  return out;
}

TEST_F(ForwardIndexTest, FileHoldsEachDocumentsStemsWithTheTitleCountedTwice) {
  auto reader = Reader();
  const index::SegmentReader& segment = *reader->segments()[0];
  const std::filesystem::path path = dir_.path() / "one.fwd";
  ASSERT_TRUE(WriteForwardFile(segment, path).ok());
  auto file = ForwardFile::Open(path);
  ASSERT_TRUE(file.ok()) << file.status().message();
  ASSERT_EQ((*file)->doc_count(), segment.doc_count());
  EXPECT_EQ((*file)->fingerprint(), SegmentFingerprint(segment));

  std::optional<uint32_t> doc = segment.FindPaper(1);
  ASSERT_TRUE(doc);
  std::map<std::string, uint16_t> terms = TermsOf(**file, *doc);
  // "Gaussian" in the title (x2) and "Gaussians" in the abstract: one stem, tf 3.
  EXPECT_EQ(terms["gaussian"], 3);
  EXPECT_EQ(terms["splat"], 3);   // "Splatting" (title) and "splat" (abstract)
  EXPECT_EQ(terms["render"], 1);  // the abstract alone
  EXPECT_EQ(terms["kovac"], 1);   // the author
  EXPECT_FALSE(terms.contains("venu"));  // the venue is not part of a paper's vector
  for (const auto& [term, tf] : terms) {
    EXPECT_NE(term[0], '\x01') << "a category term";
    EXPECT_NE(term[0], '\x02') << "an exact form";
  }
  // Every document of the segment is there, and no other's terms.
  std::optional<uint32_t> grasp = segment.FindPaper(3);
  ASSERT_TRUE(grasp);
  EXPECT_TRUE(TermsOf(**file, *grasp).contains("grasp"));
  EXPECT_FALSE(TermsOf(**file, *grasp).contains("gaussian"));
}

TEST_F(ForwardIndexTest, CosineRanksPapersOfOneThemeTogether) {
  auto reader = Reader();
  ASSERT_TRUE(UpdateForwardFiles(*reader, vectors()).ok());
  auto fi = ForwardIndex::Open(reader, vectors());
  ASSERT_TRUE(fi.ok()) << fi.status().message();
  auto vec = [&](uint64_t key) {
    std::optional<DocRef> d = (*fi)->Find(key);
    EXPECT_TRUE(d);
    return (*fi)->VectorAt(*d);
  };
  const SparseVector splat = vec(1), splat2 = vec(2), grasp = vec(3), protein = vec(5);
  EXPECT_NEAR(Dot(splat, splat), 1.0f, 1e-4);  // unit length
  EXPECT_GT(Dot(splat, splat2), 0.2f);
  EXPECT_EQ(Dot(splat, grasp), 0.0f);
  EXPECT_GT(Dot(splat, splat2), Dot(splat, protein));
  std::vector<std::string> shared;
  for (const TermWeight& t : SharedTerms(splat, splat2, 3)) shared.emplace_back((*fi)->term(t.term));
  EXPECT_THAT(shared, ::testing::IsSupersetOf({"gaussian", "splat"}));
}

TEST_F(ForwardIndexTest, ScoringEveryPaperOnSeveralThreadsGivesEachLiveOneItsDotProductOnce) {
  // A second segment, and a paper of the first removed.
  Write({{7, "Gaussian Grasping", "Robots grasp Gaussian splats.", {"Fay Ito"}, ""},
         {8, "Protein Grasping", "A gripper holds a protein crystal.", {"Gus Ray"}, ""}},
        2);
  Remove(4, 3);
  auto reader = Reader();
  ASSERT_GE(reader->segments().size(), 2u);
  ASSERT_TRUE(UpdateForwardFiles(*reader, vectors()).ok());
  auto fi = ForwardIndex::Open(reader, vectors());
  ASSERT_TRUE(fi.ok()) << fi.status().message();
  std::vector<float> weights((*fi)->term_count());
  for (size_t t = 0; t < weights.size(); ++t) weights[t] = static_cast<float>(t % 7) - 2.5f;

  for (unsigned parts : {1u, 2u, 3u}) {
    std::mutex mu;
    std::map<uint64_t, std::pair<float, int>> seen;  // paper key -> score, times
    (*fi)->ScoreLive(weights, parts, [&](unsigned part, DocRef d, float score) {
      EXPECT_LT(part, parts);
      std::lock_guard<std::mutex> lock(mu);
      auto& [s, times] = seen[(*fi)->paper_key(d)];
      s = score;
      ++times;
    });
    std::set<uint64_t> keys;
    for (const auto& [key, score_times] : seen) {
      keys.insert(key);
      EXPECT_EQ(score_times.second, 1) << key;
      float expected = 0;
      for (const TermWeight& t : (*fi)->VectorAt(*(*fi)->Find(key))) expected += t.weight * weights[t.term];
      EXPECT_NEAR(score_times.first, expected, 1e-5) << key;
    }
    EXPECT_EQ(keys, (std::set<uint64_t>{1, 2, 3, 5, 6, 7, 8})) << parts << " parts";
  }
}

TEST_F(ForwardIndexTest, ASampleOfTheLiveIsUniformDistinctAndLeavesOutTheExcluded) {
  // Two segments, one paper removed and one replaced (its old document deleted): 11 live papers.
  Write({{7, "Gaussian Grasping", "Robots grasp Gaussian splats.", {"Fay Ito"}, ""},
         {8, "Protein Grasping", "A gripper holds a protein crystal.", {"Gus Ray"}, ""},
         {9, "Radiance Fields", "Fields of radiance.", {"Hal Orr"}, ""},
         {10, "Folding Robots", "Robots that fold.", {"Ida Paz"}, ""},
         {11, "Attention Robots", "Robots that attend.", {"Jo Quinn"}, ""},
         {12, "Splat Proteins", "Proteins splatted.", {"Kai Roe"}, ""},
         {3, "Robotic Grasping Again", "A robot grasps again.", {"Chen Wei"}, ""}},
        2);
  Remove(4, 3);
  auto reader = Reader();
  ASSERT_TRUE(UpdateForwardFiles(*reader, vectors()).ok());
  auto fi = ForwardIndex::Open(reader, vectors());
  ASSERT_TRUE(fi.ok()) << fi.status().message();
  const std::unordered_set<uint64_t> excluded = {1, 8};
  const std::set<uint64_t> eligible = {2, 3, 5, 6, 7, 9, 10, 11, 12};

  // n = 1 and 2 draw at random (9 left is at least 4n); 3 and more visit every live paper.
  for (size_t n : {1u, 2u, 3u, 9u, 20u}) {
    std::map<uint64_t, int> times;  // how many samples held each paper
    const int samples = 900;
    for (int seed = 0; seed < samples; ++seed) {
      std::vector<DocRef> sample = (*fi)->SampleLive(n, excluded, seed);
      ASSERT_EQ(sample.size(), std::min(n, eligible.size())) << n;
      std::set<uint64_t> keys;
      for (DocRef d : sample) {
        ASSERT_FALSE(reader->segments()[d.segment]->IsDeleted(d.doc)) << n;
        keys.insert((*fi)->paper_key(d));
      }
      ASSERT_EQ(keys.size(), sample.size()) << "a paper twice in one sample of " << n;
      for (uint64_t k : keys) ++times[k];
      std::vector<DocRef> again = (*fi)->SampleLive(n, excluded, seed);
      ASSERT_EQ(again.size(), sample.size());
      for (size_t i = 0; i < again.size(); ++i) {
        EXPECT_EQ((*fi)->paper_key(again[i]), (*fi)->paper_key(sample[i])) << "seed " << seed;
      }
    }
    std::set<uint64_t> drawn;
    for (const auto& [key, count] : times) drawn.insert(key);
    EXPECT_EQ(drawn, eligible) << n;
    // Uniform: each paper in n/9 of the samples (100n of 900), well within 4 standard deviations.
    const double expected = samples * std::min<double>(n, 9) / 9;
    for (const auto& [key, count] : times) {
      EXPECT_NEAR(count, expected, 4 * std::sqrt(expected) + 1) << "paper " << key << ", n " << n;
    }
  }
}

TEST_F(ForwardIndexTest, AFileCutShortIsAnErrorNamingIt) {
  const std::filesystem::path path = FirstFile();
  std::filesystem::resize_file(path, std::filesystem::file_size(path) - 20);
  auto file = ForwardFile::Open(path);
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().code(), Status::Code::kCorruption);
  EXPECT_THAT(file.status().message(), HasSubstr(path.string()));
  EXPECT_THAT(file.status().message(), HasSubstr("cut short"));
  auto fi = ForwardIndex::Open(Reader(), vectors());
  ASSERT_FALSE(fi.ok());
  EXPECT_THAT(fi.status().message(), HasSubstr(path.string()));
  EXPECT_THAT(fi.status().message(), HasSubstr("paperdeck reindex"));
}

TEST_F(ForwardIndexTest, AFlippedByteFailsTheChecksum) {
  const std::filesystem::path path = FirstFile();
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(std::filesystem::file_size(path) / 2));
    char c = 0;
    f.read(&c, 1);
    f.seekp(static_cast<std::streamoff>(std::filesystem::file_size(path) / 2));
    c = static_cast<char>(c ^ 0x40);
    f.write(&c, 1);
  }
  auto file = ForwardFile::Open(path);
  ASSERT_FALSE(file.ok());
  EXPECT_THAT(file.status().message(), HasSubstr(path.string()));
  EXPECT_THAT(file.status().message(), HasSubstr("checksum"));
}

TEST_F(ForwardIndexTest, AnotherFilesBytesAreNotAForwardFile) {
  const std::filesystem::path path = FirstFile();
  std::ofstream(path, std::ios::binary | std::ios::trunc) << std::string(200, 'x');
  auto file = ForwardFile::Open(path);
  ASSERT_FALSE(file.ok());
  EXPECT_THAT(file.status().message(), HasSubstr("not a forward index file"));
}

TEST_F(ForwardIndexTest, UpdateLeavesDamageToBeNamedRewriteRepairsItAndFilesFollowTheSegments) {
  const std::filesystem::path path = FirstFile();
  std::filesystem::resize_file(path, 30);
  // A damaged file is not hidden by an update: it stays for the reader to name...
  auto kept = UpdateForwardFiles(*Reader(), vectors());
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->written, 0u);
  EXPECT_FALSE(ForwardFile::Open(path).ok());
  // ...until a rewrite (what reindex asks for).
  auto repaired = UpdateForwardFiles(*Reader(), vectors(), /*rewrite=*/true);
  ASSERT_TRUE(repaired.ok());
  EXPECT_EQ(repaired->written, 1u);
  EXPECT_TRUE(ForwardFile::Open(path).ok());
  // Nothing to do when level.
  auto again = UpdateForwardFiles(*Reader(), vectors());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->written, 0u);

  // A second segment gets its file; an updated paper is read from its new document.
  Write({{7, "Gaussian Splatting of Proteins", "Splatting protein structure.", {"Fay Lin"}, ""},
         {3, "Robotic Grasping Rewritten", "A gripper grasps.", {"Chen Wei"}, ""}},
        2);
  auto reader = Reader();
  ASSERT_EQ(reader->segments().size(), 2u);
  auto updated = UpdateForwardFiles(*reader, vectors());
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(updated->written, 1u);
  auto fi = ForwardIndex::Open(reader, vectors());
  ASSERT_TRUE(fi.ok()) << fi.status().message();
  std::optional<DocRef> rewritten = (*fi)->Find(3);
  ASSERT_TRUE(rewritten);
  EXPECT_EQ(rewritten->segment, 1u);
  EXPECT_TRUE((*fi)->Find(7));

  // After a merge, the old segments' files go.
  {
    auto writer = index::IndexWriter::Open(dir_.path() / "index");
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->Optimize().ok());
  }
  auto merged = UpdateForwardFiles(*Reader(), vectors());
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ(merged->removed, 2u);
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(vectors())) files += e.path().extension() == ".fwd";
  EXPECT_EQ(files, 1u);
}

TEST_F(ForwardIndexTest, AMissingFileIsNamed) {
  auto reader = Reader();
  auto fi = ForwardIndex::Open(reader, vectors());
  ASSERT_FALSE(fi.ok());
  EXPECT_EQ(fi.status().code(), Status::Code::kNotFound);
  EXPECT_THAT(fi.status().message(), HasSubstr(".fwd"));
}

TEST(LinearSvmTest, SeparatesTwoThemesAndNeedsBothSides) {
  // Terms 0-2: one theme; 3-5: another.
  std::vector<SparseVector> pos = {{{0, 0.8f}, {1, 0.6f}}, {{1, 0.7f}, {2, 0.7f}}, {{0, 0.6f}, {2, 0.8f}}};
  std::vector<SparseVector> neg = {{{3, 0.8f}, {4, 0.6f}}, {{4, 0.7f}, {5, 0.7f}}, {{3, 0.6f}, {5, 0.8f}},
                                   {{2, 0.3f}, {4, 0.95f}}};
  auto model = TrainLinearSvm(pos, neg, 6);
  ASSERT_TRUE(model.ok()) << model.status().message();
  auto score = [&](const SparseVector& v) {
    float s = model->bias;
    for (const TermWeight& t : v) s += model->weights[t.term] * t.weight;
    return s;
  };
  EXPECT_GT(score({{0, 0.7f}, {1, 0.7f}}), score({{3, 0.7f}, {5, 0.7f}}));
  EXPECT_GT(model->weights[0], 0);
  EXPECT_LT(model->weights[3], 0);
  auto none = TrainLinearSvm(pos, {}, 6);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace paperdeck::vectors
