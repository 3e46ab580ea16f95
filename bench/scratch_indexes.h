// ScratchIndexes: the directory the benchmark builds its indexes in, one subdirectory per engine
// ("paperdeck", "fts5", "xapian"). By default it is a fresh directory, removed when the program
// ends. Kept (--keep DIR), it survives the run, and a build is reused by the next run over the
// same corpus: each finished build leaves a stamp (engine/../<engine>.stamp) naming the corpus
// revision and paper count it was built from and the way it was built (kFormat); a build whose
// stamp matches is reused instead of built again. Building Xapian from 2.6 million papers takes
// about 20 minutes.
//
// Threading: one thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "model/status.h"

namespace paperdeck::bench {

class ScratchIndexes {
 public:
  // keep empty: a new directory under tmp_root, removed by the destructor. Otherwise keep,
  // created if missing and never removed.
  static Result<std::unique_ptr<ScratchIndexes>> Open(const std::filesystem::path& tmp_root,
                                                      const std::filesystem::path& keep);
  ~ScratchIndexes();
  ScratchIndexes(const ScratchIndexes&) = delete;
  ScratchIndexes& operator=(const ScratchIndexes&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  bool kept() const { return kept_; }
  // Where engine's index is built: dir()/engine.
  std::filesystem::path PathOf(const std::string& engine) const { return dir_ / engine; }

  // When engine's build here was made from this corpus revision and paper count, the way this
  // program builds it, by the same code (a time, "2026-11-28 10:40 UTC"); "" if it must be built
  // again. code names what built it: for PaperDeck's build, this program's binary, which links
  // the engine (so a rebuilt engine is measured again); "" for the peers.
  std::string BuiltEarlier(const std::string& engine, int64_t revision, uint64_t papers,
                           const std::string& code) const;
  // Removes engine's build and stamp, before it is built again.
  Status Clear(const std::string& engine);
  // Records that engine's build is complete.
  Status Stamp(const std::string& engine, int64_t revision, uint64_t papers,
               const std::string& code);

 private:
  ScratchIndexes(std::filesystem::path dir, bool kept) : dir_(std::move(dir)), kept_(kept) {}
  std::filesystem::path StampOf(const std::string& engine) const {
    return dir_ / (engine + ".stamp");
  }

  std::filesystem::path dir_;
  bool kept_;
};

}  // namespace paperdeck::bench
