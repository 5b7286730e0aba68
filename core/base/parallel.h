// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <functional>

namespace mb {

/// The number of worker threads `requested` means on this machine (0 = all cores).
int resolveThreads(int requested);

/// Runs body(task, worker) for task in [0, tasks) on `threads` std::threads (the calling thread
/// is one of them); tasks are handed out in order through an atomic counter, so the
/// mapping of tasks to workers varies but each task runs exactly once. `worker` is in
/// [0, threads) and lets the body use per-worker scratch space. Exceptions propagate.
void parallelFor(std::size_t tasks, int threads,
                 const std::function<void(std::size_t task, int worker)> &body);

} // namespace mb
