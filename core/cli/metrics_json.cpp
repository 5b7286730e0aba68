// SPDX-License-Identifier: MIT
#include "core/cli/metrics_json.h"

#include "core/cli/json_output.h"

#include <algorithm>
#include <cmath>

namespace mb::cli {

QJsonObject metricsJson(const Metrics &m, const std::vector<std::string> &classes)
{
    QJsonArray perClass;
    for (std::size_t k = 0; k < m.perClass.size(); ++k) {
        const ClassMetrics &c = m.perClass[k];
        perClass.append(QJsonObject{
                {QStringLiteral("class"), QString::fromStdString(k < classes.size() ? classes[k] : std::to_string(k))},
                {QStringLiteral("precision"), jsonNumber(c.precision)},
                {QStringLiteral("recall"), jsonNumber(c.recall)},
                {QStringLiteral("f1"), jsonNumber(c.f1)},
                {QStringLiteral("support"), static_cast<qint64>(c.support)},
                {QStringLiteral("roc_auc"), jsonNumber(k < m.rocAucPerClass.size() ? m.rocAucPerClass[k] : std::nan(""))}});
    }
    return QJsonObject{{QStringLiteral("rows"), static_cast<qint64>(m.rows)},
                       {QStringLiteral("accuracy"), jsonNumber(m.accuracy)},
                       {QStringLiteral("balanced_accuracy"), jsonNumber(m.balancedAccuracy)},
                       {QStringLiteral("macro_precision"), jsonNumber(m.macroPrecision)},
                       {QStringLiteral("macro_recall"), jsonNumber(m.macroRecall)},
                       {QStringLiteral("macro_f1"), jsonNumber(m.macroF1)},
                       {QStringLiteral("weighted_precision"), jsonNumber(m.weightedPrecision)},
                       {QStringLiteral("weighted_recall"), jsonNumber(m.weightedRecall)},
                       {QStringLiteral("weighted_f1"), jsonNumber(m.weightedF1)},
                       {QStringLiteral("log_loss"), jsonNumber(m.logLoss)},
                       {QStringLiteral("roc_auc"), jsonNumber(m.rocAuc)},
                       {QStringLiteral("per_class"), perClass}};
}

QJsonArray confusionJson(const Metrics &m)
{
    QJsonArray rows;
    for (const auto &row : m.confusion) {
        QJsonArray counts;
        for (std::size_t n : row)
            counts.append(static_cast<qint64>(n));
        rows.append(counts);
    }
    return rows;
}

QString metricsText(const Metrics &m, const std::vector<std::string> &classes)
{
    auto pct = [](double v) { return std::isnan(v) ? QStringLiteral("n/a") : QString::number(100 * v, 'f', 2) + QLatin1Char('%'); };
    auto num = [](double v) { return std::isnan(v) ? QStringLiteral("n/a") : QString::number(v, 'f', 4); };
    QString out;
    out += QStringLiteral("rows evaluated      %1\n").arg(m.rows);
    out += QStringLiteral("accuracy            %1\n").arg(pct(m.accuracy));
    out += QStringLiteral("balanced accuracy   %1\n").arg(pct(m.balancedAccuracy));
    out += QStringLiteral("F1 (macro)          %1\n").arg(num(m.macroF1));
    out += QStringLiteral("F1 (weighted)       %1\n").arg(num(m.weightedF1));
    out += QStringLiteral("log loss            %1\n").arg(num(m.logLoss));
    out += QStringLiteral("ROC AUC             %1 (%2)\n")
                   .arg(num(m.rocAuc), m.classes == 2 ? QStringLiteral("binary") : QStringLiteral("one-vs-rest, macro"));
    int width = 5;
    for (const auto &c : classes)
        width = std::max(width, static_cast<int>(QString::fromStdString(c).size()));
    out += QStringLiteral("\n%1  precision  recall      f1  support\n").arg(QStringLiteral("class"), -width);
    for (std::size_t k = 0; k < m.perClass.size() && k < classes.size(); ++k) {
        const ClassMetrics &c = m.perClass[k];
        out += QStringLiteral("%1  %2  %3  %4  %5\n")
                       .arg(QString::fromStdString(classes[k]), -width)
                       .arg(c.precision, 9, 'f', 4)
                       .arg(c.recall, 6, 'f', 4)
                       .arg(c.f1, 6, 'f', 4)
                       .arg(c.support, 7);
    }
    out += QStringLiteral("\nconfusion matrix (rows: true class, columns: predicted)\n");
    for (std::size_t i = 0; i < m.confusion.size() && i < classes.size(); ++i) {
        QString line = QStringLiteral("%1 ").arg(QString::fromStdString(classes[i]), -width);
        for (std::size_t n : m.confusion[i])
            line += QStringLiteral(" %1").arg(n, 6);
        out += line + QLatin1Char('\n');
    }
    return out;
}

} // namespace mb::cli
