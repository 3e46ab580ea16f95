#include "http/routes.h"

#include <utility>

#include "http/content_encoding.h"
#include "http/entity_tags.h"
#include "http/embedded_assets.h"
#include "http/results_page.h"
#include "present/card_html.h"

namespace paperdeck::http {
namespace {

// The page runs only its own script and style, and never inside another site's frame: a string
// from a paper could not run even if it reached the page as markup. Fonts are KaTeX's, served
// here too.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

// A path nothing answers: JSON under /api/ (a script asked), else a page a person can leave by
// a link to the search.
Reply NotFound(const Request& request) {
  if (request.path.rfind("/api/", 0) == 0) {
    return JsonReply(ErrorResponse(404, "no such page: " + request.path));
  }
  Reply reply;
  reply.status = 404;
  reply.content_type = "text/html; charset=utf-8";
  reply.body =
      "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"color-scheme\" content=\"light dark\">\n"
      "<title>Not found – PaperDeck</title>\n<link rel=\"icon\" href=\"/favicon.svg\" "
      "type=\"image/svg+xml\">\n<link rel=\"stylesheet\" href=\"/app.css\">\n</head>\n"
      "<body>\n<main class=\"not-found\">\n<h1>No such page</h1>\n<p>PaperDeck has nothing at "
      "<code>" +
      present::HtmlEscaped(request.path) +
      "</code>.</p>\n<p><a href=\"/\">Search your papers</a></p>\n</main>\n</body>\n</html>\n";
  reply.headers = {{"Content-Security-Policy", kContentSecurityPolicy},
                   {"Cache-Control", "no-store"}};
  return reply;
}

// The embedded asset at asset_path, or a 404 naming the path asked for. Its weak ETag lets a
// browser that holds it ask again and be answered 304 with no body (it changes only with the
// binary, so "no-cache": always asked, seldom sent).
Reply AssetReply(const Request& request, std::string_view asset_path) {
  const Asset* asset = FindAsset(asset_path);
  if (!asset) return NotFound(request);
  Reply reply;
  reply.headers = {{"Content-Security-Policy", kContentSecurityPolicy},
                   {"Cache-Control", "no-cache"},
                   {"ETag", asset->etag}};
  if (IfNoneMatchHits(request.header("If-None-Match"), asset->etag)) {
    reply.status = 304;
    return reply;
  }
  reply.content_type = std::string(asset->content_type);
  reply.static_body = asset->body;
  return reply;
}

// reply gzip-compressed when the request allows it and its bytes are text worth it
// (http/content_encoding.h). An answer with a strong ETag (a feed) is left as it is: its
// validator names the bytes, and a 304 must keep meaning the same ones. A weak one (an asset)
// names the content in either encoding.
Reply Encoded(const Request& request, Reply reply) {
  if (!IsCompressibleType(reply.content_type)) return reply;
  for (const Header& h : reply.headers) {
    if (h.first == "ETag" && !h.second.starts_with("W/")) return reply;
  }
  reply.headers.emplace_back("Vary", "Accept-Encoding");
  const std::string_view body = reply.static_body.empty() ? reply.body : reply.static_body;
  if (body.size() < kMinGzipBytes || !AcceptsGzip(request.header("Accept-Encoding"))) return reply;
  if (!reply.static_body.empty()) {
    const std::string_view gz = GzipStatic(reply.static_body);
    if (gz.empty()) return reply;
    reply.static_body = gz;
  } else {
    std::string gz = Gzip(reply.body);
    if (gz.empty()) return reply;
    reply.body = std::move(gz);
  }
  reply.headers.emplace_back("Content-Encoding", "gzip");
  return reply;
}

// The results page (web/index.html, filled by http/results_page.h): a document, never cached
// without asking again, as the corpus may have changed.
Reply PageReply(std::string body) {
  Reply reply;
  reply.content_type = "text/html; charset=utf-8";
  reply.body = std::move(body);
  reply.headers = {{"Content-Security-Policy", kContentSecurityPolicy},
                   {"Cache-Control", "no-cache"}};
  return reply;
}

// The page's shell, for its script to fill (/queue, /feed).
Reply ShellReply() {
  Reply reply = PageReply({});
  reply.static_body = ShellPage(FindAsset("/")->body);
  return reply;
}

}  // namespace

std::string_view Request::header(std::string_view name) const {
  return FindHeader(headers, name).value_or(std::string_view());
}

Reply JsonReply(const ApiResponse& api) {
  Reply reply;
  reply.status = api.status;
  reply.content_type = "application/json; charset=utf-8";
  reply.body = api.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  reply.headers = {{"Cache-Control", "no-store"}};
  return reply;
}

void Routes::Add(std::string_view method, const char* path, bool work,
                 std::function<Reply(const Request&, const Captures&)> answer, bool assets) {
  entries_.push_back(Entry{method, std::regex(path), work, std::move(answer), assets});
}

Reply Routes::Guarded(const Request& request, const std::function<ApiResponse()>& write) const {
  WriteHeaders headers;
  headers.host = request.header("Host");
  headers.origin = request.header("Origin");
  headers.authorization = request.header("Authorization");
  headers.content_type = request.header("Content-Type");
  if (std::optional<ApiResponse> refused = guard_.Check(headers)) return JsonReply(*refused);
  return JsonReply(write());
}

Routes::Routes(workspace::Workspace& workspace, ApiHandlers& api, AtomFeeds& feeds,
               const WriteGuard& guard)
    : guard_(guard) {
  constexpr bool kWork = true, kQuick = false;
  using C = const Captures&;
  using R = const Request&;
  // Reads.
  Add("GET", "/api/search", kWork, [&api](R r, C) { return JsonReply(api.Search(r.params)); });
  Add("GET", "/api/suggest", kWork, [&api](R r, C) { return JsonReply(api.Suggest(r.params)); });
  Add("GET", "/api/papers/(.+)/cite", kWork,
      [&api](R r, C c) { return JsonReply(api.Cite(c[0], r.params)); });
  Add("GET", "/api/papers/(.+)/related", kWork,
      [&api](R r, C c) { return JsonReply(api.Related(c[0], r.params)); });
  Add("GET", "/api/papers/(.+)", kWork, [&api](R, C c) { return JsonReply(api.Paper(c[0])); });
  Add("GET", "/api/recommend", kWork, [&api](R r, C) { return JsonReply(api.Recommend(r.params)); });
  Add("GET", "/api/stats", kWork, [&api](R, C) { return JsonReply(api.Stats()); });
  Add("GET", "/api/queue", kWork, [&api](R, C) { return JsonReply(api.Queue()); });
  Add("GET", "/api/tags", kWork, [&api](R, C) { return JsonReply(api.Tags()); });
  Add("GET", "/api/watches", kWork, [&api](R, C) { return JsonReply(api.Watches()); });
  Add("GET", "/api/watches/([^/]+)/feed", kWork,
      [&api](R r, C c) { return JsonReply(api.WatchFeed(c[0], r.params)); });
  Add("GET", "/api/pulls/([^/]+)", kWork,
      [&api](R, C c) { return JsonReply(api.PullProgress(c[0])); });
  // Writes. Ids may hold '/' (DOIs, old arXiv ids), so each pattern ends in its own suffix.
  Add("POST", "/api/pulls", kWork,
      [this, &api](R r, C) { return Guarded(r, [&] { return api.StartPull(r.body); }); });
  Add("POST", "/api/watches", kWork,
      [this, &api](R r, C) { return Guarded(r, [&] { return api.AddWatch(r.body); }); });
  Add("DELETE", "/api/watches/([^/]+)", kWork,
      [this, &api](R r, C c) { return Guarded(r, [&] { return api.RemoveWatch(c[0]); }); });
  Add("POST", "/api/watches/([^/]+)/seen", kWork, [this, &api](R r, C c) {
    return Guarded(r, [&] { return api.MarkWatchSeen(c[0], r.body); });
  });
  Add("POST", "/api/papers/(.+)/tags", kWork, [this, &api](R r, C c) {
    return Guarded(r, [&] { return api.ChangeTags(c[0], r.body); });
  });
  Add("POST", "/api/papers/(.+)/cite", kWork,
      [this, &api](R r, C c) { return Guarded(r, [&] { return api.PinCite(c[0], r.body); }); });
  Add("PUT", "/api/papers/(.+)/state", kWork,
      [this, &api](R r, C c) { return Guarded(r, [&] { return api.SetState(c[0], r.body); }); });
  Add("POST", "/api/papers/(.+)/notes", kWork,
      [this, &api](R r, C c) { return Guarded(r, [&] { return api.AddNote(c[0], r.body); }); });
  Add("PUT", "/api/papers/(.+)/notes/([^/]+)", kWork, [this, &api](R r, C c) {
    return Guarded(r, [&] { return api.EditNote(c[0], c[1], r.body); });
  });
  Add("DELETE", "/api/papers/(.+)/notes/([^/]+)", kWork, [this, &api](R r, C c) {
    return Guarded(r, [&] { return api.DeleteNote(c[0], c[1]); });
  });
  // A saved search's feed, for feed readers: the name is one path segment, URL-decoded.
  Add("GET", R"(/feeds/([^/]+)\.atom)", kWork, [&feeds](R r, C c) {
    FeedAnswer feed = feeds.SavedSearch(c[0], r.header("Host"), r.header("If-None-Match"));
    Reply reply;
    reply.status = feed.status;
    reply.headers = {{"Cache-Control", "no-cache"}};
    if (!feed.etag.empty()) reply.headers.emplace_back("ETag", feed.etag);
    if (feed.status == 304) return reply;
    reply.content_type = std::move(feed.content_type);
    reply.body = std::move(feed.body);
    return reply;
  });
  // The paper's own page, one for every id (its script reads the id from the path), and the
  // reading queue, the Feed and the papers like a tag's (/recommended?for=tag:X), views of the
  // results page.
  Add("GET", "/paper/(.+)", kQuick, [](R r, C) { return AssetReply(r, "/paper.html"); });
  Add("GET", "/queue", kQuick, [](R, C) { return ShellReply(); });
  Add("GET", "/feed", kQuick, [](R, C) { return ShellReply(); });
  Add("GET", "/recommended", kQuick, [](R, C) { return ShellReply(); });
  // The results page with its first results already in it (a search: real work).
  Add("GET", "/(index\\.html)?", kWork, [&workspace](R r, C) {
    return PageReply(ResultsPageHtml(workspace, FindAsset("/")->body, r.params));
  });
  // Assets by exact name only; everything else, including any path with "..", is a 404.
  Add("GET", "/[^/]*", kQuick, [](R r, C) { return AssetReply(r, r.path); }, /*assets=*/true);
  Add("GET", "/katex/(fonts/)?[^/]+", kQuick, [](R r, C) { return AssetReply(r, r.path); },
      /*assets=*/true);
}

Routes::Dispatch Routes::Route(const Request& request) const {
  // HEAD is GET without the body (the HTTP layer leaves it out).
  std::string_view method = request.method;
  if (method == "HEAD") method = "GET";
  for (const Entry& e : entries_) {
    std::smatch match;
    if (e.method != method || !std::regex_match(request.path, match, e.path)) continue;
    Captures captures;
    for (size_t i = 1; i < match.size(); ++i) captures.push_back(match[i].str());
    return Dispatch{e.work, [&e, &request, captures = std::move(captures)] {
                      return Encoded(request, e.answer(request, captures));
                    }};
  }
  // A known path asked with another method: 405 and the methods it answers.
  std::string allow;
  for (const Entry& e : entries_) {
    if (!std::regex_match(request.path, e.path)) continue;
    if (e.assets && !FindAsset(request.path)) continue;  // not a page: a 404 whatever the method
    const std::string_view methods = e.method == "GET" ? "GET, HEAD" : e.method;
    if (allow.find(methods) != std::string::npos) continue;
    if (!allow.empty()) allow += ", ";
    allow += methods;
  }
  if (!allow.empty()) {
    return Dispatch{false, [&request, allow = std::move(allow)] {
                      Reply reply = JsonReply(ErrorResponse(
                          405, request.method + " is not answered at " + request.path +
                                   "; it answers " + allow));
                      reply.headers.emplace_back("Allow", allow);
                      return reply;
                    }};
  }
  return Dispatch{false, [&request] { return Encoded(request, NotFound(request)); }};
}

}  // namespace paperdeck::http
