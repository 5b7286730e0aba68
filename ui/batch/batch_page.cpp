// SPDX-License-Identifier: MIT
#include "ui/batch/batch_page.h"

#include "core/io/score_writer.h"
#include "core/jobs/load_job.h"
#include "core/jobs/score_job.h"
#include "ui/batch/column_choice_delegate.h"
#include "ui/batch/preflight_table_model.h"
#include "ui/batch/scored_table_model.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace mb {

namespace {

const QString kBatchFolderKey = QStringLiteral("Files/lastBatchFolder");

QStringList columnNamesOf(const Dataset &data)
{
    QStringList names;
    for (const Column &column : data.columns())
        names << QString::fromStdString(column.name());
    return names;
}

} // namespace

BatchPage::BatchPage(QWidget *parent)
    : QWidget(parent)
{
    m_loadJob = new LoadJob(this);
    m_scoreJob = new ScoreJob(this);
    m_preflight = new PreflightTableModel(this);
    m_scored = new ScoredTableModel(this);
    connect(m_loadJob, &LoadJob::finished, this, &BatchPage::onLoaded);
    connect(m_scoreJob, &ScoreJob::finished, this, &BatchPage::onScored);
    // Queued: the report is rebuilt after the editor that chose the column has closed.
    connect(m_preflight, &PreflightTableModel::columnChosen, this, &BatchPage::chooseColumn,
            Qt::QueuedConnection);

    m_modelLabel = new QLabel(this);
    m_modelLabel->setObjectName(QStringLiteral("batchModelLabel"));
    m_modelLabel->setWordWrap(true);
    m_openButton = new QPushButton(tr("&Choose File…"), this);
    m_openButton->setObjectName(QStringLiteral("batchOpenButton"));
    m_openButton->setToolTip(tr("Choose a CSV or ARFF file to score"));
    connect(m_openButton, &QPushButton::clicked, this, &BatchPage::showOpenDialog);
    m_fileLabel = new QLabel(tr("No file chosen."), this);
    m_fileLabel->setObjectName(QStringLiteral("batchFileLabel"));
    m_unseenCombo = new QComboBox(this);
    m_unseenCombo->setObjectName(QStringLiteral("unseenPolicyCombo"));
    m_unseenCombo->setAccessibleName(tr("Rows with unseen categories"));
    m_unseenCombo->addItem(tr("Score them, unseen values as missing"), int(UnseenPolicy::AsMissing));
    m_unseenCombo->addItem(tr("Leave them unscored"), int(UnseenPolicy::SkipRow));
    connect(m_unseenCombo, &QComboBox::currentIndexChanged, this, [this] {
        setUnseenPolicy(UnseenPolicy(m_unseenCombo->currentData().toInt()));
    });
    auto *unseenLabel = new QLabel(tr("&Unseen categories:"), this);
    unseenLabel->setBuddy(m_unseenCombo);

    m_preflightSummary = new QLabel(this);
    m_preflightSummary->setObjectName(QStringLiteral("preflightSummary"));
    m_preflightSummary->setWordWrap(true);
    m_preflightView = new QTableView(this);
    m_preflightView->setObjectName(QStringLiteral("preflightTable"));
    m_preflightView->setAccessibleName(tr("How the file matches the model's inputs"));
    m_preflightView->setModel(m_preflight);
    m_preflightView->setItemDelegateForColumn(PreflightTableModel::DataColumn, new ColumnChoiceDelegate(this));
    m_preflightView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked
                                     | QAbstractItemView::EditKeyPressed);
    m_preflightView->verticalHeader()->hide();
    m_preflightView->horizontalHeader()->setSectionResizeMode(PreflightTableModel::Check, QHeaderView::Stretch);
    m_preflightView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_blockers = new QLabel(this);
    m_blockers->setObjectName(QStringLiteral("preflightBlockers"));
    m_blockers->setWordWrap(true);
    QPalette warning = m_blockers->palette();
    warning.setColor(QPalette::WindowText, Qt::darkRed);
    m_blockers->setPalette(warning);

    m_scoreButton = new QPushButton(tr("&Score"), this);
    m_scoreButton->setObjectName(QStringLiteral("scoreButton"));
    m_scoreButton->setDefault(true);
    connect(m_scoreButton, &QPushButton::clicked, this, &BatchPage::score);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelScoreButton"));
    connect(m_cancelButton, &QPushButton::clicked, this, &BatchPage::cancel);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("scoreProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setAccessibleName(tr("Scoring progress"));
    connect(m_scoreJob, &ScoreJob::progress, this, [this](double f) { m_progress->setValue(int(f * 1000)); });
    connect(m_loadJob, &LoadJob::progress, this, [this](double f) { m_progress->setValue(int(f * 1000)); });
    m_outcome = new QLabel(this);
    m_outcome->setObjectName(QStringLiteral("scoreOutcome"));
    m_outcome->setWordWrap(true);

    m_scoredView = new QTableView(this);
    m_scoredView->setObjectName(QStringLiteral("scoredTable"));
    m_scoredView->setAccessibleName(tr("Scored rows"));
    m_scoredView->setModel(m_scored);
    m_scoredView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_scoredView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_skipped = new QPlainTextEdit(this);
    m_skipped->setObjectName(QStringLiteral("skippedRows"));
    m_skipped->setAccessibleName(tr("Rows not scored"));
    m_skipped->setReadOnly(true);
    m_skipped->setMaximumHeight(fontMetrics().height() * 6);
    m_exportButton = new QPushButton(tr("&Export CSV…"), this);
    m_exportButton->setObjectName(QStringLiteral("exportScoresButton"));
    m_exportButton->setToolTip(tr("Save the inputs, the predicted class and the probabilities as CSV"));
    connect(m_exportButton, &QPushButton::clicked, this, &BatchPage::showExportDialog);

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_openButton);
    fileRow->addWidget(m_fileLabel, 1);
    fileRow->addWidget(unseenLabel);
    fileRow->addWidget(m_unseenCombo);

    auto *checkBox = new QGroupBox(tr("Before scoring"), this);
    auto *checkLayout = new QVBoxLayout(checkBox);
    checkLayout->addWidget(m_preflightSummary);
    checkLayout->addWidget(m_preflightView, 1);
    checkLayout->addWidget(m_blockers);
    // Check, then score, then read the scores: the buttons sit between the two.
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(m_scoreButton);
    runRow->addWidget(m_cancelButton);
    runRow->addWidget(m_progress, 1);
    runRow->addStretch();
    checkLayout->addLayout(runRow);

    auto *resultBox = new QGroupBox(tr("Scores"), this);
    auto *resultLayout = new QVBoxLayout(resultBox);
    resultLayout->addWidget(m_outcome);
    resultLayout->addWidget(m_scoredView, 1);
    resultLayout->addWidget(m_skipped);
    auto *exportRow = new QHBoxLayout;
    exportRow->addStretch(1);
    exportRow->addWidget(m_exportButton);
    resultLayout->addLayout(exportRow);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(checkBox);
    splitter->addWidget(resultBox);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_modelLabel);
    layout->addLayout(fileRow);
    layout->addWidget(splitter, 1);

    setModel(nullptr, {});
}

