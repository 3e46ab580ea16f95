#include "text/analyzer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "text/utf8.h"

namespace paperdeck::text {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// "term@position" for each token, in order: failures read like the analysis itself.
std::string Render(Analyzer& analyzer, std::string_view text, uint32_t first_position = 0) {
  std::vector<Token> tokens;
  analyzer.Analyze(text, &tokens, first_position);
  std::string out;
  for (const Token& t : tokens) {
    if (!out.empty()) out += ' ';
    out += t.term + "@" + std::to_string(t.position);
  }
  return out;
}

// The source bytes each token covers, in order.
std::vector<std::string> Spans(Analyzer& analyzer, std::string_view text) {
  std::vector<Token> tokens;
  analyzer.Analyze(text, &tokens);
  std::vector<std::string> spans;
  for (const Token& t : tokens) spans.emplace_back(text.substr(t.begin, t.end - t.begin));
  return spans;
}

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const DecodedCodePoint d = DecodeUtf8(s, i);
    if (d.value == kInvalidCodePoint) return false;
    i += d.length;
  }
  return true;
}

class AnalyzerTest : public ::testing::Test {
 protected:
  Analyzer analyzer_;
};

// --- A bounded analysis ----------------------------------------------------------------------

TEST_F(AnalyzerTest, AnalyzeUpToStopsBeforeTheWordThatWouldPassTheCap) {
  std::vector<Token> tokens;
  size_t stopped_at = 0;
  // "the" takes a position and no token; the compound's four tokens do not fit in the fifth slot.
  const std::string text = "sparse the attention FlashAttention-3 mamba";
  const uint32_t end = analyzer_.AnalyzeUpTo(text, 4, &tokens, 0, &stopped_at);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[1].term, "attent");
  EXPECT_EQ(stopped_at, text.find("FlashAttention"));
  EXPECT_EQ(end, 3u);  // the position the compound would have taken

  tokens.clear();
  EXPECT_EQ(analyzer_.AnalyzeUpTo(text, 100, &tokens, 0, &stopped_at), 7u);
  EXPECT_EQ(stopped_at, text.size());
  EXPECT_EQ(tokens.size(), 7u);
}

// --- Compounds -------------------------------------------------------------------------------

TEST_F(AnalyzerTest, EachTokenCarriesItsFormUnstemmed) {
  std::vector<Token> tokens;
  analyzer_.Analyze("Transformers of Schrödinger FlashAttention-3", &tokens);
  std::vector<std::string> pairs;
  for (const Token& t : tokens) pairs.push_back(t.term + "/" + t.form);
  EXPECT_THAT(pairs, ElementsAre("transform/transformers", "schroding/schrodinger",
                                 "flashattention-3/flashattention-3", "flash/flash",
                                 "attent/attention", "3/3"));
  const std::vector<QueryWord> words = analyzer_.AnalyzeQuery("Transformer models");
  ASSERT_EQ(words.size(), 2u);
  EXPECT_EQ(words[0].whole, "transform");
  EXPECT_EQ(words[0].form, "transformer");
  EXPECT_EQ(words[1].form, "models");
}

TEST_F(AnalyzerTest, CompoundIsIndexedWholeAndByParts) {
  EXPECT_EQ(Render(analyzer_, "FlashAttention-3"),
            "flashattention-3@0 flash@0 attent@1 3@2");
}

TEST_F(AnalyzerTest, WordAfterCompoundContinuesAfterItsParts) {
  EXPECT_EQ(Render(analyzer_, "FlashAttention-3 kernels"),
            "flashattention-3@0 flash@0 attent@1 3@2 kernel@3");
}

TEST_F(AnalyzerTest, CompoundStartsAtTheGivenPosition) {
  EXPECT_EQ(Render(analyzer_, "GPT-4", 10), "gpt-4@10 gpt@10 4@11");
}

TEST_F(AnalyzerTest, CamelCaseSplitsBeforeACapitalAfterLowerCase) {
  EXPECT_EQ(Render(analyzer_, "ChatGPT"), "chatgpt@0 chat@0 gpt@1");
}

