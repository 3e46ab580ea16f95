// The HTTP API of `paperdeck serve`, over real HTTP on loopback: every endpoint, bad and
// oversized requests, unknown paths and attempts to read files outside the embedded page.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/http_server.h"
#include "support/quoting.h"
#include "support/temp_dir.h"
#include "workspace/workspace.h"

namespace paperdeck::http {
namespace {

using ::testing::AnyOf;
using ::testing::Eq;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;
using ::paperdeck::testing::PercentEncode;
using json = nlohmann::json;

const std::string kData = PAPERDECK_TEST_DATA;

class HttpApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = temp_ / "data";
    auto workspace = workspace::Workspace::Open(dir_);
    ASSERT_TRUE(workspace.ok()) << workspace.status().message();
    workspace_ = std::move(*workspace);
    Import(kData + "/seed-page.jsonl");
    server_ = std::make_unique<HttpServer>(*workspace_);
    auto port = server_->Bind("127.0.0.1", 0);
    ASSERT_TRUE(port.ok()) << port.status().message();
    port_ = *port;
    thread_ = std::thread([this] { (void)server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
  }
  void TearDown() override {
    server_->Stop();
    thread_.join();
    server_.reset();
    workspace_.reset();
  }

  // As `paperdeck import FILE` does: the file into the corpus, then the index caught up.
  void Import(const std::string& file) {
    std::vector<std::string> issues;
    workspace::ImportObserver observer;
    observer.issue = [&](const std::string& m) { issues.push_back(m); };
    workspace::FileImportReport report =
        workspace_->ImportFile(file, ingest::InputFormat::kAuto, 1000, observer);
    ASSERT_FALSE(report.failed) << file;
    ASSERT_TRUE(issues.empty()) << issues[0];
    auto synced = workspace_->CatchUpIndex();
    ASSERT_TRUE(synced.ok()) << synced.status().message();
  }

  // GET path; the body parsed as JSON (null when it is not JSON).
  json Get(const std::string& path, int* status = nullptr, std::string* content_type = nullptr) {
    auto res = client_->Get(path);
    EXPECT_TRUE(res) << path;
    if (!res) return nullptr;
    if (status) *status = res->status;
    if (content_type) *content_type = res->get_header_value("Content-Type");
    return json::parse(res->body, nullptr, /*allow_exceptions=*/false);
  }

  // Expects a 400 naming param, with a JSON error message.
  void ExpectBadParam(const std::string& path, const std::string& param) {
    int status = 0;
    std::string type;
    json j = Get(path, &status, &type);
    EXPECT_EQ(status, 400) << path;
    EXPECT_THAT(type, StartsWith("application/json")) << path;
    ASSERT_TRUE(j.is_object()) << path;
    EXPECT_EQ(j.value("param", ""), param) << path;
    EXPECT_FALSE(j.value("error", "").empty()) << path;
  }

  // Sends request bytes as they are (no client-side normalisation) and returns the raw answer.
  std::string Raw(const std::string& request) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port_));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    size_t sent = 0;
    while (sent < request.size()) {
      ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) break;
      sent += static_cast<size_t>(n);
    }
    // Read one response (headers and a Content-Length body), not until the server closes: it
    // may keep the connection open for a request it could not read the headers of.
    std::string answer;
    char buf[4096];
    for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) {
      answer.append(buf, n);
      size_t end = answer.find("\r\n\r\n");
      if (end == std::string::npos) continue;
      size_t length = 0;
      if (size_t at = answer.find("Content-Length: "); at != std::string::npos && at < end) {
        length = std::stoul(answer.substr(at + 16));
      }
      if (answer.size() >= end + 4 + length) break;
    }
    ::close(fd);
    return answer;
  }
  std::string RawGet(const std::string& target) {
    return Raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port_) + "\r\nConnection: close\r\n\r\n");
  }

  ::paperdeck::testing::TempDir temp_;  // outlives the server: declared first
  std::filesystem::path dir_;
  std::unique_ptr<workspace::Workspace> workspace_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  int port_ = 0;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(HttpApiTest, SearchGivesTheExactTotalAPageOfCardsAndFacets) {
  int status = 0;
  std::string type;
  json j = Get("/api/search?q=attention", &status, &type);
  ASSERT_EQ(status, 200);
  EXPECT_THAT(type, StartsWith("application/json"));
  EXPECT_EQ(j["total"], 35);
  EXPECT_EQ(j["page"], 1);
  EXPECT_EQ(j["limit"], 20);
  ASSERT_EQ(j["results"].size(), 20u);
  for (const json& r : j["results"]) {
    const json& card = r["card"];
    EXPECT_FALSE(r["title"].get<std::string>().empty());
    EXPECT_FALSE(card["when"].empty());
    // Nothing is sent twice: the card holds only what it shows that the paper's fields do not.
    for (const char* field : {"title", "abstract", "tags", "state", "meta"}) {
      EXPECT_FALSE(card.contains(field)) << field;
    }
    // Highlight spans are byte ranges inside the paper's title and abstract.
    for (const char* field : {"title", "abstract"}) {
      size_t size = r[field].get<std::string>().size();
      for (const json& span : r["highlights"][field]) {
        EXPECT_LT(span[0].get<size_t>(), span[1].get<size_t>());
        EXPECT_LE(span[1].get<size_t>(), size);
      }
    }
  }
  // Facets count all 35 matches, not the page of 20.
  uint64_t years = 0;
  for (const json& y : j["facets"]["years"]) years += y["count"].get<uint64_t>();
  EXPECT_EQ(years, 35u);
  EXPECT_EQ(j["facets"]["years"][0]["value"], "2026");
  bool found_cv = false;
  for (const json& c : j["facets"]["categories"]) {
    if (c["value"] == "cs.CV") found_cv = c["count"] == 4;
  }
  EXPECT_TRUE(found_cv) << j["facets"].dump();
  EXPECT_TRUE(j["notice"].is_null());
}

