// The term dictionary's prefix ranges and edit neighbours, against a brute-force scan of every
// term, on hand-picked words and on random dictionaries.
#include "index/term_neighbours.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "index/file_writer.h"
#include "index/term_dictionary_writer.h"
#include "support/temp_dir.h"

namespace paperdeck::index {
namespace {

using ::paperdeck::testing::TempDir;

// A dictionary written by TermDictionaryWriter and read back, as a segment holds one.
class Dictionary {
 public:
  explicit Dictionary(const std::set<std::string>& terms) {
    auto file = FileWriter::Create(dir_.path() / "dict");
    EXPECT_TRUE(file.ok());
    TermDictionaryWriter writer(file.value().get());
    uint32_t df = 1;
    for (const std::string& t : terms) {
      EXPECT_TRUE(writer.Add(t, TermInfo{df++, 0, 0}).ok());
    }
    EXPECT_TRUE(writer.Finish().ok());
    EXPECT_TRUE(file.value()->Close().ok());
    std::ifstream in(dir_.path() / "dict", std::ios::binary);
    blocks_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    index_ = writer.IndexSection();
    reader_ = TermDictionaryReader(blocks_, index_, writer.term_count());
  }
  const TermDictionaryReader& reader() const { return reader_; }

 private:
  TempDir dir_;
  std::vector<uint8_t> blocks_, index_;
  TermDictionaryReader reader_;
};

using Found = std::vector<std::tuple<std::string, uint32_t, int>>;

Found Within(const TermDictionaryReader& dict, std::string_view word, int k, size_t same = 0) {
  Found out;
  ForEachTermWithin(dict, word, k, same, [&](std::string_view t, const TermInfo& info, int d) {
    out.emplace_back(std::string(t), info.df, d);
  });
  return out;
}

Found BruteWithin(const std::set<std::string>& terms, std::string_view word, int k,
                  size_t same_bytes = 0) {
  Found out;
  uint32_t df = 1;
  for (const std::string& t : terms) {
    const uint32_t this_df = df++;
    if (!t.empty() && t[0] == '\x01') continue;
    if (same_bytes > 0 && (word.size() < same_bytes || !t.starts_with(word.substr(0, same_bytes)))) {
      continue;
    }
    const int d = EditDistance(word, t);
    if (d <= k) out.emplace_back(t, this_df, d);
  }
  return out;
}

TEST(EditDistanceTest, CountsInsertionsDeletionsSubstitutionsAndSwaps) {
  EXPECT_EQ(EditDistance("attention", "attention"), 0);
  EXPECT_EQ(EditDistance("atention", "attention"), 1);   // insertion
  EXPECT_EQ(EditDistance("attenttion", "attention"), 1); // deletion
  EXPECT_EQ(EditDistance("attantion", "attention"), 1);  // substitution
  EXPECT_EQ(EditDistance("atetntion", "attention"), 1);  // swap of neighbours
  EXPECT_EQ(EditDistance("trasnformer", "transformer"), 1);
  EXPECT_EQ(EditDistance("ca", "abc"), 3);  // optimal string alignment: no edit after a swap
  EXPECT_EQ(EditDistance("", "abc"), 3);
  EXPECT_EQ(EditDistance("schrödinger", "schrodinger"), 1);  // code points, not bytes
}

TEST(TermNeighboursTest, PrefixIsARangeOfTheDictionary) {
  const std::set<std::string> terms = {"\x01" "cs.cl", "att", "attend", "attent", "attenu",
                                       "attn", "attract", "b"};
  Dictionary d(terms);
  std::vector<std::string> got;
  ForEachTermWithPrefix(d.reader(), "atten", [&](std::string_view t, const TermInfo&) {
    got.emplace_back(t);
  });
  EXPECT_EQ(got, (std::vector<std::string>{"attend", "attent", "attenu"}));
  got.clear();
  ForEachTermWithPrefix(d.reader(), "zz", [&](std::string_view t, const TermInfo&) {
    got.emplace_back(t);
  });
  EXPECT_TRUE(got.empty());
}

TEST(TermNeighboursTest, FindsTyposOfARealWord) {
  const std::set<std::string> terms = {"\x01" "cs", "atent", "attend", "attent", "attenu",
                                       "intent", "transform", "transit", "zebra"};
  Dictionary d(terms);
  Found got = Within(d.reader(), "atent", 1);
  EXPECT_EQ(got, BruteWithin(terms, "atent", 1));
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(std::get<0>(got[0]), "atent");
  EXPECT_EQ(std::get<0>(got[1]), "attent");
  EXPECT_EQ(std::get<2>(got[1]), 1);
  // A swap is one edit.
  got = Within(d.reader(), "trasnform", 1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(std::get<0>(got[0]), "transform");
  // Category terms are never neighbours, even of a word one edit away from one.
  for (const auto& [term, df, distance] : Within(d.reader(), "cs", 2)) {
    EXPECT_NE(term[0], '\x01') << term;
  }
}

// Random dictionaries over a small alphabet (so that neighbours abound), a few multi-byte
// letters among them, checked against every term's distance.
TEST(TermNeighboursTest, MatchesABruteForceScanOnRandomDictionaries) {
  std::mt19937 rng(20261202);
  const std::vector<std::string> letters = {"a", "b", "c", "d", "e", "é", "ß"};
  auto random_word = [&](size_t max_len) {
    std::string w;
    const size_t len = 1 + rng() % max_len;
    for (size_t i = 0; i < len; ++i) w += letters[rng() % letters.size()];
    return w;
  };
  for (int round = 0; round < 40; ++round) {
    std::set<std::string> terms;
    const size_t n = 1 + rng() % 600;
    while (terms.size() < n) terms.insert(random_word(7));
    terms.insert("\x01" "ab");
    Dictionary d(terms);
    for (int q = 0; q < 25; ++q) {
      const std::string word = random_word(8);
      for (int k = 0; k <= kMaxEdits; ++k) {
        ASSERT_EQ(Within(d.reader(), word, k), BruteWithin(terms, word, k))
            << "word " << word << " k " << k << " round " << round;
      }
      // The same first letter (one code point: a multi-byte one is several bytes).
      const size_t first = (static_cast<unsigned char>(word[0]) < 0x80) ? 1 : 2;
      ASSERT_EQ(Within(d.reader(), word, 2, 1), BruteWithin(terms, word, 2, first)) << word;
      std::string prefix = word.substr(0, first + (rng() % 2));
      std::vector<std::string> got, want;
      ForEachTermWithPrefix(d.reader(), prefix, [&](std::string_view t, const TermInfo&) {
        got.emplace_back(t);
      });
      for (const std::string& t : terms) {
        if (t.starts_with(prefix)) want.push_back(t);
      }
      ASSERT_EQ(got, want) << prefix;
    }
  }
}

// A term within k edits of some prefix of the word of at least min_prefix code points, checked
// against every term's distance to every such prefix.
TEST(TermNeighboursTest, NearAPrefixMatchesABruteForceScan) {
  std::mt19937 rng(20261203);
  const std::vector<std::string> letters = {"a", "b", "c", "d", "é"};
  auto random_word = [&](size_t max_len, std::vector<std::string>* cps) {
    std::string w;
    const size_t len = 1 + rng() % max_len;
    for (size_t i = 0; i < len; ++i) {
      const std::string& l = letters[rng() % letters.size()];
      w += l;
      if (cps) cps->push_back(l);
    }
    return w;
  };
  for (int round = 0; round < 20; ++round) {
    std::set<std::string> terms;
    const size_t n = 1 + rng() % 400;
    while (terms.size() < n) terms.insert(random_word(6, nullptr));
    Dictionary d(terms);
    for (int q = 0; q < 20; ++q) {
      std::vector<std::string> cps;
      const std::string word = random_word(9, &cps);
      const size_t min_prefix = 1 + rng() % cps.size();
      for (int k = 0; k <= kMaxEdits; ++k) {
        Found got;
        ForEachTermNearPrefixOf(d.reader(), word, k, 0, min_prefix,
                                [&](std::string_view t, const TermInfo& info, int dist) {
                                  got.emplace_back(std::string(t), info.df, dist);
                                });
        Found want;
        uint32_t df = 1;
        for (const std::string& t : terms) {
          const uint32_t this_df = df++;
          int best = kMaxEdits + 1;
          std::string prefix;
          for (size_t i = 0; i < cps.size(); ++i) {
            prefix += cps[i];
            if (i + 1 >= min_prefix) best = std::min(best, EditDistance(prefix, t));
          }
          if (best <= k) want.emplace_back(t, this_df, best);
        }
        ASSERT_EQ(got, want) << "word " << word << " k " << k << " min_prefix " << min_prefix;
      }
    }
  }
  // The stem a mistyped form comes from: `attent` is three edits from `attentoin`, none from
  // its prefix `attent`.
  const std::set<std::string> real = {"attend", "attent", "attenu", "transform"};
  Dictionary r(real);
  std::vector<std::string> near;
  ForEachTermNearPrefixOf(r.reader(), "attentoin", 1, 1, 5,
                          [&](std::string_view t, const TermInfo&, int) { near.emplace_back(t); });
  EXPECT_EQ(near, (std::vector<std::string>{"attend", "attent", "attenu"}));
}

}  // namespace
}  // namespace paperdeck::index
