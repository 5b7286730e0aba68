// SPDX-License-Identifier: MIT
#include "ui/train/validation_box.h"

#include "ui/language.h"

#include <QButtonGroup>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QStyle>

#include <climits>

namespace mb {

namespace {

const QString kKindKey = QStringLiteral("Train/validation");
const QString kHoldoutKey = QStringLiteral("Train/holdoutPercent");
const QString kFoldsKey = QStringLiteral("Train/folds");
const QString kSeedKey = QStringLiteral("Train/seed");
const QString kTestFileKey = QStringLiteral("Train/testFile");

using Kind = ValidationScheme::Kind;

} // namespace

ValidationBox::ValidationBox(QWidget *parent)
    : QGroupBox(tr("Validation"), parent)
{
    setObjectName(QStringLiteral("validationBox"));

    m_holdout = new QRadioButton(tr("&Holdout, test share:"), this);
    m_holdout->setObjectName(QStringLiteral("holdoutRadio"));
    m_holdout->setToolTip(tr("Train on the other rows, measure on a random share kept apart."));
    m_holdoutPercent = new QSpinBox(this);
    m_holdoutPercent->setObjectName(QStringLiteral("holdoutPercent"));
    m_holdoutPercent->setRange(1, 99);
    m_holdoutPercent->setValue(25);
    m_holdoutPercent->setSuffix(tr(" %"));
    m_holdoutPercent->setAccessibleName(tr("Holdout test share in percent"));

    m_crossValidation = new QRadioButton(tr("&Cross-validation, folds:"), this);
    m_crossValidation->setObjectName(QStringLiteral("crossValidationRadio"));
    m_crossValidation->setToolTip(
            tr("Measure on each of k folds in turn, then train the kept model on every row."));
    m_folds = new QSpinBox(this);
    m_folds->setObjectName(QStringLiteral("foldCount"));
    m_folds->setRange(2, 100);
    m_folds->setValue(10);
    m_folds->setAccessibleName(tr("Number of cross-validation folds"));

    m_testSet = new QRadioButton(tr("&Test file:"), this);
    m_testSet->setObjectName(QStringLiteral("testFileRadio"));
    m_testSet->setToolTip(tr("Train on every row, measure on another file with the same columns."));
    m_testFile = new QLineEdit(this);
    m_testFile->setObjectName(QStringLiteral("testFileEdit"));
    m_testFile->setPlaceholderText(tr("CSV or ARFF file"));
    m_testFile->setAccessibleName(tr("Test file path"));
    m_browse = new QPushButton(tr("&Browse…"), this);
    m_browse->setObjectName(QStringLiteral("testFileBrowse"));
    m_browse->setAccessibleName(tr("Choose test file"));

    m_none = new QRadioButton(tr("&None (train on every row)"), this);
    m_none->setObjectName(QStringLiteral("noValidationRadio"));
    m_none->setToolTip(tr("Keep a model trained on every row without measuring it."));

    for (QRadioButton *radio : {m_holdout, m_crossValidation, m_testSet, m_none})
        radio->setAccessibleName(withoutMnemonic(radio->text()));
    m_kinds = new QButtonGroup(this);
    m_kinds->addButton(m_holdout, int(Kind::Holdout));
    m_kinds->addButton(m_crossValidation, int(Kind::CrossValidation));
    m_kinds->addButton(m_testSet, int(Kind::TestSet));
    m_kinds->addButton(m_none, int(Kind::None));

    auto *seedLabel = new QLabel(tr("&Seed:"), this);
    m_seed = new QSpinBox(this);
    m_seed->setObjectName(QStringLiteral("seedSpin"));
    m_seed->setRange(0, INT_MAX);
    m_seed->setAccessibleName(tr("Random seed"));
    m_seed->setToolTip(tr("The same seed and data give the same split and the same model."));
    seedLabel->setBuddy(m_seed);

    auto *grid = new QGridLayout(this);
    grid->addWidget(m_holdout, 0, 0);
    grid->addWidget(m_holdoutPercent, 0, 1);
    grid->addWidget(m_crossValidation, 1, 0);
    grid->addWidget(m_folds, 1, 1);
    grid->addWidget(m_testSet, 2, 0);
    // The path gets a row of its own: paths are long.
    auto *fileRow = new QHBoxLayout;
    fileRow->setContentsMargins(style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth) + 6, 0, 0, 0);
    fileRow->addWidget(m_testFile, 1);
    fileRow->addWidget(m_browse);
    grid->addLayout(fileRow, 3, 0, 1, 3);
    grid->addWidget(m_none, 4, 0, 1, 3);
    grid->addWidget(seedLabel, 5, 0, Qt::AlignRight);
    grid->addWidget(m_seed, 5, 1);
    grid->setColumnStretch(2, 1);

