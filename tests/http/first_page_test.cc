// The results page as the server first sends it, over real HTTP on loopback: `/?q=attention`
// already holds the cards, the count, the facets, a suggestion or the empty state, escaped; the
// address's sort, filters and n are honoured; and the page, the API and the assets come
// gzip-compressed to a client that asks, byte for byte what the others get.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/http_server.h"
#include "http/loopback_exchange.h"
#include "support/temp_dir.h"
#include "workspace/workspace.h"

namespace paperdeck::http {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using json = nlohmann::json;

const std::string kData = PAPERDECK_TEST_DATA;

struct Answer {
  int status = 0;
  std::string head;  // the status line and headers
  std::string body;
  std::string header(const std::string& name) const {
    std::smatch m;
    if (!std::regex_search(head, m, std::regex("\r\n" + name + ": ([^\r]*)", std::regex::icase))) return {};
    return m[1];
  }
};

size_t Count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

// The JSON of the page's data block, null when it has none.
json FirstPage(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"first-page\">";
  const size_t at = html.find(open);
  if (at == std::string::npos) return nullptr;
  const size_t end = html.find("</script>", at);
  return json::parse(html.substr(at + open.size(), end - at - open.size()), nullptr, false);
}

class FirstPageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto workspace = workspace::Workspace::Open(temp_ / "data");
    ASSERT_TRUE(workspace.ok()) << workspace.status().message();
    workspace_ = std::move(*workspace);
    for (const char* file : {"/seed-page.jsonl", "/http/xss-title.jsonl"}) {
      workspace::FileImportReport report =
          workspace_->ImportFile(kData + file, ingest::InputFormat::kAuto, 1000, {});
      ASSERT_FALSE(report.failed) << file;
    }
    ASSERT_TRUE(workspace_->CatchUpIndex().ok());
    server_ = std::make_unique<HttpServer>(*workspace_);
    auto port = server_->Bind("127.0.0.1", 0);
    ASSERT_TRUE(port.ok()) << port.status().message();
    port_ = *port;
    thread_ = std::thread([this] { (void)server_->Run(); });
  }
  void TearDown() override {
    server_->Stop();
    thread_.join();
    server_.reset();
    workspace_.reset();
  }

  // GET target with the extra header lines given, read whole (the server closes).
  Answer Get(const std::string& target, const std::string& extra = "") {
    const std::string raw = ExchangeOnLoopback(
        port_, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port_) + "\r\n" +
                   extra + "Connection: close\r\n\r\n");
    Answer a;
    const size_t end = raw.find("\r\n\r\n");
    if (end == std::string::npos) return a;
    a.head = raw.substr(0, end);
    a.body = raw.substr(end + 4);
    if (raw.size() > 12) a.status = std::stoi(raw.substr(9, 3));
    return a;
  }

  ::paperdeck::testing::TempDir temp_;
  std::unique_ptr<workspace::Workspace> workspace_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  int port_ = 0;
};

TEST_F(FirstPageTest, AQueryIsAnsweredWithItsFirstCardsAlreadyInThePage) {
  Answer a = Get("/?q=attention");
  ASSERT_EQ(a.status, 200);
  EXPECT_THAT(a.header("Content-Type"), HasSubstr("text/html"));
  EXPECT_THAT(a.header("Content-Security-Policy"), HasSubstr("script-src 'self'"));
  const std::string& html = a.body;
  EXPECT_THAT(html, HasSubstr("<title>attention – PaperDeck</title>"));
  EXPECT_THAT(html, HasSubstr("value=\"attention\""));
  EXPECT_THAT(html, HasSubstr(">35 results in your corpus · "));
  EXPECT_EQ(Count(html, "<li class=\"card\""), 20u);
  EXPECT_THAT(html, HasSubstr("<mark>Attention</mark>"));
  // The word is marked where it matched through stemming too, once all are shown.
  EXPECT_THAT(Get("/?q=attention&n=40").body,
              HasSubstr("Transformer-XL: <mark>Attentive</mark> Language Models"));
  // The facets, as links; "More results" a link to 40 cards; no slot left unfilled.
  EXPECT_THAT(html, HasSubstr("<a class=\"facet-value\" href=\"/?q=attention&amp;cat=cs.CV\">"
                              "<span class=\"v\">cs.CV</span><span class=\"n\">4</span></a>"));
  EXPECT_THAT(html, HasSubstr("<a class=\"button more\" id=\"more\" href=\"/?q=attention&amp;n=40\">"));
  EXPECT_THAT(html, Not(HasSubstr("{{")));
  EXPECT_THAT(html, Not(HasSubstr("id=\"welcome\">")));
  // The data block: what the script takes over with, and no paper's text.
  json data = FirstPage(html);
  ASSERT_TRUE(data.is_object());
  EXPECT_EQ(data["total"], 35);
  ASSERT_EQ(data["results"].size(), 20u);
  std::regex ids("<li class=\"card\" data-id=\"([^\"]+)\"");
  size_t i = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), ids); it != std::sregex_iterator(); ++it, ++i) {
    EXPECT_EQ(data["results"][i]["id"], (*it)[1].str());
    EXPECT_EQ(data["results"][i]["tags"], json::array());
  }
  EXPECT_FALSE(data["results"][0].contains("title"));
  EXPECT_FALSE(data["results"][0].contains("abstract"));
}

