// What a command says when the index does not reflect the corpus: how many papers are not yet
// searchable and how many removed ones the index still holds (counted from the corpus revision
// the index's last commit reflects), and what to do: nothing when a running command will catch
// the index up, else `paperdeck reindex`, after freeing the space it needs when the disk lacks it.
#pragma once

#include <string>

#include "workspace/workspace.h"

namespace paperdeck::cli {

// "not yet searchable: 3 papers; 2 removed papers are still in the index; free 39 MB on DIR and
// run `paperdeck reindex`"; empty when nothing a search shows is missing or stale.
// index_dir: where the index lives (named when space must be freed there). space_told: a
// message just before named the space a failed index write needed; refer to it rather than
// give the estimate IndexState holds.
std::string DescribeIndexLag(const workspace::IndexState& state,
                             const std::filesystem::path& index_dir, bool space_told);

// Prints "paperdeck: the index is behind the corpus: LAG." and then consequence (a sentence, may
// be empty) to standard error when the workspace's index misses or still finds papers (nothing
// otherwise).
void WarnIfIndexBehind(workspace::Workspace& workspace, std::string_view consequence = "");

}  // namespace paperdeck::cli
