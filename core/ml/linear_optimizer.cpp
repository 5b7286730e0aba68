// SPDX-License-Identifier: MIT
#include "core/ml/linear_optimizer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace mb {

namespace {

// Relative decrease of the objective below which an iteration counts as stalled (the value
// scikit-learn passes to SciPy's L-BFGS-B since 1.4): machine precision, not a tolerance.
constexpr double kStallDecrease = 64 * std::numeric_limits<double>::epsilon();
constexpr double kArmijo = 1e-4; // c1: sufficient decrease
constexpr double kCurvature = 0.9; // c2: strong Wolfe curvature (0.9 suits quasi-Newton)
constexpr int kMaxLineSearch = 30;

double dot(std::span<const double> a, std::span<const double> b)
{
    double s = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        s += a[i] * b[i];
    return s;
}

double maxAbs(std::span<const double> v)
{
    double m = 0;
    for (double x : v)
        m = std::max(m, std::abs(x));
    return m;
}

/// The minimiser of the cubic through (a, fa, da) and (b, fb, db), or NaN if there is none.
double cubicMinimum(double a, double fa, double da, double b, double fb, double db)
{
    const double d1 = da + db - 3 * (fa - fb) / (a - b);
    const double disc = d1 * d1 - da * db;
    if (!(disc >= 0))
        return std::numeric_limits<double>::quiet_NaN();
    const double d2 = std::copysign(std::sqrt(disc), b - a);
    const double denom = db - da + 2 * d2;
    if (denom == 0)
        return std::numeric_limits<double>::quiet_NaN();
    return b - (b - a) * (db + d2 - d1) / denom;
}

/// One point on the search line: step, value, directional derivative, and the full state.
struct LinePoint
{
    double step = 0;
    double value = 0;
    double slope = 0;
    std::vector<double> theta;
    std::vector<double> grad;
};

/// Searches along `direction` from `start` for a step satisfying the strong Wolfe conditions.
/// On success `found` holds the accepted point. A step that only decreases the objective
/// (Armijo) is accepted too when the search runs out of evaluations.
class LineSearch
{
public:
    LineSearch(SmoothObjective &objective, const LinePoint &start,
               std::span<const double> direction, const WorkControl *control, int &evaluations)
        : m_objective(objective)
        , m_start(start)
        , m_direction(direction)
        , m_control(control)
        , m_evaluations(evaluations)
    {
    }

    enum class Outcome { Found, Failed, Cancelled };

    Outcome run(double initialStep, LinePoint &found)
    {
        LinePoint previous = m_start;
        LinePoint current;
        double step = initialStep;
        for (int i = 0; i < kMaxLineSearch; ++i) {
            if (!evaluate(step, current))
                return Outcome::Cancelled;
            if (!std::isfinite(current.value)
                || current.value > m_start.value + kArmijo * step * m_start.slope
                || (i > 0 && current.value >= previous.value)) {
                return zoom(previous, current, found);
            }
            if (std::abs(current.slope) <= -kCurvature * m_start.slope) {
                found = std::move(current);
                return Outcome::Found;
            }
            if (current.slope >= 0)
                return zoom(current, previous, found);
            // Still going down steeply: extrapolate, at least doubling the step.
            double next = cubicMinimum(previous.step, previous.value, previous.slope, current.step,
                                       current.value, current.slope);
            const double lo = 2 * current.step, hi = 8 * current.step;
            next = std::isfinite(next) ? std::clamp(next, lo, hi) : lo;
            previous = std::move(current);
            current = LinePoint();
            step = next;
        }
        return acceptDecrease(previous, found);
    }

private:
    bool evaluate(double step, LinePoint &p)
    {
        if (m_control && m_control->stopRequested())
            return false;
        p.step = step;
        p.theta.resize(m_start.theta.size());
        p.grad.resize(m_start.theta.size());
        for (std::size_t i = 0; i < p.theta.size(); ++i)
            p.theta[i] = m_start.theta[i] + step * m_direction[i];
        p.value = m_objective.valueAndGradient(p.theta, p.grad);
        p.slope = dot(p.grad, m_direction);
        ++m_evaluations;
        return true;
    }

    Outcome acceptDecrease(LinePoint &candidate, LinePoint &found)
    {
        if (candidate.step > 0 && std::isfinite(candidate.value)
            && candidate.value < m_start.value) {
            found = std::move(candidate);
            return Outcome::Found;
        }
        return Outcome::Failed;
    }

