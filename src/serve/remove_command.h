// `paperdeck remove ID...`: removes papers from the corpus (by canonical id, arXiv id or DOI) and
// from the index.
#pragma once

#include <string>
#include <vector>

#include "serve/data_dir.h"

namespace paperdeck::serve {

struct RemoveOptions {
  DataDir data;
  std::vector<std::string> ids;
};

int RunRemove(const RemoveOptions& options);

}  // namespace paperdeck::serve
