// SPDX-License-Identifier: MIT
#include "core/eval/metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

namespace mb {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kLogLossEps = 1e-15;

void checkShape(std::span<const std::int32_t> truth, std::span<const double> proba, int classes)
{
    if (classes < 1 || proba.size() != truth.size() * static_cast<std::size_t>(classes))
        throw std::invalid_argument("metrics: probabilities do not match rows x classes");
}

bool evaluated(std::int32_t code, int classes)
{
    return code >= 0 && code < classes;
}

/// A score with whether its row is of the positive class.
struct Scored
{
    double score;
    bool positive;
};

/// Cumulative (false, true) positive counts at every distinct threshold, highest first,
/// starting from (0, 0); the last point holds the totals.
std::vector<std::pair<std::size_t, std::size_t>> rocCounts(std::vector<Scored> &scored)
{
    std::ranges::sort(scored, [](const Scored &a, const Scored &b) { return a.score > b.score; });
    std::vector<std::pair<std::size_t, std::size_t>> points;
    points.reserve(scored.size() + 1);
    points.emplace_back(0, 0);
    std::size_t fp = 0, tp = 0;
    for (std::size_t i = 0; i < scored.size(); ++i) {
        (scored[i].positive ? tp : fp) += 1;
        // One point per distinct threshold: tied scores move the curve diagonally at once.
        if (i + 1 == scored.size() || scored[i + 1].score != scored[i].score)
            points.emplace_back(fp, tp);
    }
    return points;
}

/// Trapezoid area under counted points, normalised; NaN without positives or negatives.
double areaOf(const std::vector<std::pair<std::size_t, std::size_t>> &points)
{
    const auto [negatives, positives] = points.back();
    if (negatives == 0 || positives == 0)
        return kNaN;
    // Twice the area in count units stays integral, so the sum is exact until the division.
    long double twiceArea = 0;
    for (std::size_t i = 1; i < points.size(); ++i) {
        const auto dx = static_cast<long double>(points[i].first - points[i - 1].first);
        twiceArea += dx * static_cast<long double>(points[i].second + points[i - 1].second);
    }
    return static_cast<double>(
        twiceArea
        / (2.0L * static_cast<long double>(negatives) * static_cast<long double>(positives)));
}

std::vector<Scored> scoresOf(std::span<const std::int32_t> truth, std::span<const double> proba,
                             int classes, int positive)
{
    std::vector<Scored> scored;
    scored.reserve(truth.size());
    const auto k = static_cast<std::size_t>(classes);
    for (std::size_t i = 0; i < truth.size(); ++i) {
        if (!evaluated(truth[i], classes))
            continue;
        const double score = proba[i * k + static_cast<std::size_t>(positive)];
        // A NaN score would break the sort's ordering; rank it below every real score.
        scored.push_back({std::isnan(score) ? -std::numeric_limits<double>::infinity() : score,
                          truth[i] == positive});
    }
    return scored;
}

double safeDivide(double num, double den)
{
    return den == 0 ? 0.0 : num / den;
}

/// Mean of the values that are not NaN; NaN when there are none.
double definedMean(std::span<const double> values)
{
    double sum = 0;
    std::size_t n = 0;
    for (double v : values) {
        if (!std::isnan(v)) {
            sum += v;
            ++n;
        }
    }
    return n == 0 ? kNaN : sum / static_cast<double>(n);
}

Metrics undefinedMetrics(int classes)
{
    Metrics m;
    m.classes = classes;
    m.accuracy = m.balancedAccuracy = kNaN;
    m.macroPrecision = m.macroRecall = m.macroF1 = kNaN;
    m.weightedPrecision = m.weightedRecall = m.weightedF1 = kNaN;
    m.logLoss = m.rocAuc = kNaN;
    const auto k = static_cast<std::size_t>(std::max(classes, 0));
    m.perClass.assign(k, ClassMetrics {});
    m.rocAucPerClass.assign(k, kNaN);
    m.confusion.assign(k, std::vector<std::size_t>(k, 0));
    return m;
}

} // namespace

