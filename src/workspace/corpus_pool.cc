#include "workspace/corpus_pool.h"

namespace paperdeck::workspace {

Result<CorpusPool::Lease> CorpusPool::Borrow() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      std::unique_ptr<library::Corpus> corpus = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(corpus));
    }
  }
  auto corpus = library::Corpus::Open(data_dir_);
  if (!corpus.ok()) return corpus.status();
  return Lease(this, std::move(corpus.value()));
}

void CorpusPool::Return(std::unique_ptr<library::Corpus> corpus) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(corpus));
}

}  // namespace paperdeck::workspace
