// SPDX-License-Identifier: MIT
#include "ui/train/result_text.h"

#include "core/jobs/train_job.h"
#include "core/ml/learner_registry.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>

#include <cmath>

namespace mb {

namespace {

// lupdate files the tr() calls of this file's free functions under "mb", the namespace.
QString tr(const char *text)
{
    return QCoreApplication::translate("mb", text);
}

bool isMeasured(const TrainResult &result)
{
    return result.evaluation.metrics.rows > 0 && std::isfinite(result.evaluation.metrics.accuracy);
}

QString number(double value)
{
    return std::isfinite(value) ? QLocale().toString(value, 'f', 3) : tr("n/a");
}

} // namespace

QString learnerDisplayName(std::string_view key)
{
    const LearnerInfo *info = findLearner(key);
    if (!info)
        return QString::fromUtf8(key.data(), qsizetype(key.size()));
    const QByteArray name(info->name.data(), qsizetype(info->name.size()));
    return QCoreApplication::translate("mb::LearnerInfo", name.constData());
}

QString metricDisplayName(std::string_view key)
{
    // The keys of headlineMetrics(), as model files and the catalog store them.
    static const std::pair<std::string_view, const char *> kNames[] = {
        {"accuracy", QT_TRANSLATE_NOOP("mb", "accuracy")},
        {"balanced_accuracy", QT_TRANSLATE_NOOP("mb", "balanced accuracy")},
        {"macro_f1", QT_TRANSLATE_NOOP("mb", "macro F1")},
        {"weighted_f1", QT_TRANSLATE_NOOP("mb", "weighted F1")},
        {"log_loss", QT_TRANSLATE_NOOP("mb", "log loss")},
        {"roc_auc", QT_TRANSLATE_NOOP("mb", "ROC AUC")},
        {"rows", QT_TRANSLATE_NOOP("mb", "rows evaluated")},
    };
    for (const auto &[k, name] : kNames) {
        if (k == key)
            return tr(name);
    }
    return QString::fromUtf8(key.data(), qsizetype(key.size()));
}

QString validationDisplayText(const std::string &validation)
{
    const QString text = QString::fromStdString(validation);
    const QString kind = text.section(QLatin1Char(' '), 0, 0);
    const QString rest = text.section(QLatin1Char(' '), 1);
    if (kind == QLatin1String("holdout"))
        return tr("holdout %1 %").arg(QLocale().toString(rest.toDouble() * 100, 'g', 4));
    if (kind == QLatin1String("cv"))
        return tr("%1-fold cross-validation").arg(rest);
    if (kind == QLatin1String("test"))
        return tr("test file %1").arg(QFileInfo(rest).fileName());
    return tr("no validation");
}

QString durationText(double seconds)
{
    const QLocale locale;
    if (seconds < 1)
        return tr("%1 ms").arg(locale.toString(std::lround(seconds * 1000)));
    if (seconds < 60)
        return tr("%1 s").arg(locale.toString(seconds, 'f', 2));
    const long whole = std::lround(seconds);
    return tr("%1 min %2 s").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
}

QString resultSummary(const TrainResult &result)
{
    const QString learner = learnerDisplayName(result.algo);
    const Metrics &metrics = result.evaluation.metrics;
    if (!isMeasured(result))
        return tr("%1: trained on every row in %2, not validated")
                .arg(learner, durationText(result.seconds));
    return tr("%1: accuracy %2, macro F1 %3 (%4, %5 rows) in %6")
            .arg(learner, number(metrics.accuracy), number(metrics.macroF1),
                 validationDisplayText(result.validation),
                 QLocale().toString(qulonglong(metrics.rows)), durationText(result.seconds));
}

QString resultLogEntry(const TrainResult &result)
{
    QString params;
    for (const auto &[name, value] : result.params)
        params += QStringLiteral("%1=%2  ").arg(QString::fromStdString(name), QString::fromStdString(value));
    QString entry = tr("%1  %2 on %3 (target %4), %5, seed %6")
                            .arg(QLocale().toString(result.finishedAt.time(), QStringLiteral("HH:mm:ss")),
                                 learnerDisplayName(result.algo),
                                 QString::fromStdString(result.datasetName),
                                 QString::fromStdString(result.targetName),
                                 validationDisplayText(result.validation))
                            .arg(result.seed);
    const Metrics &metrics = result.evaluation.metrics;
    if (isMeasured(result)) {
        entry += QLatin1Char('\n')
                + tr("    accuracy %1   balanced accuracy %2   macro F1 %3   log loss %4   rows %5")
                          .arg(number(metrics.accuracy), number(metrics.balancedAccuracy),
                               number(metrics.macroF1), number(metrics.logLoss),
                               QLocale().toString(qulonglong(metrics.rows)));
    }
    entry += QLatin1Char('\n')
            + tr("    fit %1, total %2").arg(durationText(result.evaluation.fitSeconds),
                                             durationText(result.seconds));
    entry += QLatin1Char('\n') + tr("    parameters: %1").arg(params.trimmed());
    return entry;
}

} // namespace mb