TEST_F(HttpApiTest, SearchExplainsEachResultWhenAsked) {
  json plain = Get("/api/search?q=linear%20attention&limit=5");
  ASSERT_FALSE(plain["results"].empty());
  for (const json& r : plain["results"]) EXPECT_FALSE(r.contains("explanation"));

  json j = Get("/api/search?q=linear%20attention&limit=5&explain=1");
  ASSERT_EQ(j["results"].size(), plain["results"].size());
  for (size_t i = 0; i < j["results"].size(); ++i) {
    const json& r = j["results"][i];
    EXPECT_EQ(r["id"], plain["results"][i]["id"]);
    EXPECT_EQ(r["score"], plain["results"][i]["score"]);
    const json& e = r["explanation"];
    EXPECT_EQ(e["score"], r["score"]);
    double sum = e["proximity"]["score"].get<double>();
    for (const json& t : e["terms"]) {
      sum += t["score"].get<double>();
      EXPECT_THAT(t["query"].get<std::string>(), ::testing::AnyOf("linear", "attention"));
      double fields = 0;
      for (const json& f : t["fields"]) fields += f["score"].get<double>();
      EXPECT_NEAR(fields, t["score"].get<double>(), 1e-4);
    }
    EXPECT_NEAR(sum, r["score"].get<double>(), 1e-4) << e.dump();
  }

  int status = 0;
  json bad = Get("/api/search?q=attention&explain=yes", &status);
  EXPECT_EQ(status, 400);
  EXPECT_EQ(bad["param"], "explain");
}

