// PaperMatcher: which stored paper a record (or a looked-up id) is about. A record matches, in
// this order, the paper whose canonical id equals the record's own id as given, then its
// canonical id, then a paper with the same arXiv id, the same DOI, and last the same title key
// (normalised title + first author's family name) and a year within one of the record's. The
// first hit wins. So an arXiv preprint and its published version (a .bib entry whose eprint is
// the arXiv id, a record with the published DOI, or one with the same title and first author
// published the next year) are one paper.
//
// Weaker keys must not join different papers: a DOI or title-key hit is refused when both sides
// carry arXiv ids that differ, and a title-key hit also when both carry DOIs that differ (two
// papers may share a title and first author; their ids tell them apart) or when both know their
// year and the years are more than one apart (a workshop paper and a later journal paper of the
// same name; a preprint is published within a year, rarely later).
//
// Papers that were already stored twice (before an id linked them) are not fused here.
//
// Threading: as the Database it was prepared on.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "library/sqlite_handle.h"
#include "model/paper_record.h"
#include "model/status.h"

namespace paperdeck::library {

struct MatchKeys {
  std::string given_id;   // the id the caller wrote, tried verbatim (may be empty)
  std::string canonical;  // CanonicalId of the normalised record
  std::string arxiv_id;   // normalised, without version
  std::string doi;        // normalised, without "doi:"
  std::string title_key;  // empty when the title is unknown (lookups by id)
  int year = 0;           // the record's year (its year, else its published date's); 0: unknown
  // A pinned citation key (lookups by id only; a record is never matched by one).
  std::string citation_key;

  // Keys of a record already passed through NormalizeForCorpus; given_id is the id its reader
  // wrote, if any.
  static MatchKeys OfRecord(const PaperRecord& normalized, std::string_view given_id);
  // Keys of an id a person typed: a canonical id, an arXiv id (any version, "arXiv:" or URL
  // form), a DOI ("10.x/y", "doi:10.x/y", doi.org URL), a title key ("h:...", which also
  // finds a paper whose id has since been upgraded), or a pinned citation key (tried last).
  static MatchKeys OfId(std::string_view text);
};

class PaperMatcher {
 public:
  static Result<PaperMatcher> Prepare(Database& db);

  // The key of the paper keys identify, or nullopt when none does.
  Result<std::optional<int64_t>> Match(const MatchKeys& keys);

  // The key of the paper whose canonical id is exactly id.
  Result<std::optional<int64_t>> ByCanonicalId(std::string_view id);

 private:
  enum class Via { kId, kArxivId, kDoi, kTitleKey, kCitationKey };
  PaperMatcher() = default;
  Result<std::optional<int64_t>> First(Statement& lookup, std::string_view value, Via via,
                                       const MatchKeys& keys);

  Statement by_id_, by_arxiv_id_, by_doi_, by_title_key_, by_citation_key_;

 public:
  // Years further apart than this keep two title-key matches apart.
  static constexpr int kMaxYearGap = 1;
};

}  // namespace paperdeck::library
