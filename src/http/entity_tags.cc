#include "http/entity_tags.h"

#include <cstdint>
#include <cstdio>

#include "http/optional_whitespace.h"

namespace paperdeck::http {
namespace {

std::string_view Opaque(std::string_view tag) {
  if (tag.starts_with("W/")) tag.remove_prefix(2);
  return tag;
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

std::string WeakEtag(std::string_view bytes) { return "W/" + StrongEtag(bytes); }

bool IfNoneMatchHits(std::string_view header, std::string_view etag) {
  header = TrimOptionalWhitespace(header);
  if (header == "*") return true;
  etag = Opaque(etag);
  while (!header.empty()) {
    size_t comma = header.find(',');
    std::string_view tag = Opaque(TrimOptionalWhitespace(header.substr(0, comma)));
    if (!tag.empty() && tag == etag) return true;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace paperdeck::http