TEST_F(AnalyzerTest, CamelCaseSplitsAnAcronymFromTheWordAfterIt) {
  EXPECT_EQ(Render(analyzer_, "XMLParser"), "xmlparser@0 xml@0 parser@1");
}

TEST_F(AnalyzerTest, LetterDigitChangesSplit) {
  EXPECT_EQ(Render(analyzer_, "GPT4"), "gpt4@0 gpt@0 4@1");
  EXPECT_EQ(Render(analyzer_, "GPT-4"), "gpt-4@0 gpt@0 4@1");
}

TEST_F(AnalyzerTest, HyphenatedPartsAreStemmed) {
  EXPECT_EQ(Render(analyzer_, "sliding-window"), "sliding-window@0 slide@0 window@1");
  EXPECT_EQ(Render(analyzer_, "non-invasive"), "non-invas@0 non@0 invas@1");
}

TEST_F(AnalyzerTest, BigONotationKeepsItsBrackets) {
  EXPECT_EQ(Render(analyzer_, "in O(n^2) time"), "o(n^2)@1 o@1 n@2 2@3 time@4");
}

TEST_F(AnalyzerTest, LatexTimesAfterANumber) {
  // "$" delimiters are dropped; "\times" is a part named "times"; the decimal number stays one
  // part; the whole leaves out the backslash, so it equals the whole of "3.46times".
  EXPECT_EQ(Render(analyzer_, "a $3.46\\times$ speedup"),
            "3.46time@1 3.46@1 time@2 speedup@3");
  EXPECT_EQ(Render(analyzer_, "1.25times"), "1.25time@0 1.25@0 time@1");
  EXPECT_EQ(analyzer_.Term("3.46\\times"), analyzer_.Term("3.46times"));
}

TEST_F(AnalyzerTest, StopWordPartsOfACompoundKeepTheirPositions) {
  EXPECT_EQ(Render(analyzer_, "state-of-the-art results"),
            "state-of-the-art@0 state@0 art@3 result@4");
}

TEST_F(AnalyzerTest, DoubleHyphenSeparatesWords) {
  EXPECT_EQ(Render(analyzer_, "attention--which"), "attent@0 which@1");
}

TEST_F(AnalyzerTest, UnbalancedClosingBracketIsLeftOutOfTheWhole) {
  EXPECT_EQ(Render(analyzer_, "(LLM)-based"), "llm-base@0 llm@0 base@1");
}

// --- Punctuation and possessives -----------------------------------------------------------

TEST_F(AnalyzerTest, LeadingAndTrailingPunctuationIsNotPartOfAWord) {
  EXPECT_EQ(Render(analyzer_, "attention, (MILA) LLMs."), "attent@0 mila@1 llm@2");
  EXPECT_THAT(Spans(analyzer_, "attention, (MILA) LLMs."),
              ElementsAre("attention", "MILA", "LLMs"));
}

TEST_F(AnalyzerTest, PossessiveIsDropped) {
  EXPECT_EQ(Render(analyzer_, "Mamba's state"), "mamba@0 state@1");
  EXPECT_EQ(Render(analyzer_, "Mamba’s state"), "mamba@0 state@1");  // typographic apostrophe
  EXPECT_EQ(Render(analyzer_, "bird's-eye view"), "bird-ey@0 bird@0 eye@1 view@2");
}

TEST_F(AnalyzerTest, AcronymPluralMeetsItsSingular) {
  EXPECT_EQ(analyzer_.Term("LLMs"), "llm");
  EXPECT_EQ(analyzer_.Term("llms"), "llm");
  EXPECT_EQ(analyzer_.Term("GPUs"), analyzer_.Term("GPU"));
}

TEST_F(AnalyzerTest, UrlsAreSplitWithoutJunk) {
  const std::string url = "see https://github.com/Dao-AILab/flash-attention/tree/main/csrc";
  std::vector<Token> tokens;
  const uint32_t next = analyzer_.Analyze(url, &tokens);
  ASSERT_FALSE(tokens.empty());
  for (const Token& t : tokens) {
    EXPECT_LE(t.term.size(), 64u) << t.term;
    EXPECT_LT(t.position, next);
  }
  EXPECT_NE(Render(analyzer_, url).find("flash@"), std::string::npos);
}

