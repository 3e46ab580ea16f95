// `paperdeck stats`: what the corpus holds and the state of its index.
#pragma once

#include "serve/data_dir.h"

namespace paperdeck::serve {

struct StatsOptions {
  DataDir data;
  bool json = false;
};

int RunStats(const StatsOptions& options);

}  // namespace paperdeck::serve
