#include "machine.h"

#include <cstdlib>
#include <fstream>
#include <string_view>
#include <thread>

namespace paperdeck::bench {
namespace {

// The value of the first "key<spaces>: value" line of a /proc file, or "".
std::string ProcField(const char* file, std::string_view key) {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.compare(0, key.size(), key) != 0) continue;
    size_t colon = line.find(':', key.size());
    if (colon == std::string::npos) continue;
    size_t begin = line.find_first_not_of(" \t", colon + 1);
    return begin == std::string::npos ? "" : line.substr(begin);
  }
  return "";
}

// A "<n> kB" value of a /proc file, in bytes.
uint64_t ProcKilobytes(const char* file, std::string_view key) {
  std::string value = ProcField(file, key);
  return value.empty() ? 0 : std::strtoull(value.c_str(), nullptr, 10) * 1024;
}

}  // namespace

Machine DescribeMachine() {
  Machine m;
  m.cores = std::thread::hardware_concurrency();
  if (std::string cpu = ProcField("/proc/cpuinfo", "model name"); !cpu.empty()) m.cpu = cpu;
  m.memory_bytes = ProcKilobytes("/proc/meminfo", "MemTotal");
  return m;
}

std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  if (!(in >> one >> five >> fifteen)) return "unknown";
  return one + " " + five + " " + fifteen;
}

ProcessMemory ReadProcessMemory() {
  return {ProcKilobytes("/proc/self/status", "VmRSS"), ProcKilobytes("/proc/self/status", "VmHWM")};
}

}  // namespace paperdeck::bench
