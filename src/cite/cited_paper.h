// CitedPaper: one paper as a citation file writes it: the paper's facts, its pinned citation key
// and what the user's library holds for it. GatherCitedPapers reads them from the corpus and pins
// a key on every paper that has none yet (Corpus::PinCitationKeys), so a key, once written to a
// file, is the paper's key in every later export.
//
// Also the facts every format derives the same way: the year, whether and where the paper was
// published, its arXiv and DOI links.
//
// Threading: GatherCitedPapers uses the corpus it is given (one thread at a time); the rest are
// pure functions.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "library/corpus.h"
#include "library/library_data.h"
#include "model/status.h"

namespace paperdeck::cite {

struct CitedPaper {
  library::StoredPaper paper;
  std::string citation_key;
  library::LibraryEntry library;
};

// The papers of keys, in that order (keys no paper has are left out), each with its citation
// key (pinned now if it had none) and its library data.
Result<std::vector<CitedPaper>> GatherCitedPapers(library::Corpus& corpus,
                                                  std::span<const int64_t> keys);

// Where a paper was published, as citation formats tell it apart.
enum class Publication {
  kPreprint,    // no venue or journal reference: arXiv only, or unknown
  kJournal,     // a journal (a venue that is not a conference, or a journal reference)
  kConference,  // proceedings: NeurIPS, ICML, ACL, CVPR, "Proceedings of ...", "Workshop ..."
};
Publication PublicationOf(const PaperRecord& record);
// The venue or, when none, the journal reference; empty for a preprint.
std::string VenueOf(const PaperRecord& record);
// record.year, else the year of `published`; 0 when unknown.
int YearOf(const PaperRecord& record);
// "https://arxiv.org/abs/ID", "https://doi.org/DOI", or the first link; empty when none.
std::string UrlOf(const PaperRecord& record);

}  // namespace paperdeck::cite
