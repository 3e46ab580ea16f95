// Harvests from a loopback server replaying recorded OAI-PMH answers: pages followed through
// resumption tokens, the token saved after each committed page so a stopped harvest resumes,
// deleted records removed, and OAI errors reported.
#include "feed/oai_harvest.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "feed/replay_server.h"
#include "support/temp_dir.h"

namespace paperdeck::feed {
namespace {

using ::testing::HasSubstr;
using paperdeck::testing::ReadWire;
using paperdeck::testing::Reply;
using paperdeck::testing::ReplayServer;
using paperdeck::testing::TempDir;
using namespace std::chrono_literals;

const std::string kRawPage = "arxiv_oai/mikesaelim_arXivRaw_ListRecordsResponse.xml";  // 6, token
const std::string kLastPage = "arxiv_oai/paperhive_ListRecords_arXiv_2015-01-01_2015-01-03.body.xml";
const std::string k503 = "arxiv_oai/paperhive_ListRecords_503_retry_after.body.html";

Reply Xml(const std::string& name) { return Reply::Ok(ReadWire(name), "text/xml"); }

class OaiHarvestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto c = library::Corpus::Open(dir_.path() / "data");
    ASSERT_TRUE(c.ok());
    corpus_ = std::move(c).value();
  }
  OaiHarvestReport Harvest(ReplayServer& server, OaiHarvestOptions o = {}) {
    net::SourcePolicy p;
    p.name = "arXiv";
    p.min_interval = 30ms;  // set explicitly for the test; the real 3 s is tested in net/
    p.max_attempts = 2;
    p.first_backoff = 1ms;
    net::HttpClient client(p, net::UserAgent(""), [](std::chrono::milliseconds, const std::string&) {});
    o.oai_url = server.url("/oai");
    if (o.format.empty()) o.format = "arXivRaw";
    return HarvestOai(*corpus_, client, o);
  }
  uint64_t Papers() { return corpus_->Stats().value().papers; }

  TempDir dir_;
  std::unique_ptr<library::Corpus> corpus_;
};

TEST_F(OaiHarvestTest, PagesAreFollowedThroughTheirTokensToTheEnd) {
  ReplayServer server;
  server.Script({Xml(kRawPage), Xml(kLastPage)});
  OaiHarvestOptions o;
  o.format = "arXivRaw";
  o.from = "2014-10-01";
  o.set = "physics";
  OaiHarvestReport r = Harvest(server, o);
  ASSERT_TRUE(r.stopped.ok()) << r.stopped.message();
  EXPECT_TRUE(r.complete);
  EXPECT_EQ(r.pages, 2u);
  EXPECT_EQ(r.records, 8u);
  EXPECT_EQ(r.added, 8u);
  EXPECT_EQ(Papers(), 8u);
  auto requests = server.Requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].target,
            "/oai?verb=ListRecords&metadataPrefix=arXivRaw&from=2014-10-01&set=physics");
  EXPECT_EQ(requests[1].target, "/oai?verb=ListRecords&resumptionToken=726959%7C1001");
  EXPECT_FALSE(corpus_->State(HarvestStateName(o)).value().has_value());  // done: nothing to resume
  EXPECT_FALSE(corpus_->Find("0704.0471").value()->record.is_new);
}

TEST_F(OaiHarvestTest, AStoppedHarvestResumesFromTheLastCommittedTokenWithoutDuplicates) {
  ReplayServer server;
  server.Script({Xml(kRawPage)});
  server.Fallback(Reply::Status(503, ReadWire(k503), {{"Retry-After", "10"}}));
  OaiHarvestReport broken = Harvest(server);
  ASSERT_FALSE(broken.stopped.ok());
  EXPECT_THAT(broken.stopped.message(), HasSubstr("HTTP 503 (retry after 10 s) after 2 attempts"));
  EXPECT_EQ(Papers(), 6u);

  ReplayServer again;
  again.Script({Xml(kLastPage)});
  OaiHarvestReport resumed = Harvest(again);
  ASSERT_TRUE(resumed.stopped.ok()) << resumed.stopped.message();
  EXPECT_TRUE(resumed.resumed);
  EXPECT_TRUE(resumed.complete);
  ASSERT_EQ(again.Requests().size(), 1u);
  EXPECT_EQ(again.Requests()[0].target, "/oai?verb=ListRecords&resumptionToken=726959%7C1001");
  EXPECT_EQ(Papers(), 8u);
}