    m_holdout->setChecked(true);
    loadSettings();
    updateEnabled();

    connect(m_kinds, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (!checked)
            return;
        updateEnabled();
        Q_EMIT changed();
    });
    connect(m_testFile, &QLineEdit::textChanged, this, &ValidationBox::changed);
    connect(m_browse, &QPushButton::clicked, this, &ValidationBox::chooseTestFile);
}

ValidationScheme ValidationBox::scheme() const
{
    ValidationScheme scheme;
    scheme.kind = Kind(m_kinds->checkedId());
    scheme.holdoutFraction = m_holdoutPercent->value() / 100.0;
    scheme.folds = m_folds->value();
    return scheme;
}

void ValidationBox::setKind(ValidationScheme::Kind kind)
{
    if (QAbstractButton *button = m_kinds->button(int(kind)))
        button->setChecked(true);
}

QString ValidationBox::testPath() const
{
    return m_testFile->text().trimmed();
}

void ValidationBox::setTestPath(const QString &path)
{
    m_testFile->setText(path);
}

std::uint64_t ValidationBox::seed() const
{
    return std::uint64_t(m_seed->value());
}

QString ValidationBox::problem() const
{
    if (m_kinds->checkedId() != int(Kind::TestSet))
        return {};
    const QString path = testPath();
    if (path.isEmpty())
        return tr("Choose a test file, or another kind of validation.");
    // Built-in samples are resources, not files on disk.
    if (!path.startsWith(QStringLiteral("sample:")) && !path.startsWith(QLatin1Char(':'))
        && !QFileInfo(path).isFile())
        return tr("The test file %1 does not exist.").arg(QDir::toNativeSeparators(path));
    return {};
}

void ValidationBox::chooseTestFile()
{
    QString folder = QFileInfo(testPath()).absolutePath();
    if (testPath().isEmpty())
        folder = QSettings().value(QStringLiteral("Files/lastFolder"), QDir::homePath()).toString();
    const QString path = QFileDialog::getOpenFileName(
            this, tr("Choose Test File"), folder,
            tr("Data files (*.csv *.tsv *.txt *.arff);;All files (*)"));
    if (path.isEmpty())
        return;
    m_testFile->setText(path);
    m_testSet->setChecked(true);
}

void ValidationBox::updateEnabled()
{
    m_holdoutPercent->setEnabled(m_holdout->isChecked());
    m_folds->setEnabled(m_crossValidation->isChecked());
    m_testFile->setEnabled(m_testSet->isChecked());
}

void ValidationBox::loadSettings()
{
    const QSettings settings;
    setKind(Kind(settings.value(kKindKey, int(Kind::Holdout)).toInt()));
    m_holdoutPercent->setValue(settings.value(kHoldoutKey, 25).toInt());
    m_folds->setValue(settings.value(kFoldsKey, 10).toInt());
    m_seed->setValue(settings.value(kSeedKey, 0).toInt());
    m_testFile->setText(settings.value(kTestFileKey).toString());
}

void ValidationBox::saveSettings() const
{
    QSettings settings;
    settings.setValue(kKindKey, m_kinds->checkedId());
    settings.setValue(kHoldoutKey, m_holdoutPercent->value());
    settings.setValue(kFoldsKey, m_folds->value());
    settings.setValue(kSeedKey, m_seed->value());
    settings.setValue(kTestFileKey, testPath());
}

} // namespace mb
