// The library's write API over real HTTP on loopback: tags, reading states and notes changed
// through POST/PUT/DELETE with JSON bodies and read back; bad bodies, unknown papers and notes;
// and the writes a hostile page could make — from another origin, through another Host name
// (DNS rebinding), as a form or as text/plain, without the token — refused with nothing changed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/http_server.h"
#include "http/loopback_exchange.h"
#include "support/quoting.h"
#include "support/temp_dir.h"
#include "workspace/workspace.h"

namespace paperdeck::http {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;
using ::paperdeck::testing::PercentEncode;
using json = nlohmann::json;

const std::string kData = PAPERDECK_TEST_DATA;

struct Answer {
  int status = 0;
  json body;
};

class LibraryApiTest : public ::testing::Test {
 protected:
  void SetUp() override { Start("127.0.0.1"); }
  void TearDown() override { StopServer(); }

  void Start(const std::string& host) {
    dir_ = temp_ / "data";
    auto workspace = workspace::Workspace::Open(dir_);
    ASSERT_TRUE(workspace.ok()) << workspace.status().message();
    workspace_ = std::move(*workspace);
    workspace::FileImportReport report = workspace_->ImportFile(
        kData + "/seed-page.jsonl", ingest::InputFormat::kAuto, 1000, {});
    ASSERT_FALSE(report.failed);
    ASSERT_TRUE(workspace_->CatchUpIndex().ok());
    server_ = std::make_unique<HttpServer>(*workspace_);
    auto port = server_->Bind(host, 0);
    ASSERT_TRUE(port.ok()) << port.status().message();
    port_ = *port;
    thread_ = std::thread([this] { (void)server_->Run(); });
    self_ = "127.0.0.1:" + std::to_string(port_);
    // The Longformer paper of the reference page (a canonical id with a ':').
    paper_ = Read("GET", "/api/search?q=longformer&limit=1").body["results"][0]["id"];
    path_ = "/api/papers/" + PercentEncode(paper_);
  }
  void StopServer() {
    if (!server_) return;
    server_->Stop();
    thread_.join();
    server_.reset();
    workspace_.reset();
  }

  // Sends one request with exactly these headers (Host included) and reads the answer.
  Answer Send(const std::string& method, const std::string& target, const std::string& body,
              const std::vector<std::string>& headers) {
    std::string request = method + " " + target + " HTTP/1.1\r\n";
    for (const std::string& h : headers) request += h + "\r\n";
    request += "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n";
    request += body;
    const std::string raw = ExchangeOnLoopback(port_, request);
    Answer a;
    if (raw.rfind("HTTP/1.1 ", 0) == 0) a.status = std::stoi(raw.substr(9, 3));
    size_t at = raw.find("\r\n\r\n");
    if (at != std::string::npos) a.body = json::parse(raw.substr(at + 4), nullptr, false);
    return a;
  }
  // A write as the page sends it: its own Host and Origin, JSON.
  Answer Write(const std::string& method, const std::string& target, const json& body) {
    return Send(method, target, body.dump(),
                {"Host: " + self_, "Origin: http://" + self_, "Content-Type: application/json"});
  }
  Answer Read(const std::string& method, const std::string& target) {
    return Send(method, target, "", {"Host: " + self_});
  }
  // What the corpus holds for the paper, read through the API.
  json Library() { return Read("GET", path_).body["library"]; }

