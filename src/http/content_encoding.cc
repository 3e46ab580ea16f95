#include "http/content_encoding.h"

#include <zlib.h>

#include <map>
#include <memory>
#include <mutex>

#include "http/optional_whitespace.h"
#include "model/ascii_case.h"

namespace paperdeck::http {
namespace {

// The weight of one Accept-Encoding element ("gzip;q=0.5" -> 0.5; none given -> 1).
double Weight(std::string_view params) {
  while (!params.empty()) {
    const size_t semi = params.find(';');
    std::string_view p = TrimOptionalWhitespace(params.substr(0, semi));
    params = semi == std::string_view::npos ? std::string_view() : params.substr(semi + 1);
    const std::string_view after_q = p.size() >= 2 ? TrimOptionalWhitespace(p.substr(1)) : "";
    if (after_q.starts_with("=") && (p[0] == 'q' || p[0] == 'Q')) {
      std::string_view v = TrimOptionalWhitespace(after_q.substr(1));
      // qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ): zero only if every digit is.
      for (char c : v) {
        if (c >= '1' && c <= '9') return 1;
      }
      return 0;
    }
  }
  return 1;
}

}  // namespace

bool AcceptsGzip(std::string_view header) {
  bool gzip = false, gzip_refused = false, any = false;
  while (!header.empty()) {
    const size_t comma = header.find(',');
    std::string_view element = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    const size_t semi = element.find(';');
    const std::string coding = AsciiLowercase(TrimOptionalWhitespace(element.substr(0, semi)));
    const double weight =
        semi == std::string_view::npos ? 1 : Weight(element.substr(semi + 1));
    if (coding == "gzip" || coding == "x-gzip") {
      if (weight > 0) gzip = true; else gzip_refused = true;
    } else if (coding == "*" && weight > 0) {
      any = true;
    }
  }
  return gzip || (any && !gzip_refused);
}

bool IsCompressibleType(std::string_view content_type) {
  const std::string type =
      AsciiLowercase(TrimOptionalWhitespace(content_type.substr(0, content_type.find(';'))));
  return type.starts_with("text/") || type == "application/json" ||
         type == "application/javascript" || type == "image/svg+xml" ||
         type == "application/xml" || type.ends_with("+xml") || type.ends_with("+json");
}

std::string Gzip(std::string_view body) {
  z_stream z{};
  // 15 bits of window, +16: a gzip header and trailer rather than zlib's.
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    return {};
  }
  std::string out(deflateBound(&z, body.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  z.avail_in = static_cast<uInt>(body.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int done = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return done == Z_STREAM_END ? out : std::string();
}

std::string_view GzipStatic(std::string_view persistent) {
  static std::mutex mutex;
  static std::map<const char*, std::unique_ptr<const std::string>> made;
  std::lock_guard<std::mutex> lock(mutex);
  std::unique_ptr<const std::string>& gz = made[persistent.data()];
  if (!gz) gz = std::make_unique<const std::string>(Gzip(persistent));
  return *gz;
}

}  // namespace paperdeck::http
