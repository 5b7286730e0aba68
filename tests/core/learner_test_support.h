// SPDX-License-Identifier: MIT
#pragma once
// What the learner tests share: a small training table, building and fitting a learner from
// parameter strings, batch probabilities, and a round trip through a Boost archive.
#include "core/ml/classifier.h"
#include "core/ml/param_spec.h"
#include "core/ml/training_set.h"

#include <boost/serialization/nvp.hpp>

#include <QtGlobal>

#include <algorithm>
#include <memory>
#include <span>
#include <sstream>
#include <vector>

namespace mb::learner_test {

/// A training set that owns its data.
struct Table
{
    FeatureMatrix x;
    std::vector<std::int32_t> y;
    std::vector<FeatureInfo> features;
    std::vector<double> weights; ///< empty: every row weighs 1
    int classes = 0;
    TrainingSet set() const { return {&x, y, classes, features, weights}; }
};

/// Learner `L` with `params` checked against its specs; a bad parameter ends the test run.
template<class L> std::unique_ptr<L> makeLearner(const ParamValues &params = {})
{
    ParamCheck check = checkParams(L::paramSpecs(), params);
    if (!check.ok())
        qFatal("%s", check.error.c_str());
    return std::make_unique<L>(check.values);
}

template<class L> std::unique_ptr<L> fitLearner(const Table &t, const ParamValues &params = {}, int threads = 0)
{
    auto model = makeLearner<L>(params);
    FitControl control;
    control.threads = threads;
    auto result = model->fit(t.set(), control);
    if (!result)
        qFatal("fit failed: %s", result.error().message.c_str());
    return model;
}

inline std::vector<double> probaOf(const Classifier &model, const FeatureMatrix &x)
{
    std::vector<double> out(x.rows() * static_cast<std::size_t>(model.classCount()));
    model.predictProba(x, out);
    return out;
}

/// The share of rows of `x` whose most probable class is `y`'s.
inline double accuracyOf(const Classifier &model, const FeatureMatrix &x, std::span<const std::int32_t> y)
{
    const std::vector<double> proba = probaOf(model, x);
    const auto K = static_cast<std::size_t>(model.classCount());
    std::size_t correct = 0;
    for (std::size_t r = 0; r < x.rows(); ++r) {
        const double *row = proba.data() + r * K;
        correct += std::max_element(row, row + K) - row == y[r] ? 1 : 0;
    }
    return static_cast<double>(correct) / static_cast<double>(x.rows());
}

/// Saves `model` and loads it into a learner built with other parameters (`blank`), so that
/// whatever the load does not restore shows up as a difference.
template<class OArchive, class IArchive, class L>
std::unique_ptr<L> roundTrip(const L &model, const ParamValues &blank)
{
    std::stringstream stream(std::ios::in | std::ios::out | std::ios::binary);
    {
        OArchive out(stream);
        out << boost::serialization::make_nvp("model", const_cast<L &>(model));
    }
    auto loaded = makeLearner<L>(blank);
    {
        IArchive in(stream);
        in >> boost::serialization::make_nvp("model", *loaded);
    }
    return loaded;
}

} // namespace mb::learner_test
