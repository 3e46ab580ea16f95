#include "feed/arxiv_query.h"

#include <cctype>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "model/calendar.h"
#include "query/field.h"
#include "query/query_parser.h"
#include "query/query_tree.h"

namespace paperdeck::feed {
namespace {

using query::QueryNode;
using Kind = QueryNode::Kind;

// arXiv's API starts in August 1991; an open lower bound starts there.
constexpr int32_t kFirstArxivDay = 7882;  // 1991-08-01

// "YYYYMMDD" of days.
std::string Compact(int32_t days) {
  std::string iso = FormatIsoDate(days);
  std::string out;
  for (char c : iso) {
    if (c != '-') out += c;
  }
  return out;
}

std::string DateRange(int32_t low, int32_t high, int32_t today) {
  if (low < kFirstArxivDay) low = kFirstArxivDay;
  if (high > today + 1) high = today + 1;
  return "submittedDate:[" + Compact(low) + "0000 TO " + Compact(high) + "2359]";
}

// The days of 1 January of year.
int32_t FirstDayOf(int year) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-01-01", year);
  return ParseIsoDate(buf).value_or(0);
}

// True when s joins parts with operators at its top level (outside quotes and brackets).
bool Composite(const std::string& s) {
  int depth = 0;
  bool quoted = false;
  for (char c : s) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '(' || c == '[') ++depth;
    if (c == ')' || c == ']') --depth;
    if (c == ' ' && depth == 0) return true;
  }
  return false;
}
std::string Grouped(const std::string& s) { return Composite(s) ? "(" + s + ")" : s; }

// A word arXiv reads as one term, or a quoted phrase.
std::string Quoted(std::string_view text) {
  std::string clean;
  for (char c : text) {
    if (c == '"') continue;
    clean += c;
  }
  bool plain = !clean.empty();
  for (unsigned char c : clean) {
    if (!(std::isalnum(c) || c == '-' || c == '.' || c == '_' || c >= 0x80)) plain = false;
  }
  return plain ? clean : "\"" + clean + "\"";
}

std::vector<std::string> Prefixes(query::FieldSet fields) {
  if (fields == query::kDefaultFields) return {"all"};
  std::vector<std::string> out;
  if (fields.Has(query::Field::kTitle)) out.push_back("ti");
  if (fields.Has(query::Field::kAbstract)) out.push_back("abs");
  if (fields.Has(query::Field::kAuthors)) out.push_back("au");
  if (fields.Has(query::Field::kVenue)) out.push_back("jr");
  return out;
}

std::string InFields(const std::string& value, query::FieldSet fields) {
  std::vector<std::string> prefixes = Prefixes(fields);
  std::string out;
  for (const std::string& p : prefixes) {
    if (!out.empty()) out += " OR ";
    out += p + ":" + value;
  }
  return prefixes.size() > 1 ? "(" + out + ")" : out;
}

// True when every leaf under node is the user's library (`tag:`, `state:`, `has:`, `note:`),
// which arXiv knows nothing of.
bool OnlyLibrary(const QueryNode& node) {
  if (query::IsLibraryLeaf(node)) return true;
  if (node.children.empty()) return false;
  for (const QueryNode& child : node.children) {
    if (!OnlyLibrary(child)) return false;
  }
  return true;
}

// The query text of a library leaf, for the notice that it was left out.
std::string Written(const QueryNode& node) {
  switch (node.kind) {
    case Kind::kTag:
      return "tag:" + node.text;
    case Kind::kState:
      return "state:" + node.text;
    case Kind::kHas:
      return "has:" + node.text;
    case Kind::kNoteWord:
      return "note:" + node.text;
    case Kind::kNotePhrase:
      return "note:\"" + node.text + "\"";
    case Kind::kAddedRange:
      if (node.low == std::numeric_limits<int32_t>::min()) return "added:<=" + FormatIsoDate(node.high);
      if (node.high == std::numeric_limits<int32_t>::max()) return "added:>=" + FormatIsoDate(node.low);
      return "added:" + FormatIsoDate(node.low) + ".." + FormatIsoDate(node.high);
    default:
      return "";
  }
}

void Drop(const QueryNode& node, std::vector<std::string>* dropped) {
  if (query::IsLibraryLeaf(node)) {
    dropped->push_back(Written(node) + " (at " + std::to_string(node.position) + ") is " +
                       (node.kind == Kind::kAddedRange ? "about your corpus" : "your own library") +
                       ", which arXiv does not know: left out of the pull");
    return;
  }
  for (const QueryNode& child : node.children) Drop(child, dropped);
}