TEST_F(HttpApiTest, SearchExpandsPlainWordsWhenAskedAndSaysWithWhat) {
  json plain = Get("/api/search?q=attention&limit=5");
  EXPECT_FALSE(plain.contains("expansion"));

  json j = Get("/api/search?q=attention&limit=5&expand=1");
  ASSERT_TRUE(j["expansion"].is_object()) << j.dump();
  EXPECT_TRUE(j["expansion"]["not_expanded"].is_null());
  ASSERT_FALSE(j["expansion"]["terms"].empty());
  for (const json& t : j["expansion"]["terms"]) {
    EXPECT_FALSE(t["term"].get<std::string>().empty());
    EXPECT_GT(t["weight"].get<double>(), 0);
    EXPECT_NE(t["term"], "attent");
  }
  EXPECT_GE(j["total"].get<uint64_t>(), plain["total"].get<uint64_t>());

  json operators = Get("/api/search?q=title%3Aattention&expand=1");
  EXPECT_TRUE(operators["expansion"]["terms"].empty());
  EXPECT_THAT(operators["expansion"]["not_expanded"].get<std::string>(), HasSubstr("operators"));

  ExpectBadParam("/api/search?q=attention&expand=yes", "expand");
  ExpectBadParam("/api/search?q=attention&expand=1&expand=0", "expand");
  int status = 0;
  json bad = Get("/api/search?q=attention&expand=2", &status);
  EXPECT_EQ(status, 400);
  EXPECT_EQ(bad["error"], "expand is 0 or 1");
}

TEST_F(HttpApiTest, SearchMarksTheWordEvenThroughStemming) {
  json j = Get("/api/search?q=attention&limit=100");
  ASSERT_EQ(j["results"].size(), 35u);
  bool found = false;
  for (const json& r : j["results"]) {
    std::string title = r["title"];
    if (title.rfind("Transformer-XL", 0) != 0) continue;
    found = true;
    ASSERT_FALSE(r["highlights"]["title"].empty());
    size_t b = r["highlights"]["title"][0][0], e = r["highlights"]["title"][0][1];
    EXPECT_EQ(title.substr(b, e - b), "Attentive");
    // No arXiv id, DOI or link in the record; cited, so Semantic Scholar finds it by its title.
    EXPECT_EQ(r["url"],
              "https://www.semanticscholar.org/search?q=Transformer-XL%3A%20Attentive%20Language%20"
              "Models%20beyond%20a%20Fixed-Length%20Context");
    EXPECT_EQ(r["pdf"], nullptr);
  }
  EXPECT_TRUE(found);
}

TEST_F(HttpApiTest, SearchPagesSortsAndFilters) {
  json second = Get("/api/search?q=attention&page=2");
  EXPECT_EQ(second["total"], 35);
  EXPECT_EQ(second["results"].size(), 15u);
  json past = Get("/api/search?q=attention&page=3");
  EXPECT_EQ(past["total"], 35);
  EXPECT_TRUE(past["results"].empty());

  json cited = Get("/api/search?q=attention&sort=citations&limit=2");
  EXPECT_THAT(cited["results"][0]["title"].get<std::string>(), StartsWith("Longformer"));
  EXPECT_THAT(cited["results"][0]["card"]["signal"], "5.6k citations");

  json cv = Get("/api/search?q=attention&cat=cs.CV");
  EXPECT_EQ(cv["total"], 4);
  json y2024 = Get("/api/search?q=attention&year=2024");
  EXPECT_EQ(y2024["total"], 9);
  json both = Get("/api/search?q=attention&year=2024,2019");
  EXPECT_EQ(both["total"], 10);
  json none = Get("/api/search?q=attention&cat=cs.CV&year=2019");
  EXPECT_EQ(none["total"], 0);
  json unparsed = Get("/api/search?q=%28attention");
  EXPECT_EQ(unparsed["total"], 35);
  EXPECT_TRUE(unparsed["notice"].is_object());
  json empty = Get("/api/search?q=");
  EXPECT_EQ(empty["total"], 0);
}