TEST_F(AnalyzerTest, OverlongWordIsNotIndexedButTakesItsPosition) {
  const std::string junk(300, 'q');
  EXPECT_EQ(Render(analyzer_, "alpha " + junk + " beta"), "alpha@0 beta@2");
}

// --- Stemming and stop words ---------------------------------------------------------------

TEST_F(AnalyzerTest, AttentiveAndAttentionMeet) {
  EXPECT_EQ(analyzer_.Term("Attentive"), "attent");
  EXPECT_EQ(analyzer_.Term("attention"), "attent");
}

TEST_F(AnalyzerTest, StopWordsAreNotIndexedButTakeAPosition) {
  std::vector<Token> tokens;
  const uint32_t next = analyzer_.Analyze("The cost of a transformer", &tokens);
  EXPECT_EQ(next, 5u);
  EXPECT_EQ(Render(analyzer_, "The cost of a transformer"), "cost@1 transform@4");
}

TEST_F(AnalyzerTest, TermOfAStopWordOrPunctuationIsEmpty) {
  EXPECT_EQ(analyzer_.Term("The"), "");
  EXPECT_EQ(analyzer_.Term("--"), "");
  EXPECT_EQ(analyzer_.Term(""), "");
}

TEST_F(AnalyzerTest, TermOfACompoundIsItsWhole) {
  EXPECT_EQ(analyzer_.Term("GPT-4"), "gpt-4");
  EXPECT_EQ(analyzer_.Term("FlashAttention"), "flashattent");
}

TEST_F(AnalyzerTest, IsStopWordInAnyCase) {
  EXPECT_TRUE(analyzer_.IsStopWord("The"));
  EXPECT_TRUE(analyzer_.IsStopWord("OF"));
  EXPECT_TRUE(analyzer_.IsStopWord("a"));
  EXPECT_FALSE(analyzer_.IsStopWord("attention"));
  EXPECT_FALSE(analyzer_.IsStopWord(""));
}

// --- Unicode -------------------------------------------------------------------------------

TEST_F(AnalyzerTest, DiacriticsAndCaseDoNotMatter) {
  const std::string plain = analyzer_.Term("Schrodinger");
  EXPECT_EQ(plain, "schroding");
  EXPECT_EQ(analyzer_.Term("Schrödinger"), plain);
  EXPECT_EQ(analyzer_.Term("SCHRÖDINGER"), plain);
  EXPECT_EQ(analyzer_.Term("Schro\xCC\x88" "dinger"), plain);  // o + combining diaeresis
  EXPECT_EQ(analyzer_.Term("Schr\\\"odinger"), plain);         // LaTeX accent
}

TEST_F(AnalyzerTest, LettersWithStrokesFold) {
  EXPECT_EQ(analyzer_.Term("Przemysław"), "przemyslaw");
  EXPECT_EQ(analyzer_.Term("Przemys{\\l}aw"), "przemyslaw");
}

TEST_F(AnalyzerTest, FullWidthLettersAreNormalised) {
  EXPECT_EQ(Render(analyzer_, "ＧＰＴ－４"), "gpt-4@0 gpt@0 4@1");
  EXPECT_EQ(analyzer_.Term("Ａｔｔｅｎｔｉｏｎ"), "attent");
}

TEST_F(AnalyzerTest, GreekLettersAreWordCharacters) {
  EXPECT_EQ(Render(analyzer_, "the α-helix"), "α-helix@1 α@1 helix@2");
  EXPECT_EQ(analyzer_.Term("Σ"), analyzer_.Term("σ"));
}

TEST_F(AnalyzerTest, EachHanIdeographIsAToken) {
  EXPECT_EQ(Render(analyzer_, "注意力 attention"), "注@0 意@1 力@2 attent@3");
  EXPECT_THAT(Spans(analyzer_, "注意力"), ElementsAre("注", "意", "力"));
}

