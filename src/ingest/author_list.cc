#include "ingest/author_list.h"

#include <array>
#include <cctype>

#include "ingest/whitespace.h"

namespace paperdeck::ingest {
namespace {

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && EqualsNoCase(s.substr(s.size() - suffix.size()), suffix);
}

bool IsNameSuffix(std::string_view part) {
  static constexpr std::array<std::string_view, 7> kSuffixes = {"Jr", "Jr.", "Sr", "Sr.",
                                                                "II", "III", "IV"};
  for (std::string_view s : kSuffixes) {
    if (part == s) return true;
  }
  return false;
}

std::string_view TrimSeparators(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == ',')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == ',')) s.remove_suffix(1);
  return s;
}

}  // namespace

AuthorList SplitAuthorList(std::string_view text) {
  AuthorList list;
  std::string tidy = CollapseWhitespace(text);
  std::string_view rest = TrimSeparators(tidy);
  for (std::string_view marker : {" et al.", " et al", ",et al.", ",et al"}) {
    if (EndsWithNoCase(rest, marker)) {
      rest = TrimSeparators(rest.substr(0, rest.size() - marker.size()));
      list.complete = false;
      break;
    }
  }
  if (EqualsNoCase(rest, "et al.") || EqualsNoCase(rest, "et al")) {
    list.complete = false;
    return list;
  }

  auto add = [&list](std::string_view part) {
    part = TrimSeparators(part);
    if (part.empty()) return;
    if (IsNameSuffix(part) && !list.names.empty()) {
      list.names.back() += ", ";
      list.names.back() += part;
      return;
    }
    list.names.emplace_back(part);
  };
  // Cut at each ',' and at each " and " (a whole word: "Anderson" and "Rand" stay whole).
  size_t begin = 0;
  size_t i = 0;
  while (i < rest.size()) {
    if (rest[i] == ',') {
      add(rest.substr(begin, i - begin));
      begin = ++i;
    } else if (rest[i] == ' ' && rest.substr(i, 5) == " and ") {
      add(rest.substr(begin, i - begin));
      i += 5;
      begin = i;
    } else {
      ++i;
    }
  }
  add(rest.substr(begin));
  return list;
}

}  // namespace paperdeck::ingest
