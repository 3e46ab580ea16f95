// Snowball English (Porter2) stemming, via libstemmer, of words already folded to lower case:
// "attention" and "attentive" -> "attent", "sliding" -> "slide", "times" -> "time". One rule is
// added before Porter2, which keeps an "s" after a word with no vowel: the plural of a lower-case
// acronym loses its "s" ("llms" -> "llm", "cnns" -> "cnn"), matching what the word splitter does
// for "LLMs". Words that do not end in an ASCII letter ("gpt-4", "3.46", "注意") are left as they
// are, since no English suffix rule can apply to them.
//
// Text repeats its words (Zipf), so recent stems are kept in a small direct-mapped cache: a
// slot per hash of the word, overwritten on collision, bounded in memory.
//
// Threading: not thread-safe (libstemmer keeps per-stemmer state); use one per thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>

struct sb_stemmer;

namespace paperdeck::text {

class EnglishStemmer {
 public:
  EnglishStemmer();
  ~EnglishStemmer();
  EnglishStemmer(const EnglishStemmer&) = delete;
  EnglishStemmer& operator=(const EnglishStemmer&) = delete;

  // Replaces *out with the stem of word. If libstemmer is unavailable (or runs out of memory),
  // *out is the word unchanged.
  void Stem(std::string_view word, std::string* out);

 private:
  struct CacheSlot {
    std::string word;
    std::string stem;
  };
  static constexpr size_t kCacheSlots = 1 << 14;

  // Porter2 on word, without the cache.
  void StemUncached(std::string_view word, std::string* out);

  sb_stemmer* stemmer_;
  std::unique_ptr<CacheSlot[]> cache_;
};

}  // namespace paperdeck::text
