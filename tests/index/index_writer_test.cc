// IndexWriter and IndexReader over a real directory: commits, replacement, removal, crash
// leftovers, the writer lock, merging, and segment boundaries that must not change results.
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sys/wait.h>
#include <unistd.h>
#include <set>
#include <signal.h>

#include "index/index_document.h"
#include "index/index_reader.h"
#include "index/index_writer.h"
#include "index/manifest.h"
#include "index/stem_form_cursor.h"
#include "index_test_util.h"
#include "text/analyzer.h"

namespace paperdeck::index {
namespace {

// A paper that owns the strings its IndexDocument points into.
struct Paper {
  uint64_t key = 0;
  std::string title, abstract, venue;
  std::vector<std::string> authors, categories;
  int32_t date = kNoDate;
  int32_t year = 0;
  int64_t citations = -1;
  int64_t upvotes = -1;
  bool is_new = false;

  IndexDocument Document() const {
    IndexDocument d;
    d.paper_key = key;
    d.title = title;
    d.abstract = abstract;
    d.venue = venue;
    for (const auto& a : authors) d.authors.push_back(a);
    for (const auto& c : categories) d.categories.push_back(c);
    d.date = date;
    d.year = year;
    d.citations = citations;
    d.upvotes = upvotes;
    d.is_new = is_new;
    return d;
  }
};

// Deterministic synthetic papers over a small vocabulary, so terms repeat across documents.
std::vector<Paper> MakePapers(size_t n, uint32_t seed, uint64_t first_key = 1) {
  static const char* kWords[] = {
      "attention", "transformer", "sparse",   "linear",    "diffusion", "graph",    "neural",
      "network",   "vision",      "language", "model",     "training",  "scaling",  "robust",
      "quantum",   "optimal",     "gradient", "descent",   "kernel",    "bayesian", "inference",
      "latent",    "retrieval",   "agent",    "reward",    "policy",    "convex",   "manifold",
      "token",     "memory",      "efficient", "benchmark", "dataset",  "protein",  "molecule",
      "galaxy",    "spectral",    "operator", "flash",     "mamba"};
  static const char* kCats[] = {"cs.CV", "cs.LG", "cs.CL", "stat.ML", "math.OC", "hep-th",
                                "quant-ph", "astro-ph.GA"};
  static const char* kNames[] = {"Ada Lovelace", "Alan Turing", "Grace Hopper", "Tri Dao",
                                 "Albert Gu", "Ashish Vaswani", "Noam Shazeer", "Yann LeCun"};
  std::mt19937 rng(seed);
  auto words = [&](size_t count) {
    std::string s;
    for (size_t i = 0; i < count; ++i) {
      if (i) s += ' ';
      s += kWords[rng() % std::size(kWords)];
    }
    return s;
  };
  std::vector<Paper> papers(n);
  for (size_t i = 0; i < n; ++i) {
    Paper& p = papers[i];
    p.key = first_key + i;
    p.title = words(3 + rng() % 8);
    p.abstract = words(20 + rng() % 120) + ". We study " + words(5);
    for (size_t a = 0, na = rng() % 5; a < na; ++a) p.authors.push_back(kNames[rng() % std::size(kNames)]);
    if (rng() % 4 == 0) p.venue = "NeurIPS " + std::to_string(2015 + rng() % 10);
    for (size_t c = 0, nc = rng() % 4; c < nc; ++c) p.categories.push_back(kCats[rng() % std::size(kCats)]);
    if (rng() % 3) p.date = 18000 + static_cast<int32_t>(rng() % 3000);
    p.year = rng() % 5 ? 2000 + static_cast<int32_t>(rng() % 26) : 0;
    if (rng() % 2) p.citations = rng() % 5000;
    if (rng() % 3 == 0) p.upvotes = rng() % 300;
    p.is_new = rng() % 7 == 0;
  }
  return papers;
}

std::unique_ptr<IndexWriter> OpenWriter(const std::filesystem::path& dir, uint32_t max_buffered = 200'000) {
  IndexWriterOptions options;
  options.max_buffered_docs = max_buffered;
  auto w = IndexWriter::Open(dir, options);
  EXPECT_TRUE(w.ok()) << w.status().message();
  return w.ok() ? std::move(w.value()) : nullptr;
}

std::shared_ptr<const IndexReader> OpenReader(const std::filesystem::path& dir) {
  auto r = IndexReader::Open(dir);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? r.value() : nullptr;
}

void AddAll(IndexWriter& w, const std::vector<Paper>& papers) {
  for (const Paper& p : papers) ASSERT_TRUE(w.Upsert(p.Document()).ok());
}

std::string Term(std::string_view word) {
  text::Analyzer a;
  return a.Term(word);
}

// Paper keys of the live documents having term.
std::vector<uint64_t> LiveKeys(const IndexReader& r, const std::string& term) {
  std::vector<uint64_t> keys;
  for (const auto& seg : r.segments()) {
    auto c = seg->Postings(term);
    if (!c) continue;
    for (; c->doc() != kEndDoc; c->Next()) {
      if (!seg->IsDeleted(c->doc())) keys.push_back(seg->paper_key(c->doc()));
    }
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

std::set<std::string> FilesIn(const std::filesystem::path& dir) {
  std::set<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

TEST(IndexReader, DirectoryWithoutManifestIsAnEmptyIndex) {
  TempDir dir;
  auto r = OpenReader(dir.path());
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->corpus_revision(), 0);
  EXPECT_EQ(r->live_doc_count(), 0u);
  EXPECT_TRUE(r->segments().empty());
  EXPECT_EQ(r->DocFreq("anything"), 0u);
  EXPECT_EQ(r->average_field_length(Field::kTitle), 0.0);
  EXPECT_TRUE(OpenReader(dir / "does-not-exist") != nullptr);
}

TEST(IndexWriter, ReopenAfterCommitSeesExactlyTheCommittedState) {
  TempDir dir;
  Paper p;
  p.key = 10;
  p.title = "Sparse attention for long documents";
  p.abstract = "We make attention sparse.";
  p.authors = {"Zeynep Quorra", "Ilse Vantongeren"};
  p.venue = "ICML 2024";
  p.categories = {"cs.LG", "cs.CL"};
  p.date = 19800;
  p.year = 2024;
  p.citations = 12;
  {
    auto w = OpenWriter(dir.path());
    ASSERT_TRUE(w->Upsert(p.Document()).ok());
    AddAll(*w, MakePapers(40, 1, 100));
    ASSERT_TRUE(w->Commit(5).ok());
    EXPECT_EQ(w->corpus_revision(), 5);
  }
  auto r = OpenReader(dir.path());
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->corpus_revision(), 5);
  EXPECT_EQ(r->live_doc_count(), 41u);
  EXPECT_EQ(LiveKeys(*r, Term("sparse")).front(), 10u);
  EXPECT_EQ(LiveKeys(*r, Term("quorra")), (std::vector<uint64_t>{10}));
  EXPECT_EQ(LiveKeys(*r, Term("icml")), (std::vector<uint64_t>{10}));
  EXPECT_EQ(LiveKeys(*r, CategoryTerm("cs")).front(), 10u);

  auto columns = DumpColumns(*r);
  const ColumnsDump& c = columns.at(10);
  EXPECT_EQ(c.date, 19800);
  EXPECT_EQ(c.year, 2024);
  EXPECT_EQ(c.citations, 12);
  EXPECT_EQ(c.upvotes, -1);
  EXPECT_EQ(c.categories, (std::vector<std::string>{"cs.LG", "cs.CL"}));
  EXPECT_EQ(c.field_length[static_cast<int>(Field::kTitle)], 5u);
  // Authors: two values of two words each; the gap between them is not length.
  EXPECT_EQ(c.field_length[static_cast<int>(Field::kAuthors)], 4u);

  // "Quorra" ends the first author; "Ilse" follows only after the value gap.
  const auto& seg = *r->segments()[0];
  auto dao = seg.Postings(Term("quorra"));
  auto albert = seg.Postings(Term("ilse"));
  std::vector<uint32_t> a, b;
  dao->NextGeq(*seg.FindPaper(10));
  albert->NextGeq(*seg.FindPaper(10));
  dao->Positions(Field::kAuthors, &a);
  albert->Positions(Field::kAuthors, &b);
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_GE(b[0], a[0] + kValueGap);
  EXPECT_GT(r->size_bytes(), 0u);
}

TEST(IndexWriter, UncommittedWorkIsInvisible) {
  TempDir dir;
  auto w = OpenWriter(dir.path(), 10);
  AddAll(*w, MakePapers(30, 2));
  ASSERT_TRUE(w->Commit(1).ok());
  AddAll(*w, MakePapers(25, 3, 1000));  // flushes segments, not committed
  ASSERT_TRUE(w->Remove(1).ok());
  auto r = OpenReader(dir.path());
  EXPECT_EQ(r->live_doc_count(), 30u);
  EXPECT_EQ(r->corpus_revision(), 1);
  EXPECT_EQ(DumpColumns(*r).count(1), 1u);
  ASSERT_TRUE(w->Commit(2).ok());
  auto r2 = OpenReader(dir.path());
  EXPECT_EQ(r2->live_doc_count(), 54u);
  EXPECT_EQ(r2->corpus_revision(), 2);
  EXPECT_EQ(DumpColumns(*r2).count(1), 0u);
  // The older snapshot is unchanged.
  EXPECT_EQ(r->live_doc_count(), 30u);
  EXPECT_EQ(DumpColumns(*r).count(1), 1u);
}

TEST(IndexWriter, UpsertReplacesACommittedDocument) {
  TempDir dir;
  Paper p;
  p.key = 7;
  p.title = "Quantum kernels";
  Paper other;
  other.key = 8;
  other.title = "Convex manifold";
  auto w = OpenWriter(dir.path());
  ASSERT_TRUE(w->Upsert(p.Document()).ok());
  ASSERT_TRUE(w->Upsert(other.Document()).ok());
  ASSERT_TRUE(w->Commit(1).ok());
  p.title = "Diffusion policies";
  p.citations = 3;
  ASSERT_TRUE(w->Upsert(p.Document()).ok());
  ASSERT_TRUE(w->Commit(2).ok());

  auto r = OpenReader(dir.path());
  EXPECT_EQ(r->live_doc_count(), 2u);
  EXPECT_TRUE(LiveKeys(*r, Term("quantum")).empty());
  EXPECT_EQ(LiveKeys(*r, Term("diffusion")), (std::vector<uint64_t>{7}));
  EXPECT_EQ(DumpColumns(*r).at(7).citations, 3);
  ASSERT_EQ(r->segments().size(), 2u);
  const auto& old_seg = *r->segments()[0];
  ASSERT_TRUE(old_seg.FindPaper(7).has_value());
  EXPECT_TRUE(old_seg.IsDeleted(*old_seg.FindPaper(7)));
  EXPECT_FALSE(old_seg.IsDeleted(*old_seg.FindPaper(8)));
  EXPECT_EQ(old_seg.live_doc_count(), 1u);
  EXPECT_EQ(r->DocFreq(Term("quantum")), 1u);  // document frequencies count deleted documents

  // A segment left with nothing live leaves the manifest.
  ASSERT_TRUE(w->Remove(8).ok());
  ASSERT_TRUE(w->Commit(3).ok());
  auto r3 = OpenReader(dir.path());
  EXPECT_EQ(r3->segments().size(), 1u);
  EXPECT_EQ(r3->live_doc_count(), 1u);
}

TEST(IndexWriter, UpsertTwiceInOneBufferKeepsTheLast) {
  TempDir dir;
  Paper p;
  p.key = 9;
  p.title = "Graph networks";
  auto w = OpenWriter(dir.path());
  ASSERT_TRUE(w->Upsert(p.Document()).ok());
  p.title = "Galaxy spectra";
  ASSERT_TRUE(w->Upsert(p.Document()).ok());
  ASSERT_TRUE(w->Commit(1).ok());
  auto r = OpenReader(dir.path());
  EXPECT_EQ(r->live_doc_count(), 1u);
  EXPECT_TRUE(LiveKeys(*r, Term("graph")).empty());
  EXPECT_EQ(LiveKeys(*r, Term("galaxy")), (std::vector<uint64_t>{9}));
  ASSERT_EQ(r->segments().size(), 1u);
  const auto& seg = *r->segments()[0];
  EXPECT_EQ(seg.doc_count(), 2u);
  EXPECT_TRUE(seg.IsDeleted(0));
  EXPECT_EQ(seg.FindPaper(9), 1u);  // the live one
}

TEST(IndexWriter, RemoveDeletesCommittedAndBufferedDocuments) {
  TempDir dir;
  auto papers = MakePapers(20, 4);
  auto w = OpenWriter(dir.path());
  AddAll(*w, papers);
  ASSERT_TRUE(w->Commit(1).ok());
  Paper extra;
  extra.key = 500;
  extra.title = "Mamba memory";
  ASSERT_TRUE(w->Upsert(extra.Document()).ok());
  ASSERT_TRUE(w->Remove(500).ok());
  ASSERT_TRUE(w->Remove(3).ok());
  ASSERT_TRUE(w->Remove(3).ok());       // again: nothing more to do
  ASSERT_TRUE(w->Remove(99999).ok());   // unknown key
  ASSERT_TRUE(w->Commit(2).ok());
  auto r = OpenReader(dir.path());
  EXPECT_EQ(r->live_doc_count(), 19u);
  auto columns = DumpColumns(*r);
  EXPECT_EQ(columns.count(3), 0u);
  EXPECT_EQ(columns.count(500), 0u);
  EXPECT_EQ(columns.count(4), 1u);
}

TEST(IndexWriter, ClearDropsEverythingAtTheNextCommit) {
  TempDir dir;
  auto w = OpenWriter(dir.path(), 8);
  AddAll(*w, MakePapers(20, 5));
  ASSERT_TRUE(w->Commit(1).ok());
  ASSERT_TRUE(w->Clear().ok());
  EXPECT_EQ(OpenReader(dir.path())->live_doc_count(), 20u);  // not yet
  AddAll(*w, MakePapers(3, 6, 900));
  ASSERT_TRUE(w->Commit(2).ok());
  auto r = OpenReader(dir.path());
  EXPECT_EQ(r->live_doc_count(), 3u);
  EXPECT_EQ(DumpColumns(*r).begin()->first, 900u);
  // Only the files of the new manifest remain.
  std::set<std::string> expected = {"LOCK", "MANIFEST"};
  for (const auto& s : r->segments()) expected.insert(s->name() + ".seg");
  EXPECT_EQ(FilesIn(dir.path()), expected);
}

TEST(IndexWriter, SecondWriterIsBusy) {
  TempDir dir;
  auto w = OpenWriter(dir.path());
  auto second = IndexWriter::Open(dir.path());
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), Status::Code::kBusy);
  w.reset();
  EXPECT_TRUE(IndexWriter::Open(dir.path()).ok());
}

// A writer that sees no room on its disk: every segment or commit asks for more than exists.
std::unique_ptr<IndexWriter> OpenWriterOnAFullDisk(const std::filesystem::path& dir,
                                                   uint32_t max_buffered = 200'000) {
  IndexWriterOptions options;
  options.max_buffered_docs = max_buffered;
  options.space_reserve_bytes = uint64_t{1} << 60;
  auto w = IndexWriter::Open(dir, options);
  EXPECT_TRUE(w.ok()) << w.status().message();
  return w.ok() ? std::move(w.value()) : nullptr;
}

TEST(IndexWriter, ASegmentTheDiskCannotHoldIsRefusedLeavingTheLastCommitAndNoFile) {
  TempDir dir;
  {
    auto w = OpenWriter(dir.path());
    AddAll(*w, MakePapers(30, 2));
    ASSERT_TRUE(w->Commit(1).ok());
  }
  const std::set<std::string> committed = FilesIn(dir.path());
  auto full = OpenWriterOnAFullDisk(dir.path());
  AddAll(*full, MakePapers(25, 3, 1000));
  ASSERT_TRUE(full->Remove(1).ok());
  Status s = full->Commit(2);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("writing an index segment of 25 papers needs about"),
            std::string::npos) << s.message();
  EXPECT_NE(s.message().find("free on " + dir.path().string()), std::string::npos)
      << s.message();
  EXPECT_EQ(FilesIn(dir.path()), committed) << "nothing written, not even a part";
  auto r = OpenReader(dir.path());
  EXPECT_EQ(r->corpus_revision(), 1);
  EXPECT_EQ(r->live_doc_count(), 30u);
  EXPECT_EQ(LiveKeys(*r, Term("attention")).front(), 1u) << "the removal is not committed";

