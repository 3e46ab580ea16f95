// BibtexParser: the syntax of a .bib file (BibTeX and biblatex alike), one entry at a time, as
// BibTeX itself reads it: text outside entries is ignored; `@string{name = "value"}` defines a
// macro (month names jan..dec are predefined); `@comment` and `@preamble` are skipped; an entry is
// `@type{key, name = value, ...}` (or with parentheses), where a value is `{...}` with nested
// braces, `"..."`, a number or a macro, joined by `#`. Whitespace in values collapses to one
// space; braces inside a value are kept (they mean something to LaTeX and to names). A macro
// that was never defined stands for its own name, so nothing the file wrote is lost.
//
// A malformed entry is reported with the line of its `@` and what was wrong, and parsing picks up
// at the next `@` that begins a line after it, so one bad entry loses only itself (BibTeX's own
// recovery skips to the next `@` anywhere, which may be inside the bad entry). No recursion: any
// input, however nested, takes constant stack (the parser is fuzzed: tests/fuzz).
//
// Threading: one parser per thread; the text must outlive it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace paperdeck::ingest {

struct BibField {
  std::string name;   // lowercase
  std::string value;  // macros expanded, pieces joined, outer delimiters removed
  uint64_t line = 0;  // where the field's name is
};

struct BibEntry {
  std::string type;   // lowercase: "article", "inproceedings", "misc", ...
  std::string key;    // as written
  uint64_t line = 0;  // the line of the entry's '@'
  std::vector<BibField> fields;  // in order; a repeated field keeps its first value

  // The value of the field named name (lowercase), or nullptr.
  const std::string* Find(std::string_view name) const;
};

class BibtexParser {
 public:
  explicit BibtexParser(std::string_view text);

  enum class Outcome {
    kEntry,     // *entry holds the next entry
    kBadEntry,  // *error and *error_line say what was wrong; call Next for the next entry
    kEnd,
  };
  Outcome Next(BibEntry* entry, std::string* error, uint64_t* error_line);

  // Bytes consumed so far.
  uint64_t position() const { return pos_; }

 private:
  // Each returns false after setting error_ when the text does not follow the syntax.
  bool ParseBody(const std::string& type, char close, BibEntry* entry);
  bool ParseValue(std::string* value);
  bool ParseIdentifier(std::string* name);
  bool ParseDelimited(char open, std::string* out);
  void SkipSpace();
  void Advance(size_t n = 1);
  char Peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  bool Fail(std::string message);
  // After a bad entry that began at entry_start: the next '@' beginning a line.
  void Resynchronise(size_t entry_start, uint64_t entry_line);

  std::string_view text_;
  size_t pos_ = 0;
  uint64_t line_ = 1;
  std::string error_;
  std::map<std::string, std::string, std::less<>> macros_;  // names lowercase
};

}  // namespace paperdeck::ingest
