// SPDX-License-Identifier: MIT
#include "ui/predict/explanation_view.h"

#include "ui/predict/contribution_chart.h"
#include "ui/predict/input_number.h"
#include "ui/results/chart_palette.h"
#include "ui/results/number_text.h"
#include "ui/train/result_text.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace mb {

namespace {

// Level sets longer than this are cut short in the table (the tool tip has them all).
constexpr int kShownLevels = 4;

QString percentText(double fraction)
{
    return QLocale().toString(100.0 * fraction, 'f', 1);
}

/// Indices 0..n-1 ordered by |amount| descending (ties keep their order): the inputs that
/// weigh most come first.
std::vector<std::size_t> byWeight(const std::vector<double> &amounts)
{
    std::vector<std::size_t> order(amounts.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::abs(amounts[a]) > std::abs(amounts[b]);
    });
    return order;
}

QTableWidgetItem *item(const QString &text, const QString &toolTip = {})
{
    auto *cell = new QTableWidgetItem(text);
    cell->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (!toolTip.isEmpty())
        cell->setToolTip(toolTip);
    return cell;
}

} // namespace

ExplanationView::ExplanationView(QWidget *parent)
    : QWidget(parent)
{
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("explanationHeading"));
    m_heading->setWordWrap(true);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_none = new QLabel;
    m_none->setObjectName(QStringLiteral("noExplanation"));
    m_none->setWordWrap(true);
    m_none->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_path = new QTableWidget(0, ColumnCount);
    m_path->setObjectName(QStringLiteral("decisionPathTable"));
    m_path->setAccessibleName(tr("Decision path"));
    m_path->setHorizontalHeaderLabels(
        {tr("Test"), tr("Value"), tr("Answer"), tr("Rows"), tr("Rows per class")});
    m_path->horizontalHeaderItem(RowsColumn)->setToolTip(tr("Training rows that reached the node"));
    m_path->verticalHeader()->hide();
    m_path->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_path->verticalHeader()->setDefaultSectionSize(m_path->fontMetrics().height() + 6);
    m_path->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_path->horizontalHeader()->setSectionResizeMode(TestColumn, QHeaderView::Stretch);
    m_path->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_path->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_path->setWordWrap(false);

    m_chart = new ContributionChart;
    m_chart->setObjectName(QStringLiteral("contributionChart"));
    m_chartScroll = new QScrollArea;
    m_chartScroll->setAccessibleName(tr("Contributions of the inputs, scrollable"));
    m_chartScroll->setWidget(m_chart);
    m_chartScroll->setWidgetResizable(true);
    m_chartScroll->setFrameShape(QFrame::NoFrame);
    m_chartScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_chartScroll->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    // Each part as tall as its content, the footer right under it, the space left below.
    m_path->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_chartScroll->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);

    m_footer = new QLabel(this);
    m_footer->setObjectName(QStringLiteral("explanationFooter"));
    m_footer->setWordWrap(true);
    m_footer->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_heading);
    layout->addWidget(m_none);
    layout->addWidget(m_path);
    layout->addWidget(m_chartScroll);
    layout->addWidget(m_footer);
    layout->addStretch(1);
    showNothing();
}

ExplanationView::~ExplanationView() = default;

void ExplanationView::setModel(std::shared_ptr<const Model> model)
{
    m_explanation.reset();
    m_explainer.reset();
    m_model = std::move(model);
    if (m_model)
        m_explainer = std::make_unique<Explainer>(*m_model);
    showNothing();
}

bool ExplanationView::isAvailable() const
{
    return m_explainer && m_explainer->available();
}

void ExplanationView::setRow(std::span<const double> row)
{
    m_explanation = m_explainer ? m_explainer->explain(row) : std::nullopt;
    if (!m_explanation) {
        showNothing();
        return;
    }
    if (const DecisionPath *path = m_explanation->path())
        showPath(*path);
    else if (const Contributions *contributions = m_explanation->contributions())
        showContributions(*contributions);
}

void ExplanationView::showNothing()
{
    m_against = -1;
    m_path->setRowCount(0);
    m_chart->clear();
    m_footer->clear();
    m_footer->hide();
    m_heading->hide();
    m_path->hide();
    m_chartScroll->hide();
    m_none->show();
    if (!m_model) {
        m_none->setText(tr("No model."));
    } else if (!isAvailable()) {
        m_none->setText(tr("No explanation for %1: the decision path is shown for a decision tree, "
                           "and each input's contribution for logistic regression and naive Bayes. "
                           "The what-if chart works for every learner.")
                            .arg(learnerDisplayName(m_model->algo())));
    } else {
        m_none->setText(tr("Change an input to see why the model answers as it does."));
    }
}