  // A removal alone needs a deletion file and a manifest: refused too, said as plainly.
  ASSERT_TRUE(full->Rollback().ok());
  ASSERT_TRUE(full->Remove(1).ok());
  s = full->Commit(2);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("committing the index needs about"), std::string::npos)
      << s.message();
  EXPECT_EQ(FilesIn(dir.path()), committed);
}

TEST(IndexWriter, RollbackGivesBackUncommittedSegmentsRemovalsAndAClear) {
  TempDir dir;
  auto w = OpenWriter(dir.path(), 10);
  AddAll(*w, MakePapers(30, 2));
  ASSERT_TRUE(w->Commit(1).ok());
  const std::set<std::string> committed = FilesIn(dir.path());
  AddAll(*w, MakePapers(25, 3, 1000));  // two segments written, five documents buffered
  ASSERT_TRUE(w->Remove(1).ok());
  EXPECT_GT(FilesIn(dir.path()).size(), committed.size());
  ASSERT_TRUE(w->Rollback().ok());
  EXPECT_EQ(FilesIn(dir.path()), committed) << "the uncommitted segments' space is free again";
  EXPECT_EQ(w->corpus_revision(), 1);
  ASSERT_TRUE(w->Commit(2).ok());
  auto r = OpenReader(dir.path());
  EXPECT_EQ(r->live_doc_count(), 30u);
  EXPECT_EQ(DumpColumns(*r).count(1), 1u) << "the rolled-back removal did not happen";

  ASSERT_TRUE(w->Clear().ok());
  ASSERT_TRUE(w->Rollback().ok());
  AddAll(*w, MakePapers(3, 4, 5000));
  ASSERT_TRUE(w->Commit(3).ok());
  auto after_clear = OpenReader(dir.path());
  EXPECT_EQ(after_clear->live_doc_count(), 33u) << "the rolled-back Clear dropped nothing";
}

