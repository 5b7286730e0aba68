// SPDX-License-Identifier: MIT
// Model files written by format version 1 (tests/data/models, made once by
// scripts/make_model_fixtures.sh) must open and predict the same probabilities forever.
#include "core/io/dataset_loader.h"
#include "core/ml/learner_registry.h"
#include "core/model/model_file.h"

#include <QDir>
#include <QtTest>

#include <cmath>

using namespace mb;

namespace {

const QString kDir = QStringLiteral(MB_TEST_DATA_DIR "/models");

// The expected probabilities were written by `predict --proba` in shortest round-trip form, so
// they parse back to the very doubles the first build computed. The tolerance only forgives
// last-bit differences of another platform's exp/log; any real change is far larger.
constexpr double kTolerance = 1e-12;

struct Sample {
    const char *stem;  // file name prefix of its fixtures
    const char *data;
};
constexpr Sample kSamples[] = {{"iris", "sample:iris.csv"}, {"weather", "sample:weather.nominal.arff"}};
constexpr const char *kKinds[] = {"binary", "text", "xml"};

} // namespace

class TestModelFixtures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyLearnerHasAFixtureOfEveryKind()
    {
        QStringList expected;
        for (const Sample &sample : kSamples) {
            for (const LearnerInfo &info : learners()) {
                const QString stem = QStringLiteral("%1-%2").arg(QLatin1String(sample.stem),
                                                                 QString::fromLatin1(info.key.data(), info.key.size()));
                for (const char *kind : kKinds)
                    expected << QStringLiteral("%1.%2.mbm").arg(stem, QLatin1String(kind));
                expected << stem + QStringLiteral(".expected.csv");
            }
        }
        expected.sort();
        QCOMPARE(QDir(kDir).entryList(QDir::Files, QDir::Name), expected);
    }

    void oldFilesPredictWhatTheyAlwaysDid_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("algo");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("data");
        for (const Sample &sample : kSamples) {
            for (const LearnerInfo &info : learners()) {
                const QString algo = QString::fromLatin1(info.key.data(), info.key.size());
                for (const char *kind : kKinds) {
                    const QString name = QStringLiteral("%1-%2.%3.mbm").arg(QLatin1String(sample.stem), algo, QLatin1String(kind));
                    QTest::newRow(qPrintable(name)) << name << algo << QString::fromLatin1(kind) << QString::fromLatin1(sample.data);
                }
            }
        }
    }

    void oldFilesPredictWhatTheyAlwaysDid()
    {
        QFETCH(QString, model);
        QFETCH(QString, algo);
        QFETCH(QString, kind);
        QFETCH(QString, data);
        const QDir dir(kDir);
        auto loaded = loadModelFile(dir.filePath(model));
        QVERIFY2(loaded, loaded ? "" : loaded.error().describe().c_str());
        QCOMPARE(loaded->header.formatVersion, 1u);
        QCOMPARE(QString::fromStdString(loaded->header.algo), algo);
        QCOMPARE(QString::fromStdString(archiveKindName(loaded->header.archive)), kind);

        auto rows = loadDataset(data);
        QVERIFY(rows);
        auto x = loaded->model.encode(*rows);
        QVERIFY(x);
        const std::vector<std::string> &classes = loaded->model.schema().classes;
        const std::size_t k = classes.size();
        std::vector<double> proba(x->rows() * k);
        loaded->model.predictProba(*x, proba);

        // The expected file holds the input columns, "predicted", then p_<class> per class.
        const QString expectedPath = dir.filePath(model.section(QLatin1Char('.'), 0, 0) + QStringLiteral(".expected.csv"));
        auto stored = loadDataset(expectedPath);
        QVERIFY2(stored, stored ? "" : stored.error().describe().c_str());
        QCOMPARE(stored->rowCount(), x->rows());
        QVERIFY(stored->columnCount() > k);
        const std::size_t first = stored->columnCount() - k;
        for (std::size_t c = 0; c < k; ++c) {
            const Column &column = stored->column(first + c);
            QCOMPARE(column.name(), "p_" + classes[c]);
            QVERIFY2(column.isNumeric(), column.name().c_str());
        }
        for (std::size_t r = 0; r < x->rows(); ++r) {
            for (std::size_t c = 0; c < k; ++c) {
                const double want = stored->column(first + c).values()[r];
                const double got = proba[r * k + c];
                if (!(std::fabs(got - want) <= kTolerance)) {
                    QFAIL(qPrintable(QStringLiteral("row %1, p_%2: predicted %3, the file says %4")
                                             .arg(r + 1)
                                             .arg(QString::fromStdString(classes[c]))
                                             .arg(got, 0, 'g', 17)
                                             .arg(want, 0, 'g', 17)));
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestModelFixtures)
#include "tst_model_fixtures.moc"
