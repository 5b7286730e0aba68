// SPDX-License-Identifier: MIT
#include "ui/results/results_page.h"

#include "ui/results/class_metrics_model.h"
#include "ui/results/confusion_matrix_view.h"
#include "ui/results/importance_chart.h"
#include "ui/results/metrics_table_model.h"
#include "ui/results/model_sheet.h"
#include "ui/results/number_text.h"
#include "ui/results/roc_chart.h"
#include "ui/train/result_text.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTextCursor>
#include <QVBoxLayout>

namespace mb {

namespace {

QStringList classNames(const Model &model)
{
    QStringList names;
    for (const std::string &name : model.schema().classes)
        names.append(QString::fromStdString(name));
    return names;
}

bool isCrossValidated(const TrainResult &result)
{
    return !result.evaluation.folds.empty();
}

QTableView *createTable(QAbstractItemModel *model, const QString &name, const QString &accessible)
{
    auto *table = new QTableView;
    table->setObjectName(name);
    table->setAccessibleName(accessible);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return table;
}

// Makes `table` exactly as tall as its rows (a handful), so it neither scrolls nor leaves a
// blank area below them.
void fitHeightToRows(QTableView *table)
{
    const int rows = table->model()->rowCount();
    const int height = table->horizontalHeader()->sizeHint().height()
        + rows * table->verticalHeader()->defaultSectionSize() + 2 * table->frameWidth();
    table->setFixedHeight(height);
}

} // namespace

ResultsPage::ResultsPage(QWidget *parent)
    : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("resultsTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("resultsSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);

    // The header: what is shown on the left, actions on the shown model on the right.
    auto *headerText = new QVBoxLayout;
    headerText->addWidget(m_title);
    headerText->addWidget(m_summary);
    m_buttonRow = new QHBoxLayout;
    auto *header = new QHBoxLayout;
    header->addLayout(headerText, 1);
    header->addLayout(m_buttonRow);

    m_views = new QTabWidget(this);
    m_views->setObjectName(QStringLiteral("resultsViews"));
    m_views->setAccessibleName(tr("Result views"));
    m_views->addTab(createMetricsTab(), tr("&Metrics"));
    m_views->addTab(createChartsTab(), tr("C&harts"));
    m_views->addTab(createSheetTab(), tr("Model &sheet"));

    auto *placeholder = new QLabel(
        tr("No model yet. Train one on the Train page; its results appear here."), this);
    placeholder->setObjectName(QStringLiteral("resultsPlaceholder"));
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setEnabled(false);

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addLayout(header);
    contentLayout->addWidget(m_views, 1);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(placeholder);
    m_stack->addWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);

    setResult(nullptr);
}

ResultsPage::~ResultsPage() = default;

QWidget *ResultsPage::createMetricsTab()
{
    m_metricsModel = new MetricsTableModel(this);
    m_metricsModel->setObjectName(QStringLiteral("metricsModel"));
    m_classModel = new ClassMetricsModel(this);
    m_classModel->setObjectName(QStringLiteral("classMetricsModel"));

    m_metricsNote = new QLabel;
    m_metricsNote->setObjectName(QStringLiteral("metricsNote"));
    m_metricsNote->setWordWrap(true);
    m_metricsTable = createTable(m_metricsModel, QStringLiteral("metricsTable"), tr("Metrics"));
    m_classTable
        = createTable(m_classModel, QStringLiteral("classMetricsTable"), tr("Metrics per class"));
    // The class names take the spare width, so the numbers stay next to each other.
    m_classTable->horizontalHeader()->setStretchLastSection(false);
    m_classTable->horizontalHeader()->setSectionResizeMode(ClassMetricsModel::ClassColumn,
                                                           QHeaderView::Stretch);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_metricsNote);
    leftLayout->addWidget(m_metricsTable);
    auto *perClass = new QLabel(tr("Per class (each class against all others)"));
    QFont bold = perClass->font();
    bold.setBold(true);
    perClass->setFont(bold);
    leftLayout->addWidget(perClass);
    leftLayout->addWidget(m_classTable);
    leftLayout->addStretch(1);

    m_confusion = new ConfusionMatrixView;
    m_confusion->setObjectName(QStringLiteral("confusionMatrix"));
    auto *legend = new QLabel(tr("Each cell: rows of the true class (left) predicted as the "
                                 "class above, and their share of the true class. Darker = "
                                 "larger share."));
    legend->setWordWrap(true);
    auto *matrixBox = new QGroupBox(tr("Confusion matrix"));
    auto *matrixLayout = new QVBoxLayout(matrixBox);
    matrixLayout->addWidget(m_confusion, 1);
    matrixLayout->addWidget(legend);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("metricsSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(matrixBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({560, 640});
    return splitter;
}

