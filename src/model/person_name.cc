#include "model/person_name.h"

#include <array>
#include <vector>

namespace paperdeck {
namespace {

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

std::string Join(const std::vector<std::string>& words, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) out += (out.empty() ? "" : " ") + words[i];
  return out;
}

bool IsSuffix(std::string_view word) {
  constexpr std::array<std::string_view, 8> kSuffixes = {"Jr.", "Jr", "Sr.", "Sr",
                                                         "II",  "III", "IV", "Jnr."};
  for (std::string_view s : kSuffixes) {
    if (word == s) return true;
  }
  return false;
}

// A particle of a family name: a word that starts with an ASCII lowercase letter ("van", "de",
// "von", "d'"). Names in scripts without case have none.
bool IsParticle(std::string_view word) { return !word.empty() && word[0] >= 'a' && word[0] <= 'z'; }

std::string Trimmed(std::string_view text) { return Join(Words(text), 0, Words(text).size()); }

}  // namespace

PersonName SplitPersonName(std::string_view full_name) {
  PersonName name;
  if (const size_t comma = full_name.find(','); comma != std::string_view::npos) {
    name.family = Trimmed(full_name.substr(0, comma));
    std::string_view rest = full_name.substr(comma + 1);
    // "King, Jr., Martin Luther": BibTeX's three-part form.
    if (const size_t second = rest.find(','); second != std::string_view::npos) {
      name.suffix = Trimmed(rest.substr(0, second));
      name.given = Trimmed(rest.substr(second + 1));
    } else {
      name.given = Trimmed(rest);
    }
    return name;
  }
  std::vector<std::string> words = Words(full_name);
  if (words.size() > 1 && IsSuffix(words.back())) {
    name.suffix = words.back();
    words.pop_back();
  }
  if (words.empty()) return name;
  size_t family_from = words.size() - 1;
  // Particles belong to the family name, but the first word is always a given name.
  while (family_from > 1 && IsParticle(words[family_from - 1])) --family_from;
  name.given = Join(words, 0, family_from);
  name.family = Join(words, family_from, words.size());
  return name;
}

}  // namespace paperdeck