TEST_F(AnalyzerTest, InvalidUtf8BytesSeparateWords) {
  EXPECT_EQ(Render(analyzer_, "bad\xFF\xFE" "bytes \xC3 x\xE2\x82"), "bad@0 byte@1 x@2");
}

TEST_F(AnalyzerTest, RandomBytesNeverBreakTheAnalyzer) {
  std::mt19937 random(7);
  const char alphabet[] = "aZ9-'.()\\$ \xC3\xA9\xE6\xB3\xA8\xF0\x9F\x98\x80\xFF\x80";
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 80);
    for (int i = 0; i < length; ++i) {
      text += random() % 4 == 0 ? static_cast<char>(random() % 256)
                                : alphabet[random() % (sizeof(alphabet) - 1)];
    }
    std::vector<Token> tokens;
    const uint32_t next = analyzer_.Analyze(text, &tokens, 3);
    for (const Token& t : tokens) {
      EXPECT_FALSE(t.term.empty());
      EXPECT_TRUE(IsValidUtf8(t.term));
      EXPECT_LT(t.begin, t.end);
      EXPECT_LE(t.end, text.size());
      EXPECT_GE(t.position, 3u);
      EXPECT_LT(t.position, next);
    }
    analyzer_.AnalyzeQuery(text);
  }
}

// --- Offsets and positions -----------------------------------------------------------------

TEST_F(AnalyzerTest, OffsetsCoverTheWholeAndEachPart) {
  EXPECT_THAT(Spans(analyzer_, "use FlashAttention-3."),
              ElementsAre("use", "FlashAttention-3", "Flash", "Attention", "3"));
  EXPECT_THAT(Spans(analyzer_, "$3.46\\times$"), ElementsAre("3.46\\times", "3.46", "times"));
  EXPECT_THAT(Spans(analyzer_, "O(n^2),"), ElementsAre("O(n^2)", "O", "n", "2"));
}

TEST_F(AnalyzerTest, OffsetsAreBytesIntoTheInput) {
  const std::string text = "Schrödinger's cat";
  std::vector<Token> tokens;
  analyzer_.Analyze(text, &tokens);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].begin, 0u);
  EXPECT_EQ(tokens[0].end, 12u);  // "ö" is two bytes
  EXPECT_EQ(tokens[1].begin, 15u);
  EXPECT_EQ(tokens[1].end, 18u);
}

TEST_F(AnalyzerTest, ReturnsTheNextFreePositionForSeveralValues) {
  std::vector<Token> tokens;
  uint32_t next = analyzer_.Analyze("Tri Dao", &tokens, 0);
  EXPECT_EQ(next, 2u);
  next = analyzer_.Analyze("Albert Gu", &tokens, next + 1);
  EXPECT_EQ(next, 5u);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[2].term, "albert");
  EXPECT_EQ(tokens[2].position, 3u);
}

TEST_F(AnalyzerTest, EmptyTextReturnsTheFirstPosition) {
  std::vector<Token> tokens;
  EXPECT_EQ(analyzer_.Analyze("", &tokens, 7), 7u);
  EXPECT_EQ(analyzer_.Analyze(" -- $ ", &tokens, 7), 7u);
  EXPECT_THAT(tokens, IsEmpty());
}

TEST_F(AnalyzerTest, AppendsToExistingTokens) {
  std::vector<Token> tokens(1);
  analyzer_.Analyze("mamba", &tokens);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[1].term, "mamba");
}

// --- Queries -------------------------------------------------------------------------------

