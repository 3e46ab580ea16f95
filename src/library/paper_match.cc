#include "library/paper_match.h"

#include <cstdlib>

#include "model/calendar.h"
#include "model/paper_id.h"

namespace paperdeck::library {
namespace {

bool BothAndDiffer(std::string_view a, std::string_view b) {
  return !a.empty() && !b.empty() && a != b;
}

// The year a paper was published: its year, else its first version's.
int YearOfPaper(int year, std::string_view published) {
  if (year != 0) return year;
  std::optional<int32_t> days = ParseIsoDate(published);
  return days ? YearOf(*days) : 0;
}

}  // namespace

MatchKeys MatchKeys::OfRecord(const PaperRecord& normalized, std::string_view given_id) {
  MatchKeys k;
  k.given_id = given_id;
  k.canonical = normalized.id;
  k.arxiv_id = normalized.arxiv_id;
  k.doi = normalized.doi;
  k.title_key = TitleKey(normalized.title,
                         normalized.authors.empty() ? std::string_view() : normalized.authors[0]);
  k.year = YearOfPaper(normalized.year, normalized.published);
  return k;
}

MatchKeys MatchKeys::OfId(std::string_view text) {
  MatchKeys k;
  k.given_id = text;
  k.arxiv_id = NormalizeArxivId(text);
  if (!k.arxiv_id.empty()) {
    k.canonical = k.arxiv_id;
    return k;
  }
  k.doi = NormalizeDoi(text);
  if (!k.doi.empty()) {
    k.canonical = "doi:" + k.doi;
    return k;
  }
  // A title-key id that was handed out before the paper gained an arXiv id or DOI still finds
  // it, as long as its title and first author are unchanged.
  if (text.starts_with("h:")) k.title_key = text;
  k.citation_key = text;
  return k;
}

Result<PaperMatcher> PaperMatcher::Prepare(Database& db) {
  PaperMatcher m;
  // ORDER BY key: with several candidates the oldest paper wins, the same one every time.
  struct {
    Statement* into;
    const char* sql;
  } lookups[] = {
      {&m.by_id_, "SELECT key, arxiv_id, doi, year, published FROM papers WHERE id = ?1"},
      {&m.by_arxiv_id_,
       "SELECT key, arxiv_id, doi, year, published FROM papers WHERE arxiv_id = ?1 "
       "ORDER BY key"},
      {&m.by_doi_,
       "SELECT key, arxiv_id, doi, year, published FROM papers WHERE doi = ?1 ORDER BY key"},
      {&m.by_title_key_,
       "SELECT key, arxiv_id, doi, year, published FROM papers WHERE title_key = ?1 "
       "ORDER BY key"},
      {&m.by_citation_key_,
       "SELECT p.key, p.arxiv_id, p.doi, p.year, p.published FROM citation_keys c "
       "JOIN papers p ON p.key = c.paper_key WHERE c.citation_key = ?1"},
  };
  for (auto& l : lookups) {
    Result<Statement> s = db.Prepare(l.sql);
    if (!s.ok()) return s.status();
    *l.into = std::move(s).value();
  }
  return m;
}

Result<std::optional<int64_t>> PaperMatcher::First(Statement& lookup, std::string_view value,
                                                   Via via, const MatchKeys& keys) {
  if (value.empty()) return std::optional<int64_t>();
  Statement::Use use(lookup);
  lookup.BindKept(1, value);
  while (true) {
    Result<bool> row = lookup.Step();
    if (!row.ok()) return row.status();
    if (!*row) return std::optional<int64_t>();
    std::string_view arxiv_id = lookup.Text(1), doi = lookup.Text(2);
    bool refused = false;
    if (via == Via::kDoi || via == Via::kTitleKey) {
      refused = BothAndDiffer(arxiv_id, keys.arxiv_id);
    }
    if (via == Via::kTitleKey) {
      refused = refused || BothAndDiffer(doi, keys.doi);
      const int stored_year = YearOfPaper(static_cast<int>(lookup.Int(3)), lookup.Text(4));
      refused = refused || (stored_year != 0 && keys.year != 0 &&
                            std::abs(stored_year - keys.year) > kMaxYearGap);
    }
    if (!refused) return std::optional<int64_t>(lookup.Int(0));
  }
}

Result<std::optional<int64_t>> PaperMatcher::Match(const MatchKeys& keys) {
  struct Step {
    Statement* lookup;
    const std::string* value;
    Via via;
  } steps[] = {
      {&by_id_, &keys.given_id, Via::kId},
      {&by_id_, &keys.canonical, Via::kId},
      {&by_arxiv_id_, &keys.arxiv_id, Via::kArxivId},
      {&by_doi_, &keys.doi, Via::kDoi},
      {&by_title_key_, &keys.title_key, Via::kTitleKey},
      {&by_citation_key_, &keys.citation_key, Via::kCitationKey},
  };
  for (const Step& step : steps) {
    if (step.value == &keys.canonical && keys.canonical == keys.given_id) continue;
    Result<std::optional<int64_t>> hit = First(*step.lookup, *step.value, step.via, keys);
    if (!hit.ok() || hit->has_value()) return hit;
  }
  return std::optional<int64_t>();
}

Result<std::optional<int64_t>> PaperMatcher::ByCanonicalId(std::string_view id) {
  return First(by_id_, id, Via::kId, MatchKeys{});
}

}  // namespace paperdeck::library
