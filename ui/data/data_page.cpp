// SPDX-License-Identifier: MIT
#include "ui/data/data_page.h"

#include "core/data/dataset.h"
#include "core/data/samples.h"
#include "core/io/dataset_loader.h"
#include "core/jobs/load_job.h"
#include "ui/data/column_list_model.h"
#include "ui/data/column_summary_widget.h"
#include "ui/data/csv_import_dialog.h"
#include "ui/data/dataset_table_model.h"
#include "ui/data/value_format.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace mb {

namespace {

// Column widths come from the header and the first rows only: measuring a million rows
// would freeze the window for nothing.
constexpr int kRowsMeasured = 200;
constexpr int kMinColumnWidth = 56;
constexpr int kMaxColumnWidth = 260;

bool isResource(const QString &path)
{
    return path.startsWith(QLatin1Char(':'));
}

QString displayName(const QString &path)
{
    return QFileInfo(resolveSamplePath(path)).fileName();
}

} // namespace

DataPage::DataPage(QWidget *parent)
    : QWidget(parent)
    , m_job(new LoadJob(this))
    , m_tableModel(new DatasetTableModel(this))
    , m_columnModel(new ColumnListModel(this))
{
    m_job->setObjectName(QStringLiteral("loadJob"));
    connect(m_job, &LoadJob::progress, this, &DataPage::onLoadProgress);
    connect(m_job, &LoadJob::finished, this, &DataPage::onLoadFinished);

    // Top line: what is loaded, and which column is the target.
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("datasetSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_warnings = new QLabel(this);
    m_warnings->setObjectName(QStringLiteral("datasetWarnings"));
    m_warnings->setStyleSheet(QStringLiteral("color: #9a5b00;"));
    m_warnings->hide();
    m_targetCombo = new QComboBox(this);
    m_targetCombo->setObjectName(QStringLiteral("targetCombo"));
    m_targetCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_targetCombo->setMinimumContentsLength(12);
    m_targetCombo->setToolTip(tr("The column the classifiers learn to predict"));
    m_targetCombo->setEnabled(false);
    auto *targetLabel = new QLabel(tr("&Target:"), this);
    targetLabel->setBuddy(m_targetCombo);
    connect(m_targetCombo, &QComboBox::currentIndexChanged, this, &DataPage::setTarget);

    auto *top = new QHBoxLayout();
    top->addWidget(m_summary);
    top->addWidget(m_warnings);
    top->addStretch(1);
    top->addWidget(targetLabel);
    top->addWidget(m_targetCombo);

    // Shown only while a load runs.
    m_loadingBar = new QWidget(this);
    m_loadingBar->setObjectName(QStringLiteral("loadingBar"));
    m_loadingLabel = new QLabel(m_loadingBar);
    m_progress = new QProgressBar(m_loadingBar);
    m_progress->setObjectName(QStringLiteral("loadProgress"));
    m_progress->setRange(0, 100);
    m_cancelButton = new QPushButton(tr("Cancel"), m_loadingBar);
    m_cancelButton->setObjectName(QStringLiteral("cancelLoadButton"));
    connect(m_cancelButton, &QPushButton::clicked, this, &DataPage::cancelLoad);
    auto *loading = new QHBoxLayout(m_loadingBar);
    loading->setContentsMargins(0, 0, 0, 0);
    loading->addWidget(m_loadingLabel);
    loading->addWidget(m_progress, 1);
    loading->addWidget(m_cancelButton);
    setLoadingVisible(false);

    // Before any data: a hint instead of empty tables.
    auto *placeholder = new QLabel(
        tr("<p style='font-size:large'>No data yet</p>"
           "<p>Open a CSV or ARFF file with <b>File ▸ Open Data…</b> (Ctrl+O) or by dropping "
           "it on this window,<br>or try a built-in dataset from <b>File ▸ Open "
           "Sample</b>.</p>"),
        this);
    placeholder->setObjectName(QStringLiteral("dataPlaceholder"));
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setEnabled(false);

    m_columnList = new QTableView(this);
    m_columnList->setObjectName(QStringLiteral("columnList"));
    m_columnList->setAccessibleName(tr("Columns of the dataset"));
    m_columnList->setModel(m_columnModel);
    m_columnList->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_columnList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_columnList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_columnList->verticalHeader()->hide();
    m_columnList->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_columnList->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_columnList->setWordWrap(false);
    m_columnList->setAlternatingRowColors(true);
    m_columnList->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_columnList->horizontalHeader()->setSectionResizeMode(ColumnListModel::NameSection,
                                                           QHeaderView::Stretch);
    connect(m_columnList->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    showColumn(current.row());
            });

    m_columnSummary = new ColumnSummaryWidget(this);
    m_columnSummary->setObjectName(QStringLiteral("columnSummary"));

    m_dataTable = new QTableView(this);
    m_dataTable->setObjectName(QStringLiteral("dataTable"));
    m_dataTable->setAccessibleName(tr("Rows of the dataset"));
    m_dataTable->setModel(m_tableModel);
    m_dataTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_dataTable->setWordWrap(false);
    m_dataTable->setAlternatingRowColors(true);
    // Uniform row heights keep scrolling through a million rows cheap.
    m_dataTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_dataTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_dataTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_dataTable->horizontalHeader()->setHighlightSections(true);
    connect(m_dataTable->selectionModel(), &QItemSelectionModel::currentColumnChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    selectColumn(current.column());
            });

    // The summary scrolls rather than squeezing its text when the panel is short.
    auto *summaryScroll = new QScrollArea(this);
    summaryScroll->setAccessibleName(tr("Summary of the selected column"));
    summaryScroll->setWidget(m_columnSummary);
    summaryScroll->setWidgetResizable(true);
    summaryScroll->setFrameShape(QFrame::NoFrame);
    summaryScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *left = m_leftSplitter = new QSplitter(Qt::Vertical, this);
    left->addWidget(m_columnList);
    left->addWidget(summaryScroll);
    // Extra height goes to the summary; fitColumnListHeight() sizes the list per dataset.
    left->setStretchFactor(0, 0);
    left->setStretchFactor(1, 1);
    left->setSizes({280, 420});
    left->setChildrenCollapsible(false);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("dataSplitter"));
    split->addWidget(left);
    split->addWidget(m_dataTable);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({430, 850});
    split->setChildrenCollapsible(false);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(placeholder);
    m_stack->addWidget(split);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_loadingBar);
    layout->addWidget(m_stack, 1);
    updateSummaryLine();
}

