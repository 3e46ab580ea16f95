#include "ingest/bibtex_parser.h"

#include <cstring>

#include "model/ascii_case.h"

namespace paperdeck::ingest {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// BibTeX's identifiers (entry types, field and macro names): printable, and none of the
// characters its syntax uses.
bool IsIdentifierChar(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u > ' ' && u != 0x7f && std::strchr("\"#%'(),={}@", c) == nullptr;
}

// Runs of whitespace become one space; none at either end.
std::string Collapsed(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string Shown(char c) {
  if (c == '\0') return "the end of the file";
  if (c == '\n' || c == '\r') return "the end of the line";
  return std::string("'") + c + "'";
}

}  // namespace

const std::string* BibEntry::Find(std::string_view name) const {
  for (const BibField& f : fields) {
    if (f.name == name) return &f.value;
  }
  return nullptr;
}

BibtexParser::BibtexParser(std::string_view text) : text_(text) {
  static constexpr std::string_view kMonths[][2] = {
      {"jan", "January"}, {"feb", "February"}, {"mar", "March"},     {"apr", "April"},
      {"may", "May"},     {"jun", "June"},     {"jul", "July"},      {"aug", "August"},
      {"sep", "September"}, {"oct", "October"}, {"nov", "November"}, {"dec", "December"}};
  for (const auto& m : kMonths) macros_.emplace(std::string(m[0]), std::string(m[1]));
}

void BibtexParser::Advance(size_t n) {
  for (; n > 0 && pos_ < text_.size(); --n, ++pos_) {
    if (text_[pos_] == '\n') ++line_;
  }
}

void BibtexParser::SkipSpace() {
  while (pos_ < text_.size() && IsSpace(text_[pos_])) Advance();
}

bool BibtexParser::Fail(std::string message) {
  error_ = std::move(message);
  return false;
}

BibtexParser::Outcome BibtexParser::Next(BibEntry* entry, std::string* error,
                                         uint64_t* error_line) {
  while (true) {
    // Between entries everything is a comment; a line opening with '%' is skipped whole, so an
    // address in it ("% by someone@example.org") is not taken for an entry.
    bool line_start = pos_ == 0 || text_[pos_ - 1] == '\n';
    while (pos_ < text_.size() && text_[pos_] != '@') {
      if (line_start && text_[pos_] == '%') {
        while (pos_ < text_.size() && text_[pos_] != '\n') Advance();
        continue;
      }
      line_start = text_[pos_] == '\n' || (line_start && IsSpace(text_[pos_]));
      Advance();
    }
    if (pos_ >= text_.size()) return Outcome::kEnd;

    const size_t start = pos_;
    const uint64_t start_line = line_;
    *entry = BibEntry();
    entry->line = start_line;
    error_.clear();
    bool ok = true;
    bool skipped = false;  // @comment, @preamble, @string: nothing to hand out
    Advance();
    SkipSpace();
    std::string type;
    if (!ParseIdentifier(&type)) {
      ok = Fail("expected an entry type after '@', found " + Shown(Peek()));
    }
    type = AsciiLowercase(type);
    char close = '}';
    if (ok) {
      SkipSpace();
      if (Peek() == '{' || Peek() == '(') {
        close = Peek() == '{' ? '}' : ')';
        Advance();
      } else {
        ok = Fail("expected '{' or '(' after @" + type + ", found " + Shown(Peek()) +
                  " on line " + std::to_string(line_));
      }
    }
    if (ok && (type == "comment" || type == "preamble")) {
      // Skipped whole, braces balanced; an unclosed one ends the file, as in BibTeX.
      int depth = 1;
      while (pos_ < text_.size() && depth > 0) {
        const char c = text_[pos_];
        if (c == '{' || (close == ')' && c == '(')) ++depth;
        if (c == '}' || (close == ')' && c == ')')) --depth;
        Advance();
      }
      skipped = true;
    } else if (ok && type == "string") {
      std::string name, value;
      SkipSpace();
      ok = ParseIdentifier(&name) ||
           Fail("expected a macro name in @string, found " + Shown(Peek()));
      if (ok) {
        SkipSpace();
        ok = Peek() == '=' || Fail("expected '=' after @string name '" + name + "', found " +
                                   Shown(Peek()) + " on line " + std::to_string(line_));
      }
      if (ok) {
        Advance();
        ok = ParseValue(&value);
      }
      if (ok) {
        SkipSpace();
        ok = Peek() == close || Fail("expected '" + std::string(1, close) +
                                     "' to end @string '" + name + "', found " + Shown(Peek()) +
                                     " on line " + std::to_string(line_));
      }
      if (ok) {
        Advance();
        macros_[AsciiLowercase(name)] = std::move(value);
      }
      skipped = true;
    } else if (ok) {
      entry->type = type;
      ok = ParseBody(type, close, entry);
    }

    if (!ok) {
      *error = "@" + type + (entry->key.empty() ? "" : "{" + entry->key) + ": " + error_ +
               "; the entry is skipped";
      *error_line = start_line;
      Resynchronise(start, start_line);
      return Outcome::kBadEntry;
    }
    if (!skipped) return Outcome::kEntry;
  }
}

bool BibtexParser::ParseBody(const std::string& type, char close, BibEntry* entry) {
  SkipSpace();
  const size_t key_start = pos_;
  while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != close &&
         !IsSpace(text_[pos_]) && text_[pos_] != '{' && text_[pos_] != '}') {
    Advance();
  }
  entry->key = std::string(text_.substr(key_start, pos_ - key_start));
  SkipSpace();
  if (entry->key.empty()) {
    return Fail("expected the entry's key after @" + type + "{, found " + Shown(Peek()) +
                " on line " + std::to_string(line_));
  }
  if (Peek() == close) {
    Advance();
    return true;
  }
  if (Peek() != ',') {
    return Fail("expected ',' after the key, found " + Shown(Peek()) + " on line " +
                std::to_string(line_));
  }
  Advance();
  while (true) {
    SkipSpace();
    if (Peek() == close) {
      Advance();
      return true;
    }
    if (pos_ >= text_.size()) return Fail("the entry is never closed");
    BibField field;
    field.line = line_;
    if (!ParseIdentifier(&field.name)) {
      return Fail("expected a field name, found " + Shown(Peek()) + " on line " +
                  std::to_string(line_));
    }
    field.name = AsciiLowercase(field.name);
    SkipSpace();
    if (Peek() != '=') {
      return Fail("expected '=' after field '" + field.name + "', found " + Shown(Peek()) +
                  " on line " + std::to_string(line_));
    }
    Advance();
    if (!ParseValue(&field.value)) {
      error_ = "field '" + field.name + "' (line " + std::to_string(field.line) + "): " + error_;
      return false;
    }
    SkipSpace();
    const std::string name = field.name;
    const uint64_t field_line = field.line;
    if (entry->Find(name) == nullptr) entry->fields.push_back(std::move(field));
    if (Peek() == ',') {
      Advance();
      continue;
    }
    if (Peek() == close) {
      Advance();
      return true;
    }
    return Fail("expected ',' or '" + std::string(1, close) + "' after field '" + name +
                "' (line " + std::to_string(field_line) + "), found " + Shown(Peek()) +
                " on line " + std::to_string(line_) +
                (Peek() == '@' ? " (is a '}' missing?)" : ""));
  }
}