    /// Nocedal & Wright's zoom: `lo` always satisfies sufficient decrease and has the lower
    /// value; the minimiser lies between lo and hi.
    Outcome zoom(LinePoint lo, LinePoint hi, LinePoint &found)
    {
        LinePoint trial;
        for (int i = 0; i < kMaxLineSearch; ++i) {
            const double width = hi.step - lo.step;
            if (std::abs(width) <= 1e-12 * std::max(1.0, std::abs(lo.step)))
                break;
            double step = std::isfinite(hi.value)
                ? cubicMinimum(lo.step, lo.value, lo.slope, hi.step, hi.value, hi.slope)
                : std::numeric_limits<double>::quiet_NaN();
            const double a = std::min(lo.step, hi.step), b = std::max(lo.step, hi.step);
            const double margin = 0.1 * (b - a);
            if (!std::isfinite(step) || step < a + margin || step > b - margin)
                step = lo.step + 0.5 * width;
            if (!evaluate(step, trial))
                return Outcome::Cancelled;
            if (!std::isfinite(trial.value)
                || trial.value > m_start.value + kArmijo * step * m_start.slope
                || trial.value >= lo.value) {
                hi = std::move(trial);
            } else {
                if (std::abs(trial.slope) <= -kCurvature * m_start.slope) {
                    found = std::move(trial);
                    return Outcome::Found;
                }
                if (trial.slope * (hi.step - lo.step) >= 0)
                    hi = std::move(lo);
                lo = std::move(trial);
            }
            trial = LinePoint();
        }
        return acceptDecrease(lo, found);
    }

    SmoothObjective &m_objective;
    const LinePoint &m_start;
    std::span<const double> m_direction;
    const WorkControl *m_control;
    int &m_evaluations;
};

bool stopRequested(const OptimizerSettings &settings)
{
    return settings.control && settings.control->stopRequested();
}

void reportProgress(const OptimizerSettings &settings, int iteration)
{
    if (settings.control && settings.maxIter > 0)
        settings.control->progress(std::min(1.0, double(iteration) / settings.maxIter));
}

/// The objective and its gradient at `theta`, where both optimizers start.
LinePoint startingPoint(SmoothObjective &objective, std::span<const double> theta)
{
    LinePoint point;
    point.theta.assign(theta.begin(), theta.end());
    point.grad.resize(theta.size());
    point.value = objective.valueAndGradient(point.theta, point.grad);
    return point;
}

bool stalled(double before, double after)
{
    return before - after <= kStallDecrease * std::max({std::abs(before), std::abs(after), 1.0});
}

} // namespace

OptimizerResult minimizeLbfgs(SmoothObjective &objective, std::span<double> theta,
                              const OptimizerSettings &settings)
{
    OptimizerResult result;
    const std::size_t n = theta.size();
    if (stopRequested(settings)) {
        result.cancelled = true;
        return result;
    }
    LinePoint current = startingPoint(objective, theta);
    result.evaluations = 1;

    const std::size_t memory = static_cast<std::size_t>(std::max(settings.memory, 1));
    std::vector<std::vector<double>> s(memory, std::vector<double>(n)),
        y(memory, std::vector<double>(n));
    std::vector<double> rho(memory), alpha(memory), direction(n), sNew(n), yNew(n);
    std::size_t stored = 0, newest = 0; // ring buffer of correction pairs
    bool precisionLimit = false; // no representable progress left: as converged as it gets

    while (maxAbs(current.grad) > settings.tol) {
        if (result.iterations >= settings.maxIter)
            break;
        // Two-loop recursion: direction = -H g, with H0 = (s'y / y'y) I from the newest pair.
        for (std::size_t i = 0; i < n; ++i)
            direction[i] = -current.grad[i];
        for (std::size_t m = 0; m < stored; ++m) {
            const std::size_t k = (newest + memory - m) % memory;
            alpha[k] = rho[k] * dot(s[k], direction);
            for (std::size_t i = 0; i < n; ++i)
                direction[i] -= alpha[k] * y[k][i];
        }
        if (stored > 0) {
            const double gamma = dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
            for (double &d : direction)
                d *= gamma;
        }
        for (std::size_t m = stored; m-- > 0;) {
            const std::size_t k = (newest + memory - m) % memory;
            const double beta = rho[k] * dot(y[k], direction);
            for (std::size_t i = 0; i < n; ++i)
                direction[i] += (alpha[k] - beta) * s[k][i];
        }
        current.slope = dot(current.grad, direction);
        if (!(current.slope < 0)) {
            stored = 0;
            for (std::size_t i = 0; i < n; ++i)
                direction[i] = -current.grad[i];
            current.slope = dot(current.grad, direction);
        }
        // Without curvature information the first step is scaled to a unit move.
        const double initial = stored == 0 ? std::min(1.0, 1.0 / std::sqrt(-current.slope)) : 1.0;
        LinePoint next;
        LineSearch search(objective, current, direction, settings.control, result.evaluations);
        const auto outcome = search.run(initial, next);
        if (outcome == LineSearch::Outcome::Cancelled) {
            result.cancelled = true;
            return result;
        }
        if (outcome == LineSearch::Outcome::Failed) {
            if (stored == 0) {
                precisionLimit = true; // not even steepest descent makes progress
                break;
            }
            stored = 0;
            continue;
        }
        ++result.iterations;
        for (std::size_t i = 0; i < n; ++i) {
            sNew[i] = next.theta[i] - current.theta[i];
            yNew[i] = next.grad[i] - current.grad[i];
        }
        // Keep the pair only with positive curvature, so that H stays positive definite.
        const double sy = dot(sNew, yNew);
        if (sy > 1e-10 * dot(yNew, yNew)) {
            const std::size_t slot = stored == 0 ? 0 : (newest + 1) % memory;
            s[slot].swap(sNew);
            y[slot].swap(yNew);
            rho[slot] = 1.0 / sy;
            newest = slot;
            stored = std::min(stored + 1, memory);
        }
        const bool noProgress = stalled(current.value, next.value);
        current = std::move(next);
        reportProgress(settings, result.iterations);
        if (noProgress) {
            precisionLimit = true;
            break;
        }
    }
    result.converged = precisionLimit || maxAbs(current.grad) <= settings.tol;
    result.value = current.value;
    std::copy(current.theta.begin(), current.theta.end(), theta.begin());
    return result;
}

