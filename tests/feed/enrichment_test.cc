// Enrichment from loopback servers replaying Semantic Scholar's batch answer (with a null for an
// unknown id) and a Hugging Face daily papers listing: the numbers land on the right papers,
// with their source in the provenance log.
#include "feed/enrichment.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e/cli_runner.h"
#include "feed/replay_server.h"
#include "support/temp_dir.h"

namespace paperdeck::feed {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using paperdeck::e2e::RunPaperdeck;
using paperdeck::testing::ReadWire;
using paperdeck::testing::Reply;
using paperdeck::testing::ReplayServer;
using paperdeck::testing::TempDir;
using namespace std::chrono_literals;

const std::string kBatch = "semanticscholar/test_get_papers_not_found_warning.0.json";
const std::string kDaily = "hf_daily_papers/daily_papers_2024-03-21.json";

PaperRecord Paper(std::string arxiv_id, std::string title) {
  PaperRecord r;
  r.arxiv_id = std::move(arxiv_id);
  r.title = std::move(title);
  r.categories = {"cs.CL"};
  r.published = "2024-03-20";
  r.source = "arxiv-api";
  return r;
}

net::HttpClient TestClient() {
  net::SourcePolicy p;
  p.min_interval = 10ms;
  p.max_attempts = 2;
  p.first_backoff = 1ms;
  return net::HttpClient(p, net::UserAgent(""), [](std::chrono::milliseconds, const std::string&) {});
}

class EnrichmentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_ = std::move(library::Corpus::Open(dir_.path() / "data")).value();
  }
  PaperRecord Stored(const std::string& id) { return (*corpus_->Find(id).value()).record; }
  TempDir dir_;
  std::unique_ptr<library::Corpus> corpus_;
};

TEST_F(EnrichmentTest, SemanticScholarCountsLandOnTheirPapersAndANullChangesNothing) {
  std::vector<PaperRecord> papers = {Paper("2401.00001", "Unknown to Semantic Scholar"),
                                     Paper("2401.00002", "Second"), Paper("2401.00003", "Third"),
                                     Paper("2401.00004", "Fourth")};
  ASSERT_TRUE(corpus_->Upsert(papers).ok());
  ReplayServer server;
  server.Script({Reply::Ok(ReadWire(kBatch), "application/json")});
  net::HttpClient client = TestClient();
  ScholarOptions o;
  o.api_url = server.url("/graph/v1");
  o.api_key = "test-key";
  EnrichReport r = EnrichFromSemanticScholar(*corpus_, client, o);
  ASSERT_TRUE(r.stopped.ok()) << r.stopped.message();
  EXPECT_EQ(r.asked, 4u);
  EXPECT_EQ(r.known, 3u);
  EXPECT_EQ(r.updated, 3u);
  EXPECT_FALSE(Stored("2401.00001").citations.has_value());
  EXPECT_EQ(Stored("2401.00002").citations, 10670);
  EXPECT_EQ(Stored("2401.00003").citations, 2185);
  EXPECT_EQ(Stored("2401.00004").citations, 0);
  EXPECT_EQ(Stored("2401.00002").title, "Second");

  ASSERT_EQ(server.Requests().size(), 1u);
  const auto req = server.Requests()[0];
  EXPECT_EQ(req.method, "POST");
  EXPECT_THAT(req.target, HasSubstr("/graph/v1/paper/batch?fields="));
  EXPECT_THAT(req.target, HasSubstr("citationCount"));
  EXPECT_EQ(req.Header("x-api-key"), "test-key");
  EXPECT_EQ(nlohmann::json::parse(req.body)["ids"][0], "ARXIV:2401.00001");

  auto provenance = corpus_->ProvenanceOf(corpus_->Find("2401.00002").value()->key).value();
  bool seen = false;
  for (const auto& p : provenance) {
    if (p.source == "semantic-scholar" && p.field == "citations" && p.value == "10670") {
      seen = !p.seen_at.empty();
    }
  }
  EXPECT_TRUE(seen) << "the count keeps its source and fetch time";
}

