// SPDX-License-Identifier: MIT
#include "ui/results/results_page.h"

#include "ui/results/class_metrics_model.h"
#include "ui/results/confusion_matrix_view.h"
#include "ui/results/importance_chart.h"
#include "ui/results/metrics_table_model.h"
#include "ui/results/model_sheet.h"
#include "ui/results/number_text.h"
#include "ui/results/roc_chart.h"
#include "ui/results/save_to_catalog_dialog.h"
#include "ui/results/tree_diagram_view.h"
#include "ui/train/result_text.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
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
    m_saveFileButton = new QPushButton(tr("Save as &File…"), this);
    m_saveFileButton->setObjectName(QStringLiteral("saveModelFileButton"));
    m_saveFileButton->setAccessibleName(tr("Save the model as a file"));
    m_saveFileButton->setToolTip(tr("Write the model to a ModelBench model file (.mbm)"));
    connect(m_saveFileButton, &QPushButton::clicked, this, &ResultsPage::showSaveFileDialog);
    m_saveCatalogButton = new QPushButton(tr("Save to &Catalog…"), this);
    m_saveCatalogButton->setObjectName(QStringLiteral("saveToCatalogButton"));
    m_saveCatalogButton->setAccessibleName(tr("Save the model to the catalog"));
    m_saveCatalogButton->setToolTip(tr("Register the model as a new version in the catalog"));
    connect(m_saveCatalogButton, &QPushButton::clicked, this,
            &ResultsPage::showSaveToCatalogDialog);
    m_predictButton = new QPushButton(tr("Open in &Predict"), this);
    m_predictButton->setObjectName(QStringLiteral("openInPredictButton"));
    m_predictButton->setAccessibleName(tr("Open the model on the Predict page"));
    m_predictButton->setToolTip(tr("Ask the model about new cases, one at a time or a whole file"));
    connect(m_predictButton, &QPushButton::clicked, this, &ResultsPage::openInPredictRequested);
    m_buttonRow->addWidget(m_predictButton);
    m_buttonRow->addWidget(m_saveFileButton);
    m_buttonRow->addWidget(m_saveCatalogButton);
    auto *header = new QHBoxLayout;
    header->addLayout(headerText, 1);
    header->addLayout(m_buttonRow);

    m_views = new QTabWidget(this);
    m_views->setObjectName(QStringLiteral("resultsViews"));
    m_views->setAccessibleName(tr("Result views"));
    m_views->addTab(createMetricsTab(), tr("&Metrics"));
    m_views->addTab(createChartsTab(), tr("C&harts"));
    m_views->addTab(createSheetTab(), tr("Model &sheet"));
    // Last, so that the other tabs keep their places whether or not it is shown.
    m_treeTab = m_views->addTab(createTreeTab(), tr("Tr&ee"));

    auto *placeholder = new QLabel(
        tr("No model yet. Train one on the Train page, or open a model file with "
           "File > Open Model…; it appears here."),
        this);
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

QWidget *ResultsPage::createTreeTab()
{
    m_treeDiagram = new TreeDiagramView;
    m_treeDiagram->setObjectName(QStringLiteral("treeDiagram"));

    auto button = [](const QString &text, const QString &name, const QString &tip) {
        auto *b = new QPushButton(text);
        b->setObjectName(name);
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        b->setFocusPolicy(Qt::NoFocus); // the keys belong to the drawing
        return b;
    };
    auto *zoomOut = button(tr("−"), QStringLiteral("treeZoomOutButton"), tr("Zoom out (-)"));
    auto *zoomIn = button(tr("+"), QStringLiteral("treeZoomInButton"), tr("Zoom in (+)"));
    auto *fit = button(tr("Fit"), QStringLiteral("treeFitButton"), tr("Show the whole tree (0)"));
    auto *actual = button(tr("100 %"), QStringLiteral("treeActualSizeButton"), tr("Actual size"));
    for (QPushButton *b : {zoomOut, zoomIn})
        b->setFixedWidth(b->sizeHint().height() + 8);
    connect(zoomOut, &QPushButton::clicked, m_treeDiagram, &TreeDiagramView::zoomOut);
    connect(zoomIn, &QPushButton::clicked, m_treeDiagram, &TreeDiagramView::zoomIn);
    connect(fit, &QPushButton::clicked, m_treeDiagram, &TreeDiagramView::zoomToFit);
    connect(actual, &QPushButton::clicked, m_treeDiagram, &TreeDiagramView::zoomToActualSize);
    m_treeZoom = new QLabel;
    m_treeZoom->setObjectName(QStringLiteral("treeZoomLabel"));
    m_treeZoom->setMinimumWidth(
        m_treeZoom->fontMetrics().horizontalAdvance(QStringLiteral("0000 %")));
    connect(m_treeDiagram, &TreeDiagramView::zoomChanged, m_treeZoom, [this](double zoom) {
        m_treeZoom->setText(QLocale().toString(qRound(zoom * 100)) + QStringLiteral(" %"));
    });
    m_treeLegend = new QLabel;
    m_treeLegend->setObjectName(QStringLiteral("treeLegend"));
    m_treeLegend->setTextFormat(Qt::RichText);
    m_treeLegend->setWordWrap(true);

    m_treeNote = new QLabel;
    m_treeNote->setObjectName(QStringLiteral("treeNote"));
    m_treeNote->setWordWrap(true);
    auto *hint = new QLabel(tr("Each box: the split (yes goes left, no goes right), the training "
                               "rows that reached it, how many of each class and the class it "
                               "predicts. Drag to move; Ctrl+wheel, + and - zoom; 0 fits."));
    hint->setWordWrap(true);

    auto *tools = new QHBoxLayout;
    tools->addWidget(zoomOut);
    tools->addWidget(zoomIn);
    tools->addWidget(m_treeZoom);
    tools->addWidget(fit);
    tools->addWidget(actual);
    tools->addSpacing(12);
    tools->addWidget(m_treeLegend, 1);

    auto *tab = new QWidget;
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(hint);
    layout->addWidget(m_treeNote);
    layout->addLayout(tools);
    layout->addWidget(m_treeDiagram, 1);
    return tab;
}

