#include "query/query_parser.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "query/query_lexer.h"
#include "query/range_value.h"

namespace paperdeck::query {
namespace {

using Kind = QueryToken::Kind;

// What a field prefix does to the words under it.
struct Context {
  // What a word or phrase under the prefix is: text in fields, an arXiv category (`cat:`), or
  // a value of the user's library (`tag:`, `state:`, `has:`, `note:`).
  enum class Leaf { kText, kCategory, kTag, kState, kHas, kNote };
  Leaf leaf = Leaf::kText;
  FieldSet fields = kDefaultFields;
};

// `state:` and `has:` take one of a few values, in any case; nullopt for anything else.
std::optional<std::string> StateValue(std::string_view value) {
  std::string lower;
  for (char c : value) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  if (lower == "to-read" || lower == "reading" || lower == "read" || lower == "none") return lower;
  return std::nullopt;
}
std::optional<std::string> HasValue(std::string_view value) {
  std::string lower;
  for (char c : value) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  if (lower == "note" || lower == "tag" || lower == "state") return lower;
  if (lower == "notes" || lower == "tags") return lower.substr(0, lower.size() - 1);
  return std::nullopt;
}

std::string Describe(const QueryToken& t) {
  switch (t.kind) {
    case Kind::kEnd:
      return "the end";
    case Kind::kPhrase:
      return "'\"'";
    default:
      return "'" + std::string(t.text) + "'";
  }
}

std::string At(size_t position) { return " at " + std::to_string(position); }

// Code points of UTF-8 text (continuation bytes not counted).
size_t CodePoints(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }


// Recursive descent over the tokens; the first error stops the parse (every function returns
// promptly once failed() is true).
class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text), tokens_(QueryLexer(text).Tokens()) {}

  ParsedQuery Parse() {
    ParsedQuery out;
    out.root = ParseSequence(Context{}, /*inside_group=*/false);
    if (out.root.kind == QueryNode::Kind::kAnd && out.root.children.empty()) {
      out.root = OrNode({}, 0);  // nothing to search for: matches nothing
    }
    if (!failed() && peek().kind != Kind::kEnd) {
      Fail(peek().position, "unexpected " + Describe(peek()));
    }
    if (failed()) {
      out.root = PlainTextQuery(text_);
      out.notice = notice_;
    } else {
      out.notice = note_;
    }
    return out;
  }

 private:
  const QueryToken& peek() const { return tokens_[next_]; }
  const QueryToken& Take() { return tokens_[next_ < tokens_.size() - 1 ? next_++ : next_]; }
  bool failed() const { return notice_.has_value(); }
  void Fail(size_t position, std::string message) {
    if (!failed()) notice_ = QueryNotice{position, std::move(message)};
  }
  // A part read other than as written, the query parsing on: the first one is kept.
  void Note(size_t position, std::string message) {
    if (!note_) note_ = QueryNotice{position, std::move(message), QueryNotice::Kind::kReadAs};
  }

  // True if the next token can start an operand (what follows OR, AND, NOT, -).
  bool StartsOperand() const {
    Kind k = peek().kind;
    return k == Kind::kWord || k == Kind::kPhrase || k == Kind::kLParen || k == Kind::kMinus ||
           k == Kind::kNot || k == Kind::kField;
  }

  // sequence := or_expr ( [AND] or_expr )*   — up to ')' inside a group, else to the end.
  QueryNode ParseSequence(const Context& ctx, bool inside_group) {
    std::vector<QueryNode> items;
    size_t start = peek().position;
    while (!failed()) {
      const QueryToken& t = peek();
      if (t.kind == Kind::kEnd) break;
      if (t.kind == Kind::kRParen) {
        if (inside_group) break;
        Fail(t.position, "unexpected ')' with no '(' to close");
        break;
      }
      if (t.kind == Kind::kAnd || t.kind == Kind::kOr) {
        // An OR after an operand is taken by ParseOr, and AND checks what follows it: here
        // the operator opens the query or a group.
        if (items.empty() || t.kind == Kind::kOr) {
          Fail(t.position, "expected a term before " + Describe(t));
          break;
        }
        Take();
        if (!StartsOperand()) {
          Fail(peek().position, "expected a term after 'AND'" + At(t.position));
          break;
        }
        continue;
      }
      items.push_back(ParseOr(ctx));
    }
    return AndNode(std::move(items), start);
  }