TEST_F(EnrichmentTest, OnlyPapersWhoseNumbersAreStaleAreAskedAgain) {
  std::vector<PaperRecord> papers = {Paper("2401.00001", "Unknown to Semantic Scholar"),
                                     Paper("2401.00002", "Second"), Paper("2401.00003", "Third"),
                                     Paper("2401.00004", "Fourth")};
  ASSERT_TRUE(corpus_->Upsert(papers).ok());
  ReplayServer server;
  server.Script({Reply::Ok(ReadWire(kBatch), "application/json"),
                 Reply::Ok(ReadWire(kBatch), "application/json")});
  net::HttpClient client = TestClient();
  ScholarOptions o;
  o.api_url = server.url("/graph/v1");
  EnrichReport first = EnrichFromSemanticScholar(*corpus_, client, o);
  ASSERT_TRUE(first.stopped.ok()) << first.stopped.message();
  EXPECT_EQ(first.asked, 4u);

  // Every paper was just asked about, the one Semantic Scholar does not know included, and the
  // second answer would change nothing: none is stale for a cutoff in the past.
  o.fetched_before = "2000-01-01T00:00:00Z";
  EnrichReport fresh = EnrichFromSemanticScholar(*corpus_, client, o);
  ASSERT_TRUE(fresh.stopped.ok()) << fresh.stopped.message();
  EXPECT_EQ(fresh.asked, 0u);
  EXPECT_EQ(fresh.fresh, 4u);
  EXPECT_EQ(server.Requests().size(), 1u) << "no request when every number is fresh";

  // With the cutoff after the fetch, every number is stale and asked again.
  o.fetched_before = "9999-01-01T00:00:00Z";
  EnrichReport stale = EnrichFromSemanticScholar(*corpus_, client, o);
  ASSERT_TRUE(stale.stopped.ok()) << stale.stopped.message();
  EXPECT_EQ(stale.asked, 4u);
  EXPECT_EQ(stale.fresh, 0u);
  EXPECT_EQ(stale.updated, 0u);
  EXPECT_EQ(server.Requests().size(), 2u);
}

TEST_F(EnrichmentTest, ANumberStoredBeforeFetchMarksExistedCountsAsFetchedWhenItsSourceGaveIt) {
  PaperRecord given = Paper("2401.00002", "Second");
  given.citations = 5;
  given.source = "semantic-scholar";  // as an enrichment before fetch marks existed stored it
  ASSERT_TRUE(corpus_->Upsert(std::vector<PaperRecord>{Paper("2401.00001", "First"), given}).ok());
  auto last = corpus_->LastFetched("semantic-scholar").value();
  ASSERT_EQ(last.size(), 1u);
  EXPECT_EQ(last.count(corpus_->Find("2401.00002").value()->key), 1u);

  ReplayServer server;
  nlohmann::json batch = nlohmann::json::parse(ReadWire(kBatch));
  server.Script({Reply::Ok(nlohmann::json::array({batch[1]}).dump(), "application/json")});
  net::HttpClient client = TestClient();
  ScholarOptions o;
  o.api_url = server.url("/graph/v1");
  o.fetched_before = "2000-01-01T00:00:00Z";
  EnrichReport r = EnrichFromSemanticScholar(*corpus_, client, o);
  ASSERT_TRUE(r.stopped.ok()) << r.stopped.message();
  EXPECT_EQ(r.asked, 1u);
  EXPECT_EQ(r.fresh, 1u);
  ASSERT_EQ(server.Requests().size(), 1u);
  EXPECT_EQ(nlohmann::json::parse(server.Requests()[0].body)["ids"],
            nlohmann::json::array({"ARXIV:2401.00001"}));
  EXPECT_EQ(Stored("2401.00002").citations, 5);
}

TEST_F(EnrichmentTest, WhenTwoSourcesGiveACitationCountTheCardShowsTheNewest) {
  PaperRecord imported = Paper("2401.00001", "Imported with a count");
  imported.source = "paperdeck-jsonl";
  imported.citations = 7;
  ASSERT_TRUE(corpus_->Upsert(std::vector<PaperRecord>{imported}).ok());
  ReplayServer server;
  nlohmann::json batch = nlohmann::json::parse(ReadWire(kBatch));
  server.Script({Reply::Ok(nlohmann::json::array({batch[1]}).dump(), "application/json")});
  net::HttpClient client = TestClient();
  ScholarOptions o;
  o.api_url = server.url("/graph/v1");
  ASSERT_TRUE(EnrichFromSemanticScholar(*corpus_, client, o).stopped.ok());
  EXPECT_EQ(Stored("2401.00001").citations, 10670) << "Semantic Scholar's count is newer";

  imported.citations = 8;  // the file, read again later, says something else
  ASSERT_TRUE(corpus_->Upsert(std::vector<PaperRecord>{imported}).ok());
  EXPECT_EQ(Stored("2401.00001").citations, 8) << "the file's count is now the newest";

  std::vector<std::string> said;
  auto provenance = corpus_->ProvenanceOf(corpus_->Find("2401.00001").value()->key).value();
  for (const auto& p : provenance) {
    if (p.field == "citations") said.push_back(p.source + "=" + p.value);
  }
  EXPECT_THAT(said, ::testing::ElementsAre("paperdeck-jsonl=7", "semantic-scholar=10670",
                                           "paperdeck-jsonl=8"));
}

