#include "paperdeck_engine.h"

#include <chrono>

#include "fmt/core.h"
#include "index/index_writer.h"
#include "sync/paper_document.h"

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
  searcher_.reset();
  reader_.reset();
}

Status PaperDeckEngine::Run(const Query& q, uint32_t k, QueryClock clock, bool total_only,
                            Answer* answer, Timing* timing) {
  search::SearchRequest request;
  request.query = q.ours;
  request.limit = k;
  double t0 = NowMillis(clock);
  Result<search::SearchResponse> response = searcher_->Search(request);
  double t1 = NowMillis(clock);
  if (!response.ok()) return response.status();
  timing->with_total_ms = t1 - t0;
  timing->top_only_ms = -1;
  answer->keys.clear();
  for (const search::SearchHit& hit : response->hits) answer->keys.push_back(hit.paper_key);
  answer->total = response->total;
  answer->not_as_written = response->notice.has_value();
  return Status::Ok();
}

}  // namespace paperdeck::bench
