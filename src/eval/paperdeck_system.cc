#include "eval/paperdeck_system.h"

#include <string>
#include <utility>

#include "index/index_writer.h"
#include "vectors/forward_files.h"

namespace paperdeck::eval {

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
    search::SearchRequest request;
    request.query = q.text;
    request.mode = search::QueryMode::kPlainTextAny;
    if (fields == QueryFields::kTitle) request.plain_fields = query::Field::kTitle;
    request.limit = static_cast<uint32_t>(kRunDepth);
    Result<search::SearchResponse> response = searcher.Search(request);
    if (!response.ok()) {
      return Status::InvalidArgument("query " + q.id + ": " + response.status().message());
    }
    std::vector<ScoredDoc>& docs = run[q.id];
    for (const search::SearchHit& hit : response->hits) {
      docs.push_back({collection.docs[hit.paper_key - 1].id, hit.score});
    }
  }
  return run;
}

}  // namespace paperdeck::eval
