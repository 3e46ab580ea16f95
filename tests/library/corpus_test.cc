#include "library/corpus.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus_test_support.h"
#include "library/sqlite_handle.h"
#include "model/paper_id.h"

namespace paperdeck::library {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;
using testing::ScratchDir;
using testing::SeedPageRecords;

std::unique_ptr<Corpus> OpenCorpus(const ScratchDir& dir) {
  Result<std::unique_ptr<Corpus>> corpus = Corpus::Open(dir.path() / "data");
  EXPECT_TRUE(corpus.ok()) << corpus.status().message();
  return corpus.ok() ? std::move(corpus).value() : nullptr;
}

PaperRecord ArxivRecord(std::string arxiv_id, std::string title, std::vector<std::string> authors) {
  PaperRecord r;
  r.arxiv_id = std::move(arxiv_id);
  r.title = std::move(title);
  r.authors = std::move(authors);
  r.abstract = "We study " + r.title + ".";
  r.categories = {"cs.LG"};
  r.published = "2024-01-15";
  r.source = "arxiv-jsonl";
  r.origin = "arxiv-75k.jsonl.gz";
  return r;
}

UpsertResult MustUpsert(Corpus& corpus, const std::vector<PaperRecord>& records) {
  Result<UpsertResult> result = corpus.Upsert(records);
  EXPECT_TRUE(result.ok()) << result.status().message();
  return result.ok() ? *result : UpsertResult{};
}

StoredPaper MustFind(Corpus& corpus, std::string_view id) {
  Result<std::optional<StoredPaper>> found = corpus.Find(id);
  EXPECT_TRUE(found.ok()) << found.status().message();
  EXPECT_TRUE(found.ok() && found->has_value()) << "no paper for " << id;
  return found.ok() && found->has_value() ? **found : StoredPaper{};
}

uint64_t PaperCount(Corpus& corpus) {
  Result<CorpusStats> stats = corpus.Stats();
  EXPECT_TRUE(stats.ok()) << stats.status().message();
  return stats.ok() ? stats->papers : 0;
}

std::vector<std::string> ChangedIds(Corpus& corpus, int64_t since) {
  std::vector<std::string> ids;
  Status s = corpus.ChangedSince(since, [&](const StoredPaper& p) {
    ids.push_back(p.record.id);
    return true;
  });
  EXPECT_TRUE(s.ok()) << s.message();
  return ids;
}

TEST(CorpusTest, ReimportingTheSameRecordsStoresEachPaperOnce) {
  ScratchDir dir;
  auto corpus = OpenCorpus(dir);
  std::vector<PaperRecord> seed = SeedPageRecords();
  ASSERT_EQ(seed.size(), 35u);

  UpsertResult first = MustUpsert(*corpus, seed);
  EXPECT_EQ(first.added, 35u);
  EXPECT_EQ(first.updated, 0u);
  EXPECT_EQ(first.unchanged, 0u);
  EXPECT_EQ(first.revision, 1);

  UpsertResult again = MustUpsert(*corpus, seed);
  EXPECT_EQ(again.added, 0u);
  EXPECT_EQ(again.updated, 0u);
  EXPECT_EQ(again.unchanged, 35u);
  EXPECT_EQ(again.revision, 1) << "a batch that changes nothing must not bump the revision";
  EXPECT_EQ(PaperCount(*corpus), 35u);
  EXPECT_THAT(ChangedIds(*corpus, 1), ::testing::IsEmpty());

  seed[3].upvotes = 127;  // MiniMax Sparse Attention gained a vote
  UpsertResult third = MustUpsert(*corpus, seed);
  EXPECT_EQ(third.added, 0u);
  EXPECT_EQ(third.updated, 1u);
  EXPECT_EQ(third.unchanged, 34u);
  EXPECT_EQ(third.revision, 2);
  EXPECT_EQ(PaperCount(*corpus), 35u);
  std::vector<std::string> changed = ChangedIds(*corpus, 1);
  ASSERT_EQ(changed.size(), 1u);
  StoredPaper minimax = MustFind(*corpus, changed[0]);
  EXPECT_EQ(minimax.record.title, "MiniMax Sparse Attention");
  EXPECT_EQ(minimax.record.upvotes, 127);
  EXPECT_EQ(minimax.revision, 2);
}

TEST(CorpusTest, SeedCardThenArxivRecordIsOnePaperUnderItsArxivId) {
  ScratchDir dir;
  auto corpus = OpenCorpus(dir);
  std::vector<PaperRecord> seed = SeedPageRecords();
  MustUpsert(*corpus, seed);
  const PaperRecord& card = seed[2];  // Vortex: arxiv badge, cs.AI, new, three names et al.
  ASSERT_EQ(card.title, "Vortex: Efficient and Programmable Sparse Attention Serving for AI Agents");
  const std::string title_id = TitleKey(card.title, card.authors[0]);
  StoredPaper before = MustFind(*corpus, title_id);
  EXPECT_EQ(before.record.id, title_id);

  PaperRecord arxiv = ArxivRecord("arXiv:2606.04321v2", card.title,
                                  {"Zhuoming Chen", "Xinrui Zhong", "Qilong Feng", "Beidi Chen"});
  arxiv.abstract = "Agents issue long, sparse attention workloads.";
  arxiv.categories = {"cs.DC", "cs.AI"};
  arxiv.published = "2026-06-03";
  arxiv.versions = {{"v1", "Wed, 3 Jun 2026 10:00:00 GMT"}, {"v2", "Thu, 4 Jun 2026 10:00:00 GMT"}};
  UpsertResult result = MustUpsert(*corpus, {arxiv});
  EXPECT_EQ(result.added, 0u);
  EXPECT_EQ(result.updated, 1u);
  EXPECT_EQ(PaperCount(*corpus), 35u);

  StoredPaper after = MustFind(*corpus, "2606.04321");
  EXPECT_EQ(after.key, before.key) << "the paper keeps its key when its id improves";
  EXPECT_EQ(after.record.id, "2606.04321");
  EXPECT_EQ(after.record.arxiv_id, "2606.04321");
  // The arXiv record's facts replace the card's; the card's facts it lacks stay.
  EXPECT_EQ(after.record.abstract, "Agents issue long, sparse attention workloads.");
  EXPECT_THAT(after.record.authors,
              ElementsAre("Zhuoming Chen", "Xinrui Zhong", "Qilong Feng", "Beidi Chen"));
  EXPECT_TRUE(after.record.authors_complete);
  EXPECT_THAT(after.record.categories, ElementsAre("cs.DC", "cs.AI"));
  EXPECT_EQ(after.record.published, "2026-06-03");
  EXPECT_THAT(after.record.badges, ElementsAre("arxiv"));
  EXPECT_TRUE(after.record.is_new) << "a snapshot saying nothing of 'new' keeps the card's mark";
  EXPECT_EQ(after.record.versions.size(), 2u);
  // The old title-key id still leads to the paper.
  EXPECT_EQ(MustFind(*corpus, title_id).key, before.key);

  // The listing again (no id, three names et al.): still one paper, id and full author list kept.
  UpsertResult relisted = MustUpsert(*corpus, {card});
  EXPECT_EQ(relisted.added, 0u);
  EXPECT_EQ(PaperCount(*corpus), 35u);
  StoredPaper last = MustFind(*corpus, "2606.04321");
  EXPECT_EQ(last.record.id, "2606.04321");
  EXPECT_EQ(last.record.authors.size(), 4u) << "an 'et al.' list must not replace a full one";
  EXPECT_THAT(last.record.categories, ElementsAre("cs.AI", "cs.DC"))
      << "the listing's primary category leads, the others are kept";
}

TEST(CorpusTest, ArxivRecordFirstThenDoiRecordMeetOnTheDoi) {
  ScratchDir dir;
  auto corpus = OpenCorpus(dir);
  PaperRecord published;
  published.doi = "https://doi.org/10.1145/3292500.3330701";
  published.title = "A Published Paper";
  published.authors = {"Ada Lovelace"};
  published.venue = "KDD 2019";
  published.year = 2019;
  published.citations = 12;
  published.source = "bibtex";
  MustUpsert(*corpus, {published});
  StoredPaper stored = MustFind(*corpus, "doi:10.1145/3292500.3330701");
  EXPECT_EQ(stored.record.id, "doi:10.1145/3292500.3330701");

  PaperRecord preprint = ArxivRecord("1905.00001", "A published paper!", {"A. Lovelace"});
  preprint.doi = "10.1145/3292500.3330701";
  MustUpsert(*corpus, {preprint});
  EXPECT_EQ(PaperCount(*corpus), 1u);
  StoredPaper merged = MustFind(*corpus, "10.1145/3292500.3330701");
  EXPECT_EQ(merged.key, stored.key);
  EXPECT_EQ(merged.record.id, "1905.00001");
  EXPECT_EQ(merged.record.venue, "KDD 2019");
  EXPECT_EQ(merged.record.citations, 12);
}

TEST(CorpusTest, SameTitleAndAuthorWithDifferentArxivIdsAreTwoPapers) {
  ScratchDir dir;
  auto corpus = OpenCorpus(dir);
  MustUpsert(*corpus, {ArxivRecord("2401.00001", "Notes on Attention", {"Jane Roe"})});
  UpsertResult second =
      MustUpsert(*corpus, {ArxivRecord("2402.00002", "Notes on Attention", {"Jane Roe"})});
  EXPECT_EQ(second.added, 1u);
  EXPECT_EQ(PaperCount(*corpus), 2u);
}

TEST(CorpusTest, TwoRecordsOfOnePaperInOneBatchAreAddedThenMerged) {
  ScratchDir dir;
  auto corpus = OpenCorpus(dir);
  PaperRecord a = ArxivRecord("2401.00001", "Notes on Attention", {"Jane Roe"});
  PaperRecord b = a;
  b.arxiv_id = "2401.00001v3";
  b.comments = "12 pages";
  UpsertResult result = MustUpsert(*corpus, {a, b});
  EXPECT_EQ(result.added, 1u);
  EXPECT_EQ(result.updated, 1u);
  EXPECT_EQ(result.revision, 1);
  EXPECT_EQ(MustFind(*corpus, "2401.00001").record.comments, "12 pages");
  EXPECT_THAT(result.changes, ::testing::ElementsAre(UpsertResult::Change::kAdded,
                                                     UpsertResult::Change::kUpdated));
  UpsertResult again = MustUpsert(*corpus, {b, ArxivRecord("2401.00002", "Other", {"A. B"})});
  EXPECT_THAT(again.changes, ::testing::ElementsAre(UpsertResult::Change::kUnchanged,
                                                    UpsertResult::Change::kAdded));
}

TEST(CorpusTest, BatchWithARecordWithoutTitleStoresNothing) {
  ScratchDir dir;
  auto corpus = OpenCorpus(dir);
  MustUpsert(*corpus, {ArxivRecord("2401.00001", "Kept", {"Jane Roe"})});

  PaperRecord changed = ArxivRecord("2401.00001", "Kept", {"Jane Roe"});
  changed.citations = 99;
  PaperRecord untitled = ArxivRecord("2401.00003", "  ", {"John Doe"});
  untitled.origin = "feed.jsonl";
  std::vector<PaperRecord> batch = {ArxivRecord("2401.00002", "Good", {"Jane Roe"}), untitled,
                                    changed};
  Result<UpsertResult> result = corpus->Upsert(batch);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), Status::Code::kInvalidArgument);
  EXPECT_THAT(result.status().message(), HasSubstr("record 2 of 3"));
  EXPECT_THAT(result.status().message(), HasSubstr("2401.00003"));
  EXPECT_THAT(result.status().message(), HasSubstr("feed.jsonl"));

  EXPECT_EQ(PaperCount(*corpus), 1u);
  EXPECT_EQ(corpus->Revision().value(), 1);
  EXPECT_FALSE(corpus->Find("2401.00002")->has_value());
  EXPECT_FALSE(MustFind(*corpus, "2401.00001").record.citations.has_value());
}

