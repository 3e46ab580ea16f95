// The quota meter (corpus.h; the source_usage table, docs/schema.md): what was asked of each
// source per UTC day, added to by every run that asks.
#include "library/corpus.h"
#include "library/corpus_impl.h"

namespace paperdeck::library {

Status Corpus::AddSourceUsage(const SourceUsage& delta) {
  if (delta.day.empty() || delta.source.empty()) {
    return Status::InvalidArgument("source usage needs a day and a source");
  }
  // One statement: atomic without a transaction of its own. Times are ISO UTC, so the later one
  // is the larger text.
  Result<Statement> s = impl_->db->Prepare(
      "INSERT INTO source_usage(day, source, requests, bytes, wait_ms, errors, next_allowed) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
      "ON CONFLICT(day, source) DO UPDATE SET requests = requests + excluded.requests, "
      "bytes = bytes + excluded.bytes, wait_ms = wait_ms + excluded.wait_ms, "
      "errors = errors + excluded.errors, "
      "next_allowed = CASE WHEN excluded.next_allowed IS NOT NULL AND "
      "(next_allowed IS NULL OR excluded.next_allowed > next_allowed) "
      "THEN excluded.next_allowed ELSE next_allowed END");
  if (!s.ok()) return s.status();
  s->Bind(1, std::string_view(delta.day));
  s->Bind(2, std::string_view(delta.source));
  s->Bind(3, delta.requests);
  s->Bind(4, delta.bytes);
  s->Bind(5, delta.wait_ms);
  s->Bind(6, delta.errors);
  s->BindTextOrNull(7, delta.next_allowed);
  return s->Run();
}

Result<std::vector<SourceUsage>> Corpus::SourceUsageOn(std::string_view day) {
  Result<Statement> s = impl_->db->Prepare(
      "SELECT day, source, requests, bytes, wait_ms, errors, next_allowed FROM source_usage "
      "WHERE day = ?1 ORDER BY source");
  if (!s.ok()) return s.status();
  s->Bind(1, day);
  std::vector<SourceUsage> out;
  for (;;) {
    Result<bool> row = s->Step();
    if (!row.ok()) return row.status();
    if (!*row) return out;
    SourceUsage u;
    u.day = std::string(s->Text(0));
    u.source = std::string(s->Text(1));
    u.requests = s->Int(2);
    u.bytes = s->Int(3);
    u.wait_ms = s->Int(4);
    u.errors = s->Int(5);
    u.next_allowed = std::string(s->Text(6));
    out.push_back(std::move(u));
  }
}

}  // namespace paperdeck::library
