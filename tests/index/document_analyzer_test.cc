// The document analyser's caps: any text, however long, gives a bounded document, and says what
// it left out.
#include "index/document_analyzer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace paperdeck::index {
namespace {

using ::testing::HasSubstr;

// n distinct words ("qbbbbb", "qcbbbb", ...), each one token and its own term: consonants only,
// which the stemmer leaves as they are.
std::string DistinctWords(size_t n, size_t first = 0) {
  static constexpr std::string_view kLetters = "bcfhkmnprtvwxz";
  std::string text;
  for (size_t i = first; i < first + n; ++i) {
    size_t v = i;
    std::string word = "q";
    for (int k = 0; k < 5; ++k, v /= kLetters.size()) word += kLetters[v % kLetters.size()];
    text += word + " ";
  }
  return text;
}

std::set<std::string> Terms(const AnalyzedDocument& doc) {
  std::set<std::string> terms;
  for (const auto& f : doc.fields) {
    for (const auto& t : f) terms.insert(t.term);
  }
  return terms;
}

TEST(DocumentAnalyzer, AnOrdinaryPaperIsWholeAndNeedsNoCheck) {
  IndexDocument doc;
  doc.title = "Sparse attention for long documents";
  doc.abstract = "We study sparse attention mechanisms for documents of many thousand words.";
  doc.authors = {"Ada Lovelace", "Alan Turing"};
  EXPECT_FALSE(DocumentAnalyzer::MayBeCut(doc));
  DocumentAnalyzer analyzer;
  AnalyzedDocument out;
  analyzer.Analyze(doc, &out);
  EXPECT_FALSE(out.cut.any());
  EXPECT_EQ(DescribeCut(out.cut), "");
}

TEST(DocumentAnalyzer, ALongFieldIsIndexedUpToItsTokenCap) {
  const std::string abstract = DistinctWords(kMaxFieldTokens + 5000);
  IndexDocument doc;
  doc.title = "A paper";
  doc.abstract = abstract;
  ASSERT_TRUE(DocumentAnalyzer::MayBeCut(doc));
  DocumentAnalyzer analyzer;
  AnalyzedDocument out;
  analyzer.Analyze(doc, &out);
  const auto& tokens = out.fields[static_cast<int>(Field::kAbstract)];
  EXPECT_LE(tokens.size(), kMaxFieldTokens);
  EXPECT_TRUE(out.cut.any());
  const int f = static_cast<int>(Field::kAbstract);
  EXPECT_EQ(out.cut.total_bytes[f], abstract.size());
  EXPECT_LT(out.cut.analysed_bytes[f], abstract.size());
  // The length counts what was analysed (one position a word here), not the whole text.
  EXPECT_EQ(out.values.field_length[f], kMaxFieldTokens);
  // Those words are more distinct terms than a document keeps: the title's one and the
  // abstract's first 32,767 stay, its later words go.
  EXPECT_EQ(tokens.size(), kMaxDocumentTerms - 1);
  EXPECT_EQ(out.cut.dropped_tokens, kMaxFieldTokens - (kMaxDocumentTerms - 1));
  EXPECT_EQ(tokens.back().position, kMaxDocumentTerms - 2);
  EXPECT_THAT(DescribeCut(out.cut), HasSubstr("the abstract is indexed up to byte"));
}

TEST(DocumentAnalyzer, PastTheDistinctTermCapTheAuthorsAndTitleKeepTheirTerms) {
  // Two fields under the token cap, but together past the distinct-term cap.
  const std::string abstract = DistinctWords(kMaxDocumentTerms);
  const std::string venue = DistinctWords(2000, kMaxDocumentTerms);
  IndexDocument doc;
  doc.title = "Zanzibar quokkas";
  doc.abstract = abstract;
  doc.venue = venue;
  doc.authors = {"Ada Lovelace"};
  DocumentAnalyzer analyzer;
  AnalyzedDocument out;
  analyzer.Analyze(doc, &out);
  const std::set<std::string> terms = Terms(out);
  EXPECT_EQ(terms.size(), kMaxDocumentTerms);
  EXPECT_TRUE(terms.count("zanzibar") > 0);
  EXPECT_TRUE(terms.count("lovelac") > 0);
  // The venue comes before the abstract: all of it kept, the abstract's last words dropped.
  EXPECT_EQ(out.fields[static_cast<int>(Field::kVenue)].size(), 2000u);
  EXPECT_TRUE(terms.count("a") > 0);  // Ada's initial
  // The title's two terms, the author's three (ada, a, lovelac) and the venue's 2000 left the
  // abstract 2005 short.
  EXPECT_EQ(out.cut.dropped_tokens, 2005u);
  EXPECT_THAT(DescribeCut(out.cut), HasSubstr("2,005 words"));
}

TEST(DocumentAnalyzer, ManyAuthorsStopAtTheCapAndTheLengthCountsOnlyThoseAnalysed) {
  std::vector<std::string> names;
  for (size_t i = 0; i < kMaxFieldTokens; ++i) names.push_back("Author" + std::to_string(i));
  IndexDocument doc;
  doc.title = "A large collaboration";
  doc.authors.assign(names.begin(), names.end());
  DocumentAnalyzer analyzer;
  AnalyzedDocument out;
  analyzer.Analyze(doc, &out);
  const int f = static_cast<int>(Field::kAuthors);
  EXPECT_LE(out.fields[f].size(), kMaxFieldTokens);
  EXPECT_LT(out.cut.analysed_bytes[f], out.cut.total_bytes[f]);
  EXPECT_LT(out.values.field_length[f], out.fields[f].size());  // "author7" is 3 tokens, 2 positions
}

}  // namespace
}  // namespace paperdeck::index