TEST(CorpusTest, RevisionsTellTheIndexWhatChangedAndWhatWasRemoved) {
  ScratchDir dir;
  auto corpus = OpenCorpus(dir);
  EXPECT_EQ(corpus->Revision().value(), 0);
  MustUpsert(*corpus, {ArxivRecord("2401.00001", "A", {"X Y"}),
                       ArxivRecord("2401.00002", "B", {"X Y"}),
                       ArxivRecord("2401.00003", "C", {"X Y"})});
  PaperRecord b = ArxivRecord("2401.00002", "B", {"X Y"});
  b.citations = 5;
  UpsertResult second = MustUpsert(*corpus, {ArxivRecord("2401.00004", "D", {"X Y"}), b});
  EXPECT_EQ(second.revision, 2);

  EXPECT_THAT(ChangedIds(*corpus, 0),
              ElementsAre("2401.00001", "2401.00002", "2401.00003", "2401.00004"));
  EXPECT_THAT(ChangedIds(*corpus, 1), ElementsAre("2401.00002", "2401.00004"));
  EXPECT_THAT(ChangedIds(*corpus, 2), ::testing::IsEmpty());

  int calls = 0;
  ASSERT_TRUE(corpus->ChangedSince(0, [&](const StoredPaper&) { return ++calls < 2; }).ok());
  EXPECT_EQ(calls, 2) << "returning false stops the stream";

  const int64_t c_key = MustFind(*corpus, "2401.00003").key;
  Result<bool> removed = corpus->Remove("2401.00003v1");
  ASSERT_TRUE(removed.ok()) << removed.status().message();
  EXPECT_TRUE(*removed);
  EXPECT_EQ(corpus->Revision().value(), 3);
  EXPECT_FALSE(corpus->Find("2401.00003")->has_value());
  EXPECT_TRUE(corpus->ProvenanceOf(c_key)->empty()) << "provenance goes with the paper";
  Result<bool> again = corpus->Remove("2401.00003");
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(*again);
  EXPECT_EQ(corpus->Revision().value(), 3);

  std::vector<int64_t> gone;
  ASSERT_TRUE(corpus->RemovedSince(2, [&](int64_t key) { gone.push_back(key); }).ok());
  EXPECT_THAT(gone, ElementsAre(c_key));
  gone.clear();
  ASSERT_TRUE(corpus->RemovedSince(3, [&](int64_t key) { gone.push_back(key); }).ok());
  EXPECT_THAT(gone, ::testing::IsEmpty());
  EXPECT_THAT(ChangedIds(*corpus, 2), ::testing::IsEmpty());

  // Adding the removed paper back gives it a new key: the index never confuses the two.
  UpsertResult back = MustUpsert(*corpus, {ArxivRecord("2401.00003", "C", {"X Y"})});
  EXPECT_EQ(back.added, 1u);
  EXPECT_EQ(back.revision, 4);
  EXPECT_NE(MustFind(*corpus, "2401.00003").key, c_key);
  EXPECT_THAT(ChangedIds(*corpus, 3), ElementsAre("2401.00003"));
}

