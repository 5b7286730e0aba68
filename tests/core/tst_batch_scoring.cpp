// SPDX-License-Identifier: MIT
// Batch scoring: the pre-flight report that compares a file with a model's inputs, scoring in
// blocks with progress and cancel, the unseen-category policies, and the scored CSV.
#include "core/eval/batch_scoring.h"
#include "core/io/score_writer.h"
#include "core/jobs/score_job.h"
#include "core/ml/model.h"

#include <QBuffer>
#include <QtTest>

#include <cmath>

using namespace mb;

namespace {

/// Training data: two numeric inputs, one categorical, class y.
Dataset trainingTable()
{
    Dataset d;
    d.setName("train");
    d.addColumn(Column::numeric("x1", {1, 2, 3, 4, 5, 6, 7, 8}));
    d.addColumn(Column::numeric("x2", {0.5, 0.1, 0.9, 0.3, 0.7, 0.2, 0.4, 0.6}));
    d.addColumn(Column::categorical("colour", {0, 1, 0, 1, 0, 2, 2, 1}, {"red", "blue", "green"}));
    d.addColumn(Column::categorical("y", {0, 1, 0, 1, 0, 1, 0, 1}, {"a", "b"}));
    return d;
}

Model trained()
{
    auto m = Model::train(trainingTable(), {}, "nb", {}, {});
    if (!m)
        qFatal("%s", m.error().message.c_str());
    return std::move(*m);
}

/// A file to score: columns in another order, x1 renamed, one extra column, a colour the
/// model never saw ("purple", row 2) and numbers outside the training range.
Dataset fileToScore()
{
    Dataset d;
    d.setName("incoming");
    d.addColumn(Column::categorical("colour", {0, 1, 3, Column::kMissingCode, 2}, {"red", "blue", "green", "purple"}));
    d.addColumn(Column::numeric("x2", {0.5, 5.0, 0.3, -1.0, 0.2}));
    d.addColumn(Column::numeric("first", {1, 2, 3, 100, Column::kMissingValue}));
    d.addColumn(Column::categorical("note", {0, 0, 0, 0, 0}, {"n/a"}));
    return d;
}

const FeatureCheck &featureNamed(const ScoringPreflight &p, const std::string &name)
{
    for (const FeatureCheck &f : p.features) {
        if (f.feature == name)
            return f;
    }
    qFatal("no feature %s", name.c_str());
}

} // namespace

