#include "text/author_name_analyzer.h"

#include <algorithm>

#include "text/utf8.h"

namespace paperdeck::text {
namespace {

// Words written before a family name that belong to it (Dutch, German, French, Italian,
// Spanish, Portuguese, Scandinavian and Arabic particles), folded.
constexpr std::string_view kParticles[] = {
    "af",  "al",  "bin", "da",  "das", "de",  "degli", "dei", "del", "della", "den", "der",
    "des", "di",  "do",  "dos", "du",  "el",  "ibn",   "la",  "le",  "lo",    "ten", "ter",
    "van", "vom", "von", "zu",  "zum", "zur"};

// Written after a family name: not part of it.
constexpr std::string_view kSuffixes[] = {"Jr", "jr", "JR", "Jnr", "Sr", "sr", "SR", "Snr",
                                          "II", "III", "IV"};

bool IsParticle(std::string_view folded) {
  return std::find(std::begin(kParticles), std::end(kParticles), folded) != std::end(kParticles);
}

bool IsSuffix(std::string_view written) {
  return std::find(std::begin(kSuffixes), std::end(kSuffixes), written) != std::end(kSuffixes);
}

bool StartsLowercase(std::string_view written) {
  return !written.empty() && written[0] >= 'a' && written[0] <= 'z';
}

// The first code point of a term, or empty when the term is that one code point already, or
// begins with a digit (a number has no initial).
std::string_view Initial(std::string_view term) {
  if (term.empty() || (term[0] >= '0' && term[0] <= '9')) return {};
  const DecodedCodePoint c = DecodeUtf8(term, 0);
  if (c.value == kInvalidCodePoint || c.length >= term.size()) return {};
  return term.substr(0, c.length);
}

// written with ä, ö, ü (precomposed, or a vowel and U+0308) as ae, oe, ue; false when it holds
// none of them.
bool GermanTransliteration(std::string_view written, std::string* out) {
  out->clear();
  bool changed = false;
  for (size_t i = 0; i < written.size(); ++i) {
    const char c = written[i];
    if (c == '\xC3' && i + 1 < written.size()) {
      const char* vowel = nullptr;
      switch (written[i + 1]) {
        case '\xA4': vowel = "ae"; break;
        case '\xB6': vowel = "oe"; break;
        case '\xBC': vowel = "ue"; break;
        case '\x84': vowel = "Ae"; break;
        case '\x96': vowel = "Oe"; break;
        case '\x9C': vowel = "Ue"; break;
        default: break;
      }
      if (vowel) {
        *out += vowel;
        ++i;
        changed = true;
        continue;
      }
    }
    if (std::string_view("aouAOU").find(c) != std::string_view::npos &&
        written.substr(i + 1, 2) == "\xCC\x88") {
      *out += c;
      *out += 'e';
      i += 2;
      changed = true;
      continue;
    }
    *out += c;
  }
  return changed;
}

}  // namespace

uint32_t AuthorNameAnalyzer::AnalyzeUpTo(Analyzer* analyzer, std::string_view name,
                                         size_t max_tokens, std::vector<Token>* out,
                                         uint32_t first_position, size_t* stopped_at) {
  const size_t first_token = out->size();
  const uint32_t end = analyzer->AnalyzeUpTo(name, max_tokens, out, first_position, stopped_at);
  if (*stopped_at < name.size()) return end;

  const std::vector<QueryWord> words = analyzer->AnalyzeQuery(name);
  if (words.empty()) return end;
  // Each word's position, as AnalyzeUpTo numbered them: one a word, one a part of a compound.
  std::vector<uint32_t> positions(words.size());
  uint32_t position = first_position;
  for (size_t i = 0; i < words.size(); ++i) {
    positions[i] = position;
    position += static_cast<uint32_t>(std::max<size_t>(1, words[i].parts.size()));
  }
  auto written = [&](size_t i) {
    return name.substr(words[i].begin, words[i].end - words[i].begin);
  };

  forms_.clear();
  auto add = [&](std::string_view term, size_t word, uint32_t at) {
    if (term.empty()) return;
    auto same = [&](const Token& t) { return t.position == at && t.term == term; };
    if (std::any_of(out->begin() + static_cast<std::ptrdiff_t>(first_token), out->end(), same) ||
        std::any_of(forms_.begin(), forms_.end(), same)) {
      return;
    }
    Token& t = forms_.emplace_back();
    t.term.assign(term);
    t.position = at;
    t.begin = words[word].begin;
    t.end = words[word].end;
  };

  // The family name: the last word before any suffix, with the particles before it, never
  // reaching the first word.
  size_t last = words.size();
  while (last > 1 && IsSuffix(written(last - 1))) --last;
  const size_t family_word = last - 1;
  size_t family = family_word;
  while (family > 1 && words[family - 1].parts.empty() &&
         IsParticle(analyzer->Folded(written(family - 1)))) {
    --family;
  }

  for (size_t i = 0; i < family && family_word > 0; ++i) {
    const QueryWord& w = words[i];
    if (StartsLowercase(written(i)) && IsParticle(analyzer->Folded(written(i)))) continue;
    if (w.parts.empty()) {
      add(Initial(w.whole), i, positions[i]);
    } else {
      for (size_t p = 0; p < w.parts.size(); ++p) {
        add(Initial(w.parts[p]), i, positions[i] + static_cast<uint32_t>(p));
      }
    }
  }

  if (family < family_word) {
    std::string joined;
    for (size_t i = family; i <= family_word; ++i) joined += written(i);
    add(analyzer->Term(joined), family, positions[family]);
  }

  std::string german;
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].stop) add(words[i].whole, i, positions[i]);
    if (GermanTransliteration(written(i), &german)) {
      add(analyzer->Term(german), i, positions[i]);
    }
  }

  if (out->size() + forms_.size() <= max_tokens) {
    for (Token& t : forms_) out->push_back(std::move(t));
  }
  return end;
}

