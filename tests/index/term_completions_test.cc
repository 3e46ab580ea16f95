// The most frequent terms beginning with a prefix, over several segments: document frequencies
// summed across segments, the order, the cap, and the fields each term is found in.
#include "index/term_completions.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "index/index_reader.h"
#include "index/index_writer.h"
#include "support/temp_dir.h"

namespace paperdeck::index {
namespace {

using ::paperdeck::testing::TempDir;

struct Paper {
  std::string title, abstract;
  std::vector<std::string> authors;
};

// Writes papers into dir, a segment every `per_segment`, and opens a snapshot of them.
std::shared_ptr<const IndexReader> Build(const std::filesystem::path& dir,
                                         const std::vector<Paper>& papers, uint32_t per_segment) {
  IndexWriterOptions options;
  options.max_buffered_docs = per_segment;
  auto writer = IndexWriter::Open(dir, options);
  EXPECT_TRUE(writer.ok());
  uint64_t key = 1;
  for (const Paper& p : papers) {
    IndexDocument d;
    d.paper_key = key++;
    d.title = p.title;
    d.abstract = p.abstract;
    for (const std::string& a : p.authors) d.authors.push_back(a);
    d.categories = {"cs.LG"};
    EXPECT_TRUE((*writer)->Upsert(d).ok());
  }
  EXPECT_TRUE((*writer)->Commit(1).ok());
  auto reader = IndexReader::Open(dir);
  EXPECT_TRUE(reader.ok());
  return *reader;
}

std::vector<std::string> Terms(const std::vector<TermCompletion>& found) {
  std::vector<std::string> out;
  for (const TermCompletion& c : found) out.push_back(c.term);
  return out;
}

TEST(TermCompletions, MostFrequentFirstWithFrequenciesSummedOverSegments) {
  TempDir dir;
  // Two papers a segment: "attenuation" is in one paper of each of three segments, "attention"
  // in two papers of the first only, so only the sum puts attenuation first.
  std::vector<Paper> papers = {
      {"Attention for tables", "", {"Ada Lovelace"}},
      {"Attention again", "attenuation of signals", {"Alan Turing"}},
      {"Signals", "attenuation", {"Grace Hopper"}},
      {"More signals", "", {"Attenborough David"}},
      {"Attenuation in fibre", "", {"Edsger Dijkstra"}},
      {"Unrelated", "at the end", {"Barbara Liskov"}},
  };
  auto reader = Build(dir.path(), papers, 2);
  ASSERT_GE(reader->segments().size(), 3u);

  std::vector<TermCompletion> found = TopTermsWithPrefix(*reader, "atten", 10);
  ASSERT_EQ(Terms(found), (std::vector<std::string>{"attenu", "attent", "attenborough"}));
  EXPECT_EQ(found[0].df, 3u);
  EXPECT_EQ(found[1].df, 2u);
  EXPECT_EQ(found[2].df, 1u);

  // The fields: attention is a title word only, Attenborough an author's name only.
  EXPECT_EQ(found[1].fields, FieldBit(Field::kTitle));
  EXPECT_EQ(found[2].fields, FieldBit(Field::kAuthors));
  EXPECT_EQ(found[0].fields, FieldBit(Field::kTitle) | FieldBit(Field::kAbstract));
  EXPECT_EQ(FieldsHolding(*reader, "dijkstra"), FieldBit(Field::kAuthors));
  EXPECT_EQ(FieldsHolding(*reader, "absent"), 0);

  // The cap keeps the most frequent; no prefix, a category's or an exact form's prefix or an
  // unknown one: none.
  EXPECT_EQ(Terms(TopTermsWithPrefix(*reader, "atten", 1)), (std::vector<std::string>{"attenu"}));
  EXPECT_TRUE(TopTermsWithPrefix(*reader, "", 10).empty());
  EXPECT_TRUE(TopTermsWithPrefix(*reader, "\x01" "cs", 10).empty());
  EXPECT_TRUE(TopTermsWithPrefix(*reader, "\x02" "atten", 10).empty());
  EXPECT_TRUE(TopTermsWithPrefix(*reader, "zzz", 10).empty());
}

TEST(TermCompletions, EqualFrequenciesInTermOrder) {
  TempDir dir;
  // One paper a segment: ties come in term order, whichever segment holds each term.
  auto reader = Build(dir.path(), {{"gamma", "", {}}, {"gale gamut", "", {}}}, 1);
  EXPECT_EQ(Terms(TopTermsWithPrefix(*reader, "ga", 10)),
            (std::vector<std::string>{"gale", "gamma", "gamut"}));
  EXPECT_EQ(Terms(TopTermsWithPrefix(*reader, "ga", 2)),
            (std::vector<std::string>{"gale", "gamma"}));
}

}  // namespace
}  // namespace paperdeck::index
