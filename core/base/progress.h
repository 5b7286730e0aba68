// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <stop_token>

namespace mb {

/// How long work (loading, training, scoring) reports progress and learns that it should stop.
/// `report` may be called from any thread, with a fraction in [0, 1]; keep it cheap.
/// Cancel is cooperative: the work checks `stop` between units and returns ErrorCode::Cancelled.
struct WorkControl {
    std::function<void(double fraction)> report;
    std::stop_token stop;

    void progress(double fraction) const
    {
        if (report)
            report(fraction);
    }
    bool stopRequested() const { return stop.stop_requested(); }
};

} // namespace mb
