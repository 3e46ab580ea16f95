#include "query/query_tree.h"

#include <utility>

namespace paperdeck::query {
namespace {

std::string FieldNames(FieldSet fields) {
  std::string out;
  for (Field f : kAllFields) {
    if (!fields.Has(f)) continue;
    if (!out.empty()) out += '|';
    out += FieldName(f);
  }
  return out.empty() ? "none" : out;
}

std::string Quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string Bound(int32_t v) {
  if (v == std::numeric_limits<int32_t>::min()) return "-inf";
  if (v == std::numeric_limits<int32_t>::max()) return "+inf";
  return std::to_string(v);
}

void Append(const QueryNode& n, std::string* out) {
  using Kind = QueryNode::Kind;
  switch (n.kind) {
    case Kind::kTerm:
    case Kind::kPhrase:
      *out += n.kind == Kind::kTerm ? "(term " : "(phrase ";
      if (n.fields != kDefaultFields) *out += FieldNames(n.fields) + " ";
      *out += Quoted(n.text) + ")";
      return;
    case Kind::kPrefix:
    case Kind::kFuzzy:
    case Kind::kExact:
      *out += n.kind == Kind::kPrefix  ? "(prefix "
              : n.kind == Kind::kExact ? "(exact "
                                       : "(fuzzy " + std::to_string(n.edits) + " ";
      if (n.fields != kDefaultFields) *out += FieldNames(n.fields) + " ";
      *out += Quoted(n.text) + ")";
      return;
    case Kind::kCategory:
      *out += "(cat " + Quoted(n.text) + ")";
      return;
    case Kind::kYearRange:
      *out += "(year " + Bound(n.low) + " " + Bound(n.high) + ")";
      return;
    case Kind::kDateRange:
      *out += "(date " + Bound(n.low) + " " + Bound(n.high) + ")";
      return;
    case Kind::kPaperSet:
      *out += "(papers)";
      return;
    case Kind::kAddedRange:
      *out += "(added " + Bound(n.low) + " " + Bound(n.high) + ")";
      return;
    case Kind::kMatchAll:
      *out += "(all)";
      return;
    case Kind::kTag:
      *out += "(tag " + Quoted(n.text) + ")";
      return;
    case Kind::kState:
      *out += "(state " + Quoted(n.text) + ")";
      return;
    case Kind::kHas:
      *out += "(has " + Quoted(n.text) + ")";
      return;
    case Kind::kNoteWord:
      *out += "(note " + Quoted(n.text) + ")";
      return;
    case Kind::kNotePhrase:
      *out += "(note-phrase " + Quoted(n.text) + ")";
      return;
    case Kind::kAnd:
    case Kind::kOr:
    case Kind::kNot:
      *out += n.kind == Kind::kAnd ? "(and" : n.kind == Kind::kOr ? "(or" : "(not";
      for (const QueryNode& c : n.children) {
        *out += ' ';
        Append(c, out);
      }
      *out += ')';
      return;
  }
}

QueryNode Leaf(QueryNode::Kind kind, std::string text, size_t position, FieldSet fields) {
  QueryNode n;
  n.kind = kind;
  n.text = std::move(text);
  n.position = position;
  n.fields = fields;
  return n;
}

QueryNode Range(QueryNode::Kind kind, int32_t low, int32_t high, size_t position) {
  QueryNode n;
  n.kind = kind;
  n.low = low;
  n.high = high;
  n.position = position;
  return n;
}

QueryNode Group(QueryNode::Kind kind, std::vector<QueryNode> children, size_t position) {
  if (children.size() == 1) return std::move(children[0]);
  QueryNode n;
  n.kind = kind;
  n.position = position;
  n.children = std::move(children);
  return n;
}

}  // namespace

std::string Describe(const QueryNode& node) {
  std::string out;
  Append(node, &out);
  return out;
}

QueryNode TermNode(std::string text, size_t position, FieldSet fields) {
  return Leaf(QueryNode::Kind::kTerm, std::move(text), position, fields);
}
QueryNode PhraseNode(std::string text, size_t position, FieldSet fields) {
  return Leaf(QueryNode::Kind::kPhrase, std::move(text), position, fields);
}
QueryNode PrefixNode(std::string prefix, size_t position, FieldSet fields) {
  return Leaf(QueryNode::Kind::kPrefix, std::move(prefix), position, fields);
}
QueryNode FuzzyNode(std::string word, uint8_t edits, size_t position, FieldSet fields) {
  QueryNode n = Leaf(QueryNode::Kind::kFuzzy, std::move(word), position, fields);
  n.edits = edits;
  return n;
}
QueryNode ExactNode(std::string word, size_t position, FieldSet fields) {
  return Leaf(QueryNode::Kind::kExact, std::move(word), position, fields);
}
QueryNode CategoryNode(std::string category, size_t position) {
  return Leaf(QueryNode::Kind::kCategory, std::move(category), position, kDefaultFields);
}
QueryNode YearRangeNode(int32_t low, int32_t high, size_t position) {
  return Range(QueryNode::Kind::kYearRange, low, high, position);
}
QueryNode DateRangeNode(int32_t low, int32_t high, size_t position) {
  return Range(QueryNode::Kind::kDateRange, low, high, position);
}
QueryNode AddedRangeNode(int32_t low, int32_t high, size_t position) {
  return Range(QueryNode::Kind::kAddedRange, low, high, position);
}
QueryNode MatchAllNode(size_t position) {
  QueryNode n;
  n.kind = QueryNode::Kind::kMatchAll;
  n.position = position;
  return n;
}
QueryNode LibraryNode(QueryNode::Kind kind, std::string text, size_t position) {
  return Leaf(kind, std::move(text), position, kDefaultFields);
}
bool IsLibraryLeaf(const QueryNode& node) {
  using Kind = QueryNode::Kind;
  return node.kind == Kind::kTag || node.kind == Kind::kState || node.kind == Kind::kHas ||
         node.kind == Kind::kNoteWord || node.kind == Kind::kNotePhrase ||
         node.kind == Kind::kAddedRange;
}
QueryNode NotNode(QueryNode child, size_t position) {
  QueryNode n;
  n.kind = QueryNode::Kind::kNot;
  n.position = position;
  n.children.push_back(std::move(child));
  return n;
}
QueryNode AndNode(std::vector<QueryNode> children, size_t position) {
  return Group(QueryNode::Kind::kAnd, std::move(children), position);
}
QueryNode OrNode(std::vector<QueryNode> children, size_t position) {
  return Group(QueryNode::Kind::kOr, std::move(children), position);
}

}  // namespace paperdeck::query
