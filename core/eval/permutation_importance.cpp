// SPDX-License-Identifier: MIT
#include "core/eval/permutation_importance.h"

#include "core/eval/metrics.h"
#include "core/eval/splits.h"

#include <cmath>
#include <stdexcept>

namespace mb {

namespace {

double accuracyOf(const Model &model, const FeatureMatrix &x, std::span<const std::int32_t> truth,
                  std::vector<double> &proba)
{
    model.predictProba(x, proba);
    const int classes = model.classCount();
    const std::vector<std::int32_t> predicted = predictedClasses(proba, classes);
    std::size_t scored = 0, correct = 0;
    for (std::size_t i = 0; i < truth.size(); ++i) {
        if (truth[i] < 0 || truth[i] >= classes)
            continue;
        ++scored;
        correct += predicted[i] == truth[i] ? 1 : 0;
    }
    return scored == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(scored);
}

} // namespace

PermutationImportance permutationImportance(const Model &model, const FeatureMatrix &encoded,
                                            std::span<const std::int32_t> truth, int repeats,
                                            std::uint64_t seed, const WorkControl &control)
{
    if (truth.size() != encoded.rows())
        throw std::invalid_argument("permutationImportance: truth does not match the rows");
    const std::size_t n = encoded.rows();
    const std::size_t features = encoded.cols();
    const auto rounds = static_cast<std::size_t>(std::max(repeats, 1));
    std::vector<double> proba(n * static_cast<std::size_t>(model.classCount()));
    const double baseline = accuracyOf(model, encoded, truth, proba);

    // The permutations depend on the repeat only, so draw them once for every feature.
    std::vector<std::vector<std::size_t>> permutations;
    for (std::size_t r = 0; r < rounds; ++r)
        permutations.push_back(shuffledIndices(n, seed + r));

    PermutationImportance result;
    FeatureMatrix work = encoded;
    std::vector<double> original(n);
    std::vector<double> drops(rounds);
    for (std::size_t j = 0; j < features; ++j) {
        if (control.stopRequested())
            return {};
        std::span<double> column = work.column(j);
        std::copy(column.begin(), column.end(), original.begin());
        for (std::size_t r = 0; r < rounds; ++r) {
            for (std::size_t i = 0; i < n; ++i)
                column[i] = original[permutations[r][i]];
            drops[r] = baseline - accuracyOf(model, work, truth, proba);
        }
        std::copy(original.begin(), original.end(), column.begin());

        double mean = 0;
        for (double d : drops)
            mean += d;
        mean /= static_cast<double>(rounds);
        double variance = 0;
        for (double d : drops)
            variance += (d - mean) * (d - mean);
        result.mean.push_back(mean);
        result.stddev.push_back(std::sqrt(variance / static_cast<double>(rounds)));
        control.progress(static_cast<double>(j + 1) / static_cast<double>(features));
    }
    return result;
}

} // namespace mb