TEST_F(FirstPageTest, TheAddressSortFiltersAndHowManyAreShownAreHonoured) {
  const std::string html = Get("/?q=attention&sort=citations&cat=cs.CV&n=40").body;
  EXPECT_EQ(Count(html, "<li class=\"card\""), 4u);
  EXPECT_THAT(html, HasSubstr(">4 results in your corpus · "));
  EXPECT_THAT(html, HasSubstr("<option value=\"citations\" selected>"));
  EXPECT_THAT(html, HasSubstr("<input type=\"hidden\" name=\"cat\" value=\"cs.CV\">"));
  // The chosen value is marked, and following it again takes it away.
  EXPECT_THAT(html, HasSubstr("<a class=\"facet-value\" href=\"/?q=attention&amp;sort=citations\" "
                              "aria-current=\"true\"><span class=\"v\">cs.CV</span>"));
  EXPECT_THAT(html, HasSubstr("id=\"more\" href=\"/\" hidden>"));

  const std::string all = Get("/?q=attention&n=35").body;
  EXPECT_EQ(Count(all, "<li class=\"card\""), 35u);
  EXPECT_THAT(all, HasSubstr("id=\"more\" href=\"/\" hidden>"));
  // Most cited first: Longformer's 5.6k citations.
  const std::string cited = Get("/?q=attention&sort=citations").body;
  EXPECT_LT(cited.find("Longformer"), cited.find("<li class=\"card\"", cited.find("<li class=\"card\"") + 1));
}

TEST_F(FirstPageTest, APapersMarkupIsTextOnThePage) {
  const std::string html = Get("/?q=harmless+markup").body;
  EXPECT_EQ(Count(html, "<li class=\"card\""), 1u);
  EXPECT_THAT(html, HasSubstr("&lt;img src=x onerror=alert(1)&gt; <mark>Harmless</mark> "
                              "<mark>Markup</mark> &lt;script&gt;alert(2)&lt;/script&gt;"));
  EXPECT_THAT(html, Not(HasSubstr("<img")));
  EXPECT_THAT(html, Not(HasSubstr("<svg")));
  EXPECT_THAT(html, Not(HasSubstr("<script>alert")));
  // A query that is markup is text too, in the box, the title and the empty state.
  const std::string query = Get("/?q=%3C%2Fscript%3E%3Cb%3Ezz%22").body;
  EXPECT_THAT(query, HasSubstr("value=\"&lt;/script&gt;&lt;b&gt;zz&quot;\""));
  EXPECT_THAT(query, HasSubstr("<q id=\"empty-query\">&lt;/script&gt;&lt;b&gt;zz&quot;</q>"));
  EXPECT_THAT(query, Not(HasSubstr("<b>zz")));
}

TEST_F(FirstPageTest, NothingFoundACorrectionAndTheWelcome) {
  const std::string empty = Get("/?q=zyxwvut").body;
  EXPECT_EQ(Count(empty, "<li class=\"card\""), 0u);
  EXPECT_THAT(empty, HasSubstr("<div class=\"state\" id=\"empty\">"));
  EXPECT_THAT(empty, HasSubstr("<p class=\"count\" id=\"count\" role=\"status\" aria-live=\"polite\"></p>"));

  const std::string corrected = Get("/?q=attnetion").body;
  EXPECT_EQ(Count(corrected, "<li class=\"card\""), 20u);
  EXPECT_THAT(corrected, HasSubstr("Showing results for <a class=\"suggested-query\" "
                                   "href=\"/?q=attention\">attention</a>. Search instead for "
                                   "<a href=\"/?q=attnetion&amp;exact=1\">attnetion</a>."));
  EXPECT_EQ(FirstPage(corrected)["suggestion"]["query"], "attention");

  // No query: the welcome, and nothing to take over.
  const std::string welcome = Get("/").body;
  EXPECT_THAT(welcome, HasSubstr("<div class=\"state\" id=\"welcome\">"));
  EXPECT_EQ(Count(welcome, "<li class=\"card\""), 0u);
  EXPECT_TRUE(FirstPage(welcome).is_null());
  // The views the script draws get the page with nothing shown.
  for (const char* view : {"/queue", "/feed", "/?q=attention&watch=mine"}) {
    const std::string shell = Get(view).body;
    EXPECT_THAT(shell, HasSubstr("id=\"welcome\" hidden>")) << view;
    EXPECT_EQ(Count(shell, "<li class=\"card\""), 0u) << view;
    EXPECT_THAT(shell, Not(HasSubstr("{{"))) << view;
  }
}

