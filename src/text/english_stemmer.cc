#include "text/english_stemmer.h"

#include <libstemmer.h>

#include <cstdint>

namespace paperdeck::text {
namespace {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// "llms" -> "llm": the trailing letter run ends in "s" and has no vowel before it (so no English
// word; Porter2 would keep the "s").
std::string_view DropAcronymPlural(std::string_view word) {
  if (word.size() < 3 || word.back() != 's') return word;
  size_t start = word.size() - 1;
  while (start > 0 && IsAsciiLetter(word[start - 1])) --start;
  const std::string_view letters = word.substr(start, word.size() - 1 - start);
  if (letters.size() < 2 || letters.back() == 's') return word;
  for (char c : letters) {
    if (IsVowel(c)) return word;
  }
  return word.substr(0, word.size() - 1);
}

// FNV-1a: short keys, and no need for more than a good spread over the cache slots.
size_t HashWord(std::string_view word) {
  uint64_t h = 14695981039346656037ull;
  for (char c : word) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return static_cast<size_t>(h ^ (h >> 32));
}

// Longer words are rare enough that caching them would only evict common ones.
constexpr size_t kMaxCachedWordBytes = 24;

}  // namespace

EnglishStemmer::EnglishStemmer()
    : stemmer_(sb_stemmer_new("english", "UTF_8")), cache_(new CacheSlot[kCacheSlots]) {}

EnglishStemmer::~EnglishStemmer() { sb_stemmer_delete(stemmer_); }

void EnglishStemmer::Stem(std::string_view word, std::string* out) {
  if (word.empty() || !IsAsciiLetter(word.back())) {
    out->assign(word);
    return;
  }
  if (word.size() > kMaxCachedWordBytes) {
    StemUncached(word, out);
    return;
  }
  CacheSlot& slot = cache_[HashWord(word) & (kCacheSlots - 1)];
  if (slot.word != word) {
    StemUncached(word, &slot.stem);
    slot.word.assign(word);
  }
  out->assign(slot.stem);
}

void EnglishStemmer::StemUncached(std::string_view word, std::string* out) {
  word = DropAcronymPlural(word);
  if (stemmer_ == nullptr) {
    out->assign(word);
    return;
  }
  const sb_symbol* stem = sb_stemmer_stem(
      stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (stem == nullptr) {
    out->assign(word);
    return;
  }
  out->assign(reinterpret_cast<const char*>(stem),
              static_cast<size_t>(sb_stemmer_length(stemmer_)));
}

}  // namespace paperdeck::text