bool BibtexParser::ParseIdentifier(std::string* name) {
  const size_t start = pos_;
  while (pos_ < text_.size() && IsIdentifierChar(text_[pos_])) Advance();
  *name = std::string(text_.substr(start, pos_ - start));
  return !name->empty();
}

bool BibtexParser::ParseDelimited(char open, std::string* out) {
  const uint64_t open_line = line_;
  Advance();  // the opening '{' or '"'
  const size_t start = pos_;
  int depth = 0;
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (c == '{') {
      ++depth;
    } else if (c == '}') {
      if (depth == 0) {
        if (open == '{') {
          out->append(text_.substr(start, pos_ - start));
          Advance();
          return true;
        }
        return Fail("unbalanced '}' on line " + std::to_string(line_) +
                    " in the value begun on line " + std::to_string(open_line));
      }
      --depth;
    } else if (c == '"' && open == '"' && depth == 0) {
      out->append(text_.substr(start, pos_ - start));
      Advance();
      return true;
    }
    Advance();
  }
  return Fail(std::string("the value begun on line ") + std::to_string(open_line) +
              " is never closed (a missing '" + (open == '{' ? "}" : "\"") + "'?)");
}

bool BibtexParser::ParseValue(std::string* value) {
  std::string raw;
  while (true) {
    SkipSpace();
    const char c = Peek();
    if (c == '{' || c == '"') {
      if (!ParseDelimited(c, &raw)) return false;
    } else if (c >= '0' && c <= '9') {
      const size_t start = pos_;
      while (Peek() >= '0' && Peek() <= '9') Advance();
      raw.append(text_.substr(start, pos_ - start));
    } else if (IsIdentifierChar(c)) {
      std::string name;
      ParseIdentifier(&name);
      auto macro = macros_.find(AsciiLowercase(name));
      raw += macro != macros_.end() ? macro->second : name;
    } else {
      return Fail("expected a value, found " + Shown(c) + " on line " + std::to_string(line_));
    }
    SkipSpace();
    if (Peek() != '#') break;
    Advance();
  }
  *value = Collapsed(raw);
  return true;
}

void BibtexParser::Resynchronise(size_t entry_start, uint64_t entry_line) {
  // Back to the entry's '@' and forward from there, counting lines again.
  pos_ = entry_start;
  line_ = entry_line;
  Advance();
  bool line_start = false;
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (c == '@' && line_start) return;
    line_start = c == '\n' || (line_start && IsSpace(c));
    Advance();
  }
}

}  // namespace paperdeck::ingest