TEST_F(FirstPageTest, ABadParameterIsSaidOnThePage) {
  Answer a = Get("/?q=attention&year=soon");
  EXPECT_EQ(a.status, 200);
  EXPECT_THAT(a.body, HasSubstr("<div class=\"state error\" id=\"error\" role=\"alert\">"));
  EXPECT_THAT(a.body, HasSubstr("year"));
  EXPECT_EQ(Count(a.body, "<li class=\"card\""), 0u);
}

TEST_F(FirstPageTest, TextIsGzippedForAClientThatAsksAndTheSameBytesComeOut) {
  for (const char* target : {"/?q=attention", "/api/search?q=attention", "/app.js", "/app.css",
                             "/katex/katex.min.js", "/katex/katex.min.css", "/queue"}) {
    Answer plain = Get(target);
    Answer gz = Get(target, "Accept-Encoding: gzip, deflate, br\r\n");
    ASSERT_EQ(plain.status, 200) << target;
    ASSERT_EQ(gz.status, 200) << target;
    EXPECT_EQ(plain.header("Content-Encoding"), "") << target;
    EXPECT_EQ(gz.header("Content-Encoding"), "gzip") << target;
    EXPECT_EQ(plain.header("Vary"), "Accept-Encoding") << target;
    EXPECT_EQ(gz.header("Vary"), "Accept-Encoding") << target;
    EXPECT_LT(gz.body.size(), plain.body.size() / 2) << target;
    if (std::string(target).find("?q=") == std::string::npos) {
      EXPECT_EQ(Gunzip(gz.body), plain.body) << target;  // searches say how long they took
    } else {
      EXPECT_EQ(Count(Gunzip(gz.body), "class=\"card\"") + Count(Gunzip(gz.body), "\"id\":"),
                Count(plain.body, "class=\"card\"") + Count(plain.body, "\"id\":"))
          << target;
    }
  }
  // Refused, or a font (already compressed): as it is.
  EXPECT_EQ(Get("/app.js", "Accept-Encoding: gzip;q=0\r\n").header("Content-Encoding"), "");
  Answer font = Get("/katex/fonts/KaTeX_Main-Regular.woff2", "Accept-Encoding: gzip\r\n");
  EXPECT_EQ(font.status, 200);
  EXPECT_EQ(font.header("Content-Encoding"), "");
}

TEST_F(FirstPageTest, ABrowserHoldingAFileIsToldItIsUnchangedWithNoBody) {
  for (const char* target : {"/app.js", "/app.css", "/katex/katex.min.css",
                             "/katex/fonts/KaTeX_Main-Regular.woff2", "/paper/2401.00001"}) {
    Answer first = Get(target, "Accept-Encoding: gzip\r\n");
    ASSERT_EQ(first.status, 200) << target;
    const std::string etag = first.header("ETag");
    ASSERT_TRUE(etag.starts_with("W/\"")) << target << ": " << etag;
    // Asked again with the tag, in either encoding: 304, no bytes, the same tag.
    for (const char* encoding : {"Accept-Encoding: gzip\r\n", ""}) {
      Answer again = Get(target, std::string(encoding) + "If-None-Match: " + etag + "\r\n");
      EXPECT_EQ(again.status, 304) << target;
      EXPECT_EQ(again.body, "") << target;
      EXPECT_EQ(again.header("ETag"), etag) << target;
    }
    // A tag of other bytes is not this file: it comes whole.
    Answer other = Get(target, "If-None-Match: W/\"0123456789abcdef-10\"\r\n");
    EXPECT_EQ(other.status, 200) << target;
    EXPECT_FALSE(other.body.empty()) << target;
  }
  // Files differ, so do their tags; the results page is never answered 304 (the corpus changes).
  EXPECT_NE(Get("/app.js").header("ETag"), Get("/app.css").header("ETag"));
  Answer page = Get("/?q=attention", "If-None-Match: *\r\n");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.header("ETag"), "");
}

}  // namespace
}  // namespace paperdeck::http
