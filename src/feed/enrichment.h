// Enrichment: the numbers cards show beside arXiv's facts. Citation counts and venues from
// Semantic Scholar's batch endpoint (ids as `ARXIV:2401.12345`, up to 500 per request, an
// optional API key sent as x-api-key), and upvotes from Hugging Face's daily papers listing and
// its per-paper lookup.
// Only papers already in the corpus are enriched; each number is stored through Upsert with its
// source ("semantic-scholar", "huggingface") and the corpus's provenance log records when it was
// seen, so a later enrichment replaces it with a fresher one. Each paper asked about is also
// marked fetched (Corpus::MarkFetched), so an answer that changed nothing still counts as fresh:
// with fetched_before set, only papers whose source last answered before that time (or never)
// are asked again.
//
// Threading: one enrichment at a time per Corpus.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "library/corpus.h"
#include "model/status.h"
#include "net/http_client.h"

namespace paperdeck::feed {

struct EnrichReport {
  uint64_t asked = 0;    // papers asked about
  uint64_t known = 0;    // papers the source knew (not null / listed and in the corpus)
  uint64_t updated = 0;  // papers whose stored numbers changed
  uint64_t fresh = 0;    // papers not asked: their numbers were fetched after fetched_before
  std::vector<std::string> issues;
  Status stopped;  // ok unless a fault stopped it (batches committed before are kept)
  bool held = false;  // may_fetch said no: papers were left for another run (stopped stays ok)
  uint64_t left = 0;  // held: the papers not asked about
};

struct ScholarOptions {
  std::string api_url = "https://api.semanticscholar.org/graph/v1";
  std::string api_key;  // optional
  size_t batch_size = 500;
  // ISO UTC ("2026-06-01T00:00:00Z"): ask only about papers Semantic Scholar last answered for
  // before then, or never. Empty: every paper.
  std::string fetched_before;
  // Asked before each batch request; false stops there, the batches before kept
  // (EnrichReport::held). Unset: every batch is asked.
  std::function<bool()> may_fetch;
};

// Asks Semantic Scholar about every paper in the corpus that has an arXiv id.
EnrichReport EnrichFromSemanticScholar(library::Corpus& corpus, net::HttpClient& client,
                                       const ScholarOptions& options);

// Asks Semantic Scholar about the papers of keys that have an arXiv id (keys no paper has are
// skipped), as EnrichFromSemanticScholar does for the whole corpus: the papers a sync watches.
EnrichReport EnrichPapersFromSemanticScholar(library::Corpus& corpus, net::HttpClient& client,
                                             std::span<const int64_t> keys,
                                             const ScholarOptions& options);

// How many papers of keys EnrichPapersFromSemanticScholar would ask about with fetched_before:
// what `sync --dry-run` says it would send.
Result<size_t> PapersDueFromSemanticScholar(library::Corpus& corpus,
                                            std::span<const int64_t> keys,
                                            const std::string& fetched_before);

// Reads Hugging Face's daily papers of date (YYYY-MM-DD) and stores the upvotes of the listed
// papers that are in the corpus (they also get the "paper" badge).
EnrichReport EnrichFromHuggingFace(library::Corpus& corpus, net::HttpClient& client,
                                   const std::string& api_url, const std::string& date);

struct HuggingFaceLookup {
  std::string api_url = "https://huggingface.co/api";
  // As ScholarOptions::fetched_before: only papers Hugging Face last answered for before then, or
  // never, are looked up. Empty: every paper.
  std::string fetched_before;
  size_t max_papers = 20;  // one request each
};

// Looks up papers of the corpus one by one (GET /papers/{arxiv_id}), newest published first, at
// most max_papers: those Hugging Face has not answered for since fetched_before, so after
// EnrichFromHuggingFace the papers of that day's listing are left out. A 404 is a paper Hugging
// Face does not know (it is marked fetched all the same); found papers get their upvotes and
// the "paper" badge. What was found before a fault is stored.
EnrichReport LookUpOnHuggingFace(library::Corpus& corpus, net::HttpClient& client,
                                 const HuggingFaceLookup& options);

}  // namespace paperdeck::feed