void ResultsPage::showTree(const Model &model)
{
    const bool tree = model.algo() == "tree";
    m_treeDiagram->setModel(model);
    m_treeNote->setText(m_treeDiagram->note());
    m_treeNote->setVisible(!m_treeDiagram->note().isEmpty());
    m_treeLegend->setText(m_treeDiagram->legendHtml());
    if (!tree && m_views->currentIndex() == m_treeTab)
        m_views->setCurrentIndex(0);
    m_views->setTabEnabled(m_treeTab, tree);
    m_views->setTabVisible(m_treeTab, tree);
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
    showResult(std::move(result), {}, {});
}

void ResultsPage::showLoadedModel(LoadedModel loaded, const QString &source)
{
    Model model = std::move(loaded.model);
    if (model.metrics().empty())
        model.setMetrics(loaded.header.metrics);
    // Wrapped as a result without an evaluation (no rows measured), which the page shows as
    // "not measured here"; the recipe supplies what training would have said.
    const TrainingRecipe recipe = model.recipe();
    auto result = std::make_shared<TrainResult>(
        EvaluationResult {std::move(model), Metrics {}, {}, {}, {}, 0.0, 0.0, 0});
    result->algo = recipe.algo.empty() ? loaded.header.algo : recipe.algo;
    result->params = recipe.params;
    result->validation = recipe.validation;
    result->datasetName = recipe.datasetName;
    result->seed = recipe.seed;
    result->finishedAt = QDateTime::fromString(QString::fromStdString(loaded.header.created),
                                               Qt::ISODate);
    showResult(std::move(result), source, QString::fromStdString(loaded.header.created));
}

QString ResultsPage::loadedHeaderText() const
{
    const TrainResult &shown = *m_result;
    QString text = tr("Opened from %1.").arg(QDir::toNativeSeparators(m_source));
    if (!shown.datasetName.empty())
        text += QLatin1Char(' ')
            + tr("Trained on %1 (%2 rows), validation %3, seed %4.")
                  .arg(QString::fromStdString(shown.datasetName),
                       countText(double(shown.evaluation.model.recipe().rows)),
                       validationDisplayText(shown.validation))
                  .arg(shown.seed);
    if (shown.finishedAt.isValid())
        text += QLatin1Char(' ')
            + tr("Created %1.").arg(QLocale().toString(shown.finishedAt.toLocalTime(),
                                                       QLocale::ShortFormat));
    else if (!m_created.isEmpty())
        text += QLatin1Char(' ') + tr("Created %1.").arg(m_created);
    return text;
}

QString ResultsPage::storedMetricsText(const Model &model) const
{
    if (model.metrics().empty())
        return tr("Opened from a file: not measured here, and the file stores no metrics.");
    QStringList parts;
    for (const auto &[key, value] : model.metrics())
        parts.append(QStringLiteral("%1 %2").arg(metricDisplayName(key),
                                                 QLocale().toString(value, 'f', 4)));
    return tr("Opened from a file: not measured here. Metrics stored when the model was made: "
              "%1. The model sheet lists them too.")
        .arg(parts.join(QStringLiteral(", ")));
}