  ::paperdeck::testing::TempDir temp_;
  std::filesystem::path dir_;
  std::unique_ptr<workspace::Workspace> workspace_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  int port_ = 0;
  std::string self_, paper_, path_;
};

TEST_F(LibraryApiTest, TagsStateAndNotesAreChangedAndEachAnswerIsThePapersLibraryAfter) {
  json empty = Library();
  EXPECT_EQ(empty["tags"], json::array());
  EXPECT_EQ(empty["state"], nullptr);
  EXPECT_EQ(empty["entered_at"], nullptr);

  Answer a = Write("POST", path_ + "/tags", {{"add", {"thesis", "Thesis/related-work"}}});
  ASSERT_EQ(a.status, 200) << a.body.dump();
  EXPECT_EQ(a.body["id"], paper_);
  EXPECT_EQ(a.body["library"]["tags"], json({"thesis", "Thesis/related-work"}));
  EXPECT_NE(a.body["library"]["entered_at"], nullptr);
  // Matched case-insensitively: removing THESIS removes thesis.
  a = Write("POST", path_ + "/tags", {{"remove", {"THESIS"}}, {"add", {"long-context"}}});
  ASSERT_EQ(a.status, 200) << a.body.dump();
  EXPECT_EQ(a.body["library"]["tags"], json({"long-context", "Thesis/related-work"}));
  json tags = Read("GET", "/api/tags").body["tags"];
  ASSERT_EQ(tags.size(), 2u);
  EXPECT_EQ(tags[0]["name"], "long-context");
  EXPECT_EQ(tags[0]["papers"], 1);

  a = Write("PUT", path_ + "/state", {{"state", "to-read"}});
  ASSERT_EQ(a.status, 200) << a.body.dump();
  EXPECT_EQ(a.body["library"]["state"]["name"], "to-read");
  json queue = Read("GET", "/api/queue").body;
  ASSERT_EQ(queue["total"], 1);
  EXPECT_EQ(queue["papers"][0]["id"], paper_);
  EXPECT_EQ(queue["papers"][0]["state"], "to-read");
  EXPECT_EQ(queue["papers"][0]["tags"], json({"long-context", "Thesis/related-work"}));
  EXPECT_FALSE(queue["papers"][0]["title"].get<std::string>().empty());
  EXPECT_FALSE(queue["papers"][0]["card"]["authors"].get<std::string>().empty());
  EXPECT_FALSE(queue["papers"][0]["marked_at"].get<std::string>().empty());
  a = Write("PUT", path_ + "/state", {{"state", "read"}});
  EXPECT_EQ(a.body["library"]["state"]["name"], "read");
  EXPECT_EQ(Read("GET", "/api/queue").body["total"], 0);
  a = Write("PUT", path_ + "/state", {{"state", nullptr}});
  EXPECT_EQ(a.body["library"]["state"], nullptr);

  const std::string markdown =
      "**Sparse** attention <script>alert(1)</script> <img src=x onerror=alert(2)> "
      "[bad](javascript:alert(3))";
  a = Write("POST", path_ + "/notes", {{"text", markdown}});
  ASSERT_EQ(a.status, 200) << a.body.dump();
  ASSERT_EQ(a.body["library"]["notes"].size(), 1u);
  json note = a.body["library"]["notes"][0];
  EXPECT_EQ(note["text"], markdown);
  const std::string html = note["html"];
  EXPECT_THAT(html, HasSubstr("<strong>Sparse</strong>"));
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("<img")));
  EXPECT_THAT(html, Not(HasSubstr("javascript:")));
  const std::string note_path = path_ + "/notes/" + std::to_string(note["id"].get<int64_t>());

  a = Write("PUT", note_path, {{"text", "*edited*"}});
  ASSERT_EQ(a.status, 200) << a.body.dump();
  EXPECT_EQ(a.body["library"]["notes"][0]["text"], "*edited*");
  EXPECT_EQ(a.body["library"]["notes"][0]["html"], "<p><em>edited</em></p>\n");

  // The paper's own answer carries the library and where each fact came from.
  json paper = Read("GET", path_).body;
  EXPECT_EQ(paper["library"]["notes"][0]["text"], "*edited*");
  ASSERT_FALSE(paper["provenance"].empty());
  EXPECT_EQ(paper["provenance"][0]["source"], "paperdeck-jsonl");

  a = Send("DELETE", note_path, "",
           {"Host: " + self_, "Origin: http://" + self_, "Content-Type: application/json"});
  ASSERT_EQ(a.status, 200) << a.body.dump();
  EXPECT_EQ(a.body["library"]["notes"], json::array());
}

