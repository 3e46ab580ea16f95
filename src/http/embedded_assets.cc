#include "http/embedded_assets.h"

#include <vector>

#include "http/entity_tags.h"

namespace paperdeck::http {
namespace {

std::string_view ContentType(std::string_view name) {
  auto ends = [&](std::string_view ext) {
    return name.size() >= ext.size() && name.substr(name.size() - ext.size()) == ext;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".woff2")) return "font/woff2";
  return "application/octet-stream";
}

const std::vector<Asset>& Assets() {
  static const std::vector<Asset> assets = [] {
    std::vector<Asset> out;
    for (size_t i = 0; i < kEmbeddedWebFileCount; ++i) {
      const EmbeddedFile& f = kEmbeddedWebFiles[i];
      const std::string_view body(reinterpret_cast<const char*>(f.data), f.size);
      out.push_back({f.name, body, ContentType(f.name), WeakEtag(body)});
    }
    return out;
  }();
  return assets;
}

}  // namespace

const Asset* FindAsset(std::string_view url_path) {
  if (url_path.empty() || url_path[0] != '/') return nullptr;
  std::string_view name = url_path == "/" ? std::string_view("index.html") : url_path.substr(1);
  for (const Asset& a : Assets()) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

}  // namespace paperdeck::http