  // or_expr := unary ( OR unary )*
  QueryNode ParseOr(const Context& ctx) {
    std::vector<QueryNode> alternatives;
    size_t start = peek().position;
    alternatives.push_back(ParseUnary(ctx));
    while (!failed() && peek().kind == Kind::kOr) {
      const QueryToken& op = Take();
      if (!StartsOperand()) {
        Fail(peek().position, "expected a term after 'OR'" + At(op.position));
        break;
      }
      alternatives.push_back(ParseUnary(ctx));
    }
    return OrNode(std::move(alternatives), start);
  }

  // unary := ( '-' | NOT ) unary | primary
  QueryNode ParseUnary(const Context& ctx) {
    const QueryToken& t = peek();
    if (t.kind != Kind::kMinus && t.kind != Kind::kNot) return ParsePrimary(ctx);
    Take();
    if (t.kind == Kind::kMinus && !t.adjacent) {
      Fail(t.position + 1, "expected a term right after '-'" + At(t.position));
      return QueryNode{};
    }
    if (!StartsOperand()) {
      Fail(peek().position, "expected a term after " + Describe(t) + At(t.position));
      return QueryNode{};
    }
    Deeper guard(this, t.position);
    if (failed()) return QueryNode{};
    return NotNode(ParseUnary(ctx), t.position);
  }

  QueryNode ParsePrimary(const Context& ctx) {
    const QueryToken& t = Take();
    switch (t.kind) {
      case Kind::kLParen:
        return ParseGroup(t, ctx);
      case Kind::kPhrase:
        if (!t.closed) {
          Fail(text_.size(), "expected '\"' to close the phrase opened" + At(t.position));
          return QueryNode{};
        }
        if (ctx.leaf != Context::Leaf::kText) return ValueNode(t, ctx);
        return PhraseNode(std::string(t.text), t.position, ctx.fields);
      case Kind::kWord:
        if (ctx.leaf != Context::Leaf::kText) return ValueNode(t, ctx);
        if (t.text == "*") return MatchAllNode(t.position);
        if (size_t name = UnknownFieldLength(t.text); name > 0) {
          // `bogus:attention`: the name and the value, each a word.
          const std::string_view written = t.text.substr(0, name - 1);
          Note(t.position, "unknown field " + std::string(written) + ": searched as words");
          std::vector<QueryNode> words;
          words.push_back(TermNode(std::string(written), t.position, ctx.fields));
          words.push_back(WordNode(t.text.substr(name), t.position + name, ctx.fields));
          return AndNode(std::move(words), t.position);
        }
        return WordNode(t.text, t.position, ctx.fields);
      case Kind::kField:
        return ParseField(t, ctx);
      default:
        Fail(t.position, "expected a term, found " + Describe(t));
        return QueryNode{};
    }
  }