TEST_F(LibraryApiTest, BadBodiesUnknownPapersAndUnknownNotesAreClearErrorsAndChangeNothing) {
  ASSERT_EQ(Write("POST", path_ + "/notes", {{"text", "kept"}}).status, 200);
  const json before = Library();
  struct Case {
    std::string method, target, body;
    int status;
    std::string says;
  };
  const std::string note = path_ + "/notes/" + std::to_string(before["notes"][0]["id"].get<int64_t>());
  for (const Case& c : std::vector<Case>{
           {"POST", path_ + "/tags", "{\"add\": [\"x\"", 400, "not valid JSON"},
           {"POST", path_ + "/tags", "[\"x\"]", 400, "JSON object"},
           {"POST", path_ + "/tags", "{\"add\": \"x\"}", 400, "list"},
           {"POST", path_ + "/tags", "{\"add\": [1]}", 400, "not a string"},
           {"POST", path_ + "/tags", "{}", 400, "nothing to change"},
           {"POST", path_ + "/tags", "{\"add\": [\"two words\"]}", 400, "white space"},
           {"POST", path_ + "/tags", "{\"add\": [\"ok\", \"a//b\"]}", 400, "between slashes"},
           {"POST", "/api/papers/2401.99999/tags", "{\"add\": [\"x\"]}", 404, "2401.99999"},
           {"PUT", path_ + "/state", "{\"state\": \"done\"}", 400, "to-read"},
           {"PUT", path_ + "/state", "{}", 400, "to-read"},
           {"PUT", "/api/papers/2401.99999/state", "{\"state\": \"read\"}", 404, "no paper"},
           {"POST", path_ + "/notes", "{\"text\": \"  \"}", 400, "empty"},
           {"POST", path_ + "/notes", "{\"note\": \"x\"}", 400, "text"},
           {"PUT", note, "{\"text\": 5}", 400, "text"},
           {"PUT", path_ + "/notes/abc", "{\"text\": \"x\"}", 400, "note id"},
           {"PUT", path_ + "/notes/999999", "{\"text\": \"x\"}", 404, "no note"},
           {"DELETE", path_ + "/notes/999999", "{}", 404, "no note"},
       }) {
    Answer a = Send(c.method, c.target, c.body,
                    {"Host: " + self_, "Origin: http://" + self_, "Content-Type: application/json"});
    EXPECT_EQ(a.status, c.status) << c.method << " " << c.target << " " << c.body;
    EXPECT_THAT(a.body.value("error", ""), HasSubstr(c.says)) << c.method << " " << c.body;
  }
  EXPECT_EQ(Library(), before);
  EXPECT_EQ(Read("GET", "/api/tags").body["tags"], json::array());
}

TEST_F(LibraryApiTest, WritesFromAnotherOriginOrHostOrNotJsonAreRefusedAndChangeNothing) {
  ASSERT_EQ(Write("POST", path_ + "/notes", {{"text", "mine"}}).status, 200);
  const json before = Library();
  const std::string note = path_ + "/notes/" + std::to_string(before["notes"][0]["id"].get<int64_t>());
  const std::string tags = json{{"add", {"pwned"}}}.dump();
  const std::string json_type = "Content-Type: application/json";
  struct Case {
    std::string method, target, body;
    std::vector<std::string> headers;
    int status;
  };
  for (const Case& c : std::vector<Case>{
           // Another site's page, fetching or posting a form to us.
           {"POST", path_ + "/tags", tags, {"Host: " + self_, "Origin: https://evil.example", json_type}, 403},
           {"POST", path_ + "/tags", tags, {"Host: " + self_, "Origin: null", json_type}, 403},
           {"POST", path_ + "/tags", tags, {"Host: " + self_, "Origin: http://" + self_ + ".evil.example", json_type}, 403},
           {"PUT", path_ + "/state", "{\"state\":\"read\"}", {"Host: " + self_, "Origin: http://evil.example", json_type}, 403},
           {"DELETE", note, "{}", {"Host: " + self_, "Origin: http://evil.example", json_type}, 403},
           // DNS rebinding: the attacker's name resolved to 127.0.0.1, so the browser calls it
           // same-origin and sends its own Host.
           {"POST", path_ + "/tags", tags, {"Host: evil.example", json_type}, 403},
           {"POST", path_ + "/tags", tags, {"Host: evil.example:" + std::to_string(port_), "Origin: http://evil.example:" + std::to_string(port_), json_type}, 403},
           {"PUT", note, "{\"text\":\"x\"}", {"Host: evil.example", json_type}, 403},
           {"POST", path_ + "/tags", tags, {"Host: 127.0.0.1:1", json_type}, 403},
           {"POST", path_ + "/tags", tags, {json_type}, 403},  // no Host at all
           // What a cross-site HTML form can send: form-encoded, text/plain, multipart.
           {"POST", path_ + "/tags", "add=pwned", {"Host: " + self_, "Content-Type: application/x-www-form-urlencoded"}, 415},
           {"POST", path_ + "/tags", tags, {"Host: " + self_, "Content-Type: text/plain"}, 415},
           {"POST", path_ + "/notes", "{\"text\":\"x\"}", {"Host: " + self_, "Content-Type: text/plain;charset=UTF-8"}, 415},
           {"POST", path_ + "/tags", "--x\r\nContent-Disposition: form-data; name=\"add\"\r\n\r\npwned\r\n--x--\r\n",
            {"Host: " + self_, "Content-Type: multipart/form-data; boundary=x"}, 415},
           {"POST", path_ + "/tags", tags, {"Host: " + self_}, 415},
       }) {
    Answer a = Send(c.method, c.target, c.body, c.headers);
    EXPECT_EQ(a.status, c.status) << c.method << " " << c.target << " " << c.headers.back();
    EXPECT_FALSE(a.body.value("error", "").empty());
  }
  EXPECT_EQ(Library(), before);
  EXPECT_EQ(Read("GET", "/api/tags").body["tags"], json::array());

  // The names a loopback server answers to, with and without the page's own Origin.
  for (const std::string& host : {"localhost:" + std::to_string(port_), "[::1]:" + std::to_string(port_), self_}) {
    Answer a = Send("POST", path_ + "/tags", json{{"add", {"ok"}}}.dump(),
                    {"Host: " + host, "Origin: http://" + host, "Content-Type: application/json; charset=utf-8"});
    EXPECT_EQ(a.status, 200) << host << a.body.dump();
    a = Send("POST", path_ + "/tags", json{{"remove", {"ok"}}}.dump(), {"Host: " + host, json_type});
    EXPECT_EQ(a.status, 200) << host;
  }
}