QString ExplanationView::className(int code) const
{
    const auto &classes = m_model->schema().classes;
    return code >= 0 && std::size_t(code) < classes.size()
        ? QString::fromStdString(classes[std::size_t(code)])
        : tr("(none)");
}

QString ExplanationView::levelOrNumber(std::size_t j, double value) const
{
    const FeatureSchema &f = m_model->schema().features[j];
    if (std::isnan(value))
        return tr("missing");
    if (f.categorical) {
        const auto code = std::size_t(std::max(0.0, value));
        return code < f.levels.size() ? QString::fromStdString(f.levels[code]) : tr("(unknown)");
    }
    return compactNumberText(value);
}

QString ExplanationView::valueText(std::size_t j) const
{
    const Explanation &e = *m_explanation;
    if (e.imputed(j))
        return tr("missing: %1 used").arg(levelOrNumber(j, e.used[j]));
    if (std::isnan(e.given[j]))
        return tr("missing: left out");
    return levelOrNumber(j, e.given[j]);
}

QString ExplanationView::classRowsText(const TreeNodeInfo &node) const
{
    QStringList counts;
    for (std::uint32_t n : node.classRows)
        counts.append(countText(double(n)));
    return counts.join(QStringLiteral(" / "));
}

void ExplanationView::showPath(const DecisionPath &path)
{
    m_against = -1;
    const InputSchema &schema = m_model->schema();
    const Explanation &e = *m_explanation;
    QStringList classes;
    for (const std::string &name : schema.classes)
        classes.append(QString::fromStdString(name));
    const QString perClassTip
        = tr("Training rows of each class: %1").arg(classes.join(QStringLiteral(" / ")));
    m_path->horizontalHeaderItem(ClassRowsColumn)->setToolTip(perClassTip);

    m_heading->setText(
        path.steps.empty()
            ? tr("The tree is a single leaf: every row gets the same answer.")
            : tr("Decision path: the tests from the root to the leaf this row reaches. A "
                 "\"yes\" goes left in the tree drawing, a \"no\" right."));
    m_heading->show();

    m_path->setRowCount(int(path.steps.size()) + 1);
    for (int i = 0; i < int(path.steps.size()); ++i) {
        const PathStep &step = path.steps[std::size_t(i)];
        const auto j = std::size_t(step.split.feature);
        const FeatureSchema &f = schema.features[j];
        const QString feature = QString::fromStdString(f.name);
        QString test;
        QString testTip;
        if (step.split.categorical) {
            QStringList names;
            for (const std::string &name : levelNames(f, step.split.leftLevels))
                names.append(QString::fromStdString(name));
            testTip
                = tr("yes when %1 is one of: %2").arg(feature, names.join(QStringLiteral(", ")));
            if (names.size() > kShownLevels) {
                const qsizetype more = names.size() - (kShownLevels - 1);
                names = names.first(kShownLevels - 1);
                names.append(tr("%n more", nullptr, int(more)));
            }
            test = tr("%1 in {%2}").arg(feature, names.join(QStringLiteral(", ")));
        } else {
            test = tr("%1 <= %2").arg(feature, compactNumberText(step.split.threshold));
            testTip = tr("yes when %1 <= %2").arg(feature, inputNumberText(step.split.threshold));
        }
        QString value = levelOrNumber(j, step.value);
        QString valueTip;
        if (e.imputed(j)) {
            value = tr("missing: %1 used").arg(value);
            valueTip = f.categorical
                ? tr("Missing: the model used the most frequent training level instead")
                : tr("Missing: the model used the training median instead");
        }
        m_path->setItem(i, TestColumn, item(test, testTip));
        m_path->setItem(i, ValueColumn, item(value, valueTip));
        m_path->setItem(i, AnswerColumn, item(step.wentLeft ? tr("yes") : tr("no")));
        m_path->setItem(i, RowsColumn,
                        item(step.split.hasStats ? countText(double(step.split.rows)) : QString()));
        m_path->setItem(
            i, ClassRowsColumn,
            item(step.split.hasStats ? classRowsText(step.split) : QString(), perClassTip));
    }
    // The leaf, in bold: where the answer comes from.
    const int last = int(path.steps.size());
    const TreeNodeInfo &leaf = path.leafNode;
    m_path->setItem(last, TestColumn, item(tr("Leaf: %1").arg(className(leaf.majorityClass))));
    m_path->setItem(last, ValueColumn, item(QString()));
    m_path->setItem(last, AnswerColumn, item(QString()));
    m_path->setItem(last, RowsColumn,
                    item(leaf.hasStats ? countText(double(leaf.rows)) : QString()));
    m_path->setItem(last, ClassRowsColumn,
                    item(leaf.hasStats ? classRowsText(leaf) : QString(), perClassTip));
    for (int c = 0; c < ColumnCount; ++c) {
        QFont bold = m_path->font();
        bold.setBold(true);
        m_path->item(last, c)->setFont(bold);
    }

    QStringList shares;
    for (std::size_t k = 0; k < leaf.proba.size(); ++k)
        shares.append(tr("%1 %2 %").arg(classes.value(int(k)), percentText(leaf.proba[k])));
    QString footer = tr("The leaf's probabilities, the ones above: %1.")
                         .arg(shares.join(QStringLiteral(", ")));
    if (!leaf.hasStats)
        footer += QLatin1Char(' ') + tr("This model file keeps no training rows per node.");
    m_footer->setText(footer);
    m_footer->show();
    m_none->hide();
    m_chartScroll->hide();
    m_path->show();
    m_path->setMaximumHeight(m_path->horizontalHeader()->sizeHint().height()
                             + m_path->verticalHeader()->length() + 2 * m_path->frameWidth());
}

