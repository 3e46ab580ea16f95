#include "http/request_params.h"

#include <charconv>

namespace paperdeck::http {
namespace {

// The single value of name, or nullptr when absent; false when it is given more than once.
bool Single(const QueryParams& params, const std::string& name, const std::string** value,
            ParamError* error) {
  auto [first, last] = params.equal_range(name);
  *value = nullptr;
  if (first == last) return true;
  if (std::next(first) != last) {
    *error = {name, "'" + name + "' is given more than once"};
    return false;
  }
  *value = &first->second;
  return true;
}

bool ParseNumber(std::string_view s, uint32_t low, uint32_t high, uint32_t* out) {
  if (s.empty() || s.size() > 10) return false;
  uint64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v < low || v > high) return false;
  *out = static_cast<uint32_t>(v);
  return true;
}

// Every value of a repeatable parameter, split on commas; empty pieces are skipped.
std::vector<std::string_view> Values(const QueryParams& params, const std::string& name) {
  std::vector<std::string_view> out;
  auto [first, last] = params.equal_range(name);
  for (auto it = first; it != last; ++it) {
    std::string_view rest = it->second;
    while (!rest.empty()) {
      size_t comma = rest.find(',');
      std::string_view piece = rest.substr(0, comma);
      if (!piece.empty()) out.push_back(piece);
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  return out;
}

bool IsCategoryChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '.' || c == '-' || c == '_';
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t n;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      n = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;  // the sequence runs past the end
    for (size_t k = 1; k <= n; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += n + 1;
  }
  return true;
}

namespace {

// q=: at most kMaxQueryBytes of valid UTF-8.
bool ReadQuery(const QueryParams& params, std::string* q, ParamError* error) {
  const std::string* v = nullptr;
  if (!Single(params, "q", &v, error)) return false;
  if (v) {
    if (v->size() > kMaxQueryBytes) {
      *error = {"q", "the query is " + std::to_string(v->size()) + " bytes; at most " +
                         std::to_string(kMaxQueryBytes) + " are read"};
      return false;
    }
    if (!IsValidUtf8(*v)) {
      *error = {"q", "the query is not valid UTF-8"};
      return false;
    }
    *q = *v;
  }
  return true;
}

}  // namespace

bool ParseSuggestParams(const QueryParams& params, SuggestParams* out, ParamError* error) {
  if (!ReadQuery(params, &out->q, error)) return false;
  const std::string* v = nullptr;
  if (!Single(params, "limit", &v, error)) return false;
  if (v && !ParseNumber(*v, 1, kMaxSuggestLimit, &out->limit)) {
    *error = {"limit", "limit is a whole number from 1 to " + std::to_string(kMaxSuggestLimit)};
    return false;
  }
  return true;
}

bool ParseSearchParams(const QueryParams& params, SearchParams* out, ParamError* error) {
  if (!ReadQuery(params, &out->q, error)) return false;
  const std::string* v = nullptr;

  if (!Single(params, "sort", &v, error)) return false;
  if (v && !v->empty()) {
    if (*v == "relevance") {
      out->order = search::SortOrder::kRelevance;
    } else if (*v == "newest") {
      out->order = search::SortOrder::kNewest;
    } else if (*v == "citations") {
      out->order = search::SortOrder::kCitations;
    } else if (*v == "upvotes") {
      out->order = search::SortOrder::kUpvotes;
    } else if (*v == "added") {
      out->order = search::SortOrder::kAdded;
    } else if (*v == "library") {
      out->order = search::SortOrder::kLibrary;
    } else {
      *error = {"sort", "sort is one of relevance, newest, citations, upvotes, added, library"};
      return false;
    }
    out->sort = *v;
  }

  if (!Single(params, "exact", &v, error)) return false;
  if (v && !v->empty()) {
    if (*v != "0" && *v != "1") {
      *error = {"exact", "exact is 0 or 1"};
      return false;
    }
    out->exact = *v == "1";
  }

  if (!Single(params, "explain", &v, error)) return false;
  if (v && !v->empty()) {
    if (*v != "0" && *v != "1") {
      *error = {"explain", "explain is 0 or 1"};
      return false;
    }
    out->explain = *v == "1";
  }

  if (!Single(params, "expand", &v, error)) return false;
  if (v && !v->empty()) {
    if (*v != "0" && *v != "1") {
      *error = {"expand", "expand is 0 or 1"};
      return false;
    }
    out->expand = *v == "1";
  }

  if (!Single(params, "mode", &v, error)) return false;
  if (v && !v->empty()) {
    if (*v != "keyword" && *v != "hybrid") {
      *error = {"mode", "mode is keyword or hybrid"};
      return false;
    }
    out->hybrid = *v == "hybrid";
  }

  if (!Single(params, "page", &v, error)) return false;
  if (v && !ParseNumber(*v, 1, kMaxPage, &out->page)) {
    *error = {"page", "page is a whole number from 1 to " + std::to_string(kMaxPage)};
    return false;
  }
  if (!Single(params, "limit", &v, error)) return false;
  if (v && !ParseNumber(*v, 1, kMaxPageLimit, &out->limit)) {
    *error = {"limit", "limit is a whole number from 1 to " + std::to_string(kMaxPageLimit)};
    return false;
  }

  std::vector<std::string_view> cats = Values(params, "cat");
  if (cats.size() > kMaxFilterValues) {
    *error = {"cat", "at most " + std::to_string(kMaxFilterValues) + " categories"};
    return false;
  }
  for (std::string_view c : cats) {
    bool ok = c.size() <= kMaxCategoryBytes;
    for (char ch : c) ok = ok && IsCategoryChar(ch);
    if (!ok) {
      *error = {"cat", "a category is letters, digits, '.', '-' or '_' (\"cs.CL\", \"hep-th\")"};
      return false;
    }
    out->categories.emplace_back(c);
  }

  std::vector<std::string_view> years = Values(params, "year");
  if (years.size() > kMaxFilterValues) {
    *error = {"year", "at most " + std::to_string(kMaxFilterValues) + " years"};
    return false;
  }
  for (std::string_view y : years) {
    // "2024", or "2021-2024": from one year to another.
    const size_t dash = y.find('-');
    std::string_view from = y.substr(0, dash);
    std::string_view to = dash == std::string_view::npos ? from : y.substr(dash + 1);
    uint32_t low = 0, high = 0;
    if (!ParseNumber(from, 1000, 9999, &low) || !ParseNumber(to, 1000, 9999, &high)) {
      *error = {"year", "a year has four digits (\"2024\"), a range two (\"2021-2024\")"};
      return false;
    }
    if (low > high) {
      *error = {"year", "a range of years runs from the earlier to the later (\"2021-2024\")"};
      return false;
    }
    out->years.push_back({static_cast<int32_t>(low), static_cast<int32_t>(high)});
  }
  return true;
}

}  // namespace paperdeck::http
