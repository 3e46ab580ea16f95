// InChild: runs a piece of work in a forked child process and brings back its figures and the
// child's memory. Each engine's build, and each engine serving the query sets, runs in a child of
// its own so that its peak resident set (VmHWM) is its own, not mixed with another engine's or
// with what the benchmark itself holds afterwards.
//
// The child starts as a copy of the parent: its resident set at the start (start_bytes) includes
// whatever the parent held, e.g. every paper read into memory. The figure that belongs to the
// work is peak_bytes - start_bytes; both are reported.
//
// Threading: call from a process with one thread (fork copies only the caller). The work itself
// may start threads. No SQLite connection or Xapian database may be open in the parent across
// the call if the child uses the same files.
#pragma once

#include <cstdint>
#include <functional>
#include <type_traits>
#include <utility>

#include "machine.h"
#include "model/status.h"

namespace paperdeck::bench {

struct ChildMemory {
  uint64_t start_bytes = 0;  // VmRSS when the child began the work
  uint64_t peak_bytes = 0;   // VmHWM when it ended
};

// Runs work(out) in a child; out is a block of size bytes the child fills and the parent gets
// back. Returns the work's Status as the child saw it.
Result<ChildMemory> RunInChild(const std::function<Status(void* out)>& work, void* out,
                               size_t size);

// Typed form: Figures must be trivially copyable (it crosses a pipe as bytes).
template <typename Figures>
Result<std::pair<Figures, ChildMemory>> InChild(const std::function<Status(Figures*)>& work) {
  static_assert(std::is_trivially_copyable_v<Figures>);
  Figures figures{};
  Result<ChildMemory> memory = RunInChild(
      [&](void* out) { return work(static_cast<Figures*>(out)); }, &figures, sizeof(figures));
  if (!memory.ok()) return memory.status();
  return std::make_pair(figures, *memory);
}

}  // namespace paperdeck::bench
