#include "cli/progress_bar.h"

#include <cstdio>

#include "present/terminal.h"

namespace paperdeck::cli {

ProgressBar::ProgressBar(std::string label, std::string unit)
    : label_(std::move(label)), unit_(std::move(unit)) {
  enabled_ = present::Terminal::For(stderr).is_tty;
  start_ = last_draw_ = std::chrono::steady_clock::now();
}

ProgressBar::~ProgressBar() { Finish(); }

void ProgressBar::Update(uint64_t done, uint64_t total, uint64_t count) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  Draw(done, total, count);
}

void ProgressBar::Draw(uint64_t done, uint64_t total, uint64_t count) {
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  double rate = seconds > 0 ? static_cast<double>(count) / seconds : 0;
  constexpr int kBarWidth = 24;
  std::string bar;
  if (total > 0) {
    double fraction = static_cast<double>(done) / static_cast<double>(total);
    if (fraction > 1) fraction = 1;
    int filled = static_cast<int>(fraction * kBarWidth);
    bar = "[" + std::string(filled, '#') + std::string(kBarWidth - filled, '.') + "] ";
    char pct[16];
    std::snprintf(pct, sizeof pct, "%3d%% ", static_cast<int>(fraction * 100));
    bar += pct;
  }
  std::fprintf(stderr, "\r\033[K%s %s%llu %s  %.0f %s/s", label_.c_str(), bar.c_str(),
               static_cast<unsigned long long>(count), unit_.c_str(), rate, unit_.c_str());
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
