// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/progress.h"

#include <span>

namespace mb {

/// A smooth objective over a parameter vector, as the optimizers below see it. Logistic
/// regression implements it over its training rows.
class SmoothObjective
{
public:
    virtual ~SmoothObjective() = default;
    /// The objective at `theta`; writes its gradient into `grad`.
    virtual double valueAndGradient(std::span<const double> theta, std::span<double> grad) = 0;
    /// The Hessian at `theta` times `v`, into `out` (only Newton-CG asks for it).
    virtual void hessianTimes(std::span<const double> theta, std::span<const double> v,
                              std::span<double> out)
        = 0;
};

/// Stopping rules shared by both optimizers.
struct OptimizerSettings
{
    int maxIter = 100;
    double tol = 1e-4; ///< converged when the largest gradient component is at most tol
    int memory = 10; ///< L-BFGS: correction pairs kept
    /// Progress is reported as iterations / maxIter; stop is checked before every pass.
    const WorkControl *control = nullptr;
};

struct OptimizerResult
{
    int iterations = 0;
    int evaluations = 0; ///< passes over the data (value and gradient, or Hessian products)
    /// The gradient tolerance was met, or double precision allows no further decrease.
    bool converged = false;
    bool cancelled = false;
    double value = 0;
};

/// Limited-memory BFGS (two-loop recursion) with a line search that satisfies the strong
/// Wolfe conditions (Nocedal & Wright, algorithms 3.5 and 3.6, cubic interpolation).
/// Minimises in place from the given `theta`.
OptimizerResult minimizeLbfgs(SmoothObjective &objective, std::span<double> theta,
                              const OptimizerSettings &settings);

/// Truncated Newton: each step solves H p = -g by conjugate gradients on Hessian-vector
/// products (forcing term min(0.5, sqrt|g|)), then takes a strong-Wolfe line search from 1.
OptimizerResult minimizeNewtonCg(SmoothObjective &objective, std::span<double> theta,
                                 const OptimizerSettings &settings);

} // namespace mb
