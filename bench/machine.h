// What the figures were taken on: the machine (cores, CPU, memory, load) and this process's
// memory as the kernel counts it (/proc/self/status). Plain functions; safe from any thread.
#pragma once

#include <cstdint>
#include <string>

namespace paperdeck::bench {

struct Machine {
  unsigned cores = 0;
  std::string cpu = "unknown CPU";
  uint64_t memory_bytes = 0;
};

Machine DescribeMachine();

// The 1, 5 and 15 minute load averages: figures taken on a busy machine are slower and noisier.
std::string LoadAverage();

// This process's resident set now (VmRSS) and at its peak so far (VmHWM), in bytes; 0 if the
// kernel does not say. A forked child starts with its parent's resident set and peak.
struct ProcessMemory {
  uint64_t rss_bytes = 0;
  uint64_t peak_bytes = 0;
};
ProcessMemory ReadProcessMemory();

}  // namespace paperdeck::bench