TEST(CorpusTest, HighestKeyIsNotReusedAfterRemoval) {
  ScratchDir dir;
  auto corpus = OpenCorpus(dir);
  MustUpsert(*corpus, {ArxivRecord("2401.00001", "A", {"X Y"})});
  const int64_t first = MustFind(*corpus, "2401.00001").key;
  ASSERT_TRUE(corpus->Remove("2401.00001").value());
  MustUpsert(*corpus, {ArxivRecord("2401.00002", "B", {"X Y"})});
  EXPECT_GT(MustFind(*corpus, "2401.00002").key, first);
}

TEST(CorpusTest, ProvenanceRecordsWhichSourceSaidWhatOnlyWhenItChanges) {
  ScratchDir dir;
  auto corpus = OpenCorpus(dir);
  PaperRecord arxiv = ArxivRecord("2401.00001", "Notes on Attention", {"Jane Roe"});
  arxiv.abstract = std::string(400, 'a');
  MustUpsert(*corpus, {arxiv});
  const int64_t key = MustFind(*corpus, "2401.00001").key;

  auto fields_of = [&](std::string_view source) {
    std::vector<std::string> fields;
    Result<std::vector<Corpus::Provenance>> rows = corpus->ProvenanceOf(key);
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    if (!rows.ok()) return fields;
    for (const Corpus::Provenance& p : *rows) {
      if (p.source == source) fields.push_back(p.field + "=" + p.value.substr(0, 24));
    }
    return fields;
  };
  EXPECT_THAT(fields_of("arxiv-jsonl"),
              ElementsAre("arxiv_id=2401.00001", "title=Notes on Attention",
                          "abstract=aaaaaaaaaaaaaaaaaaaaaaaa", "authors=[\"Jane Roe\"]",
                          "authors_complete=true", "categories=[\"cs.LG\"]",
                          "published=2024-01-15"));
  std::vector<Corpus::Provenance> rows = corpus->ProvenanceOf(key).value();
  ASSERT_GE(rows.size(), 3u);
  EXPECT_THAT(rows[2].value, HasSubstr("400 bytes")) << "long values are kept abbreviated";
  EXPECT_LT(rows[2].value.size(), 200u);
  EXPECT_EQ(rows[0].origin, "arxiv-75k.jsonl.gz");
  EXPECT_EQ(rows[0].seen_at.size(), 20u) << rows[0].seen_at;  // 2026-06-18T09:30:00Z

  MustUpsert(*corpus, {arxiv});
  EXPECT_EQ(corpus->ProvenanceOf(key)->size(), rows.size()) << "re-import adds nothing";

  PaperRecord scholar;
  scholar.arxiv_id = "2401.00001";
  scholar.title = "Notes on Attention";
  scholar.citations = 42;
  scholar.venue = "ICML 2024";
  scholar.source = "semantic-scholar";
  UpsertResult r = MustUpsert(*corpus, {scholar});
  EXPECT_EQ(r.updated, 1u);
  EXPECT_THAT(fields_of("semantic-scholar"),
              ElementsAre("arxiv_id=2401.00001", "title=Notes on Attention", "venue=ICML 2024",
                          "citations=42"));

  scholar.citations = 43;
  MustUpsert(*corpus, {scholar});
  EXPECT_THAT(fields_of("semantic-scholar"),
              ElementsAre("arxiv_id=2401.00001", "title=Notes on Attention", "venue=ICML 2024",
                          "citations=42", "citations=43"));

  Result<CorpusStats> stats = corpus->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_THAT(stats->by_source, ElementsAre(Pair("arxiv-jsonl", 1u), Pair("semantic-scholar", 1u)));
}