TEST(IndexWriter, AMergeTheDiskCannotHoldIsRefusedBeforeWriting) {
  TempDir dir;
  {
    auto w = OpenWriter(dir.path(), 10);
    AddAll(*w, MakePapers(35, 5));
    ASSERT_TRUE(w->Commit(1).ok());
  }
  const std::set<std::string> before = FilesIn(dir.path());
  auto full = OpenWriterOnAFullDisk(dir.path());
  Status s = full->Optimize();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("merging the index's 4 segments needs about"), std::string::npos)
      << s.message();
  EXPECT_EQ(FilesIn(dir.path()), before);
  EXPECT_EQ(OpenReader(dir.path())->segments().size(), 4u);
}

TEST(IndexWriter, OpenRemovesFilesNoManifestNames) {
  TempDir dir;
  {
    auto w = OpenWriter(dir.path(), 10);
    AddAll(*w, MakePapers(15, 7));
    ASSERT_TRUE(w->Commit(1).ok());
    ASSERT_TRUE(w->Remove(2).ok());
    ASSERT_TRUE(w->Commit(2).ok());
  }
  const std::set<std::string> committed = FilesIn(dir.path());
  {
    // A writer killed mid-way: segments flushed and never committed.
    auto w = OpenWriter(dir.path(), 10);
    AddAll(*w, MakePapers(25, 8, 100));
    for (const auto& name : FilesIn(dir.path())) {
      if (!committed.count(name) && name.ends_with(".seg")) {
        std::filesystem::copy_file(dir / name, dir / ("s9" + name.substr(1)));  // survives the writer
      }
    }
  }
  std::ofstream(dir / "s000999.seg") << "half a segment";
  std::ofstream(dir / "s000001.9.del") << "stale";
  std::ofstream(dir / "MANIFEST.tmp") << "paperdeck-index 1\n";
  std::ofstream(dir / "s000998.seg.pos.tmp") << "spool";
  std::ofstream(dir / "notes.txt") << "not ours";
  EXPECT_GT(FilesIn(dir.path()).size(), committed.size() + 4);

  auto r = OpenReader(dir.path());  // readers ignore what the manifest does not name
  EXPECT_EQ(r->live_doc_count(), 14u);
  auto w = OpenWriter(dir.path());
  std::set<std::string> expected = committed;
  expected.insert("notes.txt");
  EXPECT_EQ(FilesIn(dir.path()), expected);
  EXPECT_EQ(OpenReader(dir.path())->live_doc_count(), 14u);
}

