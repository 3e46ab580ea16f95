#include "net/source_settings.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "support/temp_dir.h"

namespace paperdeck::net {
namespace {

using ::testing::HasSubstr;
using namespace std::chrono_literals;

class ConfigFile {
 public:
  explicit ConfigFile(const std::string& text) { std::ofstream(path()) << text; }
  std::filesystem::path path() const { return dir_ / "paperdeck.conf"; }

 private:
  ::paperdeck::testing::TempDir dir_;
};

EnvLookup Env(std::map<std::string, std::string> vars) {
  return [vars](const char* name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

TEST(SourceSettingsTest, DefaultsAreTheRealServicesAndArxivsThreeSeconds) {
  auto s = LoadSourceSettings("/nonexistent/paperdeck.conf", Env({}));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->arxiv_api_url, "https://export.arxiv.org/api/query");
  EXPECT_EQ(s->ArxivPolicy().min_interval, 3000ms);
  EXPECT_EQ(s->ArxivPolicy().name, "arXiv");
}

TEST(SourceSettingsTest, EnrichMaxAgeIsAWeekUnlessSetAsAnAgeWithAUnit) {
  auto d = LoadSourceSettings("/nonexistent/paperdeck.conf", Env({}));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->enrich_max_age, std::chrono::seconds(7 * 86400));
  ConfigFile file("enrich.max_age = 12h\n");
  auto s = LoadSourceSettings(file.path(), Env({}));
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->enrich_max_age, std::chrono::seconds(12 * 3600));
  auto e = LoadSourceSettings(file.path(), Env({{"PAPERDECK_ENRICH_MAX_AGE", "30m"}}));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->enrich_max_age, std::chrono::seconds(1800));
  EXPECT_EQ(ParseAge("0").value(), std::chrono::seconds(0));
  EXPECT_EQ(ParseAge("3d").value(), std::chrono::seconds(3 * 86400));
  for (const char* bad : {"7", "d", "7 d", "-1d", "7w", ""}) {
    EXPECT_FALSE(ParseAge(bad).ok()) << bad;
  }
  ConfigFile typo("enrich.max_age = a week\n");
  auto t = LoadSourceSettings(typo.path(), Env({}));
  ASSERT_FALSE(t.ok());
  EXPECT_THAT(t.status().message(), HasSubstr("paperdeck.conf:1: 'a week' is not an age"));
}

TEST(SourceSettingsTest, TheFileOverridesDefaultsAndTheEnvironmentOverridesTheFile) {
  ConfigFile file(
      "# where to pull from\n"
      "arxiv.api_url = http://127.0.0.1:9/api/query/\n"
      "http.contact = me@example.org   # for the User-Agent\n"
      "semanticscholar.api_key = secret\n"
      "http.timeout_seconds = 2.5\n");
  auto s = LoadSourceSettings(file.path(),
                              Env({{"PAPERDECK_ARXIV_API_URL", "http://127.0.0.1:8/q"}}));
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->arxiv_api_url, "http://127.0.0.1:8/q");
  EXPECT_EQ(s->contact, "me@example.org");
  EXPECT_EQ(s->semantic_scholar_key, "secret");
  EXPECT_EQ(s->timeout, 2500ms);
  auto described = Describe(*s);
  for (const auto& [k, v] : described) EXPECT_NE(v, "secret") << k;
}

TEST(SourceSettingsTest, OnlyTheExplicitTestSettingShortensArxivsInterval) {
  auto s = LoadSourceSettings("/nonexistent", Env({{"PAPERDECK_TEST_ARXIV_INTERVAL_MS", "50"}}));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->ArxivPolicy().min_interval, 50ms);
}

TEST(SourceSettingsTest, ATypoOrABadValueNamesTheFileAndLine) {
  ConfigFile typo("arxiv.api_url = http://x\narxiv.apiurl = http://y\n");
  auto s = LoadSourceSettings(typo.path(), Env({}));
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.status().message(), HasSubstr("paperdeck.conf:2: unknown setting 'arxiv.apiurl'"));
  auto bad = LoadSourceSettings("/nonexistent", Env({{"PAPERDECK_ARXIV_API_URL", "ftp://x"}}));
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("PAPERDECK_ARXIV_API_URL"));
}

}  // namespace
}  // namespace paperdeck::net