class TestBatchScoring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void preflightFindsEveryDifference()
    {
        const Model model = trained();
        const Dataset data = fileToScore();
        const ScoringPreflight p = checkForScoring(model, data);
        QCOMPARE(p.rows, std::size_t(5));
        QCOMPARE(p.features.size(), std::size_t(3));
        // x1 is not there by name: scoring is blocked, and the blocker names it.
        QVERIFY(!featureNamed(p, "x1").column);
        QVERIFY(!p.canScore());
        QCOMPARE(p.blockers().size(), std::size_t(1));
        QVERIFY(QString::fromStdString(p.blockers().front()).contains(QLatin1String("'x1'")));
        // Matched by name, in another order than training's (x2 before colour there).
        const FeatureCheck &colour = featureNamed(p, "colour");
        QCOMPARE(colour.column, std::optional<std::size_t>(0));
        QVERIFY(colour.moved);
        QCOMPARE(colour.unseen, std::size_t(1));
        QCOMPARE(colour.unseenExamples, std::vector<std::string>{"purple"});
        QCOMPARE(colour.missing, std::size_t(1));
        const FeatureCheck &x2 = featureNamed(p, "x2");
        QVERIFY(x2.moved);
        // 5.0 is above the training maximum 0.9, -1 below the minimum 0.1.
        QCOMPARE(x2.aboveRange, std::size_t(1));
        QCOMPARE(x2.belowRange, std::size_t(1));
        QCOMPARE(p.extraColumns, (std::vector<std::string>{"first", "note"}));
        QVERIFY(!p.targetColumn);
    }

    void choosingAColumnByHandUnblocks()
    {
        const Model model = trained();
        const Dataset data = fileToScore();
        const ScoringPreflight p = checkForScoring(model, data, {{"x1", 2}});
        QVERIFY(p.canScore());
        const FeatureCheck &x1 = featureNamed(p, "x1");
        QVERIFY(x1.byHand);
        QVERIFY(!x1.moved);
        QCOMPARE(x1.aboveRange, std::size_t(1)); // 100 > 8
        QCOMPARE(x1.missing, std::size_t(1));
        QCOMPARE(p.extraColumns, std::vector<std::string>{"note"});
    }

    void textInANumericInputBlocks()
    {
        const Model model = trained();
        Dataset data;
        data.addColumn(Column::categorical("x1", {0, 1}, {"one", "two"}));
        data.addColumn(Column::numeric("x2", {0.1, 0.2}));
        data.addColumn(Column::categorical("colour", {0, 1}, {"red", "blue"}));
        const ScoringPreflight p = checkForScoring(model, data);
        QVERIFY(featureNamed(p, "x1").typeMismatch);
        QVERIFY(!p.canScore());
        auto scored = scoreRows(model, data);
        QVERIFY(!scored);
        QVERIFY(QString::fromStdString(scored.error().message).contains(QLatin1String("'x1'")));
    }

    void scoresEqualTheModelsOwnPrediction()
    {
        const Model model = trained();
        const Dataset data = fileToScore();
        ScoringOptions options;
        options.choices = {{"x1", 2}};
        auto scores = scoreRows(model, data, options);
        QVERIFY(scores);
        QCOMPARE(scores->classCount, 2);
        QVERIFY(scores->skipped.empty());
        QCOMPARE(scores->unseenCategories, std::size_t(1));
        // The same numbers as encoding by hand and predicting, row by row.
        std::vector<std::optional<std::size_t>> columns {2, 1, 0};
        auto x = model.encode(data, columns);
        QVERIFY(x);
        std::vector<double> expected(data.rowCount() * 2);
        model.predictProba(*x, expected);
        for (std::size_t i = 0; i < expected.size(); ++i)
            QCOMPARE(scores->proba[i], expected[i]);
        for (std::size_t r = 0; r < data.rowCount(); ++r)
            QCOMPARE(scores->predicted[r], expected[r * 2] >= expected[r * 2 + 1] ? 0 : 1);
    }

    void skipPolicyLeavesUnseenRowsUnscoredAndSaysWhy()
    {
        const Model model = trained();
        const Dataset data = fileToScore();
        ScoringOptions options;
        options.choices = {{"x1", 2}};
        const auto kept = scoreRows(model, data, options);
        options.unseen = UnseenPolicy::SkipRow;
        const auto skipped = scoreRows(model, data, options);
        QVERIFY(kept && skipped);
        QCOMPARE(skipped->skipped.size(), std::size_t(1));
        QCOMPARE(skipped->skipped.front().row, std::size_t(2));
        const QString reason = QString::fromStdString(skipped->skipped.front().reason);
        QVERIFY2(reason.contains(QLatin1String("purple")) && reason.contains(QLatin1String("colour")),
                 qPrintable(reason));
        QCOMPARE(skipped->predicted[2], -1);
        QVERIFY(std::isnan(skipped->proba[4]));
        // Every other row scores exactly as under the default policy.
        for (std::size_t r : {0, 1, 3, 4}) {
            QCOMPARE(skipped->predicted[r], kept->predicted[r]);
            QCOMPARE(skipped->proba[r * 2], kept->proba[r * 2]);
        }
    }

    void blocksGiveTheSameScoresWithProgressAndCancel()
    {
        const Model model = trained();
        Dataset data;
        std::vector<double> x1, x2;
        std::vector<std::int32_t> colour;
        for (int i = 0; i < 1000; ++i) {
            x1.push_back(i % 9);
            x2.push_back((i % 10) / 10.0);
            colour.push_back(i % 3);
        }
        data.addColumn(Column::numeric("x1", x1));
        data.addColumn(Column::numeric("x2", x2));
        data.addColumn(Column::categorical("colour", colour, {"red", "blue", "green"}));
        const auto whole = scoreRows(model, data);
        ScoringOptions options;
        options.blockRows = 7;
        std::vector<double> reported;
        WorkControl control;
        control.report = [&reported](double f) { reported.push_back(f); };
        const auto blocked = scoreRows(model, data, options, control);
        QVERIFY(whole && blocked);
        QCOMPARE(blocked->proba, whole->proba);
        QCOMPARE(reported.size(), std::size_t(143)); // ceil(1000 / 7)
        QVERIFY(std::is_sorted(reported.begin(), reported.end()));
        QCOMPARE(reported.back(), 1.0);

        std::stop_source stop;
        WorkControl cancelling;
        cancelling.stop = stop.get_token();
        cancelling.report = [&stop](double f) {
            if (f > 0.5)
                stop.request_stop();
        };
        const auto cancelled = scoreRows(model, data, options, cancelling);
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
    }

    void jobScoresOnAWorkerAndCancels()
    {
        auto model = std::make_shared<const Model>(trained());
        auto data = std::make_shared<Dataset>(fileToScore());
        ScoringOptions options;
        options.choices = {{"x1", 2}};
        ScoreJob job;
        QSignalSpy finished(&job, &ScoreJob::finished);
        job.start(model, data, options);
        QVERIFY(job.isRunning());
        QVERIFY(finished.wait(10000));
        auto scores = job.takeResult();
        QVERIFY(scores);
        QCOMPARE(scores->proba, scoreRows(*model, *data, options)->proba);
        // Without the hand choice the check blocks, and the job says why.
        job.start(model, data, {});
        QVERIFY(finished.wait(10000));
        auto blocked = job.takeResult();
        QVERIFY(!blocked);
        QVERIFY(QString::fromStdString(blocked.error().message).contains(QLatin1String("x1")));
        // Cancelled at once: no scores, whatever the worker had done.
        job.start(model, data, options);
        job.cancel();
        QVERIFY(finished.wait(10000));
        auto cancelled = job.takeResult();
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
    }

    void labelledFileGivesMetricsOfTheScoredRows()
    {
        const Model model = trained();
        const Dataset data = trainingTable();
        ScoringOptions options;
        auto all = scoreRows(model, data, options);
        QVERIFY(all);
        const auto metrics = metricsOfScores(model, data, *all);
        QVERIFY(metrics);
        QCOMPARE(metrics->rows, data.rowCount());
        QVERIFY(!metricsOfScores(model, fileToScore(), *scoreRows(model, fileToScore(), {{{"x1", 2}}, UnseenPolicy::AsMissing, 65536})));
    }

    void csvHasInputsClassAndProbabilitiesWithSkippedRowsEmpty()
    {
        const Model model = trained();
        const Dataset data = fileToScore();
        ScoringOptions options;
        options.choices = {{"x1", 2}};
        options.unseen = UnseenPolicy::SkipRow;
        const auto scores = scoreRows(model, data, options);
        QVERIFY(scores);
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(writeScoresCsv(buffer, data, model.schema().classes, *scores, true));
        const QStringList lines = QString::fromUtf8(buffer.data()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 6);
        QCOMPARE(lines[0], QStringLiteral("colour,x2,first,note,predicted,p_a,p_b"));
        QVERIFY2(lines[3].startsWith(QLatin1String("purple,0.3,3,n/a,,,")), qPrintable(lines[3]));
        const QStringList first = lines[1].split(QLatin1Char(','));
        QCOMPARE(first[4], QString::fromStdString(model.schema().classes[std::size_t(scores->predicted[0])]));
        QCOMPARE(first[5].toDouble() + first[6].toDouble(), 1.0);
    }
};

QTEST_GUILESS_MAIN(TestBatchScoring)
#include "tst_batch_scoring.moc"