TEST(IndexWriter, AKilledWritersLeftoversAreRemovedAndItsLockReleased) {
  TempDir dir;
  {
    auto w = OpenWriter(dir.path());
    AddAll(*w, MakePapers(12, 15));
    ASSERT_TRUE(w->Commit(1).ok());
  }
  const std::set<std::string> committed = FilesIn(dir.path());
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // Writes segments, then dies without committing or running any destructor.
    auto w = IndexWriter::Open(dir.path(), IndexWriterOptions{5});
    if (!w.ok()) ::_exit(2);
    for (const Paper& p : MakePapers(23, 16, 100)) {
      if (!w.value()->Upsert(p.Document()).ok()) ::_exit(3);
    }
    if (!w.value()->Remove(1).ok()) ::_exit(4);
    ::_exit(0);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 0);
  EXPECT_GE(FilesIn(dir.path()).size(), committed.size() + 4);  // its flushed segments

  EXPECT_EQ(OpenReader(dir.path())->live_doc_count(), 12u);
  auto w = OpenWriter(dir.path());  // not Busy: the lock died with the process
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(FilesIn(dir.path()), committed);
  EXPECT_EQ(w->corpus_revision(), 1);
  auto r = OpenReader(dir.path());
  EXPECT_EQ(r->live_doc_count(), 12u);
  EXPECT_EQ(DumpColumns(*r).count(1), 1u);
}

