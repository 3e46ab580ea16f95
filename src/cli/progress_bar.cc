#include "cli/progress_bar.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <fmt/format.h>

#include "present/terminal.h"

namespace paperdeck::cli {
namespace {

// "about 40 s left", "about 12 min left", "about 2 h 5 min left".
std::string TimeLeft(double seconds) {
  if (seconds < 60) return fmt::format("about {:.0f} s left", std::max(1.0, seconds));
  const auto minutes = static_cast<uint64_t>(std::lround(seconds / 60));
  if (minutes < 60) return fmt::format("about {} min left", minutes);
  return fmt::format("about {} h {} min left", minutes / 60, minutes % 60);
}

}  // namespace

std::string ProgressLine(const std::string& label, uint64_t done, uint64_t total,
                         const std::string& count_text, const std::string& rate_text,
                         double seconds) {
  constexpr int kBarWidth = 24;
  std::string line = label;
  double fraction = 0;
  if (total > 0) {
    fraction = std::min(1.0, static_cast<double>(done) / static_cast<double>(total));
    const int filled = static_cast<int>(fraction * kBarWidth);
    line += fmt::format(" [{}{}] {:3d}%", std::string(filled, '#'),
                        std::string(kBarWidth - filled, '.'), static_cast<int>(fraction * 100));
  }
  if (!count_text.empty()) line += " " + count_text;
  if (!rate_text.empty()) line += "  " + rate_text;
  // A few seconds and a little of the work in, the pace so far says how long the rest takes.
  if (total > 0 && seconds >= 3 && fraction >= 0.001 && fraction < 1) {
    line += "  " + TimeLeft(seconds * (1 - fraction) / fraction);
  }
  return line;
}

ProgressBar::ProgressBar(std::string label, std::string unit)
    : label_(std::move(label)), unit_(std::move(unit)) {
  enabled_ = present::Terminal::For(stderr).is_tty;
  start_ = last_draw_ = std::chrono::steady_clock::now();
}

ProgressBar::~ProgressBar() { Finish(); }

bool ProgressBar::DueToDraw() {
  if (!enabled_) return false;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return false;
  last_draw_ = now;
  return true;
}

void ProgressBar::Update(uint64_t done, uint64_t total, uint64_t count) {
  if (!DueToDraw()) return;
  const double seconds = std::chrono::duration<double>(last_draw_ - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(count) / seconds : 0;
  Draw(ProgressLine(label_, done, total, fmt::format("{} {}", count, unit_),
                    fmt::format("{:.0f} {}/s", rate, unit_), seconds));
}

void ProgressBar::UpdateSpeed(uint64_t done, uint64_t total, double speed) {
  if (!DueToDraw()) return;
  const double seconds = std::chrono::duration<double>(last_draw_ - start_).count();
  Draw(ProgressLine(label_, done, total, fmt::format("{:.0f} {}", speed, unit_), "", seconds));
}

void ProgressBar::Draw(const std::string& line) {
  std::fprintf(stderr, "\r\033[K%s", line.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::Finish() {
  if (enabled_ && drawn_) {
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
    drawn_ = false;
  }
}

}  // namespace paperdeck::cli
