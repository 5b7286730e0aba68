// SPDX-License-Identifier: MIT
#include "core/base/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace mb {

int resolveThreads(int requested)
{
    if (requested > 0)
        return requested;
    return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

void parallelFor(std::size_t tasks, int threads,
                 const std::function<void(std::size_t task, int worker)> &body)
{
    const int workers = static_cast<int>(std::min<std::size_t>(std::max(threads, 1), std::max<std::size_t>(tasks, 1)));
    if (workers <= 1) {
        for (std::size_t t = 0; t < tasks; ++t)
            body(t, 0);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failureMutex;
    auto run = [&](int worker) {
        try {
            for (std::size_t t = next++; t < tasks; t = next++)
                body(t, worker);
        } catch (...) {
            std::lock_guard lock(failureMutex);
            if (!failure)
                failure = std::current_exception();
            next = tasks;
        }
    };
    std::vector<std::jthread> pool;
    pool.reserve(static_cast<std::size_t>(workers - 1));
    for (int w = 1; w < workers; ++w)
        pool.emplace_back(run, w);
    run(0);
    pool.clear();
    if (failure)
        std::rethrow_exception(failure);
}

} // namespace mb