TEST(IndexWriter, DamageIsReportedUntilARebuildReplacesTheIndex) {
  TempDir dir;
  {
    auto w = OpenWriter(dir.path());
    AddAll(*w, MakePapers(5, 9));
    ASSERT_TRUE(w->Commit(1).ok());
  }
  std::string text;
  {
    std::ifstream in(dir / "MANIFEST");
    text.assign(std::istreambuf_iterator<char>(in), {});
  }
  text[text.find("corpus_revision 1") + 16] = '7';
  std::ofstream(dir / "MANIFEST", std::ios::trunc) << text;
  auto r = IndexReader::Open(dir.path());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorruption);

  // The writer opens, so the index can be rebuilt, but refuses to build on the damage.
  auto w = OpenWriter(dir.path());
  ASSERT_NE(w, nullptr);
  Paper p;
  p.key = 77;
  p.title = "Spectral operators";
  EXPECT_EQ(w->Upsert(p.Document()).code(), Status::Code::kCorruption);
  EXPECT_EQ(w->Remove(1).code(), Status::Code::kCorruption);
  EXPECT_EQ(w->Commit(2).code(), Status::Code::kCorruption);
  EXPECT_EQ(w->Optimize().code(), Status::Code::kCorruption);
  EXPECT_TRUE(std::filesystem::exists(dir / "s000001.seg"));  // nothing was removed

  ASSERT_TRUE(w->Clear().ok());
  ASSERT_TRUE(w->Upsert(p.Document()).ok());
  ASSERT_TRUE(w->Commit(2).ok());
  auto rebuilt = OpenReader(dir.path());
  ASSERT_NE(rebuilt, nullptr);
  EXPECT_EQ(rebuilt->live_doc_count(), 1u);
  EXPECT_EQ(rebuilt->corpus_revision(), 2);
  std::set<std::string> expected = {"LOCK", "MANIFEST", rebuilt->segments()[0]->name() + ".seg"};
  EXPECT_EQ(FilesIn(dir.path()), expected);
  EXPECT_NE(rebuilt->segments()[0]->name(), "s000001");  // a damaged file's name is not reused
}

TEST(IndexWriter, AMissingSegmentFileIsDamage) {
  TempDir dir;
  {
    auto w = OpenWriter(dir.path(), 4);
    AddAll(*w, MakePapers(10, 17));
    ASSERT_TRUE(w->Commit(1).ok());
  }
  std::filesystem::remove(dir / "s000002.seg");
  EXPECT_EQ(IndexReader::Open(dir.path()).status().code(), Status::Code::kNotFound);
  auto w = OpenWriter(dir.path());
  EXPECT_EQ(w->Upsert(MakePapers(1, 18)[0].Document()).code(), Status::Code::kCorruption);
  ASSERT_TRUE(w->Clear().ok());
  AddAll(*w, MakePapers(10, 17));
  ASSERT_TRUE(w->Commit(2).ok());
  EXPECT_EQ(OpenReader(dir.path())->live_doc_count(), 10u);
}

TEST(IndexWriter, SmallBuffersMakeSeveralSegmentsWithIdenticalContent) {
  TempDir one, many;
  auto papers = MakePapers(350, 10);
  {
    auto w = OpenWriter(one.path());
    AddAll(*w, papers);
    ASSERT_TRUE(w->Commit(3).ok());
  }
  {
    auto w = OpenWriter(many.path(), 100);
    AddAll(*w, papers);
    ASSERT_TRUE(w->Commit(3).ok());
  }
  auto a = OpenReader(one.path());
  auto b = OpenReader(many.path());
  EXPECT_EQ(a->segments().size(), 1u);
  EXPECT_EQ(b->segments().size(), 4u);
  EXPECT_EQ(a->live_doc_count(), b->live_doc_count());
  for (int f = 0; f < kNumFields; ++f) {
    EXPECT_DOUBLE_EQ(a->average_field_length(static_cast<Field>(f)),
                     b->average_field_length(static_cast<Field>(f)));
  }
  auto postings = DumpPostings(*a);
  EXPECT_EQ(postings, DumpPostings(*b));
  EXPECT_EQ(DumpColumns(*a), DumpColumns(*b));
  for (const auto& [term, list] : postings) EXPECT_EQ(a->DocFreq(term), b->DocFreq(term)) << term;
  EXPECT_GT(postings.size(), 40u);
}

