#include "ingest/bibtex_names.h"

#include <vector>

#include "text/latex_text.h"

namespace paperdeck::ingest {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '~'; }

std::string_view Trimmed(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Splits s at each separator outside braces: commas, or whitespace.
std::vector<std::string_view> SplitOutsideBraces(std::string_view s, bool at_commas) {
  std::vector<std::string_view> parts;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    const char c = i < s.size() ? s[i] : '\0';
    if (c == '{') ++depth;
    if (c == '}' && depth > 0) --depth;
    const bool end = i == s.size() || (depth == 0 && (at_commas ? c == ',' : IsSpace(c)));
    if (!end) continue;
    std::string_view part = Trimmed(s.substr(start, i - start));
    if (at_commas || !part.empty()) parts.push_back(part);
    start = i + 1;
  }
  return parts;
}

// BibTeX's test for a von word: its first letter outside braces is lowercase. A word opening
// with a braced accent ("{\'e}douard") is judged by the accented letter; a word wholly in braces
// ("{Google DeepMind}") is never von.
bool IsVonWord(std::string_view word) {
  int depth = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if (c == '{') {
      if (depth == 0 && i + 1 < word.size() && word[i + 1] == '\\') {
        // A special character: the first letter after the control sequence decides.
        size_t j = i + 2;
        while (j < word.size() && !((word[j] >= 'a' && word[j] <= 'z') ||
                                    (word[j] >= 'A' && word[j] <= 'Z'))) {
          ++j;
        }
        // A one-letter accent command ("\v{s}") is followed by its letter.
        if (j + 1 < word.size() && (word[j + 1] == '{' || word[j + 1] == ' ')) j += 2;
        while (j < word.size() && (word[j] == '{' || word[j] == ' ')) ++j;
        return j < word.size() && word[j] >= 'a' && word[j] <= 'z';
      }
      ++depth;
      continue;
    }
    if (c == '}') {
      --depth;
      continue;
    }
    if (depth > 0) continue;
    if (c >= 'a' && c <= 'z') return true;
    if (c >= 'A' && c <= 'Z') return false;
  }
  return false;
}

std::string Joined(const std::vector<std::string_view>& words, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

// "von Family" (the part before the first comma) split at its last von word; the family name
// keeps at least one word.
void SplitVonFamily(const std::vector<std::string_view>& words, BibtexName* name) {
  size_t von_end = 0;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (IsVonWord(words[i])) von_end = i + 1;
  }
  name->von = Joined(words, 0, von_end);
  name->family = Joined(words, von_end, words.size());
}

bool IsAnd(std::string_view word) {
  return word.size() == 3 && (word[0] | 0x20) == 'a' && (word[1] | 0x20) == 'n' &&
         (word[2] | 0x20) == 'd';
}

}  // namespace

BibtexName SplitBibtexName(std::string_view text) {
  BibtexName name;
  std::vector<std::string_view> parts = SplitOutsideBraces(Trimmed(text), /*at_commas=*/true);
  if (parts.size() == 1) {
    // Given von Family: the von part is the first von word up to the last one before the family
    // name's last word; with none, the last word is the family name.
    std::vector<std::string_view> words = SplitOutsideBraces(parts[0], false);
    if (words.empty()) return name;
    size_t von_start = words.size(), von_end = words.size();
    for (size_t i = 0; i + 1 < words.size(); ++i) {
      if (!IsVonWord(words[i])) continue;
      if (von_start == words.size()) von_start = i;
      von_end = i + 1;
    }
    if (von_start == words.size()) {
      name.given = Joined(words, 0, words.size() - 1);
      name.family = std::string(words.back());
    } else {
      name.given = Joined(words, 0, von_start);
      name.von = Joined(words, von_start, von_end);
      name.family = Joined(words, von_end, words.size());
    }
    return name;
  }
  SplitVonFamily(SplitOutsideBraces(parts[0], false), &name);
  if (parts.size() == 2) {
    name.given = std::string(parts[1]);
  } else {
    name.jr = std::string(parts[1]);
    std::string given;
    for (size_t i = 2; i < parts.size(); ++i) {
      if (!given.empty()) given += ", ";
      given += parts[i];
    }
    name.given = given;
  }
  return name;
}

AuthorList ParseBibtexNames(std::string_view field) {
  AuthorList list;
  // The names: the words between "and"s outside braces.
  std::vector<std::string_view> words = SplitOutsideBraces(field, false);
  std::vector<std::string> names;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) names.push_back(current);
    current.clear();
  };
  for (std::string_view w : words) {
    if (IsAnd(w)) {
      flush();
      continue;
    }
    if (!current.empty()) current += ' ';
    current += w;
  }
  flush();
  if (!names.empty() && (names.back() == "others" || names.back() == "et al." ||
                         names.back() == "et al")) {
    names.pop_back();
    list.complete = false;
  }
  for (const std::string& written : names) {
    BibtexName n = SplitBibtexName(written);
    std::string shown = n.given;
    for (const std::string* part : {&n.von, &n.family}) {
      if (part->empty()) continue;
      if (!shown.empty()) shown += ' ';
      shown += *part;
    }
    if (!n.jr.empty()) shown += ", " + n.jr;
    std::string decoded = text::DecodeLatex(shown);
    if (!decoded.empty()) list.names.push_back(std::move(decoded));
  }
  return list;
}

}  // namespace paperdeck::ingest