std::vector<std::int32_t> predictedClasses(std::span<const double> proba, int classes)
{
    if (classes < 1)
        return {};
    const auto k = static_cast<std::size_t>(classes);
    std::vector<std::int32_t> predicted(proba.size() / k, 0);
    for (std::size_t i = 0; i < predicted.size(); ++i) {
        const double *row = proba.data() + i * k;
        std::size_t best = 0;
        for (std::size_t c = 1; c < k; ++c) {
            // Strictly greater: a tie keeps the lower index, as numpy's argmax does.
            if (row[c] > row[best])
                best = c;
        }
        predicted[i] = static_cast<std::int32_t>(best);
    }
    return predicted;
}

Metrics computeMetrics(std::span<const std::int32_t> truth, std::span<const double> proba,
                       int classes)
{
    checkShape(truth, proba, classes);
    const auto k = static_cast<std::size_t>(classes);
    Metrics m = undefinedMetrics(classes);
    const std::vector<std::int32_t> predicted = predictedClasses(proba, classes);

    double lossSum = 0;
    std::vector<double> clipped(k);
    for (std::size_t i = 0; i < truth.size(); ++i) {
        if (!evaluated(truth[i], classes))
            continue;
        const auto t = static_cast<std::size_t>(truth[i]);
        ++m.rows;
        ++m.confusion[t][static_cast<std::size_t>(predicted[i])];
        double rowSum = 0;
        for (std::size_t c = 0; c < k; ++c) {
            clipped[c] = std::clamp(proba[i * k + c], kLogLossEps, 1 - kLogLossEps);
            rowSum += clipped[c];
        }
        lossSum -= std::log(clipped[t] / rowSum);
    }
    if (m.rows == 0)
        return m;
    const auto rows = static_cast<double>(m.rows);
    m.logLoss = lossSum / rows;

    std::size_t correct = 0;
    std::vector<double> recallsPresent;
    double macroP = 0, macroR = 0, macroF = 0, weightedP = 0, weightedR = 0, weightedF = 0;
    std::size_t macroCount = 0;
    for (std::size_t c = 0; c < k; ++c) {
        std::size_t support = 0, predictedCount = 0;
        for (std::size_t o = 0; o < k; ++o) {
            support += m.confusion[c][o];
            predictedCount += m.confusion[o][c];
        }
        const auto tp = static_cast<double>(m.confusion[c][c]);
        correct += m.confusion[c][c];
        ClassMetrics &cm = m.perClass[c];
        cm.support = support;
        cm.precision = safeDivide(tp, static_cast<double>(predictedCount));
        cm.recall = safeDivide(tp, static_cast<double>(support));
        // scikit-learn 1.2's F-beta with beta = 1, 0 when precision and recall are both 0.
        cm.f1 = safeDivide(2 * cm.precision * cm.recall, cm.precision + cm.recall);
        if (support > 0)
            recallsPresent.push_back(cm.recall);
        // Macro averages run over the labels seen in the truth or the predictions.
        if (support > 0 || predictedCount > 0) {
            macroP += cm.precision;
            macroR += cm.recall;
            macroF += cm.f1;
            ++macroCount;
        }
        const auto w = static_cast<double>(support);
        weightedP += w * cm.precision;
        weightedR += w * cm.recall;
        weightedF += w * cm.f1;
    }
    m.accuracy = static_cast<double>(correct) / rows;
    m.balancedAccuracy = definedMean(recallsPresent);
    m.macroPrecision = macroP / static_cast<double>(macroCount);
    m.macroRecall = macroR / static_cast<double>(macroCount);
    m.macroF1 = macroF / static_cast<double>(macroCount);
    m.weightedPrecision = weightedP / rows;
    m.weightedRecall = weightedR / rows;
    m.weightedF1 = weightedF / rows;

    for (std::size_t c = 0; c < k; ++c) {
        std::vector<Scored> scored = scoresOf(truth, proba, classes, static_cast<int>(c));
        m.rocAucPerClass[c] = areaOf(rocCounts(scored));
    }
    if (classes == 2)
        m.rocAuc = m.rocAucPerClass[1];
    else if (classes > 2)
        m.rocAuc = definedMean(m.rocAucPerClass);
    return m;
}