TEST_F(OaiHarvestTest, MaxPagesStopsResumably) {
  ReplayServer server;
  server.Script({Xml(kRawPage), Xml(kLastPage)});
  OaiHarvestOptions o;
  o.max_pages = 1;
  OaiHarvestReport first = Harvest(server, o);
  ASSERT_TRUE(first.stopped.ok());
  EXPECT_FALSE(first.complete);
  EXPECT_EQ(server.Requests().size(), 1u);
  OaiHarvestReport second = Harvest(server, o);
  EXPECT_TRUE(second.resumed);
  EXPECT_TRUE(second.complete);
  EXPECT_EQ(Papers(), 8u);
}

TEST_F(OaiHarvestTest, DeletedRecordsLeaveTheCorpus) {
  std::string page = ReadWire(kLastPage);
  ReplayServer server;
  server.Script({Reply::Ok(page, "text/xml")});
  ASSERT_TRUE(Harvest(server).stopped.ok());
  ASSERT_EQ(Papers(), 2u);
  size_t header = page.find("<header>");
  page.replace(header, 8, "<header status=\"deleted\">");
  size_t meta = page.find("<metadata>");
  page.erase(meta, page.find("</metadata>") + 11 - meta);
  server.Script({Reply::Ok(page, "text/xml")});
  OaiHarvestReport r = Harvest(server);
  ASSERT_TRUE(r.stopped.ok());
  EXPECT_EQ(r.deleted, 1u);
  EXPECT_EQ(Papers(), 1u);
  EXPECT_FALSE(corpus_->Find("1412.8544").value().has_value());
}

// The user's tags, state and notes cannot be fetched again: a paper holding them stays when the
// source deletes it, and the report says so.
TEST_F(OaiHarvestTest, ADeletedRecordHoldingLibraryDataIsKept) {
  std::string page = ReadWire(kLastPage);
  ReplayServer server;
  server.Script({Reply::Ok(page, "text/xml")});
  ASSERT_TRUE(Harvest(server).stopped.ok());
  const int64_t key = corpus_->Find("1412.8544").value()->key;
  ASSERT_TRUE(corpus_->AddTags(key, std::vector<std::string>{"keep"}).ok());
  size_t header = page.find("<header>");
  page.replace(header, 8, "<header status=\"deleted\">");
  size_t meta = page.find("<metadata>");
  page.erase(meta, page.find("</metadata>") + 11 - meta);
  server.Script({Reply::Ok(page, "text/xml")});
  OaiHarvestReport r = Harvest(server);
  ASSERT_TRUE(r.stopped.ok()) << r.stopped.message();
  EXPECT_EQ(r.deleted, 0u);
  EXPECT_EQ(Papers(), 2u);
  ASSERT_TRUE(corpus_->Find("1412.8544").value().has_value());
  EXPECT_EQ(corpus_->TagsOf(key).value(), std::vector<std::string>{"keep"});
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_THAT(r.issues[0], HasSubstr("1412.8544 is deleted at the source; kept"));
}

TEST_F(OaiHarvestTest, OaiErrorsEndWithTheirCode) {
  ReplayServer server;
  server.Script({Xml("arxiv_oai/mikesaelim_arXivRaw_ErrorResponseNoRecordsMatch.xml")});
  OaiHarvestReport none = Harvest(server);
  EXPECT_TRUE(none.stopped.ok());
  EXPECT_TRUE(none.complete);
  EXPECT_EQ(none.records, 0u);

  server.Script({Xml("arxiv_oai/mikesaelim_arXivRaw_ErrorResponseBadArgument.xml")});
  OaiHarvestReport bad = Harvest(server);
  ASSERT_FALSE(bad.stopped.ok());
  EXPECT_THAT(bad.stopped.message(), HasSubstr("answered badArgument"));
}

TEST_F(OaiHarvestTest, AnExpiredTokenIsClearedSoTheNextRunStartsOver) {
  ReplayServer server;
  OaiHarvestOptions o;
  o.format = "arXivRaw";
  ASSERT_TRUE(corpus_->SetState(HarvestStateName(o), "3").ok());
  server.Script({Xml("arxiv_oai/mikesaelim_arXivRaw_ErrorResponseBadResumptionToken.xml"),
                 Xml(kLastPage)});
  OaiHarvestReport r = Harvest(server, o);
  ASSERT_FALSE(r.stopped.ok());
  EXPECT_THAT(r.stopped.message(), HasSubstr("run the harvest again to start over"));
  OaiHarvestReport fresh = Harvest(server, o);
  ASSERT_TRUE(fresh.stopped.ok());
  EXPECT_FALSE(fresh.resumed);
  EXPECT_THAT(server.Requests().back().target, HasSubstr("metadataPrefix=arXivRaw"));
}

}  // namespace
}  // namespace paperdeck::feed