void ExplanationView::showContributions(const Contributions &c)
{
    const Explanation &e = *m_explanation;
    const InputSchema &schema = m_model->schema();
    const int K = int(c.classCount());
    const int winner = e.predicted;
    // The runner-up, as the page's margin names it: the most probable other class.
    m_against = winner == 0 ? 1 : 0;
    for (int k = 0; k < K; ++k) {
        if (k != winner && e.proba[std::size_t(k)] > e.proba[std::size_t(m_against)])
            m_against = k;
    }
    if (winner < 0 || m_against >= K) {
        showNothing();
        return;
    }
    const auto w = std::size_t(winner);
    const auto a = std::size_t(m_against);
    const bool logit = c.score == Contributions::Score::Logit;
    m_heading->setText(
        logit ? tr("Why %1 rather than %2: each input's part in the log-odds, its coefficient "
                   "times its standardised value for %1 minus that for %2.")
                    .arg(className(winner), className(m_against))
              : tr("Why %1 rather than %2: each input's part in the log-odds, the log-likelihood "
                   "of its value under %1 minus that under %2.")
                    .arg(className(winner), className(m_against)));
    m_heading->show();

    const std::size_t features = schema.features.size();
    std::vector<double> amounts(features);
    for (std::size_t j = 0; j < features; ++j)
        amounts[j] = c.term(j, w) - c.term(j, a);
    QList<ContributionBar> bars;
    for (std::size_t j : byWeight(amounts)) {
        ContributionBar bar;
        bar.feature = QString::fromStdString(schema.features[j].name);
        bar.value = valueText(j);
        bar.amount = amounts[j];
        QStringList tip {tr("%1 = %2").arg(bar.feature, bar.value),
                         logit ? tr("Its term in each class's score:")
                               : tr("log p(value | class):")};
        for (int k = 0; k < K; ++k)
            tip.append(tr("%1: %2").arg(className(k),
                                        ContributionChart::signedText(c.term(j, std::size_t(k)))));
        bar.toolTip = tip.join(QLatin1Char('\n'));
        bars.append(bar);
    }
    m_chart->setBars(bars, className(winner), seriesColour(winner), className(m_against),
                     seriesColour(m_against));
    m_chartScroll->setMaximumHeight(m_chart->sizeHint().height() + 2 * m_chartScroll->frameWidth());

    QStringList scores;
    for (int k = 0; k < K; ++k)
        scores.append(
            tr("%1 %2").arg(className(k), ContributionChart::signedText(c.scores[std::size_t(k)])));
    const double baseDifference = c.base[w] - c.base[a];
    const double total = c.scores[w] - c.scores[a];
    m_footer->setText(
        (logit ? tr("Intercepts: %1. In all: %2, the log-odds of %3 against %4.")
               : tr("Log priors: %1. In all: %2, the log-odds of %3 against %4."))
            .arg(ContributionChart::signedText(baseDifference),
                 ContributionChart::signedText(total), className(winner), className(m_against))
        + QLatin1Char('\n')
        + (logit ? tr("Scores (intercept plus every input's term): %1; their softmax is the "
                      "probabilities above.")
                 : tr("Scores (log prior plus every input's log-likelihood): %1; normalised, "
                      "they are the probabilities above."))
              .arg(scores.join(QStringLiteral(" · "))));
    m_footer->show();
    m_none->hide();
    m_path->hide();
    m_chartScroll->show();
}

} // namespace mb
