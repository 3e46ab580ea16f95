// DataDir: the one directory that holds a researcher's corpus: `--data DIR`, else
// $PAPERDECK_DATA, else $XDG_DATA_HOME/paperdeck, else ~/.local/share/paperdeck. Inside:
// corpus.db (library/, the source of truth) and index/ (index/, derived, rebuildable).
#pragma once

#include <filesystem>
#include <string>

namespace paperdeck::serve {

struct DataDir {
  std::filesystem::path root;

  std::filesystem::path index_dir() const { return root / "index"; }

  // flag: the value of --data, empty when not given.
  static DataDir Resolve(const std::string& flag);
};

}  // namespace paperdeck::serve