TEST(CorpusTest, NewMarkIsSetByAnySourceAndTakenBackOnlyByTheSourceThatSetIt) {
  ScratchDir dir;
  auto corpus = OpenCorpus(dir);
  PaperRecord listing = ArxivRecord("2606.00001", "Fresh", {"Jane Roe"});
  listing.source = "paperdeck-jsonl";
  listing.is_new = true;
  MustUpsert(*corpus, {listing});
  EXPECT_TRUE(MustFind(*corpus, "2606.00001").record.is_new);

  PaperRecord snapshot = ArxivRecord("2606.00001", "Fresh", {"Jane Roe"});
  snapshot.source = "arxiv-snapshot";
  UpsertResult r = MustUpsert(*corpus, {snapshot});
  EXPECT_EQ(r.unchanged, 1u);
  EXPECT_TRUE(MustFind(*corpus, "2606.00001").record.is_new);

  listing.is_new = false;
  r = MustUpsert(*corpus, {listing});
  EXPECT_EQ(r.updated, 1u);
  EXPECT_FALSE(MustFind(*corpus, "2606.00001").record.is_new);
}

TEST(CorpusTest, FindAcceptsEveryFormOfAnId) {
  ScratchDir dir;
  auto corpus = OpenCorpus(dir);
  PaperRecord both = ArxivRecord("2401.12345", "Both Ids", {"Jane Roe"});
  both.doi = "10.1145/ABC.123";
  PaperRecord doi_only;
  doi_only.doi = "10.5555/Only.Doi";
  doi_only.title = "Only a DOI";
  PaperRecord old_style = ArxivRecord("hep-th/9901001v1", "Old Style", {"P. Q. Ramond"});
  PaperRecord no_ids;
  no_ids.title = "No Ids At All";
  no_ids.authors = {"Jane Roe"};
  MustUpsert(*corpus, {both, doi_only, old_style, no_ids});

  const int64_t both_key = MustFind(*corpus, "2401.12345").key;
  for (std::string_view id : {"2401.12345v2", "arXiv:2401.12345", "https://arxiv.org/abs/2401.12345v3",
                              "10.1145/abc.123", "doi:10.1145/ABC.123",
                              "https://doi.org/10.1145/abc.123"}) {
    EXPECT_EQ(MustFind(*corpus, id).key, both_key) << id;
  }
  EXPECT_EQ(MustFind(*corpus, "doi:10.5555/only.doi").record.title, "Only a DOI");
  EXPECT_EQ(MustFind(*corpus, "10.5555/ONLY.DOI").record.id, "doi:10.5555/only.doi");
  EXPECT_EQ(MustFind(*corpus, "hep-th/9901001v1").record.id, "hep-th/9901001");
  const std::string h = TitleKey("No Ids At All", "Jane Roe");
  EXPECT_EQ(MustFind(*corpus, h).record.title, "No Ids At All");

  for (std::string_view id : {"2401.99999", "doi:10.1/none", "h:0000000000000000", "nonsense", ""}) {
    Result<std::optional<StoredPaper>> found = corpus->Find(id);
    ASSERT_TRUE(found.ok()) << id;
    EXPECT_FALSE(found->has_value()) << id;
  }
}