TEST_F(EnrichmentTest, AnAnswerOfTheWrongLengthIsRefusedRatherThanMisassigned) {
  ASSERT_TRUE(corpus_->Upsert(std::vector<PaperRecord>{Paper("2401.00001", "Only one")}).ok());
  ReplayServer server;
  server.Script({Reply::Ok(ReadWire(kBatch), "application/json")});
  net::HttpClient client = TestClient();
  ScholarOptions o;
  o.api_url = server.url("/graph/v1");
  EnrichReport r = EnrichFromSemanticScholar(*corpus_, client, o);
  ASSERT_FALSE(r.stopped.ok());
  EXPECT_THAT(r.stopped.message(), HasSubstr("answered 4 entries for 1 ids"));
  EXPECT_FALSE(Stored("2401.00001").citations.has_value());
}

TEST_F(EnrichmentTest, DailyPapersGiveUpvotesToThePapersInTheCorpus) {
  nlohmann::json listing = nlohmann::json::parse(ReadWire(kDaily));
  const std::string first = listing[0]["paper"]["id"];
  const int64_t first_upvotes = listing[0]["paper"]["upvotes"];
  const std::string second = listing[1]["paper"]["id"];
  ASSERT_TRUE(corpus_->Upsert(std::vector<PaperRecord>{Paper(first, "First listed"),
                                                       Paper(second, "Second listed")}).ok());
  ReplayServer server;
  server.Script({Reply::Ok(ReadWire(kDaily), "application/json")});
  net::HttpClient client = TestClient();
  EnrichReport r = EnrichFromHuggingFace(*corpus_, client, server.url("/api"), "2024-03-21");
  ASSERT_TRUE(r.stopped.ok()) << r.stopped.message();
  EXPECT_EQ(r.asked, listing.size());
  EXPECT_EQ(r.known, 2u);
  EXPECT_EQ(Stored(first).upvotes, first_upvotes);
  EXPECT_THAT(Stored(first).badges, Contains("paper"));
  EXPECT_EQ(corpus_->Stats().value().papers, 2u);  // listed papers not in the corpus are not added
  EXPECT_EQ(server.Requests()[0].target, "/api/daily_papers?date=2024-03-21");
}

// The per-paper answer: the `paper` object of the recorded listing's first item (SOURCES.md).
const std::string kPaper = "hf_papers/paper_2403.13248.json";

TEST_F(EnrichmentTest, PaperLookupsGiveUpvotesNewestFirstAndRememberA404) {
  PaperRecord older = Paper("2401.00001", "Not on Hugging Face");
  older.published = "2024-01-02";
  PaperRecord mora = Paper("2403.13248", "Mora");  // published 2024-03-20
  ASSERT_TRUE(corpus_->Upsert(std::vector<PaperRecord>{older, mora}).ok());
  ReplayServer server;
  server.Script({Reply::Ok(ReadWire(kPaper), "application/json"),
                 Reply::Status(404, R"({"error":"Paper not found"})")});
  net::HttpClient client = TestClient();
  HuggingFaceLookup o;
  o.api_url = server.url("/api");
  EnrichReport r = LookUpOnHuggingFace(*corpus_, client, o);
  ASSERT_TRUE(r.stopped.ok()) << r.stopped.message();
  EXPECT_TRUE(r.issues.empty());
  EXPECT_EQ(r.asked, 2u);
  EXPECT_EQ(r.known, 1u);
  EXPECT_EQ(r.updated, 1u);
  ASSERT_EQ(server.Requests().size(), 2u);
  EXPECT_EQ(server.Requests()[0].target, "/api/papers/2403.13248");
  EXPECT_EQ(server.Requests()[1].target, "/api/papers/2401.00001");
  EXPECT_EQ(Stored("2403.13248").upvotes, 47);
  EXPECT_THAT(Stored("2403.13248").badges, Contains("paper"));
  EXPECT_EQ(Stored("2403.13248").title, "Mora");
  EXPECT_FALSE(Stored("2401.00001").upvotes.has_value());

  o.fetched_before = "2000-01-01T00:00:00Z";  // both were just answered for, the 404 included
  EnrichReport again = LookUpOnHuggingFace(*corpus_, client, o);
  EXPECT_EQ(again.asked, 0u);
  EXPECT_EQ(again.fresh, 2u);
  EXPECT_EQ(server.Requests().size(), 2u);
}

