// The user's own library: tags, a reading state and notes per paper (docs/schema.md, schema
// version 4). Unlike the papers' facts, none of it can be fetched again, so it outlives
// re-imports, reindexing and a deleted index, and a paper holding any of it is only removed
// when the caller says so (Corpus::Remove).
//
// This header holds the values and the pure functions on them; Corpus reads and writes them
// (library_data.cc).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"

namespace paperdeck::library {

enum class ReadingState { kToRead, kReading, kRead };

// "to-read", "reading", "read".
std::string_view ReadingStateName(ReadingState state);
// The inverse of ReadingStateName; nullopt for anything else.
std::optional<ReadingState> ParseReadingState(std::string_view name);

// A tag name as it is stored: surrounding white space trimmed. Refused (InvalidArgument, naming
// the name): an empty name, invalid UTF-8, white space or control characters inside, an empty
// part between slashes ("a//b", "/a", "a/"), more than 200 bytes. `/` nests:
// "thesis/related-work" is under "thesis".
Result<std::string> CleanTagName(std::string_view name);
// The key tags are matched by: NFKC with Unicode case folding (ICU's NFKC_Casefold), so
// "Thesis", "THESIS" and "ｔｈｅｓｉｓ" are one tag, and "Straße" matches "STRASSE".
// REQUIRES: name came from CleanTagName.
std::string FoldTagName(std::string_view name);

struct TagCount {
  std::string name;     // as first typed
  uint64_t papers = 0;  // papers carrying exactly this tag (not counting nested ones)
};

struct Note {
  int64_t id = 0;
  std::string text;  // Markdown, as written
  std::string created_at, edited_at;
};

struct ReadingStateAt {
  ReadingState state = ReadingState::kToRead;
  std::string set_at;
};

// Everything the library holds for one paper.
struct LibraryEntry {
  std::string entered_at;  // when the paper got its first tag, state or note; empty: none
  std::vector<std::string> tags;  // display names, in folded-name order
  std::optional<ReadingStateAt> state;
  std::vector<Note> notes;  // oldest first
  // The citation key pinned for the paper (corpus.h, PinCitationKeys); empty: none yet. It is
  // the user's too (documents cite it), though it alone does not put a paper in the library.
  std::string citation_key;

  bool empty() const { return tags.empty() && !state && notes.empty() && citation_key.empty(); }
  // What it holds, for messages: "2 tags (thesis, Thesis/related-work), reading state
  // to-read, 1 note, citation key vaswani2017attention"; empty when it holds nothing.
  std::string Describe() const;
};

}  // namespace paperdeck::library
