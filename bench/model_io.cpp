// SPDX-License-Identifier: MIT
// modelbench-model-io MODEL [RUNS]: what saving and opening a model file costs, as one JSON
// line of medians over RUNS (default 5), in seconds:
//   load_file   loadModelFile: read, envelope and checksums, Boost, self-check (what every
//               verb and the GUI do to open a model)
//   decode      decodeModelFile on bytes already in memory (the part pickle.loads compares to)
//   encode      encodeModelFile in memory, in the file's own archive kind (as pickle.dumps)
//   save_file   saveModelFile to MODEL.copy (encode, then QSaveFile: temporary file and rename)
// bench/model_files_vs_pickle.py runs it beside scikit-learn's pickle.
#include "core/model/model_file.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

namespace {

double medianSeconds(int runs, const std::function<bool()> &once)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        if (!once()) {
            std::fprintf(stderr, "modelbench-model-io: a timed step failed\n");
            std::exit(1);
        }
        times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::nth_element(times.begin(), times.begin() + times.size() / 2, times.end());
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: modelbench-model-io MODEL [RUNS]\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    auto loaded = mb::loadModelFile(path);  // also warms the page cache for the timed loads
    if (!loaded) {
        std::fprintf(stderr, "%s\n", loaded.error().describe().c_str());
        return 1;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 1;
    const QByteArray bytes = file.readAll();
    const mb::ArchiveKind kind = loaded->header.archive;
    const mb::Model &model = loaded->model;
    const QString copy = path + QStringLiteral(".copy");

    const double loadFile = medianSeconds(runs, [&] { return mb::loadModelFile(path).has_value(); });
    const double decode = medianSeconds(runs, [&] { return mb::decodeModelFile(bytes, path).has_value(); });
    const double encode = medianSeconds(runs, [&] { return mb::encodeModelFile(model, kind).has_value(); });
    const double saveFile = medianSeconds(runs, [&] { return mb::saveModelFile(copy, model, kind).has_value(); });
    QFile::remove(copy);

    std::printf("{\"bytes\": %lld, \"runs\": %d, \"load_file\": %.6f, \"decode\": %.6f, \"encode\": %.6f, "
                "\"save_file\": %.6f}\n",
                static_cast<long long>(bytes.size()), runs, loadFile, decode, encode, saveFile);
    return 0;
}
