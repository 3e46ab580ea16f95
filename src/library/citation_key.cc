#include "library/citation_key.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <array>
#include <memory>

#include "model/person_name.h"

namespace paperdeck::library {
namespace {

// Words a key never takes from a title: articles, and the short words that open titles
// ("On the ...", "Towards a ...").
bool IsStopWord(std::string_view word) {
  constexpr std::array<std::string_view, 24> kStopWords = {
      "a",  "an",   "the", "on",  "of",   "in",    "for",     "to",   "and",  "with", "at", "by",
      "from", "is", "are", "as",  "via",  "into",  "towards", "toward", "do", "does", "or", "about"};
  for (std::string_view s : kStopWords) {
    if (word == s) return true;
  }
  return false;
}

std::string Transliterated(std::string_view text) {
  // Made once per thread: building it parses ICU's rules (milliseconds); using one is not
  // thread-safe.
  thread_local std::unique_ptr<icu::Transliterator> to_ascii = [] {
    UErrorCode error = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, error));
    return U_SUCCESS(error) ? std::move(made) : nullptr;
  }();
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (to_ascii) to_ascii->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool KeyChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

}  // namespace

std::string AsciiKeyPart(std::string_view text) {
  std::string out;
  for (char c : Transliterated(text)) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (KeyChar(c)) out += c;
  }
  return out;
}

std::string CitationKeyBase(const PaperRecord& record) {
  std::string family;
  if (!record.authors.empty()) family = AsciiKeyPart(SplitPersonName(record.authors[0]).family);
  if (family.empty()) family = "anon";

  std::string year;
  if (record.year > 0) {
    year = std::to_string(record.year);
  } else if (record.published.size() >= 4) {
    year = record.published.substr(0, 4);
  }

  // Words of the title, LaTeX commands ("\alpha") and math skipped; the first one left that is
  // not a stop word.
  std::string word;
  const std::string title = Transliterated(record.title);
  for (size_t i = 0; i < title.size() && word.empty();) {
    if (title[i] == '$') {  // math: "$O(n)$" is no word of the title
      const size_t close = title.find('$', i + 1);
      i = close == std::string::npos ? title.size() : close + 1;
      continue;
    }
    if (title[i] == '\\') {
      ++i;
      while (i < title.size() && ((title[i] >= 'a' && title[i] <= 'z') ||
                                  (title[i] >= 'A' && title[i] <= 'Z'))) {
        ++i;
      }
      continue;
    }
    std::string candidate;
    while (i < title.size() && title[i] != '\\' && title[i] != '$' && title[i] != ' ' &&
           title[i] != '-' &&
           title[i] != ':' && title[i] != '/') {
      char c = title[i++];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (KeyChar(c)) candidate += c;
    }
    if (i < title.size() && title[i] != '\\' && title[i] != '$') ++i;
    if (!candidate.empty() && !IsStopWord(candidate)) word = candidate;
  }
  return family + year + word;
}

std::string CitationKeyCandidate(std::string_view base, int n) {
  std::string suffix;
  // Bijective base 26: 1 -> a, 26 -> z, 27 -> aa.
  for (int k = n; k > 0; k = (k - 1) / 26) {
    suffix.insert(suffix.begin(), static_cast<char>('a' + (k - 1) % 26));
  }
  return std::string(base) + suffix;
}

std::string CitationKeyProblem(std::string_view key) {
  if (key.empty()) return "is empty";
  if (key.size() > 200) return "is longer than 200 bytes";
  for (char c : key) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return "holds white space";
    if (std::string_view("{}(),\\\"#%'=~").find(c) != std::string_view::npos) {
      return std::string("holds '") + c + "', which BibTeX cannot take in a key";
    }
  }
  return "";
}

}  // namespace paperdeck::library
