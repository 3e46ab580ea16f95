// Suggestions as a person types: completions of what is in the search box, each saying what it
// is and the query that choosing it searches. The last word of the box is completed and the text
// before it kept byte for byte ("deep atten" → "deep attention").
//
// Where each kind comes from, at any corpus size, with nothing built for it:
//   word    the most frequent terms of the index beginning with the last word
//           (index/term_completions.h) that titles or abstracts hold; the index keeps stems
//           ("attent"), so each is shown as the papers write it: the form most of four papers
//           holding it in their title use ("attention", not one paper's "Attentive"), kept only
//           when it begins with what was typed; the typed word's own term is shown as typed.
//   author  the same frequent terms that author names hold ("lecun"): the full name is read from
//           a paper listing it ("Yann LeCun"), searched as author:"Yann LeCun".
//   title   the most cited of the first 64 papers whose titles hold the box's words, the last
//           completed as the first word above: the index's lists of those terms walked together
//           (title frequencies only), not a search, which would count every match of a word held
//           by a million papers. Searched as the title's phrase.
//   tag     the user's tags beginning with the last word (the library's tags table), tag:name.
//   saved   the user's saved searches whose name begins with the last word, or whose query
//           begins with the box: choosing one searches its query.
// A last word with a field completes that kind only: `author:lec` authors, `tag:rea` tags,
// `title:diff` and `abstract:diff` words (the field kept); any other field, nothing.
//
// Threading: one call's; the corpus connection is the calling thread's.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "index/index_reader.h"
#include "library/corpus.h"
#include "model/status.h"

namespace paperdeck::workspace {

enum class SuggestionKind { kWord, kAuthor, kTitle, kTag, kSavedSearch };

// "word", "author", "title", "tag", "saved-search": the kind as the API names it.
std::string_view SuggestionKindName(SuggestionKind kind);

struct TypedSuggestion {
  SuggestionKind kind = SuggestionKind::kWord;
  std::string text;     // what the list shows: "attention", "Yann LeCun", a title, a tag
  std::string query;    // the whole box after choosing it: `deep attention`, `author:"Yann LeCun"`
  uint64_t papers = 0;  // papers holding the word or carrying the tag; 0 when not counted
};

inline constexpr size_t kDefaultSuggestions = 8;
inline constexpr size_t kMaxSuggestions = 20;

// At most limit suggestions for typed (the search box's text), words first, then the user's
// tags and saved searches, authors, titles. Nothing for a box that is empty or ends in a space.
Result<std::vector<TypedSuggestion>> SuggestCompletions(library::Corpus& corpus,
                                                        const index::IndexReader& reader,
                                                        std::string_view typed, size_t limit);

}  // namespace paperdeck::workspace
