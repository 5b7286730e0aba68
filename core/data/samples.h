// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <span>

namespace mb {

/// A dataset compiled into the program, openable without any file on disk.
struct SampleDataset {
    const char *fileName;     ///< "iris.csv"
    const char *description;  ///< one line, English (translated by the UI)
};

/// The built-in samples (see resources/samples/README.md for provenance).
std::span<const SampleDataset> sampleDatasets();

/// The Qt resource path of a sample, e.g. ":/samples/iris.csv".
QString samplePath(const SampleDataset &sample);

/// Resolves "sample:iris.csv" to its resource path; returns `path` unchanged otherwise.
QString resolveSamplePath(const QString &path);

} // namespace mb