BatchPage::~BatchPage() = default;

void BatchPage::setModel(std::shared_ptr<const Model> model, const QString &source)
{
    if (isScoring())
        m_scoreJob->cancel();
    m_model = std::move(model);
    m_options.choices.clear();
    m_modelLabel->setText(m_model ? tr("Scoring with <b>%1</b> (%2 inputs, classes %3).")
                                        .arg(source.toHtmlEscaped())
                                        .arg(m_model->schema().features.size())
                                        .arg(QString::fromStdString([this] {
                                                 std::string classes;
                                                 for (const std::string &c : m_model->schema().classes)
                                                     classes += (classes.empty() ? "" : ", ") + c;
                                                 return classes;
                                             }()).toHtmlEscaped())
                                  : tr("No model: train one, or open one from a file or the catalog."));
    recheck();
}

void BatchPage::showOpenDialog()
{
    QSettings settings;
    const QString folder = settings.value(kBatchFolderKey, QDir::homePath()).toString();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose a File to Score"), folder,
        tr("Data files (*.csv *.tsv *.txt *.arff);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(kBatchFolderKey, QFileInfo(path).absolutePath());
    openFile(path);
}

void BatchPage::openFile(const QString &path)
{
    LoadParams params;
    params.path = path;
    m_fileLabel->setText(tr("Reading %1…").arg(QDir::toNativeSeparators(path)));
    m_progress->setValue(0);
    m_loadJob->start(params);
    updateState();
}

void BatchPage::onLoaded()
{
    const QString path = m_loadJob->params().path;
    auto loaded = m_loadJob->takeResult();
    if (!loaded) {
        m_fileLabel->setText(m_data ? m_dataSource : tr("No file chosen."));
        if (loaded.error().code != ErrorCode::Cancelled)
            showError(tr("Cannot Read File"), tr("%1 could not be read.").arg(QDir::toNativeSeparators(path)),
                      QString::fromStdString(loaded.error().describe()));
        updateState();
        return;
    }
    setData(std::make_shared<const Dataset>(std::move(*loaded)), QDir::toNativeSeparators(path));
}

void BatchPage::setData(std::shared_ptr<const Dataset> data, const QString &source)
{
    if (isScoring())
        m_scoreJob->cancel();
    m_data = std::move(data);
    m_dataSource = source;
    m_options.choices.clear();
    m_fileLabel->setText(m_data ? tr("%1: %2 rows, %3 columns")
                                      .arg(source, QLocale().toString(qulonglong(m_data->rowCount())))
                                      .arg(m_data->columnCount())
                                : tr("No file chosen."));
    recheck();
}

void BatchPage::chooseColumn(const QString &feature, int column)
{
    if (column < 0)
        m_options.choices.erase(feature.toStdString());
    else
        m_options.choices[feature.toStdString()] = std::size_t(column);
    recheck();
}

void BatchPage::setUnseenPolicy(UnseenPolicy policy)
{
    m_options.unseen = policy;
    const int index = m_unseenCombo->findData(int(policy));
    if (index != m_unseenCombo->currentIndex()) {
        const QSignalBlocker blocker(m_unseenCombo);
        m_unseenCombo->setCurrentIndex(index);
    }
}

void BatchPage::recheck()
{
    // Old scores belong to another model or file.
    m_scores.reset();
    m_scored->clear();
    m_skipped->clear();
    m_skipped->hide();
    m_outcome->clear();
    if (!m_model || !m_data) {
        m_preflight->setReport({}, {});
        m_preflightSummary->setText(m_model ? tr("Choose a file to score.") : QString());
        m_blockers->clear();
        updateState();
        return;
    }
    ScoringPreflight report = checkForScoring(*m_model, *m_data, m_options.choices);
    const QLocale locale;
    std::size_t found = 0, unseen = 0, outside = 0;
    for (const FeatureCheck &check : report.features) {
        found += check.column && !check.typeMismatch ? 1 : 0;
        unseen += check.unseen;
        outside += check.belowRange + check.aboveRange;
    }
    QStringList summary;
    summary << tr("%1 of %2 inputs found.").arg(found).arg(report.features.size());
    if (!report.extraColumns.empty()) {
        QStringList extra;
        for (const std::string &name : report.extraColumns)
            extra << QString::fromStdString(name);
        summary << tr("Not used: %1.").arg(extra.join(QStringLiteral(", ")));
    }
    if (report.targetColumn)
        summary << tr("The file has the class column, so accuracy will be measured.");
    if (unseen > 0)
        summary << tr("%n value(s) of a category the model never saw.", nullptr, int(unseen));
    if (outside > 0)
        summary << tr("%n value(s) outside the training range (scored, but the model has not seen such values).",
                      nullptr, int(outside));
    m_preflightSummary->setText(summary.join(QLatin1Char(' ')));
    QStringList blockers;
    for (const std::string &problem : report.blockers())
        blockers << QString::fromStdString(problem);
    m_blockers->setText(blockers.isEmpty() ? QString()
                                           : tr("Cannot score yet: %1").arg(blockers.join(QLatin1Char(' '))));
    m_preflight->setReport(std::move(report), columnNamesOf(*m_data));
    m_preflightView->resizeColumnsToContents();
    updateState();
}

bool BatchPage::isScoring() const
{
    return m_scoreJob->isRunning();
}

void BatchPage::updateState()
{
    const bool busy = isScoring() || m_loadJob->isRunning();
    const bool ready = m_model && m_data && m_preflight->report().canScore() && !m_preflight->report().features.empty();
    m_scoreButton->setEnabled(!busy && ready);
    m_cancelButton->setEnabled(busy);
    m_openButton->setEnabled(!busy);
    m_unseenCombo->setEnabled(!busy);
    m_preflightView->setEnabled(!busy);
    m_exportButton->setEnabled(!busy && m_scores != nullptr);
    m_progress->setVisible(busy);
}

bool BatchPage::score()
{
    if (isScoring() || !m_model || !m_data || !m_preflight->report().canScore())
        return false;
    m_outcome->setText(tr("Scoring…"));
    m_progress->setValue(0);
    m_elapsed.start();
    m_scoreJob->start(m_model, m_data, m_options);
    updateState();
    return true;
}

void BatchPage::cancel()
{
    m_loadJob->cancel();
    m_scoreJob->cancel();
}

void BatchPage::onScored()
{
    auto scored = m_scoreJob->takeResult();
    if (!scored) {
        m_outcome->setText(scored.error().code == ErrorCode::Cancelled
                               ? tr("Scoring was cancelled; nothing was kept.")
                               : tr("Scoring failed: %1").arg(QString::fromStdString(scored.error().describe())));
        updateState();
        Q_EMIT scoringFinished(false);
        return;
    }
    m_scores = std::make_shared<const BatchScores>(std::move(*scored));
    m_scored->setScores(m_data, m_model->schema().classes, m_scores);
    showScoresSummary();
    updateState();
    Q_EMIT scoringFinished(true);
}

void BatchPage::showScoresSummary()
{
    const QLocale locale;
    const std::size_t rows = m_scores->predicted.size();
    const std::size_t skipped = m_scores->skipped.size();
    QString text = tr("Scored %1 of %2 rows in %3 s.")
                       .arg(locale.toString(qulonglong(rows - skipped)), locale.toString(qulonglong(rows)),
                            locale.toString(double(m_elapsed.elapsed()) / 1000.0, 'f', 2));
    if (const auto metrics = metricsOfScores(*m_model, *m_data, *m_scores))
        text += QLatin1Char(' ')
                + tr("Accuracy against the file's own classes: %1 (%2 rows).")
                      .arg(locale.toString(metrics->accuracy, 'f', 3), locale.toString(qulonglong(metrics->rows)));
    m_outcome->setText(text);
    if (skipped == 0) {
        m_skipped->hide();
        return;
    }
    // Every row left out is named: never dropped silently.
    QStringList lines;
    lines << tr("%n row(s) not scored:", nullptr, int(skipped));
    for (const SkippedRow &row : m_scores->skipped) {
        const QString reason = QString::fromStdString(row.reason);
        const QString number = locale.toString(qulonglong(row.row + 1));
        lines << (row.line ? tr("Row %1 (line %2): %3").arg(number, locale.toString(qlonglong(*row.line)), reason)
                           : tr("Row %1: %2").arg(number, reason));
    }
    m_skipped->setPlainText(lines.join(QLatin1Char('\n')));
    m_skipped->show();
    Q_EMIT statusMessage(tr("%n row(s) not scored; see the list under the table.", nullptr, int(skipped)));
}

void BatchPage::showExportDialog()
{
    if (!m_scores)
        return;
    QSettings settings;
    const QString folder = settings.value(kBatchFolderKey, QDir::homePath()).toString();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Scores"), QDir(folder).filePath(QStringLiteral("scored.csv")),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    settings.setValue(kBatchFolderKey, QFileInfo(path).absolutePath());
    exportTo(path);
}

bool BatchPage::exportTo(const QString &path)
{
    if (!m_scores || !m_data || !m_model)
        return false;
    auto saved = saveScoresCsv(path, *m_data, m_model->schema().classes, *m_scores, true);
    if (!saved) {
        showError(tr("Cannot Export Scores"), tr("The scores could not be saved to %1.").arg(QDir::toNativeSeparators(path)),
                  QString::fromStdString(saved.error().describe()));
        return false;
    }
    Q_EMIT statusMessage(tr("Scores saved to %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

void BatchPage::showError(const QString &title, const QString &text, const QString &details)
{
    if (m_errorBox)
        m_errorBox->close();
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("batchErrorBox"));
    box->setInformativeText(details);
    box->setAttribute(Qt::WA_DeleteOnClose);
    // No slot on destroyed to forget the box: when this page is deleted, its children go in
    // ~QWidget, after the page's own part has ended, so such a slot would touch a dead object.
    // QPointer forgets it by itself.
    m_errorBox = box;
    box->open();
}

} // namespace mb
