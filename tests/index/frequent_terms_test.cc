// A segment's frequent terms, and the neighbours of a word read from them: the same terms, with
// the same frequencies and distances, as the walk of every segment's dictionary.
#include "index/frequent_terms.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "index/index_reader.h"
#include "index/index_writer.h"
#include "index/term_neighbours.h"
#include "support/temp_dir.h"

namespace paperdeck::index {
namespace {

using ::paperdeck::testing::TempDir;

// Words of a small alphabet, so that many lie within two edits of each other.
std::vector<std::string> Vocabulary(std::mt19937* rng, size_t n) {
  std::set<std::string> words;
  std::uniform_int_distribution<int> length(4, 9), letter(0, 4);
  while (words.size() < n) {
    std::string w;
    for (int i = length(*rng); i > 0; --i) w += static_cast<char>('k' + letter(*rng));
    words.insert(w);
  }
  return {words.begin(), words.end()};
}

// papers papers of Zipf-distributed words, a segment every per_segment, opened as one snapshot.
std::shared_ptr<const IndexReader> Build(const std::filesystem::path& dir,
                                         const std::vector<std::string>& words, int papers,
                                         uint32_t per_segment, std::mt19937* rng) {
  std::vector<double> weights;
  for (size_t i = 0; i < words.size(); ++i) weights.push_back(1.0 / static_cast<double>(i + 1));
  std::discrete_distribution<size_t> pick(weights.begin(), weights.end());
  IndexWriterOptions options;
  options.max_buffered_docs = per_segment;
  auto writer = IndexWriter::Open(dir, options);
  EXPECT_TRUE(writer.ok());
  std::vector<std::string> abstracts(static_cast<size_t>(papers));  // the documents' text views
  for (int p = 0; p < papers; ++p) {
    IndexDocument d;
    d.paper_key = static_cast<uint64_t>(p + 1);
    std::string& abstract = abstracts[static_cast<size_t>(p)];
    for (int i = 0; i < 30; ++i) abstract += words[pick(*rng)] + " ";
    d.abstract = abstract;
    d.title = words[pick(*rng)];
    d.categories = {"cs.LG"};
    EXPECT_TRUE((*writer)->Upsert(d).ok());
  }
  EXPECT_TRUE((*writer)->Commit(1).ok());
  auto reader = IndexReader::Open(dir);
  EXPECT_TRUE(reader.ok());
  return *reader;
}

std::vector<std::tuple<std::string, uint64_t, int>> Flat(const std::vector<TermCount>& found) {
  std::vector<std::tuple<std::string, uint64_t, int>> out;
  for (const TermCount& c : found) out.emplace_back(c.term, c.df, c.distance);
  return out;
}

TEST(FrequentTerms, HoldsTheTermsOfEnoughDocumentsByFirstByteMostFrequentFirst) {
  TempDir dir;
  std::mt19937 rng(7);
  const std::vector<std::string> words = Vocabulary(&rng, 200);
  auto reader = Build(dir.path(), words, 300, 1000, &rng);
  ASSERT_EQ(reader->segments().size(), 1u);
  const TermDictionaryReader& dict = reader->segments()[0]->dictionary();
  const FrequentTerms lists(dict, 20);

  std::multiset<std::pair<std::string, uint32_t>> expected, got;
  for (auto it = dict.Seek("\x03"); it.Valid(); it.Next()) {
    if (it.info().df >= 20) expected.emplace(std::string(it.term()), it.info().df);
  }
  ASSERT_GT(expected.size(), 10u);
  for (int byte = 0; byte < 256; ++byte) {
    uint32_t previous = UINT32_MAX;
    for (const FrequentTerms::Entry& e : lists.StartingWith(static_cast<unsigned char>(byte))) {
      EXPECT_EQ(static_cast<unsigned char>(e.term[0]), byte) << e.term;
      EXPECT_LE(e.df, previous) << e.term;
      previous = e.df;
      got.emplace(std::string(e.term), e.df);
    }
  }
  EXPECT_EQ(got, expected);
  EXPECT_EQ(lists.size(), expected.size());
}

TEST(FrequentTerms, AreBuiltOnlyOnceAskedForOftenEnough) {
  TempDir dir;
  std::mt19937 rng(3);
  auto reader = Build(dir.path(), Vocabulary(&rng, 50), 100, 1000, &rng);
  const SegmentReader& segment = *reader->segments()[0];
  for (uint32_t i = 1; i < kAsksBeforeBuilding; ++i) EXPECT_EQ(segment.frequent_terms(), nullptr);
  const FrequentTerms* built = segment.frequent_terms();
  ASSERT_NE(built, nullptr);
  EXPECT_EQ(segment.frequent_terms(), built);  // the same lists from then on
}

TEST(FrequentTerms, NeighboursFromTheListsAreTheWalksNeighboursOfThatFrequency) {
  TempDir dir;
  std::mt19937 rng(11);
  const std::vector<std::string> words = Vocabulary(&rng, 400);
  // Three segments: a neighbour of min_df documents holds min_df / 3 in one of them.
  auto reader = Build(dir.path(), words, 900, 300, &rng);
  ASSERT_EQ(reader->segments().size(), 3u);

  // Words as the index holds them, and typos of them: a letter changed, dropped or doubled.
  std::vector<std::string> asked;
  for (const char* first : {"k", "l", "m", "n", "o"}) {
    for (const TermCount& c : TermsWithPrefix(*reader, first)) asked.push_back(c.term);
  }
  ASSERT_GT(asked.size(), 100u);
  std::uniform_int_distribution<int> letter(0, 5);
  for (size_t i = 0, n = asked.size(); i < n; ++i) {
    std::string w = asked[i];
    const size_t at = 1 + rng() % (w.size() - 1);
    if (i % 3 == 0) w[at] = static_cast<char>('k' + letter(rng));
    if (i % 3 == 1) w.erase(at, 1);
    if (i % 3 == 2) w.insert(at, 1, w[at]);
    asked.push_back(w);
  }

  size_t compared = 0, nonempty = 0;
  for (uint64_t min_df : {uint64_t{3} * kFrequentTermDocs, uint64_t{250}, uint64_t{400}, uint64_t{600}}) {
    for (const std::string& word : asked) {
      for (int edits : {1, 2}) {
        for (size_t min_prefix : {size_t{4}, SIZE_MAX}) {
          std::vector<TermCount> walked = TermsNearPrefixOf(*reader, word, edits, 1, min_prefix);
          std::erase_if(walked, [&](const TermCount& c) { return c.df < min_df; });
          const std::vector<TermCount> listed =
              TermsNearPrefixOf(*reader, word, edits, 1, min_prefix, min_df);
          ASSERT_EQ(Flat(listed), Flat(walked)) << word << " min_df " << min_df << " edits "
                                                << edits << " min_prefix " << min_prefix;
          ++compared;
          nonempty += !walked.empty();
        }
      }
    }
  }
  // The lists were read (after the first askings), and the comparisons were not all empty.
  for (const auto& segment : reader->segments()) EXPECT_NE(segment->frequent_terms(), nullptr);
  EXPECT_GT(nonempty, compared / 20);
}

}  // namespace
}  // namespace paperdeck::index