TEST(IndexWriter, ABufferPastItsMemoryLimitIsWrittenWhateverItsDocumentCount) {
  TempDir one, bounded;
  auto papers = MakePapers(350, 10);
  {
    auto w = OpenWriter(one.path());
    AddAll(*w, papers);
    ASSERT_TRUE(w->Commit(3).ok());
  }
  {
    IndexWriterOptions options;
    options.max_buffer_bytes = 2 << 20;  // the term table and the byte pool's first blocks
    auto w = IndexWriter::Open(bounded.path(), options);
    ASSERT_TRUE(w.ok()) << w.status().message();
    AddAll(*w.value(), papers);
    ASSERT_TRUE(w.value()->Commit(3).ok());
  }
  auto a = OpenReader(one.path());
  auto b = OpenReader(bounded.path());
  EXPECT_EQ(a->segments().size(), 1u);
  EXPECT_GT(b->segments().size(), 1u);  // written by memory, far below max_buffered_docs
  EXPECT_EQ(DumpPostings(*a), DumpPostings(*b));
  EXPECT_EQ(DumpColumns(*a), DumpColumns(*b));
}

TEST(IndexWriter, OptimizeKeepsEveryLiveDocumentExactlyAndDropsDeletedOnes) {
  TempDir dir;
  auto papers = MakePapers(400, 11);
  auto w = OpenWriter(dir.path(), 64);
  AddAll(*w, papers);
  ASSERT_TRUE(w->Commit(1).ok());
  for (uint64_t k = 1; k <= 400; k += 9) ASSERT_TRUE(w->Remove(k).ok());
  auto updated = MakePapers(30, 12, 50);  // replaces keys 50..79
  AddAll(*w, updated);
  ASSERT_TRUE(w->Commit(2).ok());

  auto before = OpenReader(dir.path());
  ASSERT_GT(before->segments().size(), 5u);
  const auto postings = DumpPostings(*before);
  const auto columns = DumpColumns(*before);
  ASSERT_EQ(columns.size(), before->live_doc_count());

  ASSERT_TRUE(w->Optimize().ok());
  auto after = OpenReader(dir.path());
  ASSERT_EQ(after->segments().size(), 1u);
  EXPECT_EQ(after->corpus_revision(), 2);
  const auto& seg = *after->segments()[0];
  EXPECT_EQ(seg.doc_count(), before->live_doc_count());
  EXPECT_EQ(seg.live_doc_count(), seg.doc_count());
  EXPECT_EQ(DumpPostings(*after), postings);
  EXPECT_EQ(DumpColumns(*after), columns);
  // Only live documents count now.
  for (const auto& [term, list] : postings) ASSERT_EQ(after->DocFreq(term), list.size()) << term;
  const auto& file = dynamic_cast<const MappedSegmentReader&>(seg).file();
  EXPECT_TRUE(file.Verify().ok());

  // The old snapshot still reads its (now unlinked) files.
  EXPECT_EQ(DumpColumns(*before), columns);
  std::set<std::string> expected = {"LOCK", "MANIFEST", seg.name() + ".seg"};
  EXPECT_EQ(FilesIn(dir.path()), expected);

  // The writer goes on from the merged state.
  ASSERT_TRUE(w->Remove(2).ok());
  ASSERT_TRUE(w->Commit(3).ok());
  EXPECT_EQ(OpenReader(dir.path())->live_doc_count(), before->live_doc_count() - 1);
}

TEST(IndexWriter, OptimizeLeavesUncommittedChangesPending) {
  TempDir dir;
  auto w = OpenWriter(dir.path(), 50);
  AddAll(*w, MakePapers(120, 13));
  ASSERT_TRUE(w->Commit(1).ok());
  ASSERT_TRUE(w->Remove(5).ok());
  AddAll(*w, MakePapers(10, 14, 1000));
  ASSERT_TRUE(w->Optimize().ok());
  auto mid = OpenReader(dir.path());
  EXPECT_EQ(mid->live_doc_count(), 120u);
  EXPECT_EQ(mid->segments().size(), 1u);
  EXPECT_EQ(DumpColumns(*mid).count(5), 1u);
  ASSERT_TRUE(w->Commit(2).ok());
  auto r = OpenReader(dir.path());
  EXPECT_EQ(r->live_doc_count(), 129u);
  auto columns = DumpColumns(*r);
  EXPECT_EQ(columns.count(5), 0u);
  EXPECT_EQ(columns.count(1009), 1u);
}

// A policy that merges small test segments: two a tier, three at once.
IndexWriterOptions MergingOptions(uint32_t max_buffered) {
  IndexWriterOptions options;
  options.max_buffered_docs = max_buffered;
  MergePolicyOptions policy;
  policy.segments_per_tier = 2;
  policy.max_merge_at_once = 3;
  policy.floor_segment_bytes = 1;
  options.merge_policy = policy;
  return options;
}

// The files a manifest makes the index, and the writer's own.
std::set<std::string> ManifestNamed(const std::filesystem::path& dir) {
  auto m = ReadManifest(dir);
  EXPECT_TRUE(m.ok() && m.value().has_value());
  std::set<std::string> files = {"LOCK", "MANIFEST"};
  if (m.ok() && m.value().has_value()) {
    for (const std::string& f : ManifestFiles(**m)) files.insert(f);
  }
  return files;
}