OptimizerResult minimizeNewtonCg(SmoothObjective &objective, std::span<double> theta,
                                 const OptimizerSettings &settings)
{
    OptimizerResult result;
    const std::size_t n = theta.size();
    if (stopRequested(settings)) {
        result.cancelled = true;
        return result;
    }
    LinePoint current = startingPoint(objective, theta);
    result.evaluations = 1;

    std::vector<double> step(n), residual(n), conjugate(n), product(n);
    bool precisionLimit = false; // no representable progress left: as converged as it gets
    const int maxInner
        = static_cast<int>(std::min<std::size_t>(std::max<std::size_t>(2 * n, 20), 500));
    while (maxAbs(current.grad) > settings.tol && result.iterations < settings.maxIter) {
        // Conjugate gradients on H p = -g, stopped early by the forcing term.
        const double gradNorm = std::sqrt(dot(current.grad, current.grad));
        const double target = std::min(0.5, std::sqrt(gradNorm)) * gradNorm;
        std::fill(step.begin(), step.end(), 0.0);
        for (std::size_t i = 0; i < n; ++i)
            residual[i] = conjugate[i] = -current.grad[i];
        double rr = dot(residual, residual);
        for (int inner = 0; inner < maxInner; ++inner) {
            if (stopRequested(settings)) {
                result.cancelled = true;
                return result;
            }
            objective.hessianTimes(current.theta, conjugate, product);
            ++result.evaluations;
            const double curvature = dot(conjugate, product);
            if (!(curvature > 0)) {
                if (inner == 0)
                    step.assign(residual.begin(), residual.end());
                break;
            }
            const double a = rr / curvature;
            for (std::size_t i = 0; i < n; ++i) {
                step[i] += a * conjugate[i];
                residual[i] -= a * product[i];
            }
            const double rrNext = dot(residual, residual);
            if (std::sqrt(rrNext) <= target)
                break;
            const double b = rrNext / rr;
            for (std::size_t i = 0; i < n; ++i)
                conjugate[i] = residual[i] + b * conjugate[i];
            rr = rrNext;
        }
        current.slope = dot(current.grad, step);
        if (!(current.slope < 0)) {
            for (std::size_t i = 0; i < n; ++i)
                step[i] = -current.grad[i];
            current.slope = dot(current.grad, step);
        }
        LinePoint next;
        LineSearch search(objective, current, step, settings.control, result.evaluations);
        const auto outcome = search.run(1.0, next);
        if (outcome == LineSearch::Outcome::Cancelled) {
            result.cancelled = true;
            return result;
        }
        if (outcome == LineSearch::Outcome::Failed) {
            precisionLimit = true;
            break;
        }
        ++result.iterations;
        const bool noProgress = stalled(current.value, next.value);
        current = std::move(next);
        reportProgress(settings, result.iterations);
        if (noProgress) {
            precisionLimit = true;
            break;
        }
    }
    result.converged = precisionLimit || maxAbs(current.grad) <= settings.tol;
    result.value = current.value;
    std::copy(current.theta.begin(), current.theta.end(), theta.begin());
    return result;
}

} // namespace mb