TEST_F(HttpApiTest, SearchSuggestsACorrectionAndShowsItsResultsForNothing) {
  json typo = Get("/api/search?q=attnetion");
  ASSERT_TRUE(typo["suggestion"].is_object()) << typo.dump();
  EXPECT_EQ(typo["suggestion"]["query"], "attention");
  EXPECT_EQ(typo["suggestion"]["showing"], true);
  EXPECT_EQ(typo["total"], typo["suggestion"]["total"]);
  EXPECT_GT(typo["total"].get<int>(), 0);
  json exact = Get("/api/search?q=attnetion&exact=1");
  EXPECT_EQ(exact["total"], 0);
  EXPECT_EQ(exact["suggestion"]["showing"], false);
  EXPECT_EQ(exact["suggestion"]["total"], typo["total"]);
  json word = Get("/api/search?q=attention");
  EXPECT_TRUE(word["suggestion"].is_null());
  json field = Get("/api/search?q=bogus%3Aattention");
  EXPECT_EQ(field["notice"]["kind"], "read_as");
  EXPECT_EQ(field["notice"]["message"], "unknown field bogus: searched as words");
}

TEST_F(HttpApiTest, SearchKnowsTheLibraryAndSortsByAdded) {
  json plain = Get("/api/search?q=attention&limit=1");
  ASSERT_EQ(plain["results"].size(), 1u);
  EXPECT_EQ(plain["results"][0]["tags"], json::array());
  EXPECT_TRUE(plain["results"][0]["state"].is_null());
  auto corpus = workspace_->Corpus();
  ASSERT_TRUE(corpus.ok());
  Result<std::optional<library::StoredPaper>> paper =
      (*corpus)->Find(plain["results"][0]["id"].get<std::string>());
  ASSERT_TRUE(paper.ok() && paper->has_value());
  const std::vector<int64_t> keys = {(*paper)->key};
  const std::vector<std::string> tags = {"thesis"};
  ASSERT_TRUE((*corpus)->ChangeTags(keys, tags, {}).ok());
  ASSERT_TRUE((*corpus)->SetReadingState(keys, library::ReadingState::kReading).ok());

  json tagged = Get("/api/search?q=tag%3Athesis");
  EXPECT_EQ(tagged["total"], 1);
  EXPECT_EQ(tagged["results"][0]["id"], plain["results"][0]["id"]);
  EXPECT_EQ(tagged["results"][0]["tags"], json({"thesis"}));
  EXPECT_EQ(tagged["results"][0]["state"], "reading");
  json added = Get("/api/search?q=vision&sort=added&limit=1");
  EXPECT_EQ(added["sort"], "added");
  ExpectBadParam("/api/search?q=a&sort=later", "sort");
}

TEST_F(HttpApiTest, BadParametersAre400WithAJsonError) {
  ExpectBadParam("/api/search?q=a&sort=best", "sort");
  ExpectBadParam("/api/search?q=a&page=0", "page");
  ExpectBadParam("/api/search?q=a&page=1001", "page");
  ExpectBadParam("/api/search?q=a&page=abc", "page");
  ExpectBadParam("/api/search?q=a&page=99999999999999999999", "page");
  ExpectBadParam("/api/search?q=a&limit=0", "limit");
  ExpectBadParam("/api/search?q=a&limit=101", "limit");
  ExpectBadParam("/api/search?q=a&limit=-1", "limit");
  ExpectBadParam("/api/search?q=a&limit=1e3", "limit");
  ExpectBadParam("/api/search?q=a&q=b", "q");
  ExpectBadParam("/api/search?q=%FF%FE", "q");
  ExpectBadParam("/api/search?q=a&year=24", "year");
  ExpectBadParam("/api/search?q=a&cat=%3Cscript%3E", "cat");
  ExpectBadParam("/api/search?q=a&exact=yes", "exact");
  std::string many = "/api/search?q=a";
  for (int i = 0; i < 21; ++i) many += "&year=20" + std::to_string(10 + i);
  ExpectBadParam(many, "year");
}