TEST(IndexWriter, BackgroundMergesKeepEveryLiveDocumentExactly) {
  TempDir merged_dir, plain_dir;
  auto merged = IndexWriter::Open(merged_dir.path(), MergingOptions(25));
  ASSERT_TRUE(merged.ok());
  auto plain = OpenWriter(plain_dir.path(), 25);
  std::shared_ptr<const IndexReader> early;
  std::map<uint64_t, ColumnsDump> early_columns;
  // Each round adds papers (half of them replacing earlier ones), removes some and commits,
  // while the merges the earlier commits started run: their sources lose documents meanwhile.
  for (int round = 0; round < 12; ++round) {
    const auto papers = MakePapers(40, 100 + round, 1 + round * 20);
    for (IndexWriter* w : {merged->get(), plain.get()}) {
      AddAll(*w, papers);
      for (uint64_t k = 3 + round; k < 40u + round * 20; k += 11) ASSERT_TRUE(w->Remove(k).ok());
      ASSERT_TRUE(w->Commit(round + 1).ok());
    }
    if (round == 3) {
      early = OpenReader(merged_dir.path());
      early_columns = DumpColumns(*early);
    }
  }
  ASSERT_TRUE((*merged)->WaitForMerges().ok());
  EXPECT_GT((*merged)->merges_done(), 0u);

  auto expected = OpenReader(plain_dir.path());
  auto actual = OpenReader(merged_dir.path());
  EXPECT_LT(actual->segments().size(), expected->segments().size());
  EXPECT_EQ(actual->corpus_revision(), 12);
  EXPECT_EQ(actual->live_doc_count(), expected->live_doc_count());
  EXPECT_EQ(DumpColumns(*actual), DumpColumns(*expected));
  EXPECT_EQ(DumpPostings(*actual), DumpPostings(*expected));
  // Only the files the manifest names are left; a snapshot taken before the merges still reads
  // its own, unlinked since.
  EXPECT_EQ(FilesIn(merged_dir.path()), ManifestNamed(merged_dir.path()));
  EXPECT_EQ(DumpColumns(*early), early_columns);

  // Reopened, the writer goes on from the merged state.
  merged->reset();
  auto again = OpenWriter(merged_dir.path());
  ASSERT_TRUE(again->Remove(7).ok());
  ASSERT_TRUE(plain->Remove(7).ok());
  ASSERT_TRUE(again->Commit(13).ok());
  ASSERT_TRUE(plain->Commit(13).ok());
  EXPECT_EQ(DumpColumns(*OpenReader(merged_dir.path())), DumpColumns(*OpenReader(plain_dir.path())));
}

TEST(IndexWriter, OptimizeAndRollbackWaitForABackgroundMerge) {
  TempDir dir;
  auto w = IndexWriter::Open(dir.path(), MergingOptions(20));
  ASSERT_TRUE(w.ok());
  AddAll(**w, MakePapers(200, 21));
  ASSERT_TRUE((*w)->Commit(1).ok());  // ten segments: a merge starts
  AddAll(**w, MakePapers(30, 22, 500));
  ASSERT_TRUE((*w)->Rollback().ok());
  EXPECT_EQ(OpenReader(dir.path())->live_doc_count(), 200u);
  ASSERT_TRUE((*w)->Optimize().ok());
  auto r = OpenReader(dir.path());
  EXPECT_EQ(r->segments().size(), 1u);
  EXPECT_EQ(r->live_doc_count(), 200u);
  EXPECT_EQ(FilesIn(dir.path()), ManifestNamed(dir.path()));
}

// Kills a writer while a background merge is writing its segment (a file the manifest does not
// name has appeared, and the manifest is still the one before), then reopens: the last committed
// index whole, and the merge's leftovers removed. Fails when no attempt killed it mid-merge.
TEST(IndexWriter, AWriterKilledDuringABackgroundMergeLeavesTheLastManifest) {
  TempDir dir;
  const std::filesystem::path pristine = dir / "pristine";
  {
    auto w = OpenWriter(pristine, 1500);
    AddAll(*w, MakePapers(9000, 31));
    for (uint64_t k = 1; k <= 9000; k += 13) ASSERT_TRUE(w->Remove(k).ok());
    ASSERT_TRUE(w->Commit(1).ok());
  }
  const std::set<std::string> committed = FilesIn(pristine);
  std::string manifest_before;
  {
    std::ifstream in(pristine / "MANIFEST");
    manifest_before.assign(std::istreambuf_iterator<char>(in), {});
  }
  const auto columns = DumpColumns(*OpenReader(pristine));
  const auto postings = DumpPostings(*OpenReader(pristine));

  bool killed_mid_merge = false;
  for (int attempt = 0; attempt < 8 && !killed_mid_merge; ++attempt) {
    const std::filesystem::path index = dir / ("attempt" + std::to_string(attempt));
    std::filesystem::copy(pristine, index);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      // Commits what is there (nothing new), which starts the merges; waits for them.
      auto w = IndexWriter::Open(index, MergingOptions(1500));
      if (!w.ok()) ::_exit(2);
      if (!w.value()->Commit(1).ok()) ::_exit(3);
      if (!w.value()->WaitForMerges().ok()) ::_exit(4);
      ::_exit(0);
    }
    bool killed = false;
    for (int polls = 0; polls < 20000 && !killed; ++polls) {
      std::error_code ec;
      for (const auto& entry : std::filesystem::directory_iterator(index, ec)) {
        const std::string name = entry.path().filename().string();
        if (!committed.count(name) && (name.ends_with(".seg") || name.ends_with(".tmp")) &&
            name != "MANIFEST.tmp") {
          ::kill(child, SIGKILL);
          killed = true;
          break;
        }
      }
      if (!killed) ::usleep(200);
    }
    if (!killed) ::kill(child, SIGKILL);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    std::string manifest_after;
    {
      std::ifstream in(index / "MANIFEST");
      manifest_after.assign(std::istreambuf_iterator<char>(in), {});
    }
    killed_mid_merge = killed && WIFSIGNALED(status) && manifest_after == manifest_before;
    if (!killed_mid_merge) continue;
    EXPECT_GT(FilesIn(index).size(), committed.size());  // the merge's unfinished files

    auto r = OpenReader(index);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(DumpColumns(*r), columns);
    EXPECT_EQ(DumpPostings(*r), postings);
    auto w = OpenWriter(index);  // the lock died with the process
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(FilesIn(index), committed);
    EXPECT_EQ(w->corpus_revision(), 1);
  }
  EXPECT_TRUE(killed_mid_merge) << "no attempt killed the writer during its merge";
}

}  // namespace
}  // namespace paperdeck::index