TEST_F(LibraryApiTest, ReadsChangeNothingAndWritePathsAnswerNoOtherMethod) {
  EXPECT_EQ(Read("GET", path_ + "/tags?add=x").status, 404);
  EXPECT_EQ(Read("GET", path_ + "/state?state=read").status, 404);
  EXPECT_EQ(Read("GET", path_ + "/notes?text=x").status, 404);
  // A known path asked with another method: 405, changing nothing.
  EXPECT_EQ(Send("POST", path_ + "/state", "{\"state\":\"read\"}",
                 {"Host: " + self_, "Content-Type: application/json"}).status, 405);
  json library = Library();
  EXPECT_EQ(library["tags"], json::array());
  EXPECT_EQ(library["state"], nullptr);
  // Pulls are started by a POST only; GET /api/pulls lists nothing.
  EXPECT_EQ(Read("GET", "/api/pulls?query=x").status, 405);
}

TEST_F(LibraryApiTest, ARequestThroughANameTheServerDoesNotAnswerToReadsNothing) {
  ASSERT_EQ(Write("POST", path_ + "/notes", json{{"text", "my private note"}}).status, 200);
  // A page on a name rebound to 127.0.0.1 sends its own name as Host: same-origin with itself,
  // so only the Host check stands between it and the user's notes.
  for (const std::string& target : {path_, std::string("/api/queue"), std::string("/api/tags"),
                                    std::string("/api/search?q=x"), std::string("/")}) {
    Answer a = Send("GET", target, "", {"Host: evil.example:" + std::to_string(port_)});
    EXPECT_EQ(a.status, 403) << target;
    EXPECT_EQ(a.body.dump().find("private"), std::string::npos) << target;
  }
  EXPECT_EQ(Read("GET", path_).status, 200);
  EXPECT_EQ(Read("GET", path_).body["library"]["notes"][0]["text"], "my private note");
}

TEST_F(LibraryApiTest, ThePaperPageAndTheQueueAreServedFromTheBinary) {
  for (const std::string& target : {"/paper/" + PercentEncode(paper_), std::string("/paper/2401.99999"),
                                    std::string("/paper/10.1000%2Fx")}) {
    auto res = httplib::Client("127.0.0.1", port_).Get(target.c_str());
    ASSERT_TRUE(res) << target;
    EXPECT_EQ(res->status, 200) << target;
    EXPECT_THAT(res->get_header_value("Content-Type"), StartsWith("text/html"));
    EXPECT_THAT(res->get_header_value("Content-Security-Policy"), HasSubstr("script-src 'self'"));
    EXPECT_THAT(res->body, HasSubstr("src=\"/paper.js\""));
  }
  auto queue = httplib::Client("127.0.0.1", port_).Get("/queue");
  ASSERT_TRUE(queue);
  EXPECT_THAT(queue->body, HasSubstr("Reading queue"));
  EXPECT_THAT(queue->body, HasSubstr("src=\"/app.js\""));
  for (const char* asset : {"/paper.js", "/library.js"}) {
    auto res = httplib::Client("127.0.0.1", port_).Get(asset);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << asset;
    EXPECT_THAT(res->get_header_value("Content-Type"), StartsWith("text/javascript"));
  }
}