  // A word in text fields: a term, `prefix*` or `word~`, `word~1`, `word~2`, `=word`.
  QueryNode WordNode(std::string_view text, size_t position, FieldSet fields) {
    if (text.size() > 1 && text[0] == '=') {
      return ExactNode(std::string(text.substr(1)), position, fields);
    }
    if (text.size() > 1 && text.back() == '*') {
      std::string_view prefix = text;
      while (!prefix.empty() && prefix.back() == '*') prefix.remove_suffix(1);
      if (CodePoints(prefix) >= kMinPrefixLength) {
        return PrefixNode(std::string(prefix), position, fields);
      }
      if (!prefix.empty()) {
        Note(position, "a prefix needs " + std::to_string(kMinPrefixLength) +
                           " characters before '*': searched for the word " +
                           std::string(prefix));
      }
      return TermNode(std::string(text), position, fields);
    }
    size_t tilde = text.rfind('~');
    if (tilde != std::string_view::npos && tilde > 0 && text.size() - tilde <= 2) {
      const std::string_view word = text.substr(0, tilde);
      const std::string_view count = text.substr(tilde + 1);
      if (count.empty()) return FuzzyNode(std::string(word), kMaxFuzzyEdits, position, fields);
      if (count[0] >= '0' && count[0] <= '9') {
        int edits = count[0] - '0';
        if (edits > kMaxFuzzyEdits) {
          Note(position + tilde, "at most " + std::to_string(kMaxFuzzyEdits) +
                                     " edits: searched " + std::string(word) + "~" +
                                     std::to_string(kMaxFuzzyEdits));
          edits = kMaxFuzzyEdits;
        }
        return FuzzyNode(std::string(word), static_cast<uint8_t>(edits), position, fields);
      }
    }
    return TermNode(std::string(text), position, fields);
  }

  // The word or phrase t under a prefix that is not a text field: a category or a library value.
  QueryNode ValueNode(const QueryToken& t, const Context& ctx) {
    using Leaf = Context::Leaf;
    std::string text(t.text);
    switch (ctx.leaf) {
      case Leaf::kText:
      case Leaf::kCategory:
        return CategoryNode(std::move(text), t.position);
      case Leaf::kTag:
        if (text.find_first_not_of(" \t") == std::string::npos) {
          Fail(t.position, "expected a tag name after 'tag:'");
          return QueryNode{};
        }
        return LibraryNode(QueryNode::Kind::kTag, std::move(text), t.position);
      case Leaf::kState: {
        std::optional<std::string> state = StateValue(text);
        if (!state) {
          Fail(t.position, "expected to-read, reading, read or none after 'state:'");
          return QueryNode{};
        }
        // No state is the papers that have none: NOT has:state.
        if (*state == "none") {
          return NotNode(LibraryNode(QueryNode::Kind::kHas, "state", t.position), t.position);
        }
        return LibraryNode(QueryNode::Kind::kState, std::move(*state), t.position);
      }
      case Leaf::kHas: {
        std::optional<std::string> what = HasValue(text);
        if (!what) {
          Fail(t.position, "expected note, tag or state after 'has:'");
          return QueryNode{};
        }
        return LibraryNode(QueryNode::Kind::kHas, std::move(*what), t.position);
      }
      case Leaf::kNote:
        return LibraryNode(t.kind == Kind::kPhrase ? QueryNode::Kind::kNotePhrase
                                                   : QueryNode::Kind::kNoteWord,
                           std::move(text), t.position);
    }
    return QueryNode{};
  }

  QueryNode ParseGroup(const QueryToken& open, const Context& ctx) {
    Deeper guard(this, open.position);
    if (failed()) return QueryNode{};
    QueryNode inner = ParseSequence(ctx, /*inside_group=*/true);
    if (failed()) return QueryNode{};
    if (peek().kind != Kind::kRParen) {
      Fail(peek().position, "expected ')' to close '('" + At(open.position));
      return QueryNode{};
    }
    const QueryToken& close = Take();
    if (inner.kind == QueryNode::Kind::kAnd && inner.children.empty()) {
      Fail(close.position, "expected a term inside '(' ')'" + At(open.position));
      return QueryNode{};
    }
    return inner;
  }