TEST_F(EnrichmentTest, PaperLookupsStopAtTheirBound) {
  PaperRecord older = Paper("2401.00001", "Older");
  older.published = "2024-01-02";
  ASSERT_TRUE(corpus_->Upsert(std::vector<PaperRecord>{older, Paper("2403.13248", "Mora")}).ok());
  ReplayServer server;
  server.Fallback(Reply::Ok(ReadWire(kPaper), "application/json"));
  net::HttpClient client = TestClient();
  HuggingFaceLookup o;
  o.api_url = server.url("/api");
  o.max_papers = 1;
  EnrichReport r = LookUpOnHuggingFace(*corpus_, client, o);
  ASSERT_TRUE(r.stopped.ok()) << r.stopped.message();
  EXPECT_EQ(r.asked, 1u);
  ASSERT_EQ(server.Requests().size(), 1u);
  EXPECT_EQ(server.Requests()[0].target, "/api/papers/2403.13248");
}

TEST(EnrichCommandTest, PapersNotInTheDailyListingAreLookedUpOneByOne) {
  TempDir dir;
  nlohmann::json listing = nlohmann::json::parse(ReadWire(kDaily));
  ASSERT_EQ(listing[0]["paper"]["id"], "2403.13248");
  listing.erase(0);  // the day's listing without Mora: Mora must be looked up
  const std::string listed = listing[0]["paper"]["id"];
  {
    auto corpus = library::Corpus::Open(dir.path() / "data").value();
    PaperRecord a;
    a.arxiv_id = listed;
    a.title = "Listed";
    a.source = "arxiv-api";
    PaperRecord b;
    b.arxiv_id = "2403.13248";
    b.title = "Mora";
    b.source = "arxiv-api";
    ASSERT_TRUE(corpus->Upsert(std::vector<PaperRecord>{a, b}).ok());
  }
  ReplayServer scholar, hf;
  scholar.Fallback(Reply::Ok("[null, null]", "application/json"));
  hf.Script({Reply::Ok(listing.dump(), "application/json"),
             Reply::Ok(ReadWire(kPaper), "application/json")});
  setenv("PAPERDECK_S2_API_URL", scholar.url("/graph/v1").c_str(), 1);
  setenv("PAPERDECK_HF_API_URL", hf.url("/api").c_str(), 1);
  setenv("PAPERDECK_TEST_ARXIV_INTERVAL_MS", "20", 1);
  auto enrich = RunPaperdeck(dir.path() / "data", {"enrich", "--date", "2024-03-21", "--max", "5"});
  auto search = RunPaperdeck(dir.path() / "data", {"search", "title:mora", "--json"});
  for (const char* v : {"PAPERDECK_S2_API_URL", "PAPERDECK_HF_API_URL",
                        "PAPERDECK_TEST_ARXIV_INTERVAL_MS"}) {
    unsetenv(v);
  }
  ASSERT_EQ(enrich.exit_code, 0) << enrich.err;
  EXPECT_THAT(enrich.out, HasSubstr("huggingface: asked about 17 papers, 1 known, 1 updated"));
  EXPECT_THAT(enrich.out,
              HasSubstr("huggingface: asked about 1 papers, 1 known, 1 updated (upvotes, paper "
                        "lookups)"));
  ASSERT_EQ(hf.Requests().size(), 2u);
  EXPECT_EQ(hf.Requests()[1].target, "/api/papers/2403.13248");
  ASSERT_EQ(search.exit_code, 0) << search.err;
  nlohmann::json j = nlohmann::json::parse(search.out);
  ASSERT_EQ(j["results"].size(), 1u);
  EXPECT_EQ(j["results"][0]["upvotes"], 47);
}

