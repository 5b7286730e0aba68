// SPDX-License-Identifier: MIT
#include "core/data/samples.h"

#include <array>

namespace mb {

namespace {

constexpr std::array kSamples{
    SampleDataset{"iris.csv", "Fisher's iris flowers: 150 rows, 4 numeric features, 3 classes"},
    SampleDataset{"wine.csv", "Wine recognition: 178 rows, 13 numeric features, 3 cultivars"},
    SampleDataset{"breast_cancer.csv", "Breast cancer (Wisconsin): 569 rows, 30 features, 2 classes"},
    SampleDataset{"digits.csv", "Handwritten digits: 1,797 rows, 64 pixel features, 10 classes"},
    SampleDataset{"iris.arff", "Iris in Weka's ARFF format"},
    SampleDataset{"weather.nominal.arff", "Play tennis? 14 rows, all nominal (Weka)"},
    SampleDataset{"weather.numeric.arff", "Play tennis? 14 rows, numeric and nominal (Weka)"},
    SampleDataset{"diabetes.arff", "Pima Indians diabetes: 768 rows, 8 features, 2 classes"},
    SampleDataset{"contact-lenses.arff", "Contact lenses: 24 rows, nominal, 3 classes"},
    SampleDataset{"glass.arff", "Glass identification: 214 rows, 9 features, 6 classes"},
};

} // namespace

std::span<const SampleDataset> sampleDatasets()
{
    return kSamples;
}

QString samplePath(const SampleDataset &sample)
{
    return QStringLiteral(":/samples/") + QString::fromUtf8(sample.fileName);
}

QString resolveSamplePath(const QString &path)
{
    static const QString prefix = QStringLiteral("sample:");
    if (path.startsWith(prefix))
        return QStringLiteral(":/samples/") + path.mid(prefix.size());
    return path;
}

} // namespace mb
