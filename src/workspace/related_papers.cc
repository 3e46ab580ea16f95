#include "workspace/related_papers.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "search/searcher.h"
#include "vectors/sparse_vector.h"
#include "workspace/surface_forms.h"

namespace paperdeck::workspace {
namespace {

// The title's letters and digits, lowercased (ASCII) and joined: how two records of one work
// write it alike.
std::string TitleKey(const std::string& title) {
  std::string key;
  for (char c : title) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80) {
      key.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      key.push_back(static_cast<char>(c + 32));
    }
  }
  return key;
}

}  // namespace

bool SameWork(const PaperRecord& a, const PaperRecord& b) {
  if (!a.arxiv_id.empty() && a.arxiv_id == b.arxiv_id) return true;
  if (!a.doi.empty() && a.doi == b.doi) return true;
  const std::string ta = TitleKey(a.title);
  return ta.size() >= 12 && ta == TitleKey(b.title);
}

Result<RelatedPapers> FindRelated(library::Corpus& corpus, const Snapshot& snapshot,
                                  const vectors::ForwardIndex& vectors,
                                  const vectors::DenseIndex* dense,
                                  const library::StoredPaper& paper, const RelatedOptions& options) {
  RelatedPapers out;
  out.paper = paper;
  std::optional<vectors::DocRef> doc = vectors.Find(static_cast<uint64_t>(paper.key));
  if (!doc) {
    return Status::NotFound("paper " + paper.record.id +
                            " is not in the index yet (it is indexed at the next import, sync or "
                            "`paperdeck reindex`)");
  }
  const vectors::SparseVector v = vectors.VectorAt(*doc);
  if (v.empty()) return out;  // no word it shares with any other paper

  SurfaceForms forms;
  forms.Add(paper);
  std::string query;
  for (const vectors::TermWeight& t : vectors::HeaviestTerms(v, options.query_terms)) {
    if (!query.empty()) query += ' ';
    query += forms.Of(vectors.term(t.term));
  }
  search::SearchRequest request;
  request.query = std::move(query);
  request.mode = search::QueryMode::kPlainTextAny;
  // A pool of at least twice the page, so a long page still has candidates to choose from.
  request.limit = std::min<uint32_t>(std::max(options.pool, 2 * options.limit) + 1,
                                     search::kMaxSearchLimit);
  request.exact = true;
  request.count = false;  // the pool alone is ranked: how many papers share a word is not asked
  request.words_alone = options.words_alone;
  PAPERDECK_ASSIGN_OR_RETURN(search::SearchResponse response, snapshot.searcher->Search(request));

  struct Candidate {
    uint64_t key;
    float score;
    vectors::SparseVector vector;
  };
  std::vector<Candidate> candidates;
  std::unordered_set<uint64_t> pooled;
  // Adds the paper called key to the pool, scored by the cosine (by search_score without the
  // rerank); false when the snapshot holds no vector for it.
  auto pool = [&](uint64_t key, float search_score) {
    std::optional<vectors::DocRef> at = vectors.Find(key);
    if (!at) return false;
    vectors::SparseVector cv = vectors.VectorAt(*at);
    const float score = options.rerank ? vectors::Dot(v, cv) : search_score;
    candidates.push_back({key, score, std::move(cv)});
    pooled.insert(key);
    return true;
  };
  for (const search::SearchHit& hit : response.hits) {
    if (hit.paper_key == static_cast<uint64_t>(paper.key)) continue;
    ++out.candidates;
    pool(hit.paper_key, hit.score);
  }
  // The paper's nearest by meaning: in the pool already, or added to it (ranked by the cosine
  // alone: the search gave them no score to rank by otherwise).
  std::unordered_set<uint64_t> near;
  if (dense != nullptr && options.near_in_meaning > 0) {
    const std::vector<float> own = dense->VectorOf(static_cast<uint64_t>(paper.key));
    if (!own.empty()) {
      for (const vectors::DenseHit& hit :
           dense->Nearest(own, options.near_in_meaning + 1, options.near_in_meaning_breadth)) {
        if (hit.paper_key == static_cast<uint64_t>(paper.key)) continue;
        near.insert(hit.paper_key);
        if (!options.rerank || pooled.contains(hit.paper_key)) continue;
        if (pool(hit.paper_key, /*search_score=*/0)) ++out.candidates;
      }
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.score > b.score; });

  // Read the best first, a few more than asked for, as some may be versions of the paper.
  size_t next = 0;
  while (out.related.size() < options.limit && next < candidates.size()) {
    const size_t take = std::min(candidates.size() - next,
                                 size_t{options.limit - out.related.size()} + 4);
    std::vector<int64_t> keys;
    for (size_t i = next; i < next + take; ++i) keys.push_back(static_cast<int64_t>(candidates[i].key));
    PAPERDECK_ASSIGN_OR_RETURN(std::vector<library::StoredPaper> papers, corpus.Get(keys));
    std::unordered_map<int64_t, library::StoredPaper*> by_key;
    for (library::StoredPaper& p : papers) by_key[p.key] = &p;
    for (size_t i = next; i < next + take && out.related.size() < options.limit; ++i) {
      auto found = by_key.find(static_cast<int64_t>(candidates[i].key));
      if (found == by_key.end()) continue;  // removed from the corpus, not yet from the index
      if (SameWork(found->second->record, paper.record)) continue;
      RelatedPaper r;
      r.paper = std::move(*found->second);
      r.score = candidates[i].score;
      std::vector<std::string_view> shared;
      for (const vectors::TermWeight& t :
           vectors::SharedTerms(v, candidates[i].vector, 4 * options.reason_terms)) {
        shared.push_back(vectors.term(t.term));
      }
      r.reason = forms.Reason(shared, options.reason_terms);
      r.near_in_meaning = near.contains(candidates[i].key);
      out.related.push_back(std::move(r));
    }
    next += take;
  }
  return out;
}

}  // namespace paperdeck::workspace
