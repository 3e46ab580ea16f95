// Entity tags (RFC 9110 8.8.3): validators that let a client ask again with If-None-Match and
// be answered 304 Not Modified when the bytes are those it holds. A saved search's Atom feed
// carries a strong tag of its bytes; the embedded web files carry a weak one, as each is sent
// gzip-compressed or not and both encodings are the same file.
#pragma once

#include <string>
#include <string_view>

namespace paperdeck::http {

// A strong entity tag of bytes: a 64-bit FNV-1a hash and the length, quoted ("\"5f0c…-1834\"").
std::string StrongEtag(std::string_view bytes);
// The same tag, weak (W/"5f0c…-1834"): the same content in any encoding.
std::string WeakEtag(std::string_view bytes);
// True when an If-None-Match header value names etag ("*", or a comma-separated list of tags
// compared weakly: W/"x" matches "x" and "x" matches W/"x", RFC 9110 13.1.2).
bool IfNoneMatchHits(std::string_view header, std::string_view etag);

}  // namespace paperdeck::http
