// ProgressBar: a one-line bar on a terminal's stderr for long work (import, reindex), redrawn at
// most ten times a second; silent when stderr is not a terminal.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace paperdeck::cli {

class ProgressBar {
 public:
  // label: what is being done ("importing arxiv-75k.jsonl.gz"); unit: what is counted.
  ProgressBar(std::string label, std::string unit);
  ~ProgressBar();  // clears the line

  // done/total: progress as a fraction (bytes of the file, say; total 0 = unknown); count: the
  // units done so far (records), shown with their rate.
  void Update(uint64_t done, uint64_t total, uint64_t count);
  void Finish();

 private:
  void Draw(uint64_t done, uint64_t total, uint64_t count);

  std::string label_, unit_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace paperdeck::cli