Metrics averageMetrics(std::span<const Metrics> folds)
{
    int classes = 0;
    for (const Metrics &f : folds)
        classes = std::max(classes, f.classes);
    Metrics m = undefinedMetrics(classes);
    if (folds.empty())
        return m;
    const auto k = static_cast<std::size_t>(classes);

    auto meanOf = [&folds](auto field) {
        std::vector<double> values;
        values.reserve(folds.size());
        for (const Metrics &f : folds)
            values.push_back(field(f));
        return definedMean(values);
    };
    auto perClassMean = [&folds](std::size_t c, auto field) {
        std::vector<double> values;
        for (const Metrics &f : folds) {
            if (c < f.perClass.size())
                values.push_back(field(f.perClass[c]));
        }
        return definedMean(values);
    };

    for (const Metrics &f : folds) {
        m.rows += f.rows;
        for (std::size_t t = 0; t < f.confusion.size() && t < k; ++t) {
            for (std::size_t p = 0; p < f.confusion[t].size() && p < k; ++p)
                m.confusion[t][p] += f.confusion[t][p];
        }
        for (std::size_t c = 0; c < f.perClass.size() && c < k; ++c)
            m.perClass[c].support += f.perClass[c].support;
    }
    m.accuracy = meanOf([](const Metrics &f) { return f.accuracy; });
    m.balancedAccuracy = meanOf([](const Metrics &f) { return f.balancedAccuracy; });
    m.macroPrecision = meanOf([](const Metrics &f) { return f.macroPrecision; });
    m.macroRecall = meanOf([](const Metrics &f) { return f.macroRecall; });
    m.macroF1 = meanOf([](const Metrics &f) { return f.macroF1; });
    m.weightedPrecision = meanOf([](const Metrics &f) { return f.weightedPrecision; });
    m.weightedRecall = meanOf([](const Metrics &f) { return f.weightedRecall; });
    m.weightedF1 = meanOf([](const Metrics &f) { return f.weightedF1; });
    m.logLoss = meanOf([](const Metrics &f) { return f.logLoss; });
    m.rocAuc = meanOf([](const Metrics &f) { return f.rocAuc; });
    for (std::size_t c = 0; c < k; ++c) {
        m.perClass[c].precision
            = perClassMean(c, [](const ClassMetrics &x) { return x.precision; });
        m.perClass[c].recall = perClassMean(c, [](const ClassMetrics &x) { return x.recall; });
        m.perClass[c].f1 = perClassMean(c, [](const ClassMetrics &x) { return x.f1; });
        std::vector<double> aucs;
        for (const Metrics &f : folds) {
            if (c < f.rocAucPerClass.size())
                aucs.push_back(f.rocAucPerClass[c]);
        }
        m.rocAucPerClass[c] = definedMean(aucs);
    }
    return m;
}

RocCurve rocCurve(std::span<const std::int32_t> truth, std::span<const double> proba, int classes,
                  int positive)
{
    checkShape(truth, proba, classes);
    RocCurve curve;
    curve.auc = kNaN;
    if (positive < 0 || positive >= classes)
        return curve;
    std::vector<Scored> scored = scoresOf(truth, proba, classes, positive);
    const auto points = rocCounts(scored);
    curve.auc = areaOf(points);
    if (std::isnan(curve.auc))
        return curve;
    const auto negatives = static_cast<double>(points.back().first);
    const auto positives = static_cast<double>(points.back().second);
    curve.falsePositiveRate.reserve(points.size());
    curve.truePositiveRate.reserve(points.size());
    for (const auto &[fp, tp] : points) {
        curve.falsePositiveRate.push_back(static_cast<double>(fp) / negatives);
        curve.truePositiveRate.push_back(static_cast<double>(tp) / positives);
    }
    return curve;
}

} // namespace mb
