#include "query/query_lexer.h"

#include <array>
#include <optional>
#include <utility>

namespace paperdeck::query {
namespace {

struct FieldName {
  std::string_view name;
  FieldPrefix field;
};

constexpr std::array<FieldName, 15> kFieldNames = {{
    {"title", FieldPrefix::kTitle},
    {"ti", FieldPrefix::kTitle},
    {"abstract", FieldPrefix::kAbstract},
    {"abs", FieldPrefix::kAbstract},
    {"author", FieldPrefix::kAuthors},
    {"au", FieldPrefix::kAuthors},
    {"venue", FieldPrefix::kVenue},
    {"cat", FieldPrefix::kCategory},
    {"year", FieldPrefix::kYear},
    {"date", FieldPrefix::kDate},
    {"added", FieldPrefix::kAdded},
    {"tag", FieldPrefix::kTag},
    {"state", FieldPrefix::kState},
    {"has", FieldPrefix::kHas},
    {"note", FieldPrefix::kNote},
}};

std::optional<FieldPrefix> FieldNamed(std::string_view name) {
  for (const FieldName& f : kFieldNames) {
    if (f.name.size() != name.size()) continue;
    bool same = true;
    for (size_t i = 0; i < name.size() && same; ++i) {
      char c = name[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      same = c == f.name[i];
    }
    if (same) return f.field;
  }
  return std::nullopt;
}

}  // namespace

std::vector<QueryToken> QueryLexer::Tokens() {
  std::vector<QueryToken> out;
  for (;;) {
    out.push_back(NextToken());
    if (out.back().kind == QueryToken::Kind::kEnd) return out;
  }
}

QueryToken QueryLexer::NextToken() {
  while (pos_ < text_.size() && IsQuerySpace(text_[pos_])) ++pos_;
  QueryToken t;
  t.position = pos_;
  if (pos_ >= text_.size()) {
    t.kind = QueryToken::Kind::kEnd;
    return t;
  }
  char c = text_[pos_];
  if (c == '(' || c == ')') {
    t.kind = c == '(' ? QueryToken::Kind::kLParen : QueryToken::Kind::kRParen;
    t.text = text_.substr(pos_, 1);
    ++pos_;
    return t;
  }
  if (c == '"') {
    size_t close = text_.find('"', pos_ + 1);
    t.kind = QueryToken::Kind::kPhrase;
    t.closed = close != std::string_view::npos;
    size_t end = t.closed ? close : text_.size();
    t.text = text_.substr(pos_ + 1, end - pos_ - 1);
    pos_ = t.closed ? close + 1 : end;
    return t;
  }
  if (c == '-') {
    t.kind = QueryToken::Kind::kMinus;
    t.text = text_.substr(pos_, 1);
    ++pos_;
    t.adjacent = pos_ < text_.size() && !IsQuerySpace(text_[pos_]) && text_[pos_] != ')';
    return t;
  }
  return LexWord(pos_);
}

QueryToken QueryLexer::LexWord(size_t begin) {
  // A word runs to whitespace, a quote, or a ')' that closes no '(' of the word itself.
  size_t end = begin;
  int depth = 0;
  while (end < text_.size()) {
    char c = text_[end];
    if (IsQuerySpace(c) || c == '"') break;
    if (c == '(') ++depth;
    if (c == ')') {
      if (depth == 0) break;
      --depth;
    }
    ++end;
  }
  std::string_view word = text_.substr(begin, end - begin);

  QueryToken t;
  t.position = begin;
  // A field prefix: "name:" with a known name. The value is lexed as tokens of its own, so
  // `title:(...)`, `title:"..."` and `title:word` all work.
  size_t colon = word.find(':');
  if (colon != std::string_view::npos && colon > 0) {
    if (std::optional<FieldPrefix> field = FieldNamed(word.substr(0, colon))) {
      t.kind = QueryToken::Kind::kField;
      t.field = *field;
      t.text = word.substr(0, colon);
      pos_ = begin + colon + 1;
      t.adjacent = pos_ < text_.size() && !IsQuerySpace(text_[pos_]);
      return t;
    }
  }
  pos_ = end;
  t.text = word;
  if (word == "OR") {
    t.kind = QueryToken::Kind::kOr;
  } else if (word == "AND") {
    t.kind = QueryToken::Kind::kAnd;
  } else if (word == "NOT") {
    t.kind = QueryToken::Kind::kNot;
  } else {
    t.kind = QueryToken::Kind::kWord;
  }
  return t;
}

}  // namespace paperdeck::query