TEST(CorpusTest, ReopeningKeepsPapersRevisionAndProvenance) {
  ScratchDir dir;
  int64_t key = 0;
  {
    auto corpus = OpenCorpus(dir);
    MustUpsert(*corpus, SeedPageRecords());
    MustUpsert(*corpus, {ArxivRecord("2401.00001", "A", {"X Y"})});
    key = MustFind(*corpus, "2401.00001").key;
  }
  auto corpus = OpenCorpus(dir);
  EXPECT_EQ(PaperCount(*corpus), 36u);
  EXPECT_EQ(corpus->Revision().value(), 2);
  EXPECT_EQ(MustFind(*corpus, "2401.00001").key, key);
  EXPECT_FALSE(corpus->ProvenanceOf(key)->empty());
  UpsertResult again = MustUpsert(*corpus, SeedPageRecords());
  EXPECT_EQ(again.unchanged, 35u);
}

TEST(CorpusTest, TwoConnectionsToOneDataDirectorySeeEachOthersCommits) {
  ScratchDir dir;
  auto writer = OpenCorpus(dir);
  auto reader = OpenCorpus(dir);
  MustUpsert(*writer, {ArxivRecord("2401.00001", "A", {"X Y"})});
  EXPECT_EQ(MustFind(*reader, "2401.00001").record.title, "A");
  MustUpsert(*reader, {ArxivRecord("2401.00002", "B", {"X Y"})});
  EXPECT_EQ(writer->Revision().value(), 2);
  EXPECT_THAT(ChangedIds(*writer, 1), ElementsAre("2401.00002"));
}

