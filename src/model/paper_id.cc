#include "model/paper_id.h"

#include <cctype>
#include <cstdint>
#include <cstdio>

namespace paperdeck {
namespace {

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// Drops a trailing "v<digits>".
std::string_view StripVersion(std::string_view s) {
  size_t v = s.rfind('v');
  if (v != std::string_view::npos && v + 1 < s.size() && AllDigits(s.substr(v + 1))) {
    return s.substr(0, v);
  }
  return s;
}

}  // namespace

std::string NormalizeArxivId(std::string_view text) {
  std::string_view s = Trim(text);
  for (std::string_view prefix : {"https://arxiv.org/abs/", "http://arxiv.org/abs/",
                                  "https://arxiv.org/pdf/", "http://arxiv.org/pdf/", "arxiv:"}) {
    if (StartsWithNoCase(s, prefix)) {
      s.remove_prefix(prefix.size());
      break;
    }
  }
  if (s.size() > 4 && s.substr(s.size() - 4) == ".pdf") s.remove_suffix(4);
  s = StripVersion(s);
  // New style: YYMM.NNNN or YYMM.NNNNN.
  size_t dot = s.find('.');
  if (dot == 4 && AllDigits(s.substr(0, 4)) && (s.size() == 9 || s.size() == 10) &&
      AllDigits(s.substr(5))) {
    return std::string(s);
  }
  // Old style: archive(.SUBJ)?/YYMMNNN.
  size_t slash = s.find('/');
  if (slash != std::string_view::npos && slash > 0 && s.size() - slash - 1 == 7 &&
      AllDigits(s.substr(slash + 1))) {
    for (char c : s.substr(0, slash)) {
      if (!(std::isalpha(static_cast<unsigned char>(c)) || c == '-' || c == '.')) return {};
    }
    std::string out(s);
    for (size_t i = 0; i < slash; ++i) {
      out[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[i])));
    }
    return out;
  }
  return {};
}

std::string NormalizeDoi(std::string_view text) {
  std::string_view s = Trim(text);
  for (std::string_view prefix :
       {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"}) {
    if (StartsWithNoCase(s, prefix)) {
      s.remove_prefix(prefix.size());
      break;
    }
  }
  if (s.size() < 4 || s.substr(0, 3) != "10." || s.find('/') == std::string_view::npos) return {};
  std::string out;
  out.reserve(s.size());
  for (char c : s) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

std::string TitleKey(std::string_view title, std::string_view first_author) {
  std::string_view family = Trim(first_author);
  size_t space = family.find_last_of(" \t");
  if (space != std::string_view::npos) family = family.substr(space + 1);

  uint64_t h = 1469598103934665603ull;
  auto feed = [&h](std::string_view s) {
    for (char c : s) {
      unsigned char u = static_cast<unsigned char>(c);
      // Letters and digits only, ASCII folded; bytes of other scripts are kept as they are.
      if (u < 0x80 && !std::isalnum(u)) continue;
      h ^= (u < 0x80) ? static_cast<unsigned char>(std::tolower(u)) : u;
      h *= 1099511628211ull;
    }
  };
  feed(title);
  h ^= 0xff;
  h *= 1099511628211ull;
  feed(family);
  char buf[24];
  std::snprintf(buf, sizeof buf, "h:%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string CanonicalId(const PaperRecord& record) {
  if (std::string a = NormalizeArxivId(record.arxiv_id); !a.empty()) return a;
  if (std::string d = NormalizeDoi(record.doi); !d.empty()) return "doi:" + d;
  return TitleKey(record.title, record.authors.empty() ? std::string_view() : record.authors[0]);
}

}  // namespace paperdeck
