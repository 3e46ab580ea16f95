// `paperdeck reindex` (rebuild the index from the corpus) and `paperdeck optimize` (merge the
// index's segments into one).
#pragma once

#include "serve/data_dir.h"

namespace paperdeck::serve {

int RunReindex(const DataDir& data);
int RunOptimize(const DataDir& data);

}  // namespace paperdeck::serve
