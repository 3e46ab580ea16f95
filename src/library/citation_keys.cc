// The corpus's citation keys (corpus.h; the citation_keys table, docs/schema.md): pinned once,
// never changed.
#include "library/citation_key.h"
#include "library/corpus.h"
#include "library/corpus_impl.h"
#include "library/transaction.h"

namespace paperdeck::library {
namespace {

// The key pinned for a paper; empty when none.
Result<std::string> PinnedKey(Database& db, int64_t key) {
  Result<Statement> s = db.Prepare("SELECT citation_key FROM citation_keys WHERE paper_key = ?1");
  if (!s.ok()) return s.status();
  s->Bind(1, key);
  Result<bool> row = s->Step();
  if (!row.ok()) return row.status();
  return *row ? std::string(s->Text(0)) : std::string();
}

// The paper holding citation_key (ASCII case aside), if any.
Result<std::optional<int64_t>> Holder(Database& db, std::string_view citation_key) {
  Result<Statement> s = db.Prepare("SELECT paper_key FROM citation_keys WHERE citation_key = ?1");
  if (!s.ok()) return s.status();
  s->Bind(1, citation_key);
  Result<bool> row = s->Step();
  if (!row.ok()) return row.status();
  return *row ? std::optional<int64_t>(s->Int(0)) : std::nullopt;
}

Status Insert(Database& db, int64_t key, std::string_view citation_key, std::string_view how,
              const std::string& now) {
  Result<Statement> s = db.Prepare(
      "INSERT INTO citation_keys(paper_key, citation_key, pinned_at, how) VALUES (?1, ?2, ?3, ?4)");
  if (!s.ok()) return s.status();
  s->Bind(1, key);
  s->Bind(2, citation_key);
  s->Bind(3, std::string_view(now));
  s->Bind(4, how);
  return s->Run();
}

}  // namespace

Result<std::string> PinGivenCitationKey(Database& db, int64_t key, std::string_view citation_key,
                                        std::string_view how, const std::string& now) {
  const std::string quoted = "'" + std::string(citation_key) + "'";
  if (std::string problem = CitationKeyProblem(citation_key); !problem.empty()) {
    return "citation key " + quoted + " " + problem + "; not kept";
  }
  Result<std::string> pinned = PinnedKey(db, key);
  if (!pinned.ok()) return pinned.status();
  if (!pinned->empty()) {
    if (*pinned == citation_key) return std::string();
    return "the paper keeps its citation key " + *pinned + " (the file gave " + quoted + ")";
  }
  Result<std::optional<int64_t>> holder = Holder(db, citation_key);
  if (!holder.ok()) return holder.status();
  if (holder->has_value()) {
    Result<Statement> id = db.Prepare("SELECT id FROM papers WHERE key = ?1");
    if (!id.ok()) return id.status();
    id->Bind(1, **holder);
    Result<bool> row = id->Step();
    if (!row.ok()) return row.status();
    return "citation key " + quoted + " is already paper " +
           std::string(*row ? id->Text(0) : "?") +
           "'s; this paper keeps its own (given at its first export)";
  }
  PAPERDECK_RETURN_IF_ERROR(Insert(db, key, citation_key, how, now));
  return std::string();
}

Result<std::vector<std::string>> Corpus::PinCitationKeys(std::span<const int64_t> keys) {
  Database& db = *impl_->db;
  Result<Transaction> txn = Transaction::BeginImmediate(db);
  if (!txn.ok()) return txn.status();
  // Prepared once: an export pins thousands of keys in this one transaction.
  Result<Statement> pinned = db.Prepare("SELECT citation_key FROM citation_keys WHERE paper_key = ?1");
  if (!pinned.ok()) return pinned.status();
  Result<Statement> holder = db.Prepare("SELECT 1 FROM citation_keys WHERE citation_key = ?1");
  if (!holder.ok()) return holder.status();
  const std::string now = NowIsoTime();
  std::vector<std::string> out;
  out.reserve(keys.size());
  for (int64_t key : keys) {
    {
      Statement::Use use(*pinned);
      pinned->Bind(1, key);
      Result<bool> row = pinned->Step();
      if (!row.ok()) return row.status();
      if (*row) {
        out.emplace_back(pinned->Text(0));
        continue;
      }
    }
    Result<std::optional<StoredPaper>> paper = impl_->Load(key);
    if (!paper.ok()) return paper.status();
    if (!paper->has_value()) {
      out.emplace_back();
      continue;
    }
    const std::string base = CitationKeyBase((*paper)->record);
    for (int n = 0;; ++n) {
      std::string candidate = CitationKeyCandidate(base, n);
      Statement::Use use(*holder);
      holder->Bind(1, std::string_view(candidate));
      Result<bool> taken = holder->Step();
      if (!taken.ok()) return taken.status();
      if (*taken) continue;
      PAPERDECK_RETURN_IF_ERROR(Insert(db, key, candidate, "generated", now));
      out.push_back(std::move(candidate));
      break;
    }
  }
  PAPERDECK_RETURN_IF_ERROR(txn->Commit());
  return out;
}

Result<std::optional<std::string>> Corpus::CitationKeyOf(int64_t key) {
  Result<std::string> pinned = PinnedKey(*impl_->db, key);
  if (!pinned.ok()) return pinned.status();
  if (pinned->empty()) return std::optional<std::string>();
  return std::optional<std::string>(std::move(pinned).value());
}

}  // namespace paperdeck::library
