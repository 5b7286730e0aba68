// SPDX-License-Identifier: MIT
#include "ui/data/csv_import_dialog.h"

#include "core/data/dataset.h"
#include "core/io/csv_reader.h"
#include "ui/data/dataset_table_model.h"
#include "ui/data/value_format.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mb {

namespace {

enum TypeColumn { TypeNameColumn, TypeReadAsColumn, TypeUseAsColumn };
enum TypeChoice { ChoiceAuto, ChoiceNumeric, ChoiceCategorical };

QString defaultMissingText()
{
    QStringList tokens;
    for (const std::string &token : CsvOptions().missingTokens) {
        if (!token.empty())
            tokens << QString::fromStdString(token);
    }
    return tokens.join(QStringLiteral(", "));
}

} // namespace

CsvImportDialog::CsvImportDialog(const QString &path, QWidget *parent)
    : QDialog(parent)
    , m_path(path)
{
    setObjectName(QStringLiteral("csvImportDialog"));
    setWindowTitle(tr("Import %1").arg(QFileInfo(path).fileName()));

    m_delimiter = new QComboBox(this);
    m_delimiter->setObjectName(QStringLiteral("delimiterCombo"));
    m_delimiter->addItem(tr("Comma ( , )"), int(','));
    m_delimiter->addItem(tr("Semicolon ( ; )"), int(';'));
    m_delimiter->addItem(tr("Tab"), int('\t'));
    m_delimiter->addItem(tr("Pipe ( | )"), int('|'));

    m_header = new QCheckBox(tr("First row holds the column names"), this);
    m_header->setObjectName(QStringLiteral("headerCheck"));
    m_header->setChecked(true);
    m_decimalComma = new QCheckBox(tr("Decimal comma (3,14)"), this);
    m_decimalComma->setObjectName(QStringLiteral("decimalCommaCheck"));

    m_missing = new QLineEdit(defaultMissingText(), this);
    m_missing->setObjectName(QStringLiteral("missingTokensEdit"));
    m_missing->setToolTip(tr("Fields equal to one of these (comma separated) are missing values. "
                             "Empty fields are always missing."));

    auto *settings = new QFormLayout();
    settings->addRow(tr("&Delimiter:"), m_delimiter);
    settings->addRow(QString(), m_header);
    settings->addRow(QString(), m_decimalComma);
    settings->addRow(tr("&Missing values:"), m_missing);

    m_types = new QTableWidget(0, 3, this);
    m_types->setObjectName(QStringLiteral("columnTypesTable"));
    m_types->setHorizontalHeaderLabels({tr("Column"), tr("Read as"), tr("Use as")});
    m_types->verticalHeader()->hide();
    m_types->setSelectionMode(QAbstractItemView::NoSelection);
    m_types->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_types->horizontalHeader()->setSectionResizeMode(TypeNameColumn, QHeaderView::Stretch);
    m_types->horizontalHeader()->setSectionResizeMode(TypeReadAsColumn,
                                                      QHeaderView::ResizeToContents);
    m_types->horizontalHeader()->setSectionResizeMode(TypeUseAsColumn,
                                                      QHeaderView::ResizeToContents);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(settings);
    leftLayout->addWidget(new QLabel(tr("Column types:"), left));
    leftLayout->addWidget(m_types, 1);

    m_previewModel = new DatasetTableModel(this);
    m_previewTable = new QTableView(this);
    m_previewTable->setObjectName(QStringLiteral("previewTable"));
    m_previewTable->setModel(m_previewModel);
    m_previewTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_previewTable->verticalHeader()->setDefaultSectionSize(m_previewTable->fontMetrics().height()
                                                            + 6);
    m_previewTable->setWordWrap(false);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(m_previewTable);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({340, 620});

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("previewStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("importButtons"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Load"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("loadButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *fileLabel = new QLabel(tr("File: %1").arg(QDir::toNativeSeparators(path)), this);
    fileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(fileLabel);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    resize(980, 600);

    connect(m_delimiter, &QComboBox::currentIndexChanged, this,
            &CsvImportDialog::onStructureChanged);
    connect(m_header, &QCheckBox::toggled, this, &CsvImportDialog::onStructureChanged);
    connect(m_decimalComma, &QCheckBox::toggled, this, &CsvImportDialog::refreshPreview);
    connect(m_missing, &QLineEdit::editingFinished, this, [this] {
        if (m_missing->isModified()) {
            m_missing->setModified(false);
            refreshPreview();
        }
    });

    refreshPreview();
}

CsvImportDialog::~CsvImportDialog() = default;

CsvOptions CsvImportDialog::options() const
{
    CsvOptions options = optionsFromControls();
    options.maxRows = 0;
    return options;
}

CsvOptions CsvImportDialog::optionsFromControls() const
{
    CsvOptions options;
    options.missingTokens = {""};
    const QStringList tokens = m_missing->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &token : tokens) {
        const QString trimmed = token.trimmed();
        if (!trimmed.isEmpty())
            options.missingTokens.push_back(trimmed.toStdString());
    }
    if (!m_detected)
        return options; // first read: let the reader detect the dialect
    options.delimiter = char(m_delimiter->currentData().toInt());
    options.header
        = m_header->isChecked() ? CsvOptions::Header::Present : CsvOptions::Header::Absent;
    options.decimal
        = m_decimalComma->isChecked() ? CsvOptions::Decimal::Comma : CsvOptions::Decimal::Point;
    options.typeOverrides = m_overrides;
    return options;
}

void CsvImportDialog::refreshPreview()
{
    CsvOptions options = optionsFromControls();
    options.maxRows = kPreviewRows;
    CsvDialect dialect;
    Expected<Dataset> result = readCsv(m_path, options, {}, &dialect);

    if (!m_detected) {
        // When the first read fails, sniffing alone may still find the dialect to start from.
        if (!result) {
            if (Expected<CsvDialect> sniffed = sniffCsv(m_path, options))
                dialect = *sniffed;
        }
        showDialect(dialect.delimiter, dialect.header, dialect.decimalComma);
        m_detected = true;
    }

    // The model lets go of the old preview before it is destroyed.
    std::unique_ptr<Dataset> old = std::move(m_preview);
    if (result) {
        m_preview = std::make_unique<Dataset>(std::move(*result));
        m_error.clear();
    } else {
        m_error = QString::fromStdString(result.error().describe());
    }
    m_previewModel->setDataset(m_preview.get());
    old.reset();

    if (m_preview) {
        m_previewTable->horizontalHeader()->setResizeContentsPrecision(int(kPreviewRows));
        m_previewTable->resizeColumnsToContents();
        m_status->setStyleSheet(QString());
        m_status->setText(tr("Preview: the first rows of the file (%1 rows × %2 columns).")
                              .arg(m_preview->rowCount())
                              .arg(m_preview->columnCount()));
    } else {
        m_status->setStyleSheet(QStringLiteral("color: #b00020;"));
        m_status->setText(tr("The file cannot be read with these settings: %1").arg(m_error));
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_preview != nullptr);
    updateTypeTable();
    Q_EMIT previewUpdated();
}

void CsvImportDialog::showDialect(char delimiter, bool header, bool decimalComma)
{
    // Showing what was detected is not a change by the user: no re-read.
    const QSignalBlocker b1(m_delimiter);
    const QSignalBlocker b2(m_header);
    const QSignalBlocker b3(m_decimalComma);
    const int index = m_delimiter->findData(int(delimiter));
    if (index >= 0)
        m_delimiter->setCurrentIndex(index);
    m_header->setChecked(header);
    m_decimalComma->setChecked(decimalComma);
}

void CsvImportDialog::onStructureChanged()
{
    // Other delimiters or header settings give other columns: old overrides no longer apply.
    m_overrides.clear();
    m_types->setRowCount(0);
    refreshPreview();
}

void CsvImportDialog::updateTypeTable()
{
    // A failed preview keeps the last columns on show, so a bad choice can be undone.
    if (!m_preview)
        return;
    const int count = int(m_preview->columnCount());
    bool sameColumns = m_types->rowCount() == count;
    for (int i = 0; sameColumns && i < count; ++i) {
        sameColumns = m_types->item(i, TypeNameColumn)->text()
            == QString::fromStdString(m_preview->column(std::size_t(i)).name());
    }
    if (!sameColumns) {
        rebuildTypeTable();
        return;
    }
    for (int i = 0; i < count; ++i) {
        const Column &column = m_preview->column(std::size_t(i));
        QTableWidgetItem *item = m_types->item(i, TypeReadAsColumn);
        item->setText(columnTypeName(column.type()));
        item->setToolTip(column.typeReason().empty() ? tr("Chosen in \"Use as\".")
                                                     : typeReasonText(column));
    }
}

void CsvImportDialog::rebuildTypeTable()
{
    m_types->setRowCount(0);
    if (!m_preview)
        return;
    m_types->setRowCount(int(m_preview->columnCount()));
    for (int i = 0; i < m_types->rowCount(); ++i) {
        const Column &column = m_preview->column(std::size_t(i));
        const std::string name = column.name();
        m_types->setItem(i, TypeNameColumn, new QTableWidgetItem(QString::fromStdString(name)));
        auto *readAs = new QTableWidgetItem(columnTypeName(column.type()));
        readAs->setToolTip(typeReasonText(column));
        m_types->setItem(i, TypeReadAsColumn, readAs);

        auto *useAs = new QComboBox(m_types);
        useAs->setObjectName(QStringLiteral("typeCombo_%1").arg(i));
        useAs->addItem(tr("Auto"), int(ChoiceAuto));
        useAs->addItem(tr("Numeric"), int(ChoiceNumeric));
        useAs->addItem(tr("Categorical"), int(ChoiceCategorical));
        if (const auto it = m_overrides.find(name); it != m_overrides.end())
            useAs->setCurrentIndex(it->second == ColumnType::Numeric ? ChoiceNumeric
                                                                     : ChoiceCategorical);
        connect(useAs, &QComboBox::currentIndexChanged, this, [this, name](int choice) {
            if (choice == ChoiceNumeric)
                m_overrides[name] = ColumnType::Numeric;
            else if (choice == ChoiceCategorical)
                m_overrides[name] = ColumnType::Categorical;
            else
                m_overrides.erase(name);
            // Queued: never re-read (and maybe rebuild this table) inside the combo's signal.
            QMetaObject::invokeMethod(this, &CsvImportDialog::refreshPreview, Qt::QueuedConnection);
        });
        m_types->setCellWidget(i, TypeUseAsColumn, useAs);
    }
}

} // namespace mb