TEST_F(HttpApiTest, QueriesOverOneKibibyteAndHugeUrlsAreRefused) {
  int status = 0;
  Get("/api/search?q=" + std::string(1024, 'a'), &status);
  EXPECT_EQ(status, 200);
  ExpectBadParam("/api/search?q=" + std::string(1025, 'a'), "q");

  std::string answer = RawGet("/api/search?q=" + std::string(20000, 'a'));
  EXPECT_THAT(answer, StartsWith("HTTP/1.1 414"));
  EXPECT_THAT(answer, HasSubstr("\"error\""));
  // The server still answers afterwards.
  Get("/api/search?q=attention", &status);
  EXPECT_EQ(status, 200);

  std::string headers;
  for (int i = 0; i < 200; ++i) headers += "X-Filler-" + std::to_string(i) + ": " + std::string(100, 'x') + "\r\n";
  answer = Raw("GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port_) + "\r\n" + headers + "Connection: close\r\n\r\n");
  EXPECT_THAT(answer, StartsWith("HTTP/1.1 431"));
  EXPECT_THAT(answer, HasSubstr("\"error\""));

  std::string body(100 * 1024, 'x');
  answer = Raw("POST /api/pulls HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port_) + "\r\nContent-Length: " +
               std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
  EXPECT_THAT(answer, StartsWith("HTTP/1.1 413"));
}

TEST_F(HttpApiTest, PaperByIdAndUnknownIds) {
  json hit = Get("/api/search?q=longformer&limit=1");
  ASSERT_EQ(hit["results"].size(), 1u);
  std::string id = hit["results"][0]["id"];
  int status = 0;
  json paper = Get("/api/papers/" + PercentEncode(id), &status);
  EXPECT_EQ(status, 200);
  EXPECT_EQ(paper["id"], id);
  EXPECT_THAT(paper["title"].get<std::string>(), StartsWith("Longformer"));
  EXPECT_EQ(paper["card"]["signal"], "5.6k citations");

  json missing = Get("/api/papers/2401.99999", &status);
  EXPECT_EQ(status, 404);
  EXPECT_THAT(missing.value("error", ""), HasSubstr("2401.99999"));
  Get("/api/papers/..%2F..%2Fetc%2Fpasswd", &status);
  EXPECT_EQ(status, 404);
  Get("/api/papers/" + std::string(300, 'x'), &status);
  EXPECT_EQ(status, 400);
}

TEST_F(HttpApiTest, Stats) {
  int status = 0;
  json stats = Get("/api/stats", &status);
  EXPECT_EQ(status, 200);
  EXPECT_EQ(stats["papers"], 35);
  EXPECT_EQ(stats["index"]["documents"], 35);
  EXPECT_EQ(stats["index"]["behind"], false);
}

TEST_F(HttpApiTest, ThePageAndItsAssetsAreServedFromTheBinary) {
  auto page = client_->Get("/?q=attention");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_THAT(page->get_header_value("Content-Type"), StartsWith("text/html"));
  EXPECT_THAT(page->get_header_value("Content-Security-Policy"), HasSubstr("script-src 'self'"));
  EXPECT_THAT(page->body, HasSubstr("Not finding it? Pull fresh matches from arXiv."));
  auto js = client_->Get("/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_THAT(js->get_header_value("Content-Type"), StartsWith("text/javascript"));
  auto css = client_->Get("/app.css");
  ASSERT_TRUE(css);
  EXPECT_THAT(css->get_header_value("Content-Type"), StartsWith("text/css"));
  EXPECT_EQ(client_->Get("/index.html")->status, 200);
}

TEST_F(HttpApiTest, KatexAndItsFontsAreServedFromTheBinary) {
  auto js = client_->Get("/katex/katex.min.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_THAT(js->get_header_value("Content-Type"), StartsWith("text/javascript"));
  EXPECT_THAT(js->body, HasSubstr("KaTeX parse error"));
  auto css = client_->Get("/katex/katex.min.css");
  ASSERT_TRUE(css);
  EXPECT_THAT(css->get_header_value("Content-Type"), StartsWith("text/css"));
  // Every WOFF2 font the style sheet names first is there.
  size_t fonts = 0;
  for (size_t at = css->body.find("url(fonts/"); at != std::string::npos;
       at = css->body.find("url(fonts/", at + 1)) {
    const size_t end = css->body.find(')', at);
    const std::string name = css->body.substr(at + 4, end - at - 4);
    if (!name.ends_with(".woff2")) continue;
    auto font = client_->Get("/katex/" + name);
    ASSERT_TRUE(font) << name;
    EXPECT_EQ(font->status, 200) << name;
    EXPECT_EQ(font->get_header_value("Content-Type"), "font/woff2") << name;
    EXPECT_EQ(font->body.substr(0, 4), "wOF2") << name;
    ++fonts;
  }
  EXPECT_GE(fonts, 10u);
  EXPECT_THAT(client_->Get("/")->get_header_value("Content-Security-Policy"),
              HasSubstr("font-src 'self'"));
}

TEST_F(HttpApiTest, UnknownPathsAndTraversalsAre404AndReadNoFile) {
  for (const char* target :
       {"/nope", "/api/nope", "/api/search/../../etc/passwd", "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/web/app.js", "/.", "/..", "//etc/passwd", "/app.js/", "/app.js%00.png",
        "/CMakeLists.txt", "/etc/passwd", "/katex/nope.js", "/katex/fonts/a/b.woff2",
        "/katex/../app.js", "/katex/fonts/../../etc/passwd"}) {
    std::string answer = RawGet(target);  // NOLINT
    EXPECT_THAT(answer, StartsWith("HTTP/1.1 4")) << target;
    EXPECT_THAT(answer, Not(HasSubstr("root:"))) << target;
    EXPECT_THAT(answer, Not(HasSubstr("cmake_minimum_required"))) << target;
    // JSON for a script under /api/, a page for a person elsewhere.
    EXPECT_THAT(answer, HasSubstr(std::string(target).rfind("/api/", 0) == 0 ? "application/json"
                                                                              : "text/html"))
        << target;
  }
  int status = 0;
  json j = Get("/api/nope", &status);
  EXPECT_EQ(status, 404);
  EXPECT_TRUE(j.contains("error"));
  EXPECT_THAT(Raw("DELETE /api/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
              StartsWith("HTTP/1.1 4"));
  // A request line that is malformed is a 400; one with no method and target at all is not
  // HTTP, and the HTTP layer closes the connection without an answer. Either way, nothing runs.
  EXPECT_THAT(Raw("garbage garbage garbage\r\n\r\n"), StartsWith("HTTP/1.1 400"));
  EXPECT_THAT(Raw("GET /api/stats HTTP/9.9\r\nHost: 127.0.0.1:" + std::to_string(port_) + "\r\n\r\n"),
              StartsWith("HTTP/1.1 505"));
  std::string garbage = Raw("garbage\r\n\r\n");
  EXPECT_TRUE(garbage.empty() || garbage.rfind("HTTP/1.1 400", 0) == 0) << garbage;
  EXPECT_EQ(Get("/api/stats", &status)["papers"], 35);
}

TEST_F(HttpApiTest, UnknownPagesAreAnHtmlPageAndUnknownApiPathsJson) {
  auto page = client_->Get("/nope<script>");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 404);
  EXPECT_THAT(page->get_header_value("Content-Type"), StartsWith("text/html"));
  EXPECT_THAT(page->get_header_value("Content-Security-Policy"), HasSubstr("script-src 'self'"));
  EXPECT_THAT(page->body, HasSubstr("<h1>No such page</h1>"));
  EXPECT_THAT(page->body, HasSubstr("<a href=\"/\">"));
  // The path is shown as text, never as markup.
  EXPECT_THAT(page->body, HasSubstr("/nope&lt;script&gt;"));
  EXPECT_THAT(page->body, Not(HasSubstr("<script>")));
  auto api = client_->Get("/api/nope");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 404);
  EXPECT_THAT(api->get_header_value("Content-Type"), StartsWith("application/json"));
  EXPECT_THAT(json::parse(api->body).value("error", ""), HasSubstr("/api/nope"));
}

TEST_F(HttpApiTest, OtherMethodsOnKnownPathsAre405WithAllow) {
  const std::string host = "Host: 127.0.0.1:" + std::to_string(port_) + "\r\n";
  struct Case {
    const char* method;
    const char* path;
    const char* allow;
  };
  for (const Case& c : {Case{"POST", "/api/search", "GET, HEAD"},
                        Case{"PUT", "/api/stats", "GET, HEAD"},
                        Case{"GET", "/api/pulls", "POST"},
                        Case{"POST", "/app.js", "GET, HEAD"},
                        Case{"DELETE", "/", "GET, HEAD"}}) {
    std::string answer =
        Raw(std::string(c.method) + " " + c.path + " HTTP/1.1\r\n" + host +
            "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
    EXPECT_THAT(answer, StartsWith("HTTP/1.1 405")) << c.method << " " << c.path;
    EXPECT_THAT(answer, HasSubstr("Allow: " + std::string(c.allow) + "\r\n")) << c.path;
  }
  // A paper's path answers GET, and its state PUT.
  std::string answer = Raw("POST /api/papers/2401.00001/state HTTP/1.1\r\n" + host +
                           "Content-Type: application/json\r\nContent-Length: 2\r\n"
                           "Connection: close\r\n\r\n{}");
  EXPECT_THAT(answer, StartsWith("HTTP/1.1 405"));
  EXPECT_THAT(answer, HasSubstr("Allow: GET, HEAD, PUT\r\n"));
  // A path nothing answers is a 404 whatever the method.
  EXPECT_THAT(Raw("POST /nope HTTP/1.1\r\n" + host +
                  "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"),
              StartsWith("HTTP/1.1 404"));
}

TEST_F(HttpApiTest, TheFaviconIsAnEmbeddedSvgThePagesName) {
  auto icon = client_->Get("/favicon.svg");
  ASSERT_TRUE(icon);
  EXPECT_EQ(icon->status, 200);
  EXPECT_THAT(icon->get_header_value("Content-Type"), StartsWith("image/svg+xml"));
  EXPECT_THAT(icon->body, StartsWith("<svg"));
  for (const char* page : {"/", "/paper/2401.00001"}) {
    EXPECT_THAT(client_->Get(page)->body,
                HasSubstr("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"))
        << page;
  }
}

TEST_F(HttpApiTest, SearchSaysHowLongItTook) {
  json j = Get("/api/search?q=attention");
  ASSERT_TRUE(j["took_ms"].is_number()) << j.dump();
  EXPECT_GE(j["took_ms"].get<double>(), 0.0);
  EXPECT_LT(j["took_ms"].get<double>(), 10000.0);
}

TEST_F(HttpApiTest, EveryCategoryOfferedIsAFilterWhoseTotalIsItsCount) {
  Import(kData + "/http/classified-papers.jsonl");
  int checked = 0;
  for (const std::string query : {"attention", "classes", ""}) {
    for (const std::string years : {"", "&year=2024-2026", "&year=2025"}) {
      if (query.empty() && years.empty()) continue;
      SCOPED_TRACE(query + years);
      json j = Get("/api/search?q=" + query + years);
      for (const json& c : j["facets"]["categories"]) {
        ++checked;
        const std::string value = c["value"];
        // arXiv's categories only: no MSC or ACM class, no archive-wide name.
        EXPECT_THAT(value, Not(AnyOf(HasSubstr(";"), HasSubstr(" "), StartsWith("68"),
                                     StartsWith("I."), Eq("astro-ph"))));
        int status = 0;
        json chosen = Get("/api/search?q=" + query + years + "&cat=" + PercentEncode(value), &status);
        ASSERT_EQ(status, 200) << value << chosen.dump();
        EXPECT_EQ(chosen["total"], c["count"]) << value;
      }
      for (const json& y : j["facets"]["years"]) {
        json chosen = Get("/api/search?q=" + query + "&year=" + y["value"].get<std::string>());
        if (years.empty()) {
          EXPECT_EQ(chosen["total"], y["count"]) << y["value"];
        }
      }
    }
  }
  EXPECT_GT(checked, 40);
}

TEST_F(HttpApiTest, ChoosingASecondCategoryAddsItsPapersAndKeepsTheCounts) {
  Import(kData + "/http/classified-papers.jsonl");
  json none = Get("/api/search?q=classes");
  json one = Get("/api/search?q=classes&cat=cs.LG");
  json two = Get("/api/search?q=classes&cat=cs.LG&cat=cs.CL");
  // The category counts do not change with the categories chosen.
  EXPECT_EQ(one["facets"]["categories"], none["facets"]["categories"]);
  EXPECT_EQ(two["facets"]["categories"], none["facets"]["categories"]);
  EXPECT_GT(two["total"].get<int>(), one["total"].get<int>());
  EXPECT_EQ(two["categories"], json::array({"cs.LG", "cs.CL"}));
  // Years: a range and single years, echoed as given.
  json years = Get("/api/search?q=classes&year=2024-2025&year=2019");
  EXPECT_EQ(years["years"], json::array({"2024-2025", "2019"}));
  for (const json& r : years["results"]) {
    const int year = std::stoi(r["date"].get<std::string>().substr(0, 4));
    EXPECT_TRUE(year == 2019 || (year >= 2024 && year <= 2025)) << year;
  }
}

TEST_F(HttpApiTest, PapersImportedWhileServingShowUpInTheNextSearch) {
  EXPECT_EQ(Get("/api/search?q=harmless+markup")["total"], 0);
  EXPECT_EQ(Get("/api/stats")["papers"], 35);  // read once a revision: the import's is new
  Import(kData + "/http/xss-title.jsonl");
  json j = Get("/api/search?q=harmless+markup");
  EXPECT_EQ(j["total"], 1);
  // Strings from a paper come back as they were written; the page escapes them.
  EXPECT_THAT(j["results"][0]["title"].get<std::string>(), StartsWith("<img src=x onerror="));
  EXPECT_EQ(Get("/api/stats")["papers"], 36);
}

TEST_F(HttpApiTest, TitlesLinkToArxivElseToTheFirstWebLink) {
  Import(kData + "/http/linked-papers.jsonl");
  json j = Get("/api/search?q=cartography&sort=newest");
  ASSERT_EQ(j["total"], 3);
  EXPECT_EQ(j["results"][0]["url"], nullptr);  // its only link is javascript:
  EXPECT_EQ(j["results"][1]["url"], "https://example.org/cartography");
  EXPECT_EQ(j["results"][2]["url"], "https://arxiv.org/abs/2401.00001");
  EXPECT_EQ(j["results"][2]["pdf"], "https://arxiv.org/pdf/2401.00001");
  EXPECT_EQ(j["results"][1]["pdf"], nullptr);
  json paper = Get("/api/papers/2401.00001");
  EXPECT_EQ(paper["url"], "https://arxiv.org/abs/2401.00001");
  EXPECT_EQ(paper["card"]["signal"], "new");
}

TEST_F(HttpApiTest, ManyClientsAtOnceGetTheSameAnswers) {
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      httplib::Client client("127.0.0.1", port_);
      for (int i = 0; i < 25; ++i) {
        auto res = client.Get(t % 2 ? "/api/search?q=attention&sort=newest" : "/api/papers/2401.99999");
        if (!res) {
          ++wrong;
          continue;
        }
        json j = json::parse(res->body, nullptr, false);
        if (t % 2 ? (res->status != 200 || j["total"] != 35) : res->status != 404) ++wrong;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong, 0);
}

}  // namespace
}  // namespace paperdeck::http