TEST(EnrichCommandTest, AfterEnrichmentSearchShowsCitationsAndUpvotes) {
  TempDir dir;
  ReplayServer arxiv;
  arxiv.Script({Reply::Ok(ReadWire("arxiv_api/arxivpy_id_1605.08386_s0_m100_199195aa31ad.body.xml"))});
  nlohmann::json listing = nlohmann::json::parse(ReadWire(kDaily));
  ReplayServer scholar, hf;
  // One paper in the corpus: Semantic Scholar is asked about one id; answer with one entry of
  // the recorded batch.
  nlohmann::json batch = nlohmann::json::parse(ReadWire(kBatch));
  scholar.Script({Reply::Ok(nlohmann::json::array({batch[1]}).dump(), "application/json")});
  // The daily listing, with the pulled paper's id in place of the first listed one.
  listing[0]["paper"]["id"] = "1605.08386";
  hf.Script({Reply::Ok(listing.dump(), "application/json")});
  setenv("PAPERDECK_ARXIV_API_URL", arxiv.url().c_str(), 1);
  setenv("PAPERDECK_S2_API_URL", scholar.url("/graph/v1").c_str(), 1);
  setenv("PAPERDECK_HF_API_URL", hf.url("/api").c_str(), 1);
  setenv("PAPERDECK_TEST_ARXIV_INTERVAL_MS", "20", 1);
  auto pull = RunPaperdeck(dir.path() / "data", {"pull", "id 1605.08386", "--max", "1"});
  auto enrich = RunPaperdeck(dir.path() / "data", {"enrich", "--date", "2024-03-21"});
  auto search = RunPaperdeck(dir.path() / "data", {"search", "*", "--json"});
  auto status = RunPaperdeck(dir.path() / "data", {"status"});
  for (const char* v : {"PAPERDECK_ARXIV_API_URL", "PAPERDECK_S2_API_URL", "PAPERDECK_HF_API_URL",
                        "PAPERDECK_TEST_ARXIV_INTERVAL_MS"}) {
    unsetenv(v);
  }
  ASSERT_EQ(pull.exit_code, 0) << pull.err;
  ASSERT_EQ(enrich.exit_code, 0) << enrich.err;
  EXPECT_THAT(enrich.out, HasSubstr("semantic-scholar: asked about 1 papers, 1 known, 1 updated"));
  EXPECT_THAT(enrich.out, HasSubstr("huggingface: asked about 18 papers, 1 known, 1 updated"));
  ASSERT_EQ(search.exit_code, 0) << search.err;
  nlohmann::json j = nlohmann::json::parse(search.out);
  ASSERT_EQ(j["results"].size(), 1u);
  EXPECT_EQ(j["results"][0]["id"], "1605.08386");
  EXPECT_EQ(j["results"][0]["citations"], 10670);
  EXPECT_EQ(j["results"][0]["upvotes"], listing[0]["paper"]["upvotes"]);
  EXPECT_THAT(status.out, HasSubstr("semantic-scholar  \"enrich citations, venue\""));
}

