#include "query/query_parser.h"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <utility>

#include "model/calendar.h"
#include "query/query_lexer.h"
#include "query/query_tree.h"

namespace paperdeck::query {
namespace {

// The tree of a well-formed query, printed; fails the test if the parser reported a notice.
std::string Tree(std::string_view text) {
  ParsedQuery q = ParseQuery(text);
  EXPECT_FALSE(q.notice.has_value()) << text << ": " << q.notice->message;
  return Describe(q.root);
}

QueryNotice Notice(std::string_view text) {
  ParsedQuery q = ParseQuery(text);
  EXPECT_TRUE(q.notice.has_value()) << text << " parsed as " << Describe(q.root);
  if (!q.notice) return {};
  // A malformed query is searched as plain words.
  EXPECT_EQ(Describe(q.root), Describe(PlainTextQuery(text)));
  return *q.notice;
}

std::string Days(const char* iso) { return std::to_string(*ParseIsoDate(iso)); }

TEST(QueryParser, BareWordsAreAllRequired) {
  EXPECT_EQ(Tree("sparse attention"), "(and (term \"sparse\") (term \"attention\"))");
  EXPECT_EQ(Tree("  attention  "), "(term \"attention\")");
}

TEST(QueryParser, WordsKeepInWordPunctuation) {
  EXPECT_EQ(Tree("sliding-window GPT-4 O(n^2)"),
            "(and (term \"sliding-window\") (term \"GPT-4\") (term \"O(n^2)\"))");
  EXPECT_EQ(Tree("(attention O(n^2))"), "(and (term \"attention\") (term \"O(n^2)\"))");
}

TEST(QueryParser, EmptyQueryMatchesNothing) {
  EXPECT_EQ(Tree(""), "(or)");
  EXPECT_EQ(Tree(" \t\n"), "(or)");
}

TEST(QueryParser, Phrases) {
  EXPECT_EQ(Tree("\"linear attention\" survey"),
            "(and (phrase \"linear attention\") (term \"survey\"))");
  EXPECT_EQ(Tree("a\"b c\"d"), "(and (term \"a\") (phrase \"b c\") (term \"d\"))");
}

TEST(QueryParser, FieldsApplyToWordPhraseOrGroup) {
  EXPECT_EQ(Tree("title:mamba"), "(term title \"mamba\")");
  EXPECT_EQ(Tree("ti:mamba abs:state au:gu venue:NeurIPS"),
            "(and (term title \"mamba\") (term abstract \"state\") (term authors \"gu\") "
            "(term venue \"NeurIPS\"))");
  EXPECT_EQ(Tree("abstract:x author:y Title:z"),
            "(and (term abstract \"x\") (term authors \"y\") (term title \"z\"))");
  EXPECT_EQ(Tree("title:\"linear attention\""), "(phrase title \"linear attention\")");
  EXPECT_EQ(Tree("title:(sparse attention) survey"),
            "(and (and (term title \"sparse\") (term title \"attention\")) (term \"survey\"))");
  EXPECT_EQ(Tree("title:(a OR \"b c\")"), "(or (term title \"a\") (phrase title \"b c\"))");
  // An inner field wins over the group's.
  EXPECT_EQ(Tree("title:(a author:b)"), "(and (term title \"a\") (term authors \"b\"))");
}

TEST(QueryParser, UnknownFieldNamesAreWords) {
  // (With a notice: QueryParserExpansion.UnknownFieldsAreSearchedAsWordsWithANotice.)
  EXPECT_EQ(Describe(ParseQuery("foo:bar").root), "(and (term \"foo\") (term \"bar\"))");
  EXPECT_EQ(Tree("http://arxiv.org/abs/2401.1"), "(term \"http://arxiv.org/abs/2401.1\")");
  EXPECT_EQ(Describe(ParseQuery("title:foo:bar").root),
            "(and (term title \"foo\") (term title \"bar\"))");
}

TEST(QueryParser, Categories) {
  EXPECT_EQ(Tree("cat:cs.CL"), "(cat \"cs.CL\")");
  EXPECT_EQ(Tree("CAT:cs"), "(cat \"cs\")");
  EXPECT_EQ(Tree("cat:(cs.CL OR cs.LG)"), "(or (cat \"cs.CL\") (cat \"cs.LG\"))");
}

TEST(QueryParser, Years) {
  EXPECT_EQ(Tree("year:2024"), "(year 2024 2024)");
  EXPECT_EQ(Tree("year:>=2023"), "(year 2023 +inf)");
  EXPECT_EQ(Tree("year:>2023"), "(year 2024 +inf)");
  EXPECT_EQ(Tree("year:<2020"), "(year -inf 2019)");
  EXPECT_EQ(Tree("year:<=2020"), "(year -inf 2020)");
  EXPECT_EQ(Tree("year:2020..2023"), "(year 2020 2023)");
  EXPECT_EQ(Tree("year:2020.."), "(year 2020 +inf)");
  EXPECT_EQ(Tree("year:..2020"), "(year -inf 2020)");
}

TEST(QueryParser, Dates) {
  EXPECT_EQ(Tree("date:2026-06-01..2026-06-30"),
            "(date " + Days("2026-06-01") + " " + Days("2026-06-30") + ")");
  EXPECT_EQ(Tree("date:2026-06-05"), "(date " + Days("2026-06-05") + " " + Days("2026-06-05") + ")");
  EXPECT_EQ(Tree("date:2026-02"), "(date " + Days("2026-02-01") + " " + Days("2026-02-28") + ")");
  EXPECT_EQ(Tree("date:2024-12"), "(date " + Days("2024-12-01") + " " + Days("2024-12-31") + ")");
  EXPECT_EQ(Tree("date:2025"), "(date " + Days("2025-01-01") + " " + Days("2025-12-31") + ")");
  EXPECT_EQ(Tree("date:>=2026-06-01"), "(date " + Days("2026-06-01") + " +inf)");
  EXPECT_EQ(Tree("date:>2026-06"), "(date " + Days("2026-07-01") + " +inf)");
  EXPECT_EQ(Tree("date:<2026-06"), "(date -inf " + Days("2026-05-31") + ")");
  EXPECT_EQ(Tree("date:<=2026-06"), "(date -inf " + Days("2026-06-30") + ")");
  EXPECT_EQ(Tree("date:2026-05..2026-06"),
            "(date " + Days("2026-05-01") + " " + Days("2026-06-30") + ")");
}

TEST(QueryParser, Negation) {
  EXPECT_EQ(Tree("attention -vision"), "(and (term \"attention\") (not (term \"vision\")))");
  EXPECT_EQ(Tree("attention NOT vision"), "(and (term \"attention\") (not (term \"vision\")))");
  EXPECT_EQ(Tree("-vision"), "(not (term \"vision\"))");
  EXPECT_EQ(Tree("-\"computer vision\" -title:(a b)"),
            "(and (not (phrase \"computer vision\")) "
            "(not (and (term title \"a\") (term title \"b\"))))");
  EXPECT_EQ(Tree("-cat:cs.CV"), "(not (cat \"cs.CV\"))");
}

TEST(QueryParser, OrBindsTighterThanAnd) {
  EXPECT_EQ(Tree("a b OR c"), "(and (term \"a\") (or (term \"b\") (term \"c\")))");
  EXPECT_EQ(Tree("a OR b c"), "(and (or (term \"a\") (term \"b\")) (term \"c\"))");
  EXPECT_EQ(Tree("a OR b OR c"), "(or (term \"a\") (term \"b\") (term \"c\"))");
  EXPECT_EQ(Tree("a AND b OR c"), "(and (term \"a\") (or (term \"b\") (term \"c\")))");
  EXPECT_EQ(Tree("(a b) OR c"),
            "(or (and (term \"a\") (term \"b\")) (term \"c\"))");
  EXPECT_EQ(Tree("-a OR b"), "(or (not (term \"a\")) (term \"b\"))");
}

TEST(QueryParser, LowercaseOperatorsAreWords) {
  EXPECT_EQ(Tree("a or b and not c"),
            "(and (term \"a\") (term \"or\") (term \"b\") (term \"and\") (term \"not\") "
            "(term \"c\"))");
}

TEST(QueryParser, StarMatchesAll) {
  EXPECT_EQ(Tree("* -vision"), "(and (all) (not (term \"vision\")))");
}

TEST(QueryParser, LibraryLeaves) {
  EXPECT_EQ(Tree("tag:thesis"), "(tag \"thesis\")");
  EXPECT_EQ(Tree("TAG:Thesis/Related-Work"), "(tag \"Thesis/Related-Work\")");
  EXPECT_EQ(Tree("state:to-read"), "(state \"to-read\")");
  EXPECT_EQ(Tree("state:READ"), "(state \"read\")");
  EXPECT_EQ(Tree("state:none"), "(not (has \"state\"))");
  EXPECT_EQ(Tree("has:note has:tags has:state"),
            "(and (has \"note\") (has \"tag\") (has \"state\"))");
  EXPECT_EQ(Tree("note:pruning"), "(note \"pruning\")");
  EXPECT_EQ(Tree("note:\"low rank\""), "(note-phrase \"low rank\")");
}

TEST(QueryParser, LibraryLeavesCombineWithEverythingElse) {
  EXPECT_EQ(Tree("attention tag:thesis -tag:read"),
            "(and (term \"attention\") (tag \"thesis\") (not (tag \"read\")))");
  EXPECT_EQ(Tree("tag:(a OR b) cat:cs.CL year:2024"),
            "(and (or (tag \"a\") (tag \"b\")) (cat \"cs.CL\") (year 2024 2024))");
  EXPECT_EQ(Tree("(state:reading OR has:note) title:x"),
            "(and (or (state \"reading\") (has \"note\")) (term title \"x\"))");
  EXPECT_EQ(Tree("note:(low rank)"), "(and (note \"low\") (note \"rank\"))");
  EXPECT_EQ(Tree("NOT state:none"), "(not (not (has \"state\")))");
  // A field inside a library group is its own.
  EXPECT_EQ(Tree("tag:(a title:b)"), "(and (tag \"a\") (term title \"b\"))");
}

TEST(QueryParser, BadLibraryValuesAreNoticesNotFailures) {
  QueryNotice state = Notice("attention state:later");
  EXPECT_EQ(state.position, 16u);
  EXPECT_EQ(state.message, "expected to-read, reading, read or none after 'state:'");
  QueryNotice has = Notice("has:foo");
  EXPECT_EQ(has.position, 4u);
  EXPECT_EQ(has.message, "expected note, tag or state after 'has:'");
  EXPECT_EQ(Notice("tag:").message, "expected a value right after 'tag:'");
  EXPECT_EQ(Notice("note: x").message, "expected a value right after 'note:'");
}

TEST(QueryParser, LibraryLeavesKnowWhereTheyStart) {
  ParsedQuery q = ParseQuery("x -tag:a state:none");
  ASSERT_FALSE(q.notice);
  ASSERT_EQ(q.root.children.size(), 3u);
  EXPECT_EQ(q.root.children[1].position, 2u);
  EXPECT_EQ(q.root.children[1].children[0].position, 3u);
  EXPECT_EQ(q.root.children[2].position, 9u);
  EXPECT_TRUE(IsLibraryLeaf(q.root.children[2].children[0]));
  EXPECT_FALSE(IsLibraryLeaf(q.root.children[0]));
}

TEST(QueryParser, NodesKnowWhereTheyStart) {
  ParsedQuery q = ParseQuery("ab title:cd -\"e f\" (g OR year:2020)");
  ASSERT_FALSE(q.notice);
  ASSERT_EQ(q.root.children.size(), 4u);
  EXPECT_EQ(q.root.children[0].position, 0u);
  EXPECT_EQ(q.root.children[1].position, 3u);
  EXPECT_EQ(q.root.children[2].position, 12u);
  EXPECT_EQ(q.root.children[2].children[0].position, 13u);
  EXPECT_EQ(q.root.children[3].children[0].position, 20u);
  EXPECT_EQ(q.root.children[3].children[1].position, 25u);
}

TEST(QueryParser, MalformedQueriesPointAtTheProblem) {
  QueryNotice n = Notice("(sparse attention");
  EXPECT_EQ(n.position, 17u);
  EXPECT_EQ(n.message, "expected ')' to close '(' at 0");

  n = Notice("sparse attention)");
  EXPECT_EQ(n.position, 16u);
  EXPECT_EQ(n.message, "unexpected ')' with no '(' to close");

  n = Notice("a \"linear attention");
  EXPECT_EQ(n.position, 19u);
  EXPECT_EQ(n.message, "expected '\"' to close the phrase opened at 2");

  n = Notice("attention OR");
  EXPECT_EQ(n.position, 12u);
  EXPECT_EQ(n.message, "expected a term after 'OR' at 10");

  n = Notice("OR attention");
  EXPECT_EQ(n.position, 0u);
  EXPECT_EQ(n.message, "expected a term before 'OR'");

  n = Notice("a OR OR b");
  EXPECT_EQ(n.position, 5u);

  n = Notice("(AND a)");
  EXPECT_EQ(n.position, 1u);

  n = Notice("a AND");
  EXPECT_EQ(n.position, 5u);

  n = Notice("attention NOT");
  EXPECT_EQ(n.position, 13u);
  EXPECT_EQ(n.message, "expected a term after 'NOT' at 10");

  n = Notice("attention -");
  EXPECT_EQ(n.position, 11u);
  EXPECT_EQ(n.message, "expected a term right after '-' at 10");

  n = Notice("attention - vision");
  EXPECT_EQ(n.position, 11u);

  n = Notice("title:");
  EXPECT_EQ(n.position, 6u);
  EXPECT_EQ(n.message, "expected a value right after 'title:'");

  n = Notice("au: dao");
  EXPECT_EQ(n.position, 3u);

  n = Notice("title:)");
  EXPECT_EQ(n.position, 6u);

  n = Notice("year:abc");
  EXPECT_EQ(n.position, 5u);
  EXPECT_EQ(n.message.rfind("expected a year", 0), 0u) << n.message;

  n = Notice("x date:2026-13-40");
  EXPECT_EQ(n.position, 7u);
  EXPECT_EQ(n.message.rfind("expected a date", 0), 0u) << n.message;

  EXPECT_EQ(Notice("date:2026-02-30").position, 5u);
  EXPECT_EQ(Notice("year:2023..2020").position, 5u);
  EXPECT_EQ(Notice("year:0").position, 5u);
  EXPECT_EQ(Notice("year:\"2024\"").position, 5u);
  EXPECT_EQ(Notice("year:").position, 5u);

  n = Notice("a () b");
  EXPECT_EQ(n.position, 3u);
  EXPECT_EQ(n.message, "expected a term inside '(' ')' at 2");
}

TEST(QueryParser, DeepNestingIsMalformedNotACrash) {
  std::string deep(10000, '(');
  Notice(deep + "a");
  std::string negations;
  for (int i = 0; i < 10000; ++i) negations += "NOT ";
  Notice(negations + "a");
  // Within the limit it parses.
  EXPECT_EQ(Tree("((((a))))"), "(term \"a\")");
}

TEST(QueryParser, PlainText) {
  EXPECT_EQ(Describe(PlainTextQuery("(a \"b OR -c")), "(term \"(a \\\"b OR -c\")");
  EXPECT_EQ(Describe(PlainTextQuery("  ")), "(or)");
}

TEST(QueryLexer, TokenKinds) {
  auto tokens = QueryLexer("-a NOT \"b c\" (d OR e) title:f").Tokens();
  std::vector<QueryToken::Kind> kinds;
  for (const QueryToken& t : tokens) kinds.push_back(t.kind);
  using K = QueryToken::Kind;
  EXPECT_EQ(kinds, (std::vector<K>{K::kMinus, K::kWord, K::kNot, K::kPhrase, K::kLParen, K::kWord,
                                   K::kOr, K::kWord, K::kRParen, K::kField, K::kWord, K::kEnd}));
  EXPECT_EQ(tokens.back().position, 29u);
}

}  // namespace
}  // namespace paperdeck::query