  QueryNode ParseField(const QueryToken& field, const Context& ctx) {
    std::string name = std::string(field.text) + ":";
    size_t value_at = field.position + field.text.size() + 1;
    if (!field.adjacent) {
      Fail(value_at, "expected a value right after '" + name + "'");
      return QueryNode{};
    }
    const QueryToken& value = peek();
    if (field.field == FieldPrefix::kYear || field.field == FieldPrefix::kDate ||
        field.field == FieldPrefix::kAdded) {
      bool year = field.field == FieldPrefix::kYear;
      const char* expected = year ? "expected a year (2024, >=2023, 2020..2023) after '"
                                  : "expected a date (2026-06-01, 2026-06, >=2026-06-01, "
                                    "2026-06-01..2026-06-30) after '";
      std::optional<RangeValue> range;
      if (value.kind == Kind::kWord) {
        range = year ? ParseYearRange(value.text) : ParseDateRange(value.text);
      }
      if (!range) {
        Fail(value_at, expected + name + "'");
        return QueryNode{};
      }
      Take();
      if (year) return YearRangeNode(range->low, range->high, field.position);
      if (field.field == FieldPrefix::kAdded) {
        return AddedRangeNode(range->low, range->high, field.position);
      }
      return DateRangeNode(range->low, range->high, field.position);
    }
    if (value.kind != Kind::kWord && value.kind != Kind::kPhrase && value.kind != Kind::kLParen) {
      Fail(value_at, "expected a word, a \"phrase\" or a (group) after '" + name + "'");
      return QueryNode{};
    }
    using Leaf = Context::Leaf;
    Context inner = ctx;
    switch (field.field) {
      case FieldPrefix::kTitle:
        inner = {Leaf::kText, Field::kTitle};
        break;
      case FieldPrefix::kAbstract:
        inner = {Leaf::kText, Field::kAbstract};
        break;
      case FieldPrefix::kAuthors:
        inner = {Leaf::kText, Field::kAuthors};
        break;
      case FieldPrefix::kVenue:
        inner = {Leaf::kText, Field::kVenue};
        break;
      case FieldPrefix::kCategory:
        inner = {Leaf::kCategory, kDefaultFields};
        break;
      case FieldPrefix::kTag:
        inner = {Leaf::kTag, kDefaultFields};
        break;
      case FieldPrefix::kState:
        inner = {Leaf::kState, kDefaultFields};
        break;
      case FieldPrefix::kHas:
        inner = {Leaf::kHas, kDefaultFields};
        break;
      case FieldPrefix::kNote:
        inner = {Leaf::kNote, kDefaultFields};
        break;
      default:
        break;
    }
    QueryNode node = ParsePrimary(inner);
    if (node.kind != QueryNode::Kind::kAnd && node.kind != QueryNode::Kind::kOr) {
      node.position = field.position;  // a field's word starts where its field name does
      if (node.kind == QueryNode::Kind::kNot) node.children[0].position = field.position;
    }
    return node;
  }

  // Bounds recursion: each group or negation level holds one.
  class Deeper {
   public:
    Deeper(Parser* p, size_t position) : p_(p) {
      if (++p_->depth_ > kMaxQueryDepth) {
        p_->Fail(position, "nested deeper than " + std::to_string(kMaxQueryDepth) + " levels");
      }
    }
    ~Deeper() { --p_->depth_; }
    Deeper(const Deeper&) = delete;
    Deeper& operator=(const Deeper&) = delete;

   private:
    Parser* p_;
  };

  std::string_view text_;
  std::vector<QueryToken> tokens_;
  size_t next_ = 0;
  int depth_ = 0;
  std::optional<QueryNotice> notice_;
  std::optional<QueryNotice> note_;
};

}  // namespace

ParsedQuery ParseQuery(std::string_view text) { return Parser(text).Parse(); }

QueryNode PlainTextQuery(std::string_view text) {
  size_t first = 0;
  while (first < text.size() && IsQuerySpace(text[first])) ++first;
  if (first == text.size()) return OrNode({}, 0);
  return TermNode(std::string(text), 0);
}

size_t UnknownFieldLength(std::string_view word) {
  size_t colon = 0;
  while (colon < word.size() && IsAsciiLetter(word[colon])) ++colon;
  if (colon < 2 || colon + 1 >= word.size() || word[colon] != ':') return 0;
  const char first = word[colon + 1];
  return IsAsciiLetter(first) || static_cast<unsigned char>(first) >= 0x80 ? colon + 1 : 0;
}

}  // namespace paperdeck::query
