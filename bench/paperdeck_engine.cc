#include "paperdeck_engine.h"

#include <chrono>

#include "fmt/core.h"
#include "index/index_writer.h"
#include "sync/paper_document.h"
#include "vectors/forward_index.h"

namespace paperdeck::bench {

namespace fs = std::filesystem;

Status BuildPaperDeck(const std::vector<library::StoredPaper>& papers, int64_t corpus_revision,
                      const fs::path& dir, BuildFigures* figures) {
  auto writer = index::IndexWriter::Open(dir);
  if (!writer.ok()) return writer.status();
  auto start = std::chrono::steady_clock::now();
  for (const library::StoredPaper& p : papers) {
    sync::PaperDocument doc(p);
    if (Status s = (*writer)->Upsert(doc.document()); !s.ok()) return s;
  }
  if (Status s = (*writer)->Commit(corpus_revision); !s.ok()) return s;
  figures->seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  writer->reset();
  auto reader = index::IndexReader::Open(dir);
  if (!reader.ok()) return reader.status();
  figures->bytes = figures->built_bytes = (*reader)->size_bytes();
  return Status::Ok();
}

std::string PaperDeckEngine::WithTotalRow(uint32_t k) const {
  return fmt::format("paperdeck top-{} + total", k);
}

Status PaperDeckEngine::Open() {
  Close();
  auto reader = index::IndexReader::Open(dir_);
  if (!reader.ok()) return reader.status();
  reader_ = std::move(reader).value();
  searcher_ = std::make_unique<search::Searcher>(reader_, options_);
  return Status::Ok();
}

void PaperDeckEngine::Close() {
  expanding_.reset();
  searcher_.reset();
  reader_.reset();
}

Status PaperDeckEngine::Run(const Query& q, uint32_t k, QueryClock clock, bool total_only,
                            Answer* answer, Timing* timing) {
  search::SearchRequest request;
  request.query = q.ours;
  request.limit = k;
  if (q.question) {
    request.mode = search::QueryMode::kPlainTextAny;
    request.feedback = false;
  }
  request.expand = q.expand;
  const search::Searcher* searcher = searcher_.get();
  if (q.expand) {
    if (!expanding_) {
      if (vectors_.empty()) return Status::InvalidArgument("no paper vectors to expand with");
      auto forward = vectors::ForwardIndex::Open(reader_, vectors_);
      if (!forward.ok()) {
        return Status::InvalidArgument(vectors_.string() + ": " + forward.status().message() +
                                       " (`paperdeck reindex` writes the paper vectors)");
      }
      expanding_ = std::make_unique<search::Searcher>(reader_, options_, *forward);
    }
    searcher = expanding_.get();
  }
  double t0 = NowMillis(clock);  // the paper vectors' first reading is opening, not the query
  Result<search::SearchResponse> response = searcher->Search(request);
  double t1 = NowMillis(clock);
  if (!response.ok()) return response.status();
  timing->with_total_ms = t1 - t0;
  timing->top_only_ms = -1;
  answer->keys.clear();
  for (const search::SearchHit& hit : response->hits) answer->keys.push_back(hit.paper_key);
  answer->total = response->total;
  answer->not_as_written = response->notice.has_value() || !response->not_expanded.empty();
  return Status::Ok();
}

}  // namespace paperdeck::bench
