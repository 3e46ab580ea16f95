// Content encoding: answers compressed with gzip (zlib, Debian's zlib1g-dev) for a client whose
// Accept-Encoding allows it (RFC 9110 §12.5.3: "gzip" or "*", not given "q=0"). Only text is
// compressed (HTML, CSS, JavaScript, JSON, SVG, XML): fonts (WOFF2) and images already are.
// Every answer whose type could be compressed says `Vary: Accept-Encoding`, compressed or not,
// so a cache never hands the gzip bytes to a client that did not ask for them.
//
// Threading: every function may run on any thread at once; GzipStatic keeps its compressed
// copies under a mutex, each made once.
#pragma once

#include <string>
#include <string_view>

namespace paperdeck::http {

// Bodies shorter than this are sent as they are: gzip's header and trailer would eat the gain.
inline constexpr size_t kMinGzipBytes = 512;

// True when the Accept-Encoding header's value lets the answer be gzip: "gzip", "x-gzip" or
// "*" listed with a weight above 0 (and gzip not itself refused with q=0).
bool AcceptsGzip(std::string_view accept_encoding);

// True for a Content-Type whose bytes compress: text/*, JSON, JavaScript, SVG, XML.
bool IsCompressibleType(std::string_view content_type);

// body as one gzip member (RFC 1952), at zlib's default level.
std::string Gzip(std::string_view body);

// The gzip of bytes that live as long as the program (an embedded asset), made on first use and
// kept: the same view for the same bytes every time after.
std::string_view GzipStatic(std::string_view persistent);

}  // namespace paperdeck::http
