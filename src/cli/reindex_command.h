// `paperdeck reindex`: brings the index level with the corpus (the corpus is the source of
// truth; the index is derived from it). A sound index that is behind — an import, a removal or a
// pull that could not index, a full disk — is caught up: only the papers it misses are indexed,
// and the command first says how many and about how much disk that takes. `--full` drops the
// index and rebuilds it from every paper (checking first that the disk has room for the new index
// beside the old one); a damaged index is rebuilt so without asking.
#pragma once

#include <filesystem>

namespace paperdeck::cli {

// Returns an ExitCode.
// With train_vectors, the word vectors are learned from the corpus again (Workspace::TrainVectors)
// after the forward index is rewritten.
int RunReindex(const std::filesystem::path& data, bool full, bool train_vectors = false);

}  // namespace paperdeck::cli
