// CorpusPool: corpus connections for a server's request threads. A library::Corpus is one SQLite
// connection, for one thread at a time; the pool lends each request a connection of its own and
// takes it back when the Lease ends, opening a new one when all are lent. At most as many
// connections exist as requests ever ran at once (the server's thread count).
//
// Threading: Borrow() may be called from many threads at once; a Lease belongs to one thread.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "library/corpus.h"
#include "model/status.h"

namespace paperdeck::workspace {

class CorpusPool {
 public:
  class Lease {
   public:
    Lease(CorpusPool* pool, std::unique_ptr<library::Corpus> corpus)
        : pool_(pool), corpus_(std::move(corpus)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (corpus_) pool_->Return(std::move(corpus_));
    }
    library::Corpus& operator*() const { return *corpus_; }
    library::Corpus* operator->() const { return corpus_.get(); }

   private:
    CorpusPool* pool_;
    std::unique_ptr<library::Corpus> corpus_;
  };

  explicit CorpusPool(std::filesystem::path data_dir) : data_dir_(std::move(data_dir)) {}

  Result<Lease> Borrow();

 private:
  void Return(std::unique_ptr<library::Corpus> corpus);

  const std::filesystem::path data_dir_;
  std::mutex mu_;
  std::vector<std::unique_ptr<library::Corpus>> idle_;  // guarded by mu_
};

}  // namespace paperdeck::workspace