QWidget *ResultsPage::createChartsTab()
{
    m_roc = new RocChart;
    m_roc->setObjectName(QStringLiteral("rocChart"));
    m_importance = new ImportanceChart;
    m_importance->setObjectName(QStringLiteral("importanceChart"));
    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("chartsSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_roc);
    splitter->addWidget(m_importance);
    return splitter;
}

QWidget *ResultsPage::createSheetTab()
{
    m_sheet = new QPlainTextEdit;
    m_sheet->setObjectName(QStringLiteral("modelSheet"));
    m_sheet->setAccessibleName(tr("Model sheet"));
    m_sheet->setReadOnly(true);
    m_sheet->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_sheet->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    m_copyButton = new QPushButton(tr("&Copy"));
    m_copyButton->setObjectName(QStringLiteral("copySheetButton"));
    m_copyButton->setAccessibleName(tr("Copy the model sheet"));
    m_copyButton->setToolTip(tr("Copy the whole model sheet to the clipboard"));
    connect(m_copyButton, &QPushButton::clicked, this, &ResultsPage::copySheet);

    auto *tab = new QWidget;
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(m_sheet, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_copyButton);
    layout->addLayout(buttons);
    return tab;
}

QString ResultsPage::headerText(const TrainResult &result) const
{
    const Metrics &metrics = result.evaluation.metrics;
    QString text = tr("Trained on %1 (target %2) at %3 in %4, seed %5.")
                       .arg(QString::fromStdString(result.datasetName),
                            QString::fromStdString(result.targetName),
                            QLocale().toString(result.finishedAt.time(), QLocale::ShortFormat),
                            durationText(result.seconds))
                       .arg(result.seed);
    if (metrics.rows == 0)
        return text + QLatin1Char(' ') + tr("Not validated: trained on every row.");
    text += QLatin1Char(' ')
        + tr("Measured by %1 on %2 rows.")
              .arg(validationDisplayText(result.validation), countText(double(metrics.rows)));
    if (result.evaluation.skippedRows > 0)
        text += QLatin1Char(' ')
            + tr("%1 test rows were left out: their class is unknown to the model.")
                  .arg(countText(double(result.evaluation.skippedRows)));
    return text;
}

void ResultsPage::setResult(std::shared_ptr<const TrainResult> result)
{
    m_result = std::move(result);
    if (!m_result) {
        m_stack->setCurrentIndex(0);
        m_metricsModel->clear();
        m_classModel->clear();
        m_confusion->clear();
        m_roc->clear();
        m_importance->showMessage(tr("Feature importances"));
        m_sheet->clear();
        m_copyButton->setEnabled(false);
        return;
    }
    const TrainResult &shown = *m_result;
    const EvaluationResult &evaluation = shown.evaluation;
    const Model &model = evaluation.model;
    const QStringList classes = classNames(model);
    const bool measured = evaluation.metrics.rows > 0;
    const bool crossValidated = isCrossValidated(shown);

    m_title->setText(learnerDisplayName(shown.algo));
    m_summary->setText(headerText(shown));

    if (measured) {
        m_metricsModel->setMetrics(evaluation.metrics, crossValidated);
        m_classModel->setMetrics(evaluation.metrics, classes);
        m_confusion->setMatrix(evaluation.metrics.confusion, classes);
        // Per-class rows grow with the classes; past a dozen the table scrolls instead.
        fitHeightToRows(m_metricsTable);
        if (m_classModel->rowCount() <= 12)
            fitHeightToRows(m_classTable);
        else
            m_classTable->setFixedHeight(12 * m_classTable->verticalHeader()->defaultSectionSize());
        m_metricsNote->setText(
            crossValidated ? tr("%1-fold cross-validation: rates are means over the folds; counts "
                                "and the confusion matrix are summed over them.")
                                 .arg(evaluation.folds.size())
                           : tr("Measured on %1 rows the model did not train on.")
                                 .arg(countText(double(evaluation.metrics.rows))));
    } else {
        m_metricsModel->clear();
        m_classModel->clear();
        m_confusion->clear();
        m_metricsNote->setText(tr("Not validated: there are no metrics. Choose holdout, "
                                  "cross-validation or a test file on the Train page."));
    }
    m_roc->setEvaluation(evaluation.truth, evaluation.proba, classes);
    showImportances(model);

    m_sheet->setPlainText(modelSheetText(model, measured ? &evaluation.metrics : nullptr));
    m_sheet->moveCursor(QTextCursor::Start);
    m_copyButton->setEnabled(true);
    m_stack->setCurrentIndex(1);
}

void ResultsPage::showImportances(const Model &model)
{
    const std::vector<double> importances = model.classifier().featureImportances();
    const auto &features = model.schema().features;
    if (importances.empty() || importances.size() != features.size()) {
        // Permutation importance would need the evaluated rows again, which a TrainResult
        // does not keep; it is left for a later step rather than guessed at here.
        m_importance->showMessage(tr("%1 reports no feature importances of its own")
                                      .arg(learnerDisplayName(model.recipe().algo)));
        return;
    }
    QStringList names;
    for (const FeatureSchema &feature : features)
        names.append(QString::fromStdString(feature.name));
    const QString kind
        = model.algo() == "gbt" ? tr("share of split gain") : tr("share of impurity decrease");
    m_importance->setImportances(names, importances, kind);
}

void ResultsPage::copySheet()
{
    QApplication::clipboard()->setText(m_sheet->toPlainText());
    Q_EMIT statusMessage(tr("Model sheet copied to the clipboard."));
}

} // namespace mb