void ResultsPage::showResult(std::shared_ptr<const TrainResult> result, const QString &source,
                       QString created)
{
    m_result = std::move(result);
    m_source = m_result ? source : QString();
    m_created = std::move(created);
    m_saveFileButton->setEnabled(m_result != nullptr);
    m_saveCatalogButton->setEnabled(m_result != nullptr);
    m_predictButton->setEnabled(m_result != nullptr);
    Q_EMIT modelShown(m_result != nullptr);
    if (!m_result) {
        m_stack->setCurrentIndex(0);
        m_metricsModel->clear();
        m_classModel->clear();
        m_confusion->clear();
        m_roc->clear();
        m_importance->showMessage(tr("Feature importances"));
        m_treeDiagram->clear();
        m_views->setTabEnabled(m_treeTab, false);
        m_views->setTabVisible(m_treeTab, false);
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
    m_summary->setText(m_source.isEmpty() ? headerText(shown) : loadedHeaderText());

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
    } else if (!m_source.isEmpty()) {
        m_metricsModel->clear();
        m_classModel->clear();
        m_confusion->clear();
        m_metricsNote->setText(storedMetricsText(model));
    } else {
        m_metricsModel->clear();
        m_classModel->clear();
        m_confusion->clear();
        m_metricsNote->setText(tr("Not validated: there are no metrics. Choose holdout, "
                                  "cross-validation or a test file on the Train page."));
    }
    m_roc->setEvaluation(evaluation.truth, evaluation.proba, classes);
    showImportances(model);
    showTree(model);

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

namespace {

const QString kModelFolderKey = QStringLiteral("Files/lastModelFolder");

} // namespace

void ResultsPage::showSaveFileDialog()
{
    if (!m_result)
        return;
    // The format is chosen with the file type: the first (binary) is the default.
    const QString binary = tr("ModelBench model, binary (*.mbm)");
    const QString text = tr("ModelBench model, text (*.mbm)");
    const QString xml = tr("ModelBench model, XML (*.mbm)");
    QSettings settings;
    const QString folder = settings.value(kModelFolderKey, QDir::homePath()).toString();
    const QString suggested = QDir(folder).filePath(
        QString::fromStdString(m_result->algo) + QLatin1String(kModelFileSuffix));
    QString filter = binary;
    QString path = QFileDialog::getSaveFileName(this, tr("Save Model as File"), suggested,
                                                QStringList {binary, text, xml}.join(
                                                    QStringLiteral(";;")),
                                                &filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1String(kModelFileSuffix);
    settings.setValue(kModelFolderKey, QFileInfo(path).absolutePath());
    const ArchiveKind kind = filter == xml    ? ArchiveKind::Xml
                             : filter == text ? ArchiveKind::Text
                                              : ArchiveKind::Binary;
    saveModelTo(path, kind);
}

bool ResultsPage::saveModelTo(const QString &path, ArchiveKind kind)
{
    if (!m_result)
        return false;
    auto saved = saveModelFile(path, m_result->evaluation.model, kind);
    if (!saved) {
        showError(tr("Cannot Save Model"),
                  tr("The model could not be saved to %1.").arg(QDir::toNativeSeparators(path)),
                  QString::fromStdString(saved.error().describe()));
        return false;
    }
    Q_EMIT statusMessage(tr("Model saved to %1 (%2).")
                             .arg(QDir::toNativeSeparators(path),
                                  QString::fromStdString(archiveKindName(kind))));
    return true;
}

void ResultsPage::showSaveToCatalogDialog()
{
    if (!m_result)
        return;
    auto *dialog = new SaveToCatalogDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // A sensible first name: the dataset's, without its extension.
    const QString dataset = QFileInfo(QString::fromStdString(m_result->datasetName)).baseName();
    if (checkModelName(canonicalModelName(dataset)))
        dialog->setName(dataset);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        saveToCatalog(dialog->name(), dialog->tags(), dialog->description());
    });
    dialog->open();
}

std::optional<CatalogEntry> ResultsPage::saveToCatalog(const QString &name,
                                                       const QStringList &tags,
                                                       const QString &description)
{
    if (!m_result)
        return std::nullopt;
    const QString title = tr("Cannot Save to Catalog");
    const QString text = tr("The model could not be saved to the catalog as “%1”.").arg(name);
    auto bytes = encodeModelFile(m_result->evaluation.model);
    if (!bytes) {
        showError(title, text, QString::fromStdString(bytes.error().describe()));
        return std::nullopt;
    }
    // A catalog is opened per use: a Catalog belongs to the thread and moment that opened it,
    // and another ModelBench may write to the same file meanwhile.
    auto catalog = Catalog::open(m_catalogPath, CatalogOptions::interactive());
    if (!catalog) {
        showError(title, text, QString::fromStdString(catalog.error().describe()));
        return std::nullopt;
    }
    CatalogAddOptions options;
    options.tags = tags;
    options.description = description;
    options.sourceName = m_source;
    auto added = catalog->add(name, *bytes, options);
    if (!added) {
        showError(title, text, QString::fromStdString(added.error().describe()));
        return std::nullopt;
    }
    Q_EMIT statusMessage(tr("Saved as %1.").arg(added->ref().toString()));
    Q_EMIT savedToCatalog(*added);
    return *added;
}

void ResultsPage::showError(const QString &title, const QString &text, const QString &details)
{
    // One box at a time, and not modal to the test harness: open(), not exec().
    if (m_errorBox)
        m_errorBox->close();
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("resultsErrorBox"));
    box->setInformativeText(details);
    box->setAttribute(Qt::WA_DeleteOnClose);
    // No slot on destroyed to forget the box: when this page is deleted, its children go in
    // ~QWidget, after the page's own part has ended, so such a slot would touch a dead object.
    // QPointer forgets it by itself.
    m_errorBox = box;
    box->open();
}

void ResultsPage::copySheet()
{
    QApplication::clipboard()->setText(m_sheet->toPlainText());
    Q_EMIT statusMessage(tr("Model sheet copied to the clipboard."));
}

} // namespace mb