DataPage::~DataPage()
{
    // The job (a child) would cancel and wait anyway; doing it first keeps its finished()
    // from reaching a half-destroyed page.
    m_job->disconnect(this);
    m_job->cancel();
    // Views hold the models, models point into m_dataset: detach before it goes.
    m_tableModel->setDataset(nullptr);
    m_columnModel->setDataset(nullptr);
}

bool DataPage::isLoading() const
{
    return m_job->isRunning();
}

void DataPage::openFile(const QString &path)
{
    const QString resolved = resolveSamplePath(path);
    if (isResource(resolved) || formatForPath(resolved) != DataFormat::Csv) {
        load(path);
        return;
    }
    if (!QFileInfo(resolved).isFile()) {
        showError(tr("Cannot open “%1”: the file does not exist.")
                      .arg(QDir::toNativeSeparators(resolved)));
        return;
    }
    if (m_importDialog)
        m_importDialog->close();
    auto *dialog = new CsvImportDialog(resolved, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { load(dialog->path(), dialog->options()); });
    m_importDialog = dialog;
    dialog->open();
}

void DataPage::load(const QString &path, const CsvOptions &options)
{
    m_job->start({path, options});
    m_loadingLabel->setText(tr("Loading %1…").arg(displayName(path)));
    m_progress->setValue(0);
    m_cancelButton->setEnabled(true);
    setLoadingVisible(true);
    Q_EMIT statusMessage(tr("Loading %1…").arg(displayName(path)));
}

void DataPage::cancelLoad()
{
    if (!m_job->isRunning())
        return;
    m_cancelButton->setEnabled(false);
    m_job->cancel();
}

void DataPage::onLoadProgress(double fraction)
{
    m_progress->setValue(int(fraction * 100.0));
}