namespace paperdeck::query {
namespace {

// A query that parses, carrying a notice about one part: the tree and the notice.
std::pair<std::string, QueryNotice> ReadAs(std::string_view text) {
  ParsedQuery q = ParseQuery(text);
  EXPECT_TRUE(q.notice.has_value()) << text << " parsed as " << Describe(q.root);
  if (!q.notice) return {Describe(q.root), {}};
  EXPECT_EQ(q.notice->kind, QueryNotice::Kind::kReadAs) << q.notice->message;
  return {Describe(q.root), *q.notice};
}

TEST(QueryParserExpansion, PrefixesAndFuzzyWords) {
  EXPECT_EQ(Tree("atten*"), "(prefix \"atten\")");
  EXPECT_EQ(Tree("title:diffus* -survey"),
            "(and (prefix title \"diffus\") (not (term \"survey\")))");
  EXPECT_EQ(Tree("atention~"), "(fuzzy 2 \"atention\")");
  EXPECT_EQ(Tree("atention~1"), "(fuzzy 1 \"atention\")");
  EXPECT_EQ(Tree("author:schmidh~ OR lecun~0"),
            "(or (fuzzy 2 authors \"schmidh\") (fuzzy 0 \"lecun\"))");
  // `*` alone is every paper; `~` with no word, or followed by other text, is text.
  EXPECT_EQ(Tree("*"), "(all)");
  EXPECT_EQ(Tree("~1 a~b"), "(and (term \"~1\") (term \"a~b\"))");
  // Inside a phrase neither is an operator.
  EXPECT_EQ(Tree("\"atten* block\""), "(phrase \"atten* block\")");
  // A field's prefix starts where the field name does, as a field's word does.
  ParsedQuery q = ParseQuery("x title:diffus*");
  ASSERT_EQ(q.root.children.size(), 2u);
  EXPECT_EQ(q.root.children[1].position, 2u);
}

TEST(QueryParserExpansion, ExactWords) {
  EXPECT_EQ(Tree("=transformer"), "(exact \"transformer\")");
  EXPECT_EQ(Tree("title:=transformer -=transformers"),
            "(and (exact title \"transformer\") (not (exact \"transformers\")))");
  // A lone `=` and one inside a word are text; a quoted word stays a phrase for the planner.
  EXPECT_EQ(Tree("= a=b"), "(and (term \"=\") (term \"a=b\"))");
  EXPECT_EQ(Tree("\"transformer\""), "(phrase \"transformer\")");
}

TEST(QueryParserExpansion, ShortPrefixesAndTooManyEditsAreSaidAloud) {
  auto [tree, notice] = ReadAs("a* attention");
  EXPECT_EQ(tree, "(and (term \"a*\") (term \"attention\"))");
  EXPECT_EQ(notice.position, 0u);
  EXPECT_EQ(notice.message, "a prefix needs 2 characters before '*': searched for the word a");
  std::tie(tree, notice) = ReadAs("x atention~5");
  EXPECT_EQ(tree, "(and (term \"x\") (fuzzy 2 \"atention\"))");
  EXPECT_EQ(notice.position, 10u);
  EXPECT_EQ(notice.message, "at most 2 edits: searched atention~2");
}

TEST(QueryParserExpansion, UnknownFieldsAreSearchedAsWordsWithANotice) {
  auto [tree, notice] = ReadAs("bogus:attention");
  EXPECT_EQ(tree, "(and (term \"bogus\") (term \"attention\"))");
  EXPECT_EQ(notice.position, 0u);
  EXPECT_EQ(notice.message, "unknown field bogus: searched as words");
  std::tie(tree, notice) = ReadAs("sparse Bogus:atten* OR mamba");
  EXPECT_EQ(tree, "(and (term \"sparse\") (or (and (term \"Bogus\") (prefix \"atten\")) "
                  "(term \"mamba\")))");
  EXPECT_EQ(notice.message, "unknown field Bogus: searched as words");
  // Text with a colon that is no field: no notice.
  EXPECT_EQ(Tree("arXiv:2401.12345 doi:10.1/x http://x.org"),
            "(and (term \"arXiv:2401.12345\") (term \"doi:10.1/x\") (term \"http://x.org\"))");
  // A malformed query still says what did not parse, not the unknown field.
  QueryNotice failed = Notice("bogus:attention (");
  EXPECT_EQ(failed.kind, QueryNotice::Kind::kNotParsed);
}

}  // namespace
}  // namespace paperdeck::query
