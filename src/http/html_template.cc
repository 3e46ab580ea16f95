#include "http/html_template.h"

namespace paperdeck::http {

std::string FillTemplate(std::string_view page, const Slots& slots) {
  std::string out;
  out.reserve(page.size() + 1024);
  size_t at = 0;
  while (true) {
    const size_t open = page.find("{{", at);
    const size_t close = open == std::string_view::npos ? open : page.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    out.append(page.substr(at, open - at));
    auto slot = slots.find(page.substr(open + 2, close - open - 2));
    if (slot != slots.end()) out += slot->second;
    at = close + 2;
  }
  out.append(page.substr(at));
  return out;
}

}  // namespace paperdeck::http
