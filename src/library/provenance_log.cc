#include "library/provenance_log.h"

#include <cstdio>

#include "library/paper_json.h"

namespace paperdeck::library {
namespace {

// Cuts text at most max bytes long without splitting a UTF-8 sequence.
std::string_view Utf8Prefix(std::string_view text, size_t max) {
  if (text.size() <= max) return text;
  size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

uint64_t Fnv1a64(std::string_view text) {
  uint64_t h = 1469598103934665603ull;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

void Add(std::vector<Fact>* facts, std::string_view field, std::string_view value) {
  facts->push_back(Fact{field, ProvenanceValue(value)});
}

}  // namespace

std::string ProvenanceValue(std::string_view value) {
  if (value.size() <= kProvenanceFullValueBytes) return std::string(value);
  char tail[64];
  std::snprintf(tail, sizeof tail, "… [%zu bytes, fnv1a64 %016llx]", value.size(),
                static_cast<unsigned long long>(Fnv1a64(value)));
  return std::string(Utf8Prefix(value, 40)) + tail;
}

std::string_view SourceName(const PaperRecord& record) {
  return record.source.empty() ? std::string_view("unknown") : std::string_view(record.source);
}

std::vector<Fact> FactsOf(const PaperRecord& r, bool source_marked_new) {
  std::vector<Fact> facts;
  facts.reserve(12);
  auto text = [&](std::string_view field, const std::string& value) {
    if (!value.empty()) Add(&facts, field, value);
  };
  auto list = [&](std::string_view field, const std::vector<std::string>& values) {
    if (!values.empty()) Add(&facts, field, EncodeStrings(values));
  };
  text("arxiv_id", r.arxiv_id);
  text("doi", r.doi);
  text("title", r.title);
  text("abstract", r.abstract);
  if (!r.authors.empty()) {
    Add(&facts, "authors", EncodeStrings(r.authors));
    Add(&facts, "authors_complete", r.authors_complete ? "true" : "false");
  }
  list("categories", r.categories);
  text("published", r.published);
  text("updated", r.updated);
  text("venue", r.venue);
  if (r.year != 0) Add(&facts, "year", std::to_string(r.year));
  if (r.citations) Add(&facts, "citations", std::to_string(*r.citations));
  if (r.upvotes) Add(&facts, "upvotes", std::to_string(*r.upvotes));
  if (r.is_new || source_marked_new) Add(&facts, "is_new", r.is_new ? "true" : "false");
  list("badges", r.badges);
  list("links", r.links);
  if (!r.versions.empty()) Add(&facts, "versions", EncodeVersions(r.versions));
  text("comments", r.comments);
  text("journal_ref", r.journal_ref);
  return facts;
}

Result<ProvenanceLog> ProvenanceLog::Prepare(Database& db) {
  ProvenanceLog log;
  struct {
    Statement* into;
    const char* sql;
  } statements[] = {
      {&log.last_,
       "SELECT p.field, p.value FROM provenance p JOIN sightings s ON s.id = p.sighting "
       "WHERE p.paper_key = ?1 AND s.source = ?2 ORDER BY p.id"},
      {&log.insert_,
       "INSERT INTO provenance(paper_key, sighting, field, value) VALUES (?1, ?2, ?3, ?4)"},
      {&log.of_,
       "SELECT s.source, s.origin, p.field, p.value, s.seen_at FROM provenance p "
       "JOIN sightings s ON s.id = p.sighting WHERE p.paper_key = ?1 ORDER BY p.id"},
      {&log.insert_sighting_,
       "INSERT INTO sightings(source, origin, seen_at) VALUES (?1, ?2, ?3)"},
  };
  for (auto& s : statements) {
    Result<Statement> prepared = db.Prepare(s.sql);
    if (!prepared.ok()) return prepared.status();
    *s.into = std::move(prepared).value();
  }
  log.db_ = &db;
  return log;
}

void ProvenanceLog::BeginBatch(std::string seen_at) {
  seen_at_ = std::move(seen_at);
  sightings_.clear();
}

Result<int64_t> ProvenanceLog::Sighting(std::string_view source, std::string_view origin) {
  auto key = std::make_pair(std::string(source), std::string(origin));
  if (auto it = sightings_.find(key); it != sightings_.end()) return it->second;
  Statement::Use use(insert_sighting_);
  insert_sighting_.Bind(1, source);
  insert_sighting_.Bind(2, origin);
  insert_sighting_.Bind(3, std::string_view(seen_at_));
  PAPERDECK_RETURN_IF_ERROR(insert_sighting_.Run());
  int64_t id = db_->LastInsertKey();
  sightings_.emplace(std::move(key), id);
  return id;
}

Result<ProvenanceLog::LastValues> ProvenanceLog::Last(int64_t paper_key, std::string_view source) {
  Statement::Use use(last_);
  last_.Bind(1, paper_key);
  last_.Bind(2, source);
  LastValues values;
  while (true) {
    Result<bool> row = last_.Step();
    if (!row.ok()) return row.status();
    if (!*row) return values;
    values[std::string(last_.Text(0))] = last_.Text(1);  // later rows overwrite earlier ones
  }
}

Status ProvenanceLog::Append(int64_t paper_key, std::string_view source, std::string_view origin,
                             const std::vector<Fact>& facts, const LastValues& last) {
  for (const Fact& fact : facts) {
    auto it = last.find(std::string(fact.field));
    if (it != last.end() && it->second == fact.value) continue;
    Result<int64_t> sighting = Sighting(source, origin);
    if (!sighting.ok()) return sighting.status();
    Statement::Use use(insert_);
    insert_.Bind(1, paper_key);
    insert_.Bind(2, *sighting);
    insert_.BindKept(3, fact.field);
    insert_.BindKept(4, fact.value);
    PAPERDECK_RETURN_IF_ERROR(insert_.Run());
  }
  return Status::Ok();
}

Result<std::vector<Corpus::Provenance>> ProvenanceLog::Of(int64_t paper_key) {
  Statement::Use use(of_);
  of_.Bind(1, paper_key);
  std::vector<Corpus::Provenance> out;
  while (true) {
    Result<bool> row = of_.Step();
    if (!row.ok()) return row.status();
    if (!*row) return out;
    out.push_back(Corpus::Provenance{std::string(of_.Text(0)), std::string(of_.Text(1)),
                                     std::string(of_.Text(2)), std::string(of_.Text(3)),
                                     std::string(of_.Text(4))});
  }
}

}  // namespace paperdeck::library