namespace paperdeck::index {
namespace {

TEST(IndexWriter, ExactFormsCountPerFieldBesideTheirStemsAndSurviveAMerge) {
  TempDir dir;
  auto w = OpenWriter(dir.path(), 1);  // one document a segment, so Optimize merges
  Paper a;
  a.key = 1;
  a.title = "Transformers";
  a.abstract = "A transformer; two transformers; a transformation.";
  Paper b;
  b.key = 2;
  b.title = "Transform coding";
  AddAll(*w, {a, b});
  ASSERT_TRUE(w->Commit(1).ok());
  ASSERT_TRUE(w->Optimize().ok());
  auto r = OpenReader(dir.path());
  ASSERT_EQ(r->segments().size(), 1u);
  const auto postings = DumpPostings(*r);
  auto tf = [&](const std::string& term, uint64_t key) -> std::array<uint32_t, kNumFields> {
    auto it = postings.find(term);
    if (it == postings.end()) return {};
    for (const PostingDump& p : it->second) {
      if (p.paper_key == key) return p.tf;
    }
    return {};
  };
  EXPECT_EQ(tf(Term("transformers"), 1), (std::array<uint32_t, kNumFields>{1, 3, 0, 0}));
  EXPECT_EQ(tf(ExactFormTerm("transform", "transformers"), 1),
            (std::array<uint32_t, kNumFields>{1, 1, 0, 0}));
  EXPECT_EQ(tf(ExactFormTerm("transform", "transformer"), 1),
            (std::array<uint32_t, kNumFields>{0, 1, 0, 0}));
  EXPECT_EQ(tf(ExactFormTerm("transform", "transformation"), 1),
            (std::array<uint32_t, kNumFields>{0, 1, 0, 0}));
  // A form equal to its stem is not written: it is what the other forms leave of the stem.
  EXPECT_EQ(postings.count(ExactFormTerm("transform", "transform")), 0u);
  EXPECT_EQ(r->DocFreq(ExactFormTerm("transform", "transform")), 1u);
  auto cursor = StemFormCursor::Open(*r->segments()[0], "transform");
  ASSERT_NE(cursor, nullptr);
  ASSERT_NE(cursor->doc(), kEndDoc);
  EXPECT_EQ(r->segments()[0]->paper_key(cursor->doc()), 2u);
  EXPECT_EQ(cursor->tf(Field::kTitle), 1u);
  EXPECT_EQ(cursor->tf(Field::kAbstract), 0u);
  cursor->Next();
  EXPECT_EQ(cursor->doc(), kEndDoc);
  // The stem's positions are whole after the merge; the forms store none and verify.
  EXPECT_EQ(postings.at(Term("transformers"))[0].positions[1], (std::vector<uint32_t>{1, 3, 5}));
  const auto& seg = dynamic_cast<const MappedSegmentReader&>(*r->segments()[0]);
  EXPECT_TRUE(seg.file().Verify().ok());
}

TEST(IndexWriter, ASegmentOfAnOlderFormatIsRefusedNamingItsVersion) {
  TempDir dir;
  {
    auto w = OpenWriter(dir.path());
    AddAll(*w, MakePapers(5, 9));
    ASSERT_TRUE(w->Commit(1).ok());
  }
  // Version 2 wrote no exact forms: its bytes at offset 8.
  {
    std::fstream f(dir / "s000001.seg", std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(8);
    const char two[4] = {2, 0, 0, 0};
    f.write(two, 4);
  }
  auto r = IndexReader::Open(dir.path());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
  EXPECT_NE(r.status().message().find("segment format version 2, written by another build"),
            std::string::npos)
      << r.status().message();
  // A rebuild (what `paperdeck reindex` does on Corruption) replaces it.
  auto w = OpenWriter(dir.path());
  ASSERT_NE(w, nullptr);
  ASSERT_TRUE(w->Clear().ok());
  AddAll(*w, MakePapers(5, 9));
  ASSERT_TRUE(w->Commit(2).ok());
  auto rebuilt = OpenReader(dir.path());
  ASSERT_NE(rebuilt, nullptr);
  EXPECT_EQ(rebuilt->live_doc_count(), 5u);
}

}  // namespace
}  // namespace paperdeck::index