// Empty string: the node restricts nothing (`*`). Parts made only of the user's library are
// left out (AND: they restrict nothing arXiv can see; OR: the alternative is gone), each named
// in *dropped.
Result<std::string> Translate(const QueryNode& node, int32_t today,
                              std::vector<std::string>* dropped) {
  switch (node.kind) {
    case Kind::kTag:
    case Kind::kState:
    case Kind::kHas:
    case Kind::kNoteWord:
    case Kind::kNotePhrase:
    case Kind::kAddedRange:
    case Kind::kPaperSet:
      Drop(node, dropped);
      return std::string();
    case Kind::kMatchAll:
      return std::string();
    case Kind::kTerm: {
      // A plain-text reading holds the whole query as one term: one arXiv term per word.
      std::vector<std::string> words;
      std::string word;
      for (char c : node.text + " ") {
        if (c == ' ' || c == '\t' || c == '\n') {
          if (!word.empty()) words.push_back(std::move(word));
          word.clear();
        } else {
          word += c;
        }
      }
      std::string out;
      for (const std::string& w : words) {
        if (!out.empty()) out += " AND ";
        out += InFields(Quoted(w), node.fields);
      }
      if (out.empty()) return Status::InvalidArgument("an empty word cannot be sent to arXiv");
      return out;
    }
    case Kind::kPrefix: {
      // arXiv's search takes a trailing wildcard on a plain word.
      std::string word = Quoted(node.text);
      if (word.empty() || word[0] != '"') word += '*';
      return InFields(word, node.fields);
    }
    case Kind::kFuzzy:
    case Kind::kExact:
      // arXiv has no fuzzy search and no unstemmed one: the word as written.
      if (node.text.empty()) return Status::InvalidArgument("an empty word cannot be sent to arXiv");
      return InFields(Quoted(node.text), node.fields);
    case Kind::kPhrase: {
      std::string clean;
      for (char c : node.text) {
        if (c != '"') clean += c;
      }
      return InFields("\"" + clean + "\"", node.fields);
    }
    case Kind::kCategory: {
      std::string cat = node.text;
      if (cat.find('.') == std::string::npos && cat.find('-') == std::string::npos) {
        cat += ".*";  // a whole archive: cs -> cs.*
      }
      return "cat:" + cat;
    }
    case Kind::kYearRange: {
      int32_t low = node.low <= 1991 ? kFirstArxivDay : FirstDayOf(node.low);
      int32_t high = node.high >= 9999 ? today + 1 : FirstDayOf(node.high + 1) - 1;
      return DateRange(low, high, today);
    }
    case Kind::kDateRange:
      return DateRange(node.low, node.high, today);
    case Kind::kNot:
      if (OnlyLibrary(node)) {
        Drop(node, dropped);
        return std::string();
      }
      return Status::InvalidArgument(
          "arXiv cannot search for papers *without* something on its own: add words or a "
          "category to pull");
    case Kind::kOr: {
      std::string out;
      for (const QueryNode& child : node.children) {
        if (OnlyLibrary(child)) {
          Drop(child, dropped);
          continue;
        }
        if (child.kind == Kind::kNot) {
          return Status::InvalidArgument("arXiv cannot search for 'OR NOT ...': rephrase it");
        }
        Result<std::string> part = Translate(child, today, dropped);
        if (!part.ok()) return part;
        if (part->empty()) return std::string();  // x OR everything
        if (!out.empty()) out += " OR ";
        out += Grouped(*part);
      }
      return out;
    }
    case Kind::kAnd: {
      std::vector<std::string> include, exclude;
      for (const QueryNode& child : node.children) {
        if (OnlyLibrary(child)) {
          Drop(child, dropped);
          continue;
        }
        const bool negated = child.kind == Kind::kNot;
        Result<std::string> part =
            Translate(negated ? child.children.at(0) : child, today, dropped);
        if (!part.ok()) return part;
        if (part->empty()) {
          if (negated) return Status::InvalidArgument("'NOT *' excludes every paper");
          continue;
        }
        (negated ? exclude : include).push_back(*part);
      }
      if (include.empty() && !exclude.empty()) {
        return Status::InvalidArgument(
            "arXiv cannot search for papers *without* something on its own: add words or a "
            "category to pull");
      }
      std::string out;
      for (const std::string& p : include) {
        if (!out.empty()) out += " AND ";
        out += include.size() > 1 ? Grouped(p) : p;
      }
      for (const std::string& p : exclude) out = Grouped(out) + " ANDNOT " + Grouped(p);
      return out;
    }
  }
  return Status::InvalidArgument("unknown query node");
}

}  // namespace

Result<std::string> ToArxivSearchQuery(std::string_view text, std::optional<int32_t> since,
                                       int32_t today, std::vector<std::string>* dropped) {
  query::ParsedQuery parsed = query::ParseQuery(text);
  std::vector<std::string> left_out;
  Result<std::string> q = Translate(parsed.root, today, &left_out);
  if (dropped) *dropped = std::move(left_out);
  if (!q.ok()) return q;
  std::string out = *q;
  if (since) {
    std::string range = DateRange(*since, today + 1, today);
    out = out.empty() ? range : Grouped(out) + " AND " + range;
  }
  if (out.empty()) {
    return Status::InvalidArgument(
        "say what to pull: words, a phrase, au:NAME or cat:CATEGORY (or * with --since DATE)");
  }
  return out;
}

}  // namespace paperdeck::feed
