// AtomFeeds: GET /feeds/{name}.atom, a saved search as an Atom feed any reader can follow
// (present/saved_search_atom.h), apart from HTTP like api_handlers. The answer is the feed with
// `Content-Type: application/atom+xml; charset=utf-8`, a strong ETag (a hash of the feed's
// bytes, which nothing but the corpus and the saved search change), and 304 with no body when
// the request's If-None-Match names it; a saved search of no such name is a 404 in plain text.
// Reading a feed marks nothing seen. docs/http-api.md, "Feeds".
//
// Threading: any number of requests at once (each borrows a corpus connection).
#pragma once

#include <string>
#include <string_view>

#include "workspace/workspace.h"

namespace paperdeck::http {

inline constexpr const char* kAtomContentType = "application/atom+xml; charset=utf-8";

struct FeedAnswer {
  int status = 200;          // 200, 304, 404 or 500
  std::string content_type;  // kAtomContentType, or text/plain for a 404 or 500
  std::string body;          // empty for a 304
  std::string etag;          // quoted; for a 200 and a 304
};

class AtomFeeds {
 public:
  // REQUIRES: workspace outlives the handlers.
  explicit AtomFeeds(workspace::Workspace& workspace) : workspace_(workspace) {}

  // The feed of the saved search called name (already URL-decoded). host: the request's Host,
  // which the server has checked names it: the feed's links are absolute on it.
  FeedAnswer SavedSearch(std::string_view name, std::string_view host,
                         std::string_view if_none_match);

 private:
  workspace::Workspace& workspace_;
};

}  // namespace paperdeck::http