std::vector<QueryWord> AuthorQueryWords(Analyzer* analyzer, std::string_view text) {
  std::vector<QueryWord> words = analyzer->AnalyzeQuery(text);
  for (QueryWord& w : words) w.stop = false;  // its whole is the name's term all the same
  return words;
}

namespace {

// An initial as typed: one letter ("Y", "Y."), or a compound of them ("Y.-W.", "J.R.R.").
bool IsInitial(const QueryWord& w) {
  auto one = [](std::string_view term) {
    return !term.empty() && Initial(term).empty() && !(term[0] >= '0' && term[0] <= '9');
  };
  if (w.parts.empty()) return one(w.whole);
  // A part that is a stop word ("A" of "Y.-A.") is an empty gap: the one stop word of one
  // letter, when its neighbours are initials.
  return std::any_of(w.parts.begin(), w.parts.end(), one) &&
         std::all_of(w.parts.begin(), w.parts.end(),
                     [&](const std::string& part) { return part.empty() || one(part); });
}

}  // namespace

std::vector<QueryWord> GivenNamesFirst(const std::vector<QueryWord>& words,
                                       std::string_view text) {
  if (words.size() < 2) return {};
  size_t split = words.size();
  if (const size_t comma = text.find(','); comma != std::string_view::npos) {
    split = 0;
    while (split < words.size() && words[split].begin < comma) ++split;
  } else {
    while (split > 0 && IsInitial(words[split - 1])) --split;
    if (split == 0 || IsInitial(words[0])) return {};
  }
  if (split == 0 || split == words.size()) return {};
  std::vector<QueryWord> reordered(words.begin() + static_cast<std::ptrdiff_t>(split), words.end());
  reordered.insert(reordered.end(), words.begin(),
                   words.begin() + static_cast<std::ptrdiff_t>(split));
  return reordered;
}

}  // namespace paperdeck::text