TEST(CorpusTest, TextAndListColumnsRoundTripUnicode) {
  ScratchDir dir;
  auto corpus = OpenCorpus(dir);
  PaperRecord r;
  r.arxiv_id = "2503.11742";
  r.title = "Safe \"Vision\"-Language Models \\ über alles — 注意力 🧪";
  r.authors = {"Moreno D'Incà", "Łukasz Kaiser", "李飞飞", "Zoë \"Zed\" O'Neil"};
  r.authors_complete = false;
  r.abstract = "Line one\nline two\ttabbed; emoji 🚀 and NUL-free text.";
  r.categories = {"cs.CV", "cs.AI"};
  r.badges = {"paper", "arxiv"};
  r.links = {"https://example.org/ü?q=1&r=2"};
  r.versions = {{"v1", "Mon, 2 Apr 2007 19:18:42 GMT"}, {"v2", ""}};
  r.venue = "CVPR 2025";
  r.year = 2025;
  r.citations = 0;
  r.upvotes = 7;
  r.comments = "10 pages, 3 figures — “quoted”";
  r.journal_ref = "J. Ünïcode 1 (2025)";
  r.published = "2025-03-18";
  r.updated = "2025-04-01";
  MustUpsert(*corpus, {r});

  const int64_t key = MustFind(*corpus, "2503.11742").key;
  std::vector<int64_t> keys = {key};
  Result<std::vector<StoredPaper>> got = corpus->Get(keys);
  ASSERT_TRUE(got.ok()) << got.status().message();
  ASSERT_EQ(got->size(), 1u);
  const PaperRecord& s = (*got)[0].record;
  EXPECT_EQ(s.id, "2503.11742");
  EXPECT_EQ(s.title, r.title);
  EXPECT_EQ(s.authors, r.authors);
  EXPECT_FALSE(s.authors_complete);
  EXPECT_EQ(s.abstract, r.abstract);
  EXPECT_EQ(s.categories, r.categories);
  EXPECT_EQ(s.badges, r.badges);
  EXPECT_EQ(s.links, r.links);
  ASSERT_EQ(s.versions.size(), 2u);
  EXPECT_EQ(s.versions[0].date, "Mon, 2 Apr 2007 19:18:42 GMT");
  EXPECT_EQ(s.versions[1].name, "v2");
  EXPECT_EQ(s.venue, r.venue);
  EXPECT_EQ(s.year, 2025);
  EXPECT_EQ(s.citations, 0) << "a count of zero is a fact, not an absence";
  EXPECT_EQ(s.upvotes, 7);
  EXPECT_EQ(s.comments, r.comments);
  EXPECT_EQ(s.journal_ref, r.journal_ref);
  EXPECT_EQ(s.published, r.published);
  EXPECT_EQ(s.updated, r.updated);
  EXPECT_EQ(MustUpsert(*corpus, {r}).unchanged, 1u);
}

