#include "library/schema.h"

#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "corpus_test_support.h"
#include "library/corpus.h"
#include "library/sqlite_handle.h"

namespace paperdeck::library {
namespace {

using ::testing::HasSubstr;

std::string QueryText(Database& db, const char* sql) {
  Result<Statement> s = db.Prepare(sql);
  EXPECT_TRUE(s.ok()) << s.status().message();
  if (!s.ok()) return {};
  Result<bool> row = s->Step();
  EXPECT_TRUE(row.ok() && *row) << sql;
  return row.ok() && *row ? std::string(s->Text(0)) : std::string();
}

TEST(SchemaTest, NewDatabaseIsInWalModeAtTheCurrentVersion) {
  testing::ScratchDir dir;
  ASSERT_TRUE(Corpus::Open(dir.path()).ok());
  // A fresh connection: WAL is a property of the file, the rest of the connection.
  Result<std::unique_ptr<Database>> db = Database::Open(dir.path() / "corpus.db");
  ASSERT_TRUE(db.ok());
  EXPECT_EQ(QueryText(**db, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(SchemaVersion(**db).value(), kSchemaVersion);
  ASSERT_TRUE(ConfigureConnection(**db).ok());
  EXPECT_EQ(QueryText(**db, "PRAGMA foreign_keys"), "1");
  EXPECT_EQ(QueryText(**db, "PRAGMA synchronous"), "1");  // NORMAL
  EXPECT_EQ(QueryText(**db, "PRAGMA busy_timeout"), "10000");
}

TEST(SchemaTest, MigratingTwiceChangesNothing) {
  testing::ScratchDir dir;
  Result<std::unique_ptr<Database>> db = Database::Open(dir.path() / "corpus.db");
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(ConfigureConnection(**db).ok());
  ASSERT_TRUE(MigrateSchema(**db).ok());
  ASSERT_TRUE((*db)->Exec("UPDATE meta SET value = '7' WHERE name = 'revision'").ok());
  Status again = MigrateSchema(**db);
  EXPECT_TRUE(again.ok()) << again.message();
  EXPECT_EQ(QueryText(**db, "SELECT value FROM meta WHERE name = 'revision'"), "7");
}

TEST(SchemaTest, DatabaseFromANewerBuildIsRefused) {
  testing::ScratchDir dir;
  ASSERT_TRUE(Corpus::Open(dir.path()).ok());
  {
    Result<std::unique_ptr<Database>> db = Database::Open(dir.path() / "corpus.db");
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec("UPDATE meta SET value = '99' WHERE name = 'schema_version'").ok());
  }
  Result<std::unique_ptr<Corpus>> corpus = Corpus::Open(dir.path());
  ASSERT_FALSE(corpus.ok());
  EXPECT_EQ(corpus.status().code(), Status::Code::kCorruption);
  EXPECT_THAT(corpus.status().message(), HasSubstr("schema version 99"));
  EXPECT_THAT(corpus.status().message(), HasSubstr("corpus.db"));
}

TEST(SchemaTest, AFileThatIsNotADatabaseIsReportedWithItsPath) {
  testing::ScratchDir dir;
  {
    std::ofstream junk(dir.path() / "corpus.db");
    junk << std::string(8192, 'x');
  }
  Result<std::unique_ptr<Corpus>> corpus = Corpus::Open(dir.path());
  ASSERT_FALSE(corpus.ok());
  EXPECT_EQ(corpus.status().code(), Status::Code::kCorruption);
  EXPECT_THAT(corpus.status().message(), HasSubstr("corpus.db"));
  EXPECT_THAT(corpus.status().message(), HasSubstr("not a database"));
}

}  // namespace
}  // namespace paperdeck::library
