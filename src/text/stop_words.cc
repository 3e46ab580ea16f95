#include "text/stop_words.h"

#include <string_view>

namespace paperdeck::text {
namespace {

// Grouped by length so a lookup compares against a handful of words at most.
constexpr std::string_view kLength1[] = {"a"};
constexpr std::string_view kLength2[] = {"an", "as", "at", "be", "by", "if", "in",
                                         "is", "it", "no", "of", "on", "or", "to"};
constexpr std::string_view kLength3[] = {"and", "are", "but", "for", "not", "the", "was"};
constexpr std::string_view kLength4[] = {"into", "such", "that", "then",
                                         "they", "this", "will", "with"};
constexpr std::string_view kLength5[] = {"their", "there", "these"};

template <size_t N>
bool Contains(const std::string_view (&words)[N], std::string_view word) {
  for (std::string_view w : words) {
    if (w == word) return true;
  }
  return false;
}

}  // namespace

bool IsEnglishStopWord(std::string_view folded_word) {
  switch (folded_word.size()) {
    case 1: return Contains(kLength1, folded_word);
    case 2: return Contains(kLength2, folded_word);
    case 3: return Contains(kLength3, folded_word);
    case 4: return Contains(kLength4, folded_word);
    case 5: return Contains(kLength5, folded_word);
    default: return false;
  }
}

}  // namespace paperdeck::text
