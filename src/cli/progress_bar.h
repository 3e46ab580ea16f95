// ProgressBar: a one-line bar on a terminal's stderr for long work (import, reindex), redrawn at
// most ten times a second; silent when stderr is not a terminal.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace paperdeck::cli {

// The bar's line: label, the bar and its percentage when total > 0, what is counted, and the
// time left once enough is done to tell (total > 0, a few seconds in), as in
// "importing a.jsonl [######..................]  25% 1200 records  20 records/s  about 3 min left".
// count_text is the count with its unit, rate_text its rate ("" for none).
std::string ProgressLine(const std::string& label, uint64_t done, uint64_t total,
                         const std::string& count_text, const std::string& rate_text,
                         double seconds);

class ProgressBar {
 public:
  // label: what is being done ("importing arxiv-75k.jsonl.gz"); unit: what is counted.
  ProgressBar(std::string label, std::string unit);
  ~ProgressBar();  // clears the line

  // done/total: progress as a fraction (bytes of the file, say; total 0 = unknown); count: the
  // units done so far (records), shown with their rate.
  void Update(uint64_t done, uint64_t total, uint64_t count);
  // The same, where what is shown is a speed the work reports itself (words a second a
  // thread, in the unit given), not a count to divide by the time.
  void UpdateSpeed(uint64_t done, uint64_t total, double speed);
  void Finish();

 private:
  bool DueToDraw();
  void Draw(const std::string& line);

  std::string label_, unit_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace paperdeck::cli