TEST(EnrichCommandTest, ASecondEnrichAsksOnlyAboutStaleNumbersAndAllAsksAgain) {
  TempDir dir;
  {
    auto corpus = library::Corpus::Open(dir.path() / "data").value();
    PaperRecord p;
    p.arxiv_id = "1605.08386";
    p.title = "Stored";
    p.source = "arxiv-api";
    ASSERT_TRUE(corpus->Upsert(std::vector<PaperRecord>{p}).ok());
  }
  nlohmann::json batch = nlohmann::json::parse(ReadWire(kBatch));
  const std::string one = nlohmann::json::array({batch[1]}).dump();
  ReplayServer scholar, hf;
  scholar.Fallback(Reply::Ok(one, "application/json"));
  hf.Fallback(Reply::Ok("[]", "application/json"));
  setenv("PAPERDECK_S2_API_URL", scholar.url("/graph/v1").c_str(), 1);
  setenv("PAPERDECK_HF_API_URL", hf.url("/api").c_str(), 1);
  setenv("PAPERDECK_TEST_ARXIV_INTERVAL_MS", "20", 1);
  auto first = RunPaperdeck(dir.path() / "data", {"enrich", "--date", "2024-03-21"});
  auto second = RunPaperdeck(dir.path() / "data", {"enrich", "--date", "2024-03-21"});
  const size_t after_second = scholar.Requests().size();
  auto all = RunPaperdeck(dir.path() / "data", {"enrich", "--date", "2024-03-21", "--all"});
  auto bad = RunPaperdeck(dir.path() / "data", {"enrich", "--max-age", "a week"});
  for (const char* v : {"PAPERDECK_S2_API_URL", "PAPERDECK_HF_API_URL",
                        "PAPERDECK_TEST_ARXIV_INTERVAL_MS"}) {
    unsetenv(v);
  }
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_THAT(first.out, HasSubstr("semantic-scholar: asked about 1 papers, 1 known, 1 updated"));
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_THAT(second.out, HasSubstr("semantic-scholar: asked about 0 papers"));
  EXPECT_THAT(second.out, HasSubstr("1 fetched within the max age, not asked"));
  EXPECT_EQ(after_second, 1u);
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_THAT(all.out, HasSubstr("semantic-scholar: asked about 1 papers, 1 known, 0 updated"));
  EXPECT_EQ(scholar.Requests().size(), 2u);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("not an age like 7d"));
}

}  // namespace
}  // namespace paperdeck::feed

namespace paperdeck::feed {
namespace {

// The papers a sync watches, asked about by key: only those, in the order given; fresh ones
// and a closed gate send nothing.
TEST_F(EnrichmentTest, OnlyTheWatchedPapersAreAskedAboutAndFreshOnesAreNot) {
  std::vector<PaperRecord> papers = {
      Paper("2401.00009", "Not watched"), Paper("2401.00001", "Unknown to Semantic Scholar"),
      Paper("2401.00002", "Second"),      Paper("2401.00003", "Third"),
      Paper("2401.00004", "Fourth")};
  ASSERT_TRUE(corpus_->Upsert(papers).ok());
  std::vector<int64_t> watched;
  for (const char* id : {"2401.00001", "2401.00002", "2401.00003", "2401.00004"}) {
    watched.push_back(corpus_->Find(id).value()->key);
  }
  ReplayServer server;
  server.Script({Reply::Ok(ReadWire(kBatch), "application/json")});
  net::HttpClient client = TestClient();
  ScholarOptions o;
  o.api_url = server.url("/graph/v1");

  ScholarOptions closed = o;
  closed.may_fetch = [] { return false; };
  EnrichReport held = EnrichPapersFromSemanticScholar(*corpus_, client, watched, closed);
  EXPECT_TRUE(held.held);
  EXPECT_EQ(held.left, 4u);
  EXPECT_TRUE(server.Requests().empty());
  EXPECT_EQ(PapersDueFromSemanticScholar(*corpus_, watched, "").value(), 4u);

  EnrichReport r = EnrichPapersFromSemanticScholar(*corpus_, client, watched, o);
  ASSERT_TRUE(r.stopped.ok()) << r.stopped.message();
  EXPECT_EQ(r.asked, 4u);
  EXPECT_EQ(r.known, 3u);
  ASSERT_EQ(server.Requests().size(), 1u);
  nlohmann::json sent = nlohmann::json::parse(server.Requests()[0].body);
  EXPECT_EQ(sent["ids"], nlohmann::json::array({"ARXIV:2401.00001", "ARXIV:2401.00002",
                                                "ARXIV:2401.00003", "ARXIV:2401.00004"}));
  EXPECT_EQ(Stored("2401.00002").citations, 10670);
  EXPECT_FALSE(Stored("2401.00009").citations.has_value());

  // Asked about just now: within any max age, nothing is due and nothing is sent.
  o.fetched_before = "2000-01-01T00:00:00Z";
  EXPECT_EQ(PapersDueFromSemanticScholar(*corpus_, watched, o.fetched_before).value(), 0u);
  EnrichReport again = EnrichPapersFromSemanticScholar(*corpus_, client, watched, o);
  EXPECT_EQ(again.asked, 0u);
  EXPECT_EQ(again.fresh, 4u);
  EXPECT_EQ(server.Requests().size(), 1u);
}

}  // namespace
}  // namespace paperdeck::feed
