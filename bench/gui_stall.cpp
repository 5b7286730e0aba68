// SPDX-License-Identifier: MIT
// modelbench-gui-stall: how long the window stops answering while the Train page trains (or
// the Data page loads a file), and how soon Cancel gives control back. Drives the real pages
// (offscreen or on a display); a 10 ms timer on the GUI thread measures the longest gap
// between its ticks.
//
//   modelbench-gui-stall [--rows N] [--features F] [--learner KEY] [--trees T] [--cancel-after S]
//   modelbench-gui-stall --load FILE.csv [--cancel-after S]
#include "core/data/dataset.h"
#include "ui/data/data_page.h"
#include "ui/train/train_page.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

namespace {

// Rows whose class depends on a few features plus noise, as a real table would.
std::shared_ptr<mb::Dataset> synthetic(std::size_t rows, std::size_t features)
{
    std::mt19937_64 rng(42);
    std::normal_distribution<double> normal;
    std::vector<std::vector<double>> columns(features, std::vector<double>(rows));
    std::vector<std::int32_t> label(rows);
    for (std::size_t r = 0; r < rows; ++r) {
        double score = 0;
        for (std::size_t f = 0; f < features; ++f) {
            columns[f][r] = normal(rng);
            if (f < 5)
                score += columns[f][r] * double(f + 1);
        }
        label[r] = score + normal(rng) > 0 ? 1 : 0;
    }
    auto data = std::make_shared<mb::Dataset>();
    data->setName("synthetic");
    for (std::size_t f = 0; f < features; ++f) {
        std::string name = "x";
        name += std::to_string(f);
        data->addColumn(mb::Column::numeric(name, std::move(columns[f])));
    }
    data->addColumn(mb::Column::categorical("y", std::move(label), {"no", "yes"}));
    data->setTarget(features);
    return data;
}

struct StallMeter {
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 worst = 0;
    std::vector<qint64> gaps;
    void report(const char *what, qint64 total, qint64 cancelledAt)
    {
        std::sort(gaps.begin(), gaps.end());
        const qint64 p99 = gaps.empty() ? 0 : gaps[gaps.size() * 99 / 100];
        std::printf("%s %s: %.1f s; GUI timer (10 ms): %zu ticks, longest gap %lld ms, 99th percentile %lld ms\n",
                    what, cancelledAt >= 0 ? "cancelled" : "finished", double(total) / 1000, gaps.size(),
                    static_cast<long long>(worst), static_cast<long long>(p99));
        if (cancelledAt >= 0)
            std::printf("Cancel to done: %lld ms\n", static_cast<long long>(total - cancelledAt));
    }
    void tick()
    {
        const qint64 now = clock.elapsed();
        gaps.push_back(now - last);
        worst = std::max(worst, now - last);
        last = now;
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({"rows", "Rows of the synthetic table.", "N", "1000000"});
    parser.addOption({"features", "Numeric features.", "F", "20"});
    parser.addOption({"learner", "Learner key.", "KEY", "forest"});
    parser.addOption({"trees", "n_estimators for the forest (0: its default).", "T", "0"});
    parser.addOption({"cancel-after", "Press Cancel after S seconds (0: let it finish).", "S", "0"});
    parser.addOption({"load", "Measure the Data page loading FILE instead of training.", "FILE"});
    parser.process(app);
    const double cancelAfter = parser.value("cancel-after").toDouble();

    if (parser.isSet("load")) {
        mb::DataPage page;
        page.resize(1280, 800);
        page.show();
        StallMeter meter;
        QTimer ticker;
        ticker.setInterval(10);
        QObject::connect(&ticker, &QTimer::timeout, [&meter] { meter.tick(); });
        QElapsedTimer run;
        qint64 cancelledAt = -1;
        auto done = [&] {
            ticker.stop();
            meter.report("loading", run.elapsed(), cancelledAt);
            if (page.dataset())
                std::printf("dataset on show: %zu rows\n", page.dataset()->rowCount());
            QTimer::singleShot(0, &app, &QApplication::quit);
        };
        QObject::connect(&page, &mb::DataPage::datasetChanged, &app, done);
        QObject::connect(&page, &mb::DataPage::loadFailed, &app, done);
        // A cancelled load says so on the status line only.
        QObject::connect(&page, &mb::DataPage::statusMessage, &app, [&](const QString &message) {
            if (cancelledAt >= 0 && message.contains(QLatin1String("cancelled")))
                done();
        });
        if (cancelAfter > 0) {
            QTimer::singleShot(int(cancelAfter * 1000) + 1, &app, [&] {
                cancelledAt = run.elapsed();
                page.cancelLoad();
            });
        }
        QTimer::singleShot(0, &app, [&] {
            meter.clock.start();
            run.start();
            ticker.start();
            page.load(parser.value("load"));
            meter.tick();
        });
        return app.exec();
    }

    QElapsedTimer prep;
    prep.start();
    auto data = synthetic(parser.value("rows").toULongLong(), parser.value("features").toULongLong());
    std::printf("table: %zu rows x %zu columns, made in %.1f s\n", data->rowCount(), data->columnCount(),
                double(prep.elapsed()) / 1000);

    mb::TrainPage page;
    page.resize(1280, 800);
    page.show();
    page.setDataset(data);
    page.setCurrentLearner(parser.value("learner"));
    if (const int trees = parser.value("trees").toInt(); trees > 0) {
        if (auto *spin = page.findChild<QSpinBox *>(QStringLiteral("param_n_estimators")))
            spin->setValue(trees);
    }
    auto *train = page.findChild<QPushButton *>(QStringLiteral("trainButton"));
    auto *cancel = page.findChild<QPushButton *>(QStringLiteral("cancelTrainButton"));

    StallMeter meter;
    QTimer ticker;
    ticker.setInterval(10);
    QObject::connect(&ticker, &QTimer::timeout, [&meter] { meter.tick(); });

    QElapsedTimer run;
    qint64 cancelledAt = -1;
    QObject::connect(&page, &mb::TrainPage::trainingFinished, &app, [&] {
        const qint64 total = run.elapsed();
        ticker.stop();
        std::sort(meter.gaps.begin(), meter.gaps.end());
        const qint64 p99 = meter.gaps.empty() ? 0 : meter.gaps[meter.gaps.size() * 99 / 100];
        std::printf("training %s: %.1f s; GUI timer (10 ms): %zu ticks, longest gap %lld ms, 99th percentile %lld ms\n",
                    cancelledAt >= 0 ? "cancelled" : "finished", double(total) / 1000, meter.gaps.size(),
                    static_cast<long long>(meter.worst), static_cast<long long>(p99));
        if (cancelledAt >= 0)
            std::printf("Cancel to Train button back: %lld ms\n", static_cast<long long>(total - cancelledAt));
        // What the user sees next: the button state.
        std::printf("train button enabled: %s\n", train->isEnabled() ? "yes" : "no");
        QTimer::singleShot(0, &app, &QApplication::quit);
    });
    if (cancelAfter > 0) {
        QTimer::singleShot(int(cancelAfter * 1000) + 1, &app, [&] {
            cancelledAt = run.elapsed();
            cancel->click();
        });
    }
    QTimer::singleShot(0, &app, [&] {
        meter.clock.start();
        run.start();
        ticker.start();
        train->click();
        meter.tick(); // the click itself (the Train page's own work on this thread) counts
    });
    return app.exec();
}
