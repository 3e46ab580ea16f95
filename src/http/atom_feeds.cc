#include "http/atom_feeds.h"

#include <optional>

#include "http/entity_tags.h"
#include "http/request_params.h"
#include "library/corpus.h"
#include "present/saved_search_atom.h"

namespace paperdeck::http {
namespace {

constexpr const char* kTextContentType = "text/plain; charset=utf-8";

FeedAnswer PlainText(int status, std::string message) {
  FeedAnswer answer;
  answer.status = status;
  answer.content_type = kTextContentType;
  answer.body = std::move(message) + "\n";
  return answer;
}


}  // namespace

FeedAnswer AtomFeeds::SavedSearch(std::string_view name, std::string_view host,
                                  std::string_view if_none_match) {
  // A saved search's name is at most 100 bytes of UTF-8: anything else names none, and is not
  // echoed.
  if (name.size() > 100 || !IsValidUtf8(name)) {
    return PlainText(404, "no saved search has that name");
  }
  std::optional<library::SavedSearch> search;
  {
    Result<workspace::CorpusPool::Lease> corpus = workspace_.Corpus();
    if (!corpus.ok()) return PlainText(500, corpus.status().message());
    Result<std::optional<library::SavedSearch>> found = (*corpus)->FindSavedSearch(name);
    if (!found.ok()) return PlainText(500, found.status().message());
    search = std::move(*found);
  }
  if (!search) return PlainText(404, "no saved search is named " + std::string(name));
  Result<std::string> feed =
      present::SavedSearchAtom(workspace_, *search, "http://" + std::string(host));
  if (!feed.ok()) return PlainText(500, feed.status().message());

  FeedAnswer answer;
  answer.etag = StrongEtag(*feed);
  answer.content_type = kAtomContentType;
  if (IfNoneMatchHits(if_none_match, answer.etag)) {
    answer.status = 304;
    return answer;
  }
  answer.body = std::move(*feed);
  return answer;
}

}  // namespace paperdeck::http
