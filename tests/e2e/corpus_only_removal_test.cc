// `paperdeck search` after papers left the corpus but not yet the index (a process killed between
// the corpus's commit and the index's, as `paperdeck remove` makes them): every result is a paper
// the corpus still holds, with its own title and its own score, and the search says the index is
// behind.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "e2e/cli_runner.h"
#include "library/corpus.h"

namespace paperdeck::e2e {
namespace {

using ::testing::HasSubstr;

struct Shown {
  std::string title;
  double score = 0;
};

// Every result of `search QUERY --json --limit 50`, by id, in order.
std::vector<std::pair<std::string, Shown>> Search(const std::filesystem::path& data,
                                                  const std::string& query, std::string* err) {
  CliResult r = RunPaperdeck(data, {"search", query, "--json", "--limit", "50"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  if (err) *err = r.err;
  std::vector<std::pair<std::string, Shown>> out;
  const nlohmann::json response = nlohmann::json::parse(r.out);
  for (const auto& hit : response["results"]) {
    out.push_back({hit["id"], {hit["title"], hit["score"].get<double>()}});
  }
  return out;
}

TEST(CorpusOnlyRemovalTest, EveryResultKeepsItsOwnTitleAndScore) {
  TempDir dir;
  const std::filesystem::path data = dir.path() / "data";
  ASSERT_EQ(RunPaperdeck(data, {"import", TestData("seed-page.jsonl")}).exit_code, 0);
  auto before = Search(data, "attention", nullptr);
  ASSERT_EQ(before.size(), 35u);
  std::map<std::string, Shown> by_id(before.begin(), before.end());

  // Papers at the top, in the middle and at the end of the ranking leave the corpus only.
  std::set<std::string> gone = {before[0].first, before[1].first, before[17].first,
                                before[34].first};
  {
    auto corpus = library::Corpus::Open(data);
    ASSERT_TRUE(corpus.ok()) << corpus.status().message();
    for (const std::string& id : gone) {
      auto removed = (*corpus)->Remove(id);
      ASSERT_TRUE(removed.ok() && *removed) << id;
    }
  }

  std::string err;
  auto after = Search(data, "attention", &err);
  EXPECT_THAT(err, HasSubstr("the index is behind the corpus"));
  ASSERT_EQ(after.size(), before.size() - gone.size());
  size_t rank = 0;
  for (const auto& [id, shown] : after) {
    EXPECT_EQ(gone.count(id), 0u) << id << " was removed from the corpus";
    ASSERT_EQ(by_id.count(id), 1u) << id;
    EXPECT_EQ(shown.title, by_id[id].title) << id;
    EXPECT_DOUBLE_EQ(shown.score, by_id[id].score) << id << " carries another paper's score";
    // The order is the index's, with the removed papers left out.
    while (rank < before.size() && before[rank].first != id) ++rank;
    EXPECT_LT(rank, before.size()) << id << " is out of order";
  }

  // The next writing command brings the index level, and the warning goes.
  ASSERT_EQ(RunPaperdeck(data, {"reindex"}).exit_code, 0);
  auto level = Search(data, "attention", &err);
  EXPECT_THAT(err, ::testing::Not(HasSubstr("behind")));
  EXPECT_EQ(level.size(), after.size());
}

}  // namespace
}  // namespace paperdeck::e2e
