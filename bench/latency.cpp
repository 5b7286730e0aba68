// SPDX-License-Identifier: MIT
// modelbench-latency MODEL [CALLS]: median single-row predictProba time in microseconds, the
// cost the interactive prediction form pays on every change. Rows are the model's own
// self-check rows, cycled.
#include "core/model/model_file.h"

#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <vector>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: modelbench-latency MODEL [CALLS]\n");
        return 2;
    }
    auto loaded = mb::loadModelFile(QString::fromLocal8Bit(argv[1]));
    if (!loaded) {
        std::fprintf(stderr, "%s\n", loaded.error().describe().c_str());
        return 1;
    }
    const mb::Model &model = loaded->model;
    const int calls = argc > 2 ? std::max(1, std::atoi(argv[2])) : 20000;
    const std::size_t width = model.schema().features.size();
    const std::vector<double> &rows = model.probeRows();
    const std::size_t rowCount = width ? rows.size() / width : 0;
    if (rowCount == 0) {
        std::fprintf(stderr, "the model has no self-check rows\n");
        return 1;
    }
    std::vector<double> proba(static_cast<std::size_t>(model.classCount()));
    std::vector<double> times;
    times.reserve(static_cast<std::size_t>(calls));
    double sink = 0;
    for (int i = 0; i < calls; ++i) {
        const auto row = std::span<const double>(rows).subspan((i % rowCount) * width, width);
        const auto t0 = std::chrono::steady_clock::now();
        model.predictRow(row, proba);
        const auto t1 = std::chrono::steady_clock::now();
        sink += proba[0];
        times.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
    }
    std::nth_element(times.begin(), times.begin() + times.size() / 2, times.end());
    std::printf("%.3f us median over %d calls (checksum %g)\n", times[times.size() / 2], calls, sink);
    return 0;
}