TEST_F(AnalyzerTest, AnalyzeQueryGivesWholesPartsAndStopFlags) {
  const std::string query = "sliding-window attention of GPT-4";
  const std::vector<QueryWord> words = analyzer_.AnalyzeQuery(query);
  ASSERT_EQ(words.size(), 4u);

  EXPECT_EQ(words[0].whole, "sliding-window");
  EXPECT_THAT(words[0].parts, ElementsAre("slide", "window"));
  EXPECT_FALSE(words[0].stop);
  EXPECT_EQ(query.substr(words[0].begin, words[0].end - words[0].begin), "sliding-window");

  EXPECT_EQ(words[1].whole, "attent");
  EXPECT_THAT(words[1].parts, IsEmpty());
  EXPECT_FALSE(words[1].stop);
  EXPECT_EQ(query.substr(words[1].begin, words[1].end - words[1].begin), "attention");

  EXPECT_EQ(words[2].whole, "of");
  EXPECT_TRUE(words[2].stop);
  EXPECT_EQ(query.substr(words[2].begin, words[2].end - words[2].begin), "of");

  EXPECT_EQ(words[3].whole, "gpt-4");
  EXPECT_THAT(words[3].parts, ElementsAre("gpt", "4"));
  EXPECT_EQ(query.substr(words[3].begin, words[3].end - words[3].begin), "GPT-4");
}

TEST_F(AnalyzerTest, QueryStopPartsAreEmptyGaps) {
  const std::vector<QueryWord> words = analyzer_.AnalyzeQuery("state-of-the-art");
  ASSERT_EQ(words.size(), 1u);
  EXPECT_THAT(words[0].parts, ElementsAre("state", "", "", "art"));
  EXPECT_FALSE(words[0].stop);
}

TEST_F(AnalyzerTest, QueryWholeTooLongToIndexIsEmpty) {
  const std::vector<QueryWord> words =
      analyzer_.AnalyzeQuery("github.com/some-organisation/a-rather-long-repository-name/tree/main");
  ASSERT_EQ(words.size(), 1u);
  EXPECT_EQ(words[0].whole, "");
  ASSERT_EQ(words[0].parts.size(), 11u);
  EXPECT_EQ(words[0].parts[0], "github");
  EXPECT_EQ(words[0].parts[4], "");  // "a"
}

// A query for the text of any token finds that token: the analysis meets itself.
TEST_F(AnalyzerTest, EveryTokenOfRealAbstractsIsFoundByItsOwnText) {
  std::ifstream in(std::string(PAPERDECK_TEST_DATA) + "/text/abstracts.txt");
  ASSERT_TRUE(in.is_open());
  std::string line;
  int lines = 0;
  size_t checked = 0;
  while (std::getline(in, line)) {
    ++lines;
    std::vector<Token> tokens;
    const uint32_t next = analyzer_.Analyze(line, &tokens);
    uint32_t last_position = 0;
    for (const Token& t : tokens) {
      ASSERT_LE(t.end, line.size());
      ASSERT_LT(t.begin, t.end);
      EXPECT_GE(t.position, last_position) << t.term;
      EXPECT_LT(t.position, next);
      last_position = t.position;
      EXPECT_LE(t.term.size(), 64u);
      EXPECT_EQ(analyzer_.Term(line.substr(t.begin, t.end - t.begin)), t.term)
          << "span '" << line.substr(t.begin, t.end - t.begin) << "'";
      ++checked;
    }
  }
  EXPECT_EQ(lines, 50);
  EXPECT_GT(checked, 5000u);
}

TEST_F(AnalyzerTest, QueryWordsMatchIndexedTokens) {
  const std::string text = "Chiaroscuro Attention: FlashAttention-3 on WikiText-103 (CHIAR-Former)";
  std::vector<Token> tokens;
  analyzer_.Analyze(text, &tokens);
  std::vector<std::string> indexed;
  for (const Token& t : tokens) indexed.push_back(t.term + "@" + std::to_string(t.position));

  std::vector<std::string> queried;
  uint32_t position = 0;
  for (const QueryWord& w : analyzer_.AnalyzeQuery(text)) {
    if (!w.stop) queried.push_back(w.whole + "@" + std::to_string(position));
    for (size_t i = 0; i < w.parts.size(); ++i) {
      if (!w.parts[i].empty()) {
        queried.push_back(w.parts[i] + "@" + std::to_string(position + i));
      }
    }
    position += w.parts.empty() ? 1 : static_cast<uint32_t>(w.parts.size());
  }
  EXPECT_EQ(queried, indexed);
}

}  // namespace
}  // namespace paperdeck::text
