// `paperdeck queue`: the papers marked to-read, oldest mark first.
#pragma once

#include <filesystem>

namespace paperdeck::cli {

struct QueueOptions {
  std::filesystem::path data;
  bool json = false;
};

int RunQueue(const QueueOptions& options);

}  // namespace paperdeck::cli