void DataPage::onLoadFinished()
{
    setLoadingVisible(false);
    const QString path = m_job->params().path;
    Expected<Dataset> result = m_job->takeResult();
    if (result) {
        install(std::move(*result), path);
        return;
    }
    if (result.error().code == ErrorCode::Cancelled) {
        Q_EMIT statusMessage(tr("Loading cancelled."));
        return;
    }
    showError(QString::fromStdString(result.error().describe()));
}

void DataPage::install(Dataset dataset, const QString &path)
{
    auto next = std::make_shared<Dataset>(std::move(dataset));
    // The readers leave roles alone; the last column is the usual place for the class.
    if (!next->targetIndex() && next->columnCount() > 0)
        next->setTarget(next->columnCount() - 1);

    // Models switch to the new dataset before the old one is destroyed.
    m_tableModel->setDataset(next.get());
    m_columnModel->setDataset(next.get());
    m_dataset = std::move(next);
    m_path = path;

    fillTargetCombo();
    updateSummaryLine();
    fitColumnWidths();
    fitColumnListHeight();
    m_stack->setCurrentIndex(1);
    m_columnSummary->clear();
    if (m_dataset->columnCount() > 0)
        selectColumn(0);

    Q_EMIT statusMessage(tr("Loaded %1: %2 rows, %3 columns.")
                             .arg(QString::fromStdString(m_dataset->name()),
                                  QLocale().toString(qulonglong(m_dataset->rowCount())),
                                  QLocale().toString(qulonglong(m_dataset->columnCount()))));
    Q_EMIT datasetChanged();
    Q_EMIT fileLoaded(path);
    if (const auto target = m_dataset->targetIndex())
        Q_EMIT targetChanged(int(*target));
}

void DataPage::showError(const QString &message)
{
    // One box at a time: a new failure replaces the one on show.
    if (m_errorBox)
        m_errorBox->close();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Cannot Open Data"),
                                tr("The data could not be loaded."), QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("loadErrorBox"));
    box->setInformativeText(message);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_errorBox = box;
    box->open();
    Q_EMIT statusMessage(tr("Loading failed."));
    Q_EMIT loadFailed(message);
}

void DataPage::setTarget(int column)
{
    if (!m_dataset || column < 0 || std::size_t(column) >= m_dataset->columnCount())
        return;
    if (m_dataset->targetIndex() == std::size_t(column))
        return;
    if (m_dataset.use_count() > 1) {
        // A running job reads this one: change a copy (the models switch before it goes).
        auto copy = std::make_shared<Dataset>(*m_dataset);
        m_tableModel->setDataset(copy.get());
        m_columnModel->setDataset(copy.get());
        m_dataset = std::move(copy);
    }
    m_dataset->setTarget(std::size_t(column));
    m_tableModel->refreshHeaders();
    m_columnModel->refreshRoles();
    {
        const QSignalBlocker blocker(m_targetCombo);
        m_targetCombo->setCurrentIndex(column);
    }
    updateSummaryLine();
    if (const int shown = m_columnSummary->columnIndex(); shown >= 0)
        showColumn(shown); // its role line changes
    Q_EMIT targetChanged(column);
}

