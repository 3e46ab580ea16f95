#include "library/sqlite_handle.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "corpus_test_support.h"
#include "library/transaction.h"

namespace paperdeck::library {
namespace {

using ::testing::HasSubstr;

std::unique_ptr<Database> OpenScratch(const testing::ScratchDir& dir) {
  Result<std::unique_ptr<Database>> db = Database::Open(dir.path() / "t.db");
  EXPECT_TRUE(db.ok()) << db.status().message();
  EXPECT_TRUE((*db)->Exec("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT UNIQUE)").ok());
  return std::move(db).value();
}

int64_t Count(Database& db) {
  Result<Statement> s = db.Prepare("SELECT COUNT(*) FROM t");
  EXPECT_TRUE(s.ok() && s->Step().value());
  return s->Int(0);
}

TEST(SqliteHandleTest, ErrorsCarrySqlitesMessageAndTheDatabasePath) {
  testing::ScratchDir dir;
  auto db = OpenScratch(dir);
  Status bad = db->Exec("SELEKT 1");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.message(), HasSubstr("t.db"));
  EXPECT_THAT(bad.message(), HasSubstr("syntax error"));

  Result<Statement> insert = db->Prepare("INSERT INTO t(v) VALUES (?1)");
  ASSERT_TRUE(insert.ok());
  insert->Bind(1, std::string_view("same"));
  ASSERT_TRUE(insert->Run().ok());
  insert->Reset();
  insert->Bind(1, std::string_view("same"));
  Status dup = insert->Run();
  EXPECT_EQ(dup.code(), Status::Code::kInvalidArgument);
  EXPECT_THAT(dup.message(), HasSubstr("UNIQUE constraint failed: t.v"));
}

TEST(SqliteHandleTest, BindingAParameterThatDoesNotExistFailsTheStep) {
  testing::ScratchDir dir;
  auto db = OpenScratch(dir);
  Result<Statement> s = db->Prepare("SELECT ?1");
  ASSERT_TRUE(s.ok());
  s->Bind(2, int64_t{5});
  Result<bool> row = s->Step();
  ASSERT_FALSE(row.ok());
  EXPECT_THAT(row.status().message(), HasSubstr("parameter 2"));
}

TEST(SqliteHandleTest, NullsReadAsEmptyAndAbsent) {
  testing::ScratchDir dir;
  auto db = OpenScratch(dir);
  Result<Statement> s = db->Prepare("SELECT ?1, ?2, ?3");
  ASSERT_TRUE(s.ok());
  s->BindTextOrNull(1, "");
  s->BindIntOrNull(2, std::nullopt);
  s->BindIntOrNull(3, int64_t{0});
  ASSERT_TRUE(s->Step().value());
  EXPECT_TRUE(s->IsNull(1 - 1));
  EXPECT_EQ(s->Text(0), "");
  EXPECT_FALSE(s->IntOrNull(1).has_value());
  EXPECT_EQ(s->IntOrNull(2), 0);
}

TEST(SqliteHandleTest, TransactionNotCommittedLeavesNothing) {
  testing::ScratchDir dir;
  auto db = OpenScratch(dir);
  {
    Result<Transaction> txn = Transaction::BeginImmediate(*db);
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE(db->Exec("INSERT INTO t(v) VALUES ('gone')").ok());
  }
  EXPECT_FALSE(db->InTransaction());
  EXPECT_EQ(Count(*db), 0);
  {
    Result<Transaction> txn = Transaction::BeginImmediate(*db);
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE(db->Exec("INSERT INTO t(v) VALUES ('kept')").ok());
    ASSERT_TRUE(txn->Commit().ok());
  }
  EXPECT_EQ(Count(*db), 1);
}

TEST(SqliteHandleTest, SecondWriterIsToldTheDatabaseIsBusy) {
  testing::ScratchDir dir;
  auto a = OpenScratch(dir);
  ASSERT_TRUE(a->Exec("PRAGMA journal_mode=WAL").ok());
  Result<std::unique_ptr<Database>> b = Database::Open(dir.path() / "t.db");
  ASSERT_TRUE(b.ok());
  // No busy timeout on b: it must fail at once, not wait.
  Result<Transaction> held = Transaction::BeginImmediate(*a);
  ASSERT_TRUE(held.ok());
  Result<Transaction> blocked = Transaction::BeginImmediate(**b);
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.status().code(), Status::Code::kBusy);
  EXPECT_THAT(blocked.status().message(), HasSubstr("locked"));
}

}  // namespace
}  // namespace paperdeck::library
