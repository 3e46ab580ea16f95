// ForwardIndex: every live paper of an index snapshot as a tf-idf vector over the index's stems,
// read from the segments' forward files (vectors/forward_file.h) in the vectors directory. The
// weights are those of arxiv-sanity-lite's TfidfVectorizer (sublinear tf, smoothed idf, unit
// length): weight = (1 + ln tf) · (ln((1 + N) / (1 + df)) + 1), where tf counts the title twice
// and N and df are the snapshot's; a term held by one paper alone, or by more than a tenth of
// them (and more than 1,000), weighs nothing (it tells no two papers apart). The idf is the snapshot's own, so vectors
// follow the corpus as it grows without any file being rewritten.
//
// Opening builds the vocabulary (every segment's terms, merged in order): work proportional to
// the terms, done once per snapshot. A paper's norm is computed with its vector (VectorAt); every
// paper's, which reads every file whole (2.3 GB at 2.6M papers), only on the first ScoreLive, so
// that related papers and search by meaning never pay for it.
//
// Threading: immutable after Open but for the norms, computed once (std::call_once); share it
// (std::shared_ptr) across threads.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "index/index_reader.h"
#include "model/status.h"
#include "vectors/forward_file.h"
#include "vectors/sparse_vector.h"

namespace paperdeck::vectors {

// A document of the snapshot: its segment (index into the reader's segments) and local doc id.
struct DocRef {
  uint32_t segment = 0;
  uint32_t doc = 0;
};

class ForwardIndex {
 public:
  // Opens the forward file of every segment of reader in dir. A file missing, damaged or of
  // another segment is an error naming it (vectors/forward_files.h writes them).
  static Result<std::shared_ptr<const ForwardIndex>> Open(
      std::shared_ptr<const index::IndexReader> reader, const std::filesystem::path& dir);

  const index::IndexReader& reader() const { return *reader_; }
  const std::shared_ptr<const index::IndexReader>& shared_reader() const { return reader_; }
  uint64_t live_docs() const { return reader_->live_doc_count(); }
  uint64_t size_bytes() const;  // of the files read

  size_t term_count() const { return terms_.size(); }
  std::string_view term(uint32_t id) const { return terms_[id]; }
  float idf(uint32_t id) const { return idf_[id]; }  // 0 for a term that weighs nothing

  // The live document of a paper, if the snapshot holds one.
  std::optional<DocRef> Find(uint64_t paper_key) const;
  uint64_t paper_key(DocRef d) const { return reader_->segments()[d.segment]->paper_key(d.doc); }

  // The document's tf-idf vector, of unit length, sorted by term id.
  SparseVector VectorAt(DocRef d) const;
  // Calls f(part, d, score) for every live document d, score being the dot product of d's unit
  // vector with weights (one per term id): each segment's documents
  // split into `parts` ranges, part p of every segment scored on a thread of its own (part 0 on
  // the caller's), so f must be safe to call from `parts` threads at once (one part per thread).
  // Each segment's weights are first gathered into its own term order, times its idfs, so a
  // document's terms are read with one lookup each.
  // REQUIRES: weights.size() == term_count(); parts >= 1.
  void ScoreLive(std::span<const float> weights, unsigned parts,
                 const std::function<void(unsigned part, DocRef d, float score)>& f) const;

  // A uniform sample of n live documents whose papers are not in excluded (every one if fewer),
  // reproducible from seed, in no particular order. Most of an index is neither deleted nor
  // excluded, so documents are drawn at random until n distinct ones qualify: a few thousand
  // draws however large the index. When fewer than 4n are left, or most documents are deleted,
  // every live document is visited instead (reservoir sampling).
  std::vector<DocRef> SampleLive(size_t n, const std::unordered_set<uint64_t>& excluded,
                                 uint64_t seed) const;

  // Calls f(DocRef) for every live document.
  template <typename F>
  void ForEachLive(F&& f) const {
    const auto& segments = reader_->segments();
    for (uint32_t s = 0; s < segments.size(); ++s) {
      for (uint32_t d = 0; d < segments[s]->doc_count(); ++d) {
        if (!segments[s]->IsDeleted(d)) f(DocRef{s, d});
      }
    }
  }

 private:
  struct Segment {
    std::unique_ptr<ForwardFile> file;
    std::vector<uint32_t> term_id;   // local term -> global term id
    std::vector<float> local_idf;    // local term -> idf
  };
  float Weight(const Segment& s, uint64_t entry) const;
  // 1 / |vector| of a document (0 for an empty vector).
  float InvNorm(const Segment& s, uint32_t doc) const;
  // Every document's InvNorm, per segment, computed on the first call.
  const std::vector<std::vector<float>>& InvNorms() const;

  std::shared_ptr<const index::IndexReader> reader_;
  std::vector<Segment> segments_;
  std::vector<std::string_view> terms_;  // sorted; into the files' maps
  std::vector<float> idf_;
  mutable std::once_flag norms_once_;
  mutable std::vector<std::vector<float>> inv_norms_;  // segment -> doc -> InvNorm
};

// 1 + ln tf, for tf >= 1.
float SublinearTf(uint32_t tf);

}  // namespace paperdeck::vectors
