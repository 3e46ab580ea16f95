#include "search/question_words.h"

#include <algorithm>
#include <array>
#include <string>

namespace paperdeck::search {
namespace {

// Pronouns, auxiliaries, question words and the fillers of a question ("what is known about",
// "so far"); no word here names a topic. Lower case, sorted.
constexpr std::array<std::string_view, 61> kWords = {
    "about", "after", "also", "am", "any", "been", "being", "can", "could", "did",
    "do", "does", "doing", "done", "far", "from", "had", "has", "have", "having",
    "he", "her", "here", "him", "his", "how", "i", "its", "known", "me",
    "might", "more", "most", "my", "our", "over", "she", "should", "so", "some",
    "than", "them", "those", "us", "very", "we", "were", "what", "whatever", "when",
    "where", "whether", "which", "while", "who", "whom", "whose", "why", "would", "you", "your",
};

}  // namespace

bool IsQuestionWord(std::string_view word) {
  if (word.empty() || word.size() > 12) return false;
  std::string lower(word);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return std::binary_search(kWords.begin(), kWords.end(), std::string_view(lower));
}

}  // namespace paperdeck::search
