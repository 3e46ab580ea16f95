// libFuzzer target for the query language: any text parses (never an error), into a tree whose
// invariants the searcher and the arXiv translation rely on: every node starts inside the text,
// and/or nodes have two or more children (an or none), a not node exactly one, ranges are
// ordered, a prefix is not empty and a fuzzy word's edits are within bounds, and the nesting stays
// within kMaxQueryDepth. Describe must print any tree.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "query/query_parser.h"
#include "query/query_tree.h"

namespace {

using paperdeck::query::QueryNode;

void Check(const QueryNode& node, size_t text_size, int depth) {
  if (depth > paperdeck::query::kMaxQueryDepth + 2) __builtin_trap();
  if (node.position > text_size) __builtin_trap();
  switch (node.kind) {
    case QueryNode::Kind::kAnd:
      if (node.children.size() < 2) __builtin_trap();
      break;
    case QueryNode::Kind::kOr:
      if (node.children.size() == 1) __builtin_trap();
      break;
    case QueryNode::Kind::kNot:
      if (node.children.size() != 1) __builtin_trap();
      break;
    case QueryNode::Kind::kYearRange:
    case QueryNode::Kind::kDateRange:
      if (node.low > node.high) __builtin_trap();
      [[fallthrough]];
    case QueryNode::Kind::kPrefix:
    case QueryNode::Kind::kFuzzy:
    case QueryNode::Kind::kExact:
      // A prefix has text before its '*', an exact word after its '='; a fuzzy word allows 0 to
      // kMaxFuzzyEdits edits.
      if ((node.kind == QueryNode::Kind::kPrefix || node.kind == QueryNode::Kind::kExact) &&
          node.text.empty()) {
        __builtin_trap();
      }
      if (node.edits > paperdeck::query::kMaxFuzzyEdits) __builtin_trap();
      [[fallthrough]];
    default:
      if (!node.children.empty()) __builtin_trap();
  }
  for (const QueryNode& child : node.children) Check(child, text_size, depth + 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const paperdeck::query::ParsedQuery parsed = paperdeck::query::ParseQuery(text);
  Check(parsed.root, size, 0);
  if (parsed.notice && parsed.notice->position > size) __builtin_trap();
  (void)paperdeck::query::Describe(parsed.root);
  Check(paperdeck::query::PlainTextQuery(text), size, 0);
  return 0;
}