TEST_F(LibraryApiTest, ACitationShowsTheKeyItWouldPinWithoutWritingAndAPostPinsIt) {
  Answer a = Read("GET", path_ + "/cite?format=bibtex");
  ASSERT_EQ(a.status, 200) << a.body.dump();
  const std::string key = a.body["key"];
  EXPECT_EQ(key, "beltagy2020longformer");
  EXPECT_EQ(a.body["pinned"], false);
  EXPECT_THAT(a.body["text"].get<std::string>(), StartsWith("@"));
  EXPECT_THAT(a.body["text"].get<std::string>(), HasSubstr("{" + key + ","));
  EXPECT_THAT(a.body["text"].get<std::string>(), HasSubstr("Longformer"));
  // Reading wrote nothing.
  EXPECT_EQ(Read("GET", path_ + "/cite").body["pinned"], false);
  for (const char* format : {"biblatex", "csl-json", "ris"}) {
    Answer f = Read("GET", path_ + "/cite?format=" + format);
    EXPECT_EQ(f.status, 200) << format;
    EXPECT_THAT(f.body["text"].get<std::string>(), HasSubstr("Longformer")) << format;
  }
  for (const char* format : {"jsonl", "docx", ""}) {
    Answer f = Read("GET", path_ + "/cite?format=" + format);
    EXPECT_EQ(f.status, 400) << format;
    EXPECT_EQ(f.body.value("param", ""), "format");
  }
  EXPECT_EQ(Read("GET", "/api/papers/2401.99999/cite").status, 404);

  // Pinning is a write: refused from elsewhere, done from the page.
  EXPECT_EQ(Send("POST", path_ + "/cite", "{}", {"Host: evil.example", "Content-Type: application/json"}).status, 403);
  EXPECT_EQ(Read("GET", path_ + "/cite").body["pinned"], false);
  a = Write("POST", path_ + "/cite", {{"format", "bibtex"}});
  ASSERT_EQ(a.status, 200) << a.body.dump();
  EXPECT_EQ(a.body["key"], key);
  EXPECT_EQ(a.body["pinned"], true);
  EXPECT_EQ(Read("GET", path_ + "/cite").body["pinned"], true);
}

// Listening beyond loopback, a write needs the token the server made at start.
TEST_F(LibraryApiTest, BeyondLoopbackAWriteNeedsTheServersToken) {
  EXPECT_EQ(server_->access_token(), "");  // loopback: none
  StopServer();
  std::filesystem::remove_all(dir_);
  Start("0.0.0.0");
  const std::string token = server_->access_token();
  ASSERT_EQ(token.size(), 64u);
  EXPECT_EQ(token.find_first_not_of("0123456789abcdef"), std::string::npos);
  const std::string body = json{{"add", {"thesis"}}}.dump();
  const std::string host = "Host: 192.0.2.7:" + std::to_string(port_);
  const std::string json_type = "Content-Type: application/json";
  for (const std::string& auth : std::vector<std::string>{std::string(), "Authorization: Bearer wrong",
                                  "Authorization: Bearer " + token.substr(0, 63) + (token.back() == '0' ? "1" : "0"),
                                  "Authorization: Basic " + token, "Authorization: " + token}) {
    std::vector<std::string> headers = {host, json_type};
    if (!auth.empty()) headers.push_back(auth);
    Answer a = Send("POST", path_ + "/tags", body, headers);
    EXPECT_EQ(a.status, 401) << auth;
    EXPECT_THAT(a.body.value("error", ""), HasSubstr("token"));
  }
  EXPECT_EQ(Library()["tags"], json::array());
  // The token does not excuse another origin.
  EXPECT_EQ(Send("POST", path_ + "/tags", body,
                 {host, "Origin: http://evil.example", json_type, "Authorization: Bearer " + token})
                .status,
            403);
  Answer a = Send("POST", path_ + "/tags", body, {host, json_type, "Authorization: Bearer " + token});
  EXPECT_EQ(a.status, 200) << a.body.dump();
  EXPECT_EQ(Library()["tags"], json({"thesis"}));
}

}  // namespace
}  // namespace paperdeck::http
