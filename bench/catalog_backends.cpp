// SPDX-License-Identifier: MIT
// modelbench-catalog-bench LOCATION MODEL [VERSIONS] [CLIENTS]: what the catalog costs on one
// backend, as one JSON line. LOCATION is a catalog file or a postgresql:// URL of an empty
// database; MODEL a model file. CLIENTS processes (default 1, copies of this program) each
// register MODEL VERSIONS / CLIENTS times at once, then one process times, as medians of 5:
//   list      list() of every version, with tags and aliases (what the Catalog page shows)
//   entry     entry() of the latest version, description included
//   bytes     bytes() of one version, checksum checked
// bench/catalog_backends.sh runs it on an SQLite file and on a PostgreSQL server side by side.
#include "core/catalog/catalog.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point since)
{
    return std::chrono::duration<double>(Clock::now() - since).count();
}

int fail(const mb::Error &error)
{
    std::fprintf(stderr, "modelbench-catalog-bench: %s\n", error.describe().c_str());
    return 1;
}

double medianSeconds(const std::function<bool()> &once)
{
    std::vector<double> times;
    for (int i = 0; i < 5; ++i) {
        const auto t0 = Clock::now();
        if (!once())
            return -1;
        times.push_back(seconds(t0));
    }
    std::nth_element(times.begin(), times.begin() + 2, times.end());
    return times[2];
}

/// One client: registers `count` versions of "bench" in one open catalog.
int registerMany(const QString &location, const QByteArray &bytes, int count)
{
    auto catalog = mb::Catalog::open(location);
    if (!catalog)
        return fail(catalog.error());
    for (int i = 0; i < count; ++i) {
        auto added = catalog->add(QStringLiteral("bench"), bytes,
                                  {{QStringLiteral("bench")}, {}, {}});
        if (!added)
            return fail(added.error());
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 5 && args[1] == QLatin1String("--child")) {
        QFile file(args[3]);
        if (!file.open(QIODevice::ReadOnly))
            return 1;
        return registerMany(args[2], file.readAll(), args[4].toInt());
    }
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: modelbench-catalog-bench LOCATION MODEL [VERSIONS] [CLIENTS]\n");
        return 2;
    }
    const QString location = args[1];
    const int versions = args.size() > 3 ? args[3].toInt() : 10000;
    const int clients = std::max(1, args.size() > 4 ? args[4].toInt() : 1);
    {
        auto created = mb::Catalog::open(location); // set up before the clock starts
        if (!created)
            return fail(created.error());
    }
    const auto t0 = Clock::now();
    std::vector<std::unique_ptr<QProcess>> children;
    for (int c = 0; c < clients; ++c) {
        children.push_back(std::make_unique<QProcess>());
        children.back()->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        children.back()->start(app.applicationFilePath(),
                               {QStringLiteral("--child"), location, args[2],
                                QString::number(versions / clients)});
    }
    for (auto &child : children) {
        if (!child->waitForFinished(-1) || child->exitCode() != 0)
            return 1;
    }
    const double registerSeconds = seconds(t0);
    const int registered = versions / clients * clients;

    auto catalog = mb::Catalog::open(location);
    if (!catalog)
        return fail(catalog.error());
    std::size_t listed = 0;
    const double list = medianSeconds([&] {
        auto entries = catalog->list();
        listed = entries ? entries->size() : 0;
        return bool(entries);
    });
    const double entry = medianSeconds(
        [&] { return bool(catalog->entry(mb::ModelRef {QStringLiteral("bench"), {}, {}})); });
    const double bytes = medianSeconds([&] {
        return bool(catalog->bytes(mb::ModelRef {QStringLiteral("bench"), registered / 2, {}}));
    });
    std::printf("{\"backend\": \"%s\", \"clients\": %d, \"registered\": %d, \"listed\": %zu, "
                "\"registrations_per_s\": %.1f, \"list_s\": %.4f, \"entry_s\": %.5f, "
                "\"bytes_s\": %.5f}\n",
                catalog->isServer() ? "postgresql" : "sqlite", clients, registered, listed,
                registered / registerSeconds, list, entry, bytes);
    return listed == std::size_t(registered) ? 0 : 1;
}
