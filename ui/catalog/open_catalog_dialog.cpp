// SPDX-License-Identifier: MIT
#include "ui/catalog/open_catalog_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace mb {

OpenCatalogDialog::OpenCatalogDialog(const QStringList &recent, const QString &browseFolder,
                                     QWidget *parent)
    : QDialog(parent)
    , m_browseFolder(browseFolder)
{
    setObjectName(QStringLiteral("openCatalogDialog"));
    setWindowTitle(tr("Open Catalog"));

    m_location = new QComboBox(this);
    m_location->setObjectName(QStringLiteral("catalogLocation"));
    m_location->setEditable(true);
    m_location->setInsertPolicy(QComboBox::NoInsert);
    m_location->addItems(recent);
    m_location->setMinimumContentsLength(48);
    m_location->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_location->lineEdit()->setPlaceholderText(
        tr("catalog.sqlite or postgresql://user@host:5432/database"));
    m_location->setAccessibleName(tr("Catalog location"));

    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("browseCatalogButton"));
    browse->setAccessibleName(tr("Browse for a catalog file"));
    connect(browse, &QPushButton::clicked, this, &OpenCatalogDialog::browse);

    auto *row = new QHBoxLayout;
    row->addWidget(m_location, 1);
    row->addWidget(browse);

    auto *hint = new QLabel(
        tr("A catalog file on this computer, or a team catalog on a PostgreSQL server. The "
           "server's password comes from PGPASSWORD or ~/.pgpass; if neither has it, ModelBench "
           "asks and keeps it only until it quits."),
        this);
    hint->setWordWrap(true);
    hint->setObjectName(QStringLiteral("catalogLocationHint"));

    auto *form = new QFormLayout;
    auto *label = new QLabel(tr("&Location:"), this);
    label->setBuddy(m_location);
    form->addRow(label, row);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("openCatalogButtons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_location, &QComboBox::currentTextChanged, this, &OpenCatalogDialog::updateOk);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    updateOk();
}

QString OpenCatalogDialog::location() const
{
    return m_location->currentText().trimmed();
}

void OpenCatalogDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Catalog"), m_browseFolder, tr("Model catalogs (*.sqlite *.db);;All files (*)"));
    if (!path.isEmpty())
        m_location->setCurrentText(path);
}

void OpenCatalogDialog::updateOk()
{
    if (auto *buttons = findChild<QDialogButtonBox *>(QStringLiteral("openCatalogButtons")))
        buttons->button(QDialogButtonBox::Open)->setEnabled(!location().isEmpty());
}

} // namespace mb