void DataPage::selectColumn(int column)
{
    if (!m_dataset || column < 0 || column >= m_columnModel->rowCount())
        return;
    const QModelIndex index = m_columnModel->index(column, 0);
    if (m_columnList->currentIndex().row() != column) {
        m_columnList->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    if (m_columnSummary->columnIndex() != column)
        showColumn(column);
}

int DataPage::currentColumn() const
{
    return m_columnSummary->columnIndex();
}

void DataPage::showColumn(int column)
{
    if (!m_dataset || column < 0 || std::size_t(column) >= m_dataset->columnCount())
        return;
    m_columnSummary->setColumn(column, m_dataset->column(std::size_t(column)),
                               m_columnModel->stats(column));
    // Bring the column into view without moving the table's current cell.
    if (m_tableModel->rowCount() > 0) {
        const int row = std::max(0, m_dataTable->rowAt(0));
        m_dataTable->scrollTo(m_tableModel->index(row, column), QAbstractItemView::EnsureVisible);
    }
}

void DataPage::fillTargetCombo()
{
    const QSignalBlocker blocker(m_targetCombo);
    m_targetCombo->clear();
    if (!m_dataset) {
        m_targetCombo->setEnabled(false);
        return;
    }
    for (const Column &column : m_dataset->columns()) {
        m_targetCombo->addItem(QString::fromStdString(column.name()));
        m_targetCombo->setItemData(m_targetCombo->count() - 1, columnTypeText(column),
                                   Qt::ToolTipRole);
    }
    m_targetCombo->setCurrentIndex(m_dataset->targetIndex() ? int(*m_dataset->targetIndex()) : -1);
    m_targetCombo->setEnabled(m_dataset->columnCount() > 0);
}

void DataPage::updateSummaryLine()
{
    if (!m_dataset) {
        m_summary->setText(tr("No dataset loaded."));
        m_summary->setToolTip(QString());
        m_warnings->hide();
        return;
    }
    std::size_t numeric = 0;
    for (const Column &column : m_dataset->columns())
        numeric += column.isNumeric() ? 1 : 0;
    const std::size_t categorical = m_dataset->columnCount() - numeric;
    const QLocale locale;
    m_summary->setText(tr("<b>%1</b> — %2 rows × %3 columns (%4 numeric, %5 categorical)")
                           .arg(QString::fromStdString(m_dataset->name()).toHtmlEscaped(),
                                locale.toString(qulonglong(m_dataset->rowCount())),
                                locale.toString(qulonglong(m_dataset->columnCount())),
                                locale.toString(qulonglong(numeric)),
                                locale.toString(qulonglong(categorical))));
    m_summary->setToolTip(QDir::toNativeSeparators(resolveSamplePath(m_path)));

    const auto &warnings = m_dataset->warnings();
    if (warnings.empty()) {
        m_warnings->hide();
        return;
    }
    QStringList all;
    for (const std::string &warning : warnings)
        all << QString::fromStdString(warning);
    m_warnings->setText(warnings.size() == 1
                            ? tr("⚠ %1").arg(all.front())
                            : tr("⚠ %1 warnings: %2 …").arg(warnings.size()).arg(all.front()));
    m_warnings->setToolTip(all.join(QLatin1Char('\n')));
    m_warnings->show();
}

void DataPage::fitColumnWidths()
{
    const int rows = std::min(m_tableModel->rowCount(), kRowsMeasured);
    const QFontMetrics cellMetrics = m_dataTable->fontMetrics();
    QFont headerFont = m_dataTable->horizontalHeader()->font();
    headerFont.setBold(true); // the target's header is bold; leave room for any column
    const QFontMetrics headerMetrics(headerFont);
    const int padding = 2 * m_dataTable->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 16;
    for (int c = 0; c < m_tableModel->columnCount(); ++c) {
        const Column &column = m_dataset->column(std::size_t(c));
        int width = headerMetrics.horizontalAdvance(QString::fromStdString(column.name()));
        for (int r = 0; r < rows; ++r)
            width = std::max(width,
                             cellMetrics.horizontalAdvance(formatCell(column, std::size_t(r))));
        m_dataTable->setColumnWidth(c,
                                    std::clamp(width + padding, kMinColumnWidth, kMaxColumnWidth));
    }
}

void DataPage::fitColumnListHeight()
{
    // A short column list gives its room to the summary; a long one scrolls.
    constexpr int kMinRows = 4;
    constexpr int kMaxRows = 10;
    const int rows = std::clamp(m_columnModel->rowCount(), kMinRows, kMaxRows);
    const int listHeight = m_columnList->horizontalHeader()->sizeHint().height()
        + rows * m_columnList->verticalHeader()->defaultSectionSize()
        + 2 * m_columnList->frameWidth() + 2;
    const QList<int> sizes = m_leftSplitter->sizes();
    const int total = std::max(sizes.value(0) + sizes.value(1), 2 * listHeight);
    m_leftSplitter->setSizes({listHeight, total - listHeight});
}

void DataPage::setLoadingVisible(bool visible)
{
    m_loadingBar->setVisible(visible);
    m_progress->setVisible(visible);
    m_cancelButton->setVisible(visible);
}

} // namespace mb