// Every fact set, so that a scan reading only the indexed columns has something to leave out.
PaperRecord FullRecord(std::string arxiv_id, std::string title) {
  PaperRecord r = ArxivRecord(std::move(arxiv_id), std::move(title), {"Ada Lovelace", "Li Wéi"});
  r.doi = "10.1000/" + r.arxiv_id;
  r.authors_complete = false;
  r.categories = {"cs.CL", "cs.LG"};
  r.updated = "2024-02-01";
  r.venue = "ACL 2024";
  r.year = 2024;
  r.citations = 12;
  r.upvotes = 3;
  r.is_new = true;
  r.badges = {"paper"};
  r.links = {"https://example.org/" + r.arxiv_id};
  r.versions = {{"v1", "Mon, 15 Jan 2024 10:00:00 GMT"}};
  r.comments = "8 pages";
  r.journal_ref = "Proc. ACL 2024";
  return r;
}

TEST(CorpusTest, AnIndexedScanReadsWhatTheIndexUsesAndLeavesTheRestEmpty) {
  ScratchDir dir;
  auto corpus = OpenCorpus(dir);
  MustUpsert(*corpus, {FullRecord("2401.00001", "Full"), ArxivRecord("2401.00002", "Bare", {})});
  std::vector<StoredPaper> all, lean;
  ASSERT_TRUE(corpus->ChangedSince(0, [&](const StoredPaper& p) {
                      all.push_back(p);
                      return true;
                    }).ok());
  ASSERT_TRUE(corpus->ChangedSince(
                      0,
                      [&](const StoredPaper& p) {
                        lean.push_back(p);
                        return true;
                      },
                      PaperFields::kIndexed)
                  .ok());
  ASSERT_EQ(all.size(), 2u);
  ASSERT_EQ(lean.size(), 2u);
  for (size_t i = 0; i < all.size(); ++i) {
    const PaperRecord& a = all[i].record;
    const PaperRecord& l = lean[i].record;
    EXPECT_EQ(lean[i].key, all[i].key);
    EXPECT_EQ(lean[i].revision, all[i].revision);
    EXPECT_EQ(l.id, a.id);
    EXPECT_EQ(l.title, a.title);
    EXPECT_EQ(l.abstract, a.abstract);
    EXPECT_EQ(l.authors, a.authors);
    EXPECT_EQ(l.categories, a.categories);
    EXPECT_EQ(l.published, a.published);
    EXPECT_EQ(l.venue, a.venue);
    EXPECT_EQ(l.year, a.year);
    EXPECT_EQ(l.citations, a.citations);
    EXPECT_EQ(l.upvotes, a.upvotes);
    EXPECT_EQ(l.is_new, a.is_new);
    // Not read: left as a default PaperRecord has them.
    EXPECT_EQ(l.arxiv_id, "");
    EXPECT_EQ(l.doi, "");
    EXPECT_TRUE(l.authors_complete);
    EXPECT_EQ(l.updated, "");
    EXPECT_TRUE(l.badges.empty());
    EXPECT_TRUE(l.links.empty());
    EXPECT_TRUE(l.versions.empty());
    EXPECT_EQ(l.comments, "");
    EXPECT_EQ(l.journal_ref, "");
  }
  EXPECT_EQ(all[0].record.venue, "ACL 2024");
  EXPECT_EQ(all[0].record.links.size(), 1u);
  EXPECT_FALSE(all[0].record.authors_complete);
}

