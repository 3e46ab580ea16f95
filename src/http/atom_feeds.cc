#include "http/atom_feeds.h"

#include <cstdint>
#include <cstdio>
#include <optional>

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

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string StrongEtag(std::string_view bytes) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  char out[48];
  std::snprintf(out, sizeof out, "\"%016llx-%zx\"", static_cast<unsigned long long>(hash),
                bytes.size());
  return out;
}

bool IfNoneMatchHits(std::string_view header, std::string_view etag) {
  header = Trim(header);
  if (header == "*") return true;
  while (!header.empty()) {
    size_t comma = header.find(',');
    std::string_view tag = Trim(header.substr(0, comma));
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (!tag.empty() && tag == etag) return true;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return false;
}

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
