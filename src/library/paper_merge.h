// Merging what a source says about a paper into what the corpus already knows about it.
//
// The rules (docs/schema.md, "Merge rules"):
//   - a fact the record gives replaces the stored one: a non-empty string (ids, title, abstract,
//     dates, venue, comments, journal_ref), a year other than 0, citations and upvotes when
//     present; a fact the record lacks is kept;
//   - authors: a non-empty list replaces the stored one, with its authors_complete, except that
//     an incomplete list ("A, B, C et al.") never replaces a complete one;
//   - versions, badges, links and categories are united: stored entries keep their order, new
//     ones follow; a version named in both takes the record's date when it gives one, and
//     versions are ordered v1, v2, ...; when the record has categories its order leads, so its
//     primary category comes first;
//   - is_new: true from any record marks the paper new; false clears the mark only when the
//     record's source is one that reports the mark (the caller says so: the source marked this
//     paper new before), because most sources (snapshots, BibTeX) do not know and say false;
//   - a reference file (a record from "bibtex" or "csl-json": a .bib entry, a Zotero export)
//     describes the published version of a paper arXiv may know better: when the stored paper
//     has an arXiv id, the reference record's title, authors, abstract, dates, comments and
//     arXiv id only fill what is empty, and its categories follow the stored ones; its venue,
//     DOI and year replace the stored ones (they say where the paper was published) and its
//     links are united. A paper no arXiv source described takes a reference record's facts by
//     the rules above;
//   - the canonical id only improves: h:... -> doi:... -> arXiv id, never back, so an id once
//     handed out keeps working for as long as it can.
//
// Threading: functions of their arguments only.
#pragma once

#include <string_view>

#include "model/paper_record.h"

namespace paperdeck::library {

// How good a canonical id is: 3 for an arXiv id, 2 for "doi:...", 1 for a title key ("h:...").
int IdRank(std::string_view id);

// The record as the corpus keeps it: arxiv_id and doi normalised (an id that does not parse is
// dropped), versions in order, duplicates in lists removed, and id set to CanonicalId.
PaperRecord NormalizeForCorpus(const PaperRecord& record);

// Merges incoming (normalised) into *stored by the rules above; may upgrade stored->id. Returns
// true when some stored fact (or the id) changed. source_reports_new: incoming's false is_new
// clears the mark.
bool MergeInto(const PaperRecord& incoming, bool source_reports_new, PaperRecord* stored);

// True for the sources whose records describe a published version of a paper ("bibtex",
// "csl-json").
bool IsReferenceSource(std::string_view source);

// True when a and b hold the same facts (source and origin are not facts of the paper).
bool SameFacts(const PaperRecord& a, const PaperRecord& b);

}  // namespace paperdeck::library