TEST(CorpusTest, AColumnThatIsNotJsonIsCorruptionNamingTheRow) {
  ScratchDir dir;
  auto corpus = OpenCorpus(dir);
  MustUpsert(*corpus, {FullRecord("2401.00001", "Full")});
  {
    auto db = Database::Open(dir.path() / "data" / "corpus.db");
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec("UPDATE papers SET badges = '[\"paper\"'").ok());
  }
  Result<std::optional<StoredPaper>> found = corpus->Find("2401.00001");
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.status().code(), Status::Code::kCorruption);
  EXPECT_THAT(found.status().message(), HasSubstr("papers row 1 (2401.00001), column badges"));
  // A scan that does not read the column does not trip on it.
  int seen = 0;
  EXPECT_TRUE(corpus->ChangedSince(0, [&](const StoredPaper&) { return ++seen > 0; },
                                   PaperFields::kIndexed)
                  .ok());
  EXPECT_EQ(seen, 1);
}

TEST(CorpusTest, GetReturnsPapersInTheOrderAsked) {
  ScratchDir dir;
  auto corpus = OpenCorpus(dir);
  MustUpsert(*corpus, {ArxivRecord("2401.00001", "A", {"X Y"}),
                       ArxivRecord("2401.00002", "B", {"X Y"}),
                       ArxivRecord("2401.00003", "C", {"X Y"})});
  std::vector<int64_t> keys = {MustFind(*corpus, "2401.00003").key, MustFind(*corpus, "2401.00001").key,
                               987654, MustFind(*corpus, "2401.00002").key};
  Result<std::vector<StoredPaper>> got = corpus->Get(keys);
  ASSERT_TRUE(got.ok());
  std::vector<std::string> titles;
  for (const StoredPaper& p : *got) titles.push_back(p.record.title);
  EXPECT_THAT(titles, ElementsAre("C", "A", "B"));
}

TEST(CorpusTest, StatsDescribeTheCorpus) {
  ScratchDir dir;
  auto corpus = OpenCorpus(dir);
  MustUpsert(*corpus, SeedPageRecords());
  PaperRecord old = ArxivRecord("hep-th/9901001", "Old", {"P. Ramond"});
  old.categories = {"hep-th"};
  old.published = "1999-01-01";
  MustUpsert(*corpus, {old});
  ASSERT_TRUE(corpus->RecordImport("seed-page.jsonl", "paperdeck-jsonl", 35, 0, 0, 0.5).ok());

  Result<CorpusStats> stats = corpus->Stats();
  ASSERT_TRUE(stats.ok()) << stats.status().message();
  EXPECT_EQ(stats->papers, 36u);
  EXPECT_EQ(stats->revision, 2);
  EXPECT_EQ(stats->earliest_date, "1999-01-01");
  EXPECT_EQ(stats->latest_date, "2026-06-18");
  // Primary categories of the seed page's arXiv cards, then the old paper; ties by name.
  EXPECT_THAT(stats->top_categories,
              ElementsAre(Pair("cs.AI", 2u), Pair("cs.CV", 2u), Pair("cs.RO", 2u),
                          Pair("cs.CL", 1u), Pair("cs.LG", 1u), Pair("cs.SD", 1u),
                          Pair("hep-th", 1u)));
  EXPECT_THAT(stats->by_source, ElementsAre(Pair("paperdeck-jsonl", 35u), Pair("arxiv-jsonl", 1u)));
  EXPECT_GT(stats->database_bytes, 4096u);
}

}  // namespace
}  // namespace paperdeck::library
