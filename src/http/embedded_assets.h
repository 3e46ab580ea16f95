// EmbeddedAssets: the web page's files (web/), compiled into the binary by the build
// (cmake/embed_web.cmake writes them as byte arrays into a generated source), so `paperdeck
// serve` needs no file beside it and can never be made to read one: a request names an asset
// only by its exact path in this table. KaTeX (Debian's libjs-katex) is embedded beside them under
// "katex/" ("katex/katex.min.js", "katex/fonts/KaTeX_Main-Regular.woff2").
//
// Threading: immutable data; FindAsset may be called from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace paperdeck::http {

// One file of web/, as the generated source lays it out.
struct EmbeddedFile {
  const char* name;  // "index.html", "app.js", "katex/katex.min.css", ...
  const unsigned char* data;
  size_t size;
};

// Defined in the generated web_assets.cc.
extern const EmbeddedFile kEmbeddedWebFiles[];
extern const size_t kEmbeddedWebFileCount;

struct Asset {
  std::string_view name;
  std::string_view body;
  std::string_view content_type;  // from the name's extension
  std::string etag;               // weak, of body (http/entity_tags.h): a browser asks again cheaply
};

// The asset served at a URL path: "/" is index.html, "/app.js" is app.js. nullptr for any other
// path (no directories, no "..", no decoding here: the table is the whole namespace).
const Asset* FindAsset(std::string_view url_path);

}  // namespace paperdeck::http
