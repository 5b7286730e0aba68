// SPDX-License-Identifier: MIT
#pragma once

#include "core/ml/classifier.h"
#include "core/ml/param_spec.h"
#include "core/ml/standardizer.h"

#include <boost/serialization/version.hpp>

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace boost::serialization {
class access;
}

namespace mb {

/// k nearest neighbours by Euclidean distance on input it standardises and one-hot encodes
/// itself (a differing category adds 1 to the squared distance, as in Weka's IBk). The fitted
/// state is the encoder plus the encoded training rows and their classes. Searches with a k-d
/// tree up to 6 encoded columns, otherwise with a blocked brute force (|x|^2 - 2 x.y + |y|^2
/// over blocks of queries and training rows); both rank the final candidates by exact distance,
/// ties going to the lower training row, so they find the same neighbours. Probabilities are
/// vote shares (uniform) or inverse-distance weighted votes (distance; exact matches take all
/// the weight, as in scikit-learn). Predict functions are const and thread-safe.
class KNearestNeighbors final : public Classifier
{
public:
    enum class Weights : std::uint8_t { Uniform, Distance };
    enum class Algorithm : std::uint8_t { Auto, Brute, KdTree };

    static std::span<const ParamSpec> paramSpecs();
    /// `values` are checked values in paramSpecs() order (see checkParams).
    explicit KNearestNeighbors(std::span<const ParamValue> values);
    ~KNearestNeighbors() override;

    std::string_view kind() const override { return "knn"; }
    Expected<void> fit(const TrainingSet &data, const FitControl &control) override;
    int classCount() const override;
    void predictProba(const FeatureMatrix &x, std::span<double> out) const override;
    void predictRow(std::span<const double> row, std::span<double> proba) const override;

    /// The training rows nearest to `row` (raw values), nearest first, with their squared
    /// standardised distances: at most n_neighbors of them.
    struct Neighbor
    {
        std::size_t row = 0;
        double squaredDistance = 0;
    };
    std::vector<Neighbor> neighbors(std::span<const double> row) const;

    /// The standardisation of the inputs; its inputCount() is what a row must hold.
    const Standardizer &encoder() const { return m_encoder; }

    /// Whether searches use the k-d tree (after `algorithm` and the encoded dimension).
    bool usesTree() const;

    /// Boost.Serialization of the fitted state (and the parameters prediction depends on);
    /// defined in the .cpp for the three archive kinds (see core/model/archive_io.h).
    template<class Archive> void serialize(Archive &ar, const unsigned int version);

private:
    friend class boost::serialization::access;
    class KdTree;
    void rebuildIndex();
    std::size_t neighborCount() const;
    void searchOne(const double *query, std::span<Neighbor> found) const;
    void searchBrute(const FeatureMatrix &x, std::span<Neighbor> found) const;
    void vote(std::span<const Neighbor> found, double *proba) const;

    std::int32_t m_neighbors = 5;
    Weights m_weights = Weights::Uniform;
    Algorithm m_algorithm = Algorithm::Auto;

    Standardizer m_encoder;
    std::int32_t m_classCount = 0;
    std::vector<double> m_rows; ///< training rows x encodedCount, row-major
    std::vector<std::int32_t> m_labels; ///< training rows

    std::unique_ptr<KdTree> m_tree; ///< derived (rebuilt after fit and load); null: brute force
};

} // namespace mb

BOOST_CLASS_VERSION(mb::KNearestNeighbors, 1)
