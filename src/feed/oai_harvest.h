// OaiHarvest: mirrors arXiv's metadata over OAI-PMH (ListRecords in the `arXiv` or `arXivRaw`
// format, optionally from/until a date and within a set), page by page. After each page is
// committed to the corpus, the page's resumption token is saved in the corpus (Corpus::SetState
// under a name made of the harvest's arguments), so a harvest interrupted anywhere resumes from
// the last committed page when run again with the same arguments; the token is cleared when the
// list ends. Deleted records are removed from the corpus. Harvested papers are not marked `new`
// (a mirror is not a listing).
//
// Threading: one harvest at a time per Corpus.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "library/corpus.h"
#include "model/status.h"
#include "net/http_client.h"

namespace paperdeck::feed {

struct OaiHarvestOptions {
  std::string oai_url = "https://oaipmh.arxiv.org/oai";
  std::string format = "arXiv";  // metadataPrefix: arXiv or arXivRaw
  std::string from, until;       // YYYY-MM-DD, empty for no bound
  std::string set;               // e.g. "cs", empty for all
  int max_pages = 0;             // stop (resumably) after this many pages; 0 for no limit
};

struct OaiHarvestReport {
  bool resumed = false;   // started from a saved token
  bool complete = false;  // the list ended (or nothing matched)
  uint64_t pages = 0, records = 0, added = 0, updated = 0, unchanged = 0, deleted = 0;
  int64_t complete_list_size = -1;
  std::vector<std::string> issues;
  Status stopped;  // ok unless a fault stopped the harvest (committed pages are kept)
};

// The name under which a harvest with these arguments keeps its resumption token.
std::string HarvestStateName(const OaiHarvestOptions& options);

OaiHarvestReport HarvestOai(library::Corpus& corpus, net::HttpClient& client,
                            const OaiHarvestOptions& options);

}  // namespace paperdeck::feed
