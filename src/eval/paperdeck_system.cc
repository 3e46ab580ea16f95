#include "eval/paperdeck_system.h"

#include <fstream>
#include <string>
#include <utility>

#include "index/index_writer.h"
#include "text/analyzer.h"
#include "vectors/forward_files.h"

namespace paperdeck::eval {

namespace {

// q asked as the product asks a question (plain text, any word may match), top kRunDepth; an
// error names the query.
Result<search::SearchResponse> Ask(const search::Searcher& searcher, const CollectionQuery& q,
                                   QueryFields fields) {
  search::SearchRequest request;
  request.query = q.text;
  request.mode = search::QueryMode::kPlainTextAny;
  if (fields == QueryFields::kTitle) request.plain_fields = query::Field::kTitle;
  request.limit = static_cast<uint32_t>(kRunDepth);
  Result<search::SearchResponse> response = searcher.Search(request);
  if (!response.ok()) {
    return Status::InvalidArgument("query " + q.id + ": " + response.status().message());
  }
  return response;
}

}  // namespace

Result<std::unique_ptr<PaperDeckSystem>> PaperDeckSystem::Build(const Collection& collection,
                                                                search::SearcherOptions options) {
  std::unique_ptr<PaperDeckSystem> system(new PaperDeckSystem());
  system->options_ = options;
  Result<std::unique_ptr<TempDir>> dir = TempDir::Create("paperdeck-eval-");
  if (!dir.ok()) return dir.status();
  system->dir_ = std::move(dir.value());
  {
    Result<std::unique_ptr<index::IndexWriter>> writer =
        index::IndexWriter::Open(system->dir_->path());
    if (!writer.ok()) return writer.status();
    // paper_key = position in the collection + 1 (0 is never a corpus key).
    for (size_t i = 0; i < collection.docs.size(); ++i) {
      index::IndexDocument doc;
      doc.paper_key = i + 1;
      doc.title = collection.docs[i].title;
      doc.abstract = collection.docs[i].text;
      PAPERDECK_RETURN_IF_ERROR((*writer)->Upsert(doc));
    }
    PAPERDECK_RETURN_IF_ERROR((*writer)->Commit(1));
  }
  Result<std::shared_ptr<const index::IndexReader>> reader =
      index::IndexReader::Open(system->dir_->path());
  if (!reader.ok()) return reader.status();
  system->reader_ = std::move(reader.value());
  // The papers' vectors, which feedback reads, as the product keeps them beside the index.
  const std::filesystem::path vectors_dir = system->dir_->path() / "vectors";
  Result<vectors::ForwardFilesReport> written =
      vectors::UpdateForwardFiles(*system->reader_, vectors_dir);
  if (!written.ok()) return written.status();
  Result<std::shared_ptr<const vectors::ForwardIndex>> forward =
      vectors::ForwardIndex::Open(system->reader_, vectors_dir);
  if (!forward.ok()) return forward.status();
  system->forward_ = std::move(forward.value());
  return system;
}

Result<Run> PaperDeckSystem::Search(const Collection& collection,
                                    const search::SearcherOptions& options,
                                    QueryFields fields) const {
  search::Searcher searcher(reader_, options, forward_);
  Run run;
  for (const CollectionQuery& q : collection.queries) {
    Result<search::SearchResponse> response = Ask(searcher, q, fields);
    if (!response.ok()) return response.status();
    std::vector<ScoredDoc>& docs = run[q.id];
    for (const search::SearchHit& hit : response->hits) {
      docs.push_back({collection.docs[hit.paper_key - 1].id, hit.score});
    }
  }
  return run;
}

Status PaperDeckSystem::TrainDense(const Collection& collection,
                                   const vectors::TrainOptions& options) {
  const std::filesystem::path dir = dir_->path() / "vectors";  // the forward files are there
  const std::filesystem::path text_file = dir / "training.txt";
  uint64_t papers = 0;
  {
    std::ofstream out(text_file, std::ios::binary | std::ios::trunc);
    text::Analyzer analyzer;
    std::string line;
    for (const CollectionDoc& doc : collection.docs) {
      line.clear();
      vectors::AppendTrainingLine(analyzer, doc.title, doc.text, &line);
      out << line;
      ++papers;
    }
    if (!out) return Status::IOError("cannot write " + text_file.string());
  }
  Result<std::unique_ptr<vectors::WordVectors>> words =
      vectors::WordVectors::Train(text_file, papers, options);
  if (!words.ok()) return words.status();
  PAPERDECK_RETURN_IF_ERROR((*words)->Write(dir / vectors::kWordsFileName));
  Result<std::shared_ptr<const vectors::DenseIndex>> dense = vectors::DenseIndex::Open(
      reader_, dir, std::shared_ptr<const vectors::WordVectors>(std::move(*words)));
  if (!dense.ok()) return dense.status();
  dense_ = *dense;
  return Status::Ok();
}

Result<Run> PaperDeckSystem::SearchDense(const Collection& collection) const {
  if (!dense_) return Status::InvalidArgument("no paper vectors: TrainDense first");
  Run run;
  for (const CollectionQuery& q : collection.queries) {
    std::vector<ScoredDoc>& docs = run[q.id];
    for (const vectors::DenseHit& hit : dense_->Nearest(dense_->EmbedQuery(q.text), kRunDepth)) {
      docs.push_back({collection.docs[hit.paper_key - 1].id, hit.score});
    }
  }
  return run;
}

Result<Run> PaperDeckSystem::SearchHybrid(const Collection& collection,
                                          const vectors::FusionParams& fusion,
                                          QueryFields fields) const {
  if (!dense_) return Status::InvalidArgument("no paper vectors: TrainDense first");
  search::Searcher searcher(reader_, options_, forward_);
  Run run;
  for (const CollectionQuery& q : collection.queries) {
    Result<search::SearchResponse> response = Ask(searcher, q, fields);
    if (!response.ok()) return response.status();
    std::vector<uint64_t> keyword, nearest;
    for (const search::SearchHit& hit : response->hits) keyword.push_back(hit.paper_key);
    for (const vectors::DenseHit& hit : dense_->Nearest(dense_->EmbedQuery(q.text), kRunDepth)) {
      nearest.push_back(hit.paper_key);
    }
    std::vector<ScoredDoc>& docs = run[q.id];
    for (const vectors::FusedHit& hit : vectors::FuseReciprocalRanks(keyword, nearest, fusion)) {
      if (docs.size() == kRunDepth) break;
      docs.push_back({collection.docs[hit.paper_key - 1].id, hit.score});
    }
  }
  return run;
}

}  // namespace paperdeck::eval
