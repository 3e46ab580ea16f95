// libFuzzer target for the search API's parameters (http/request_params): the bytes are a query
// string, split at '&' and '=' into the multimap the server hands over (already percent-decoded:
// any bytes). Either a ParamError naming a parameter, or parameters within the documented limits.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "http/request_params.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  paperdeck::http::QueryParams params;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('&', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view pair = text.substr(start, end - start);
    const size_t eq = pair.find('=');
    if (eq == std::string_view::npos) {
      params.emplace(std::string(pair), "");
    } else {
      params.emplace(std::string(pair.substr(0, eq)), std::string(pair.substr(eq + 1)));
    }
    start = end + 1;
  }

  paperdeck::http::SearchParams out;
  paperdeck::http::ParamError error;
  if (!paperdeck::http::ParseSearchParams(params, &out, &error)) {
    if (error.param.empty() || error.message.empty()) __builtin_trap();
    return 0;
  }
  using namespace paperdeck::http;
  if (out.q.size() > kMaxQueryBytes || !IsValidUtf8(out.q)) __builtin_trap();
  if (out.page < 1 || out.page > kMaxPage) __builtin_trap();
  if (out.limit < 1 || out.limit > kMaxPageLimit) __builtin_trap();
  if (out.categories.size() > kMaxFilterValues || out.years.size() > kMaxFilterValues) __builtin_trap();
  for (const std::string& c : out.categories) {
    if (c.size() > kMaxCategoryBytes) __builtin_trap();
  }
  for (const paperdeck::search::YearRange& y : out.years) {
    if (y.low < 1000 || y.high > 9999 || y.low > y.high) __builtin_trap();
  }
  return 0;
}
