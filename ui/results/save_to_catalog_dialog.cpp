// SPDX-License-Identifier: MIT
#include "ui/results/save_to_catalog_dialog.h"

#include "core/catalog/model_ref.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace mb {

SaveToCatalogDialog::SaveToCatalogDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("saveToCatalogDialog"));
    setWindowTitle(tr("Save to Catalog"));

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("catalogNameEdit"));
    m_name->setAccessibleName(tr("Model name"));
    m_name->setPlaceholderText(tr("e.g. churn"));
    m_name->setMaxLength(kMaxModelNameLength * 2); // NFC may shorten it; checked below
    m_tags = new QLineEdit(this);
    m_tags->setObjectName(QStringLiteral("catalogTagsEdit"));
    m_tags->setAccessibleName(tr("Tags"));
    m_tags->setPlaceholderText(tr("comma separated, e.g. baseline, q3"));
    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(QStringLiteral("catalogDescriptionEdit"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setPlaceholderText(tr("What this model is for (Markdown)"));
    m_description->setTabChangesFocus(true);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("catalogNameProblem"));
    m_problem->setWordWrap(true);
    QPalette palette = m_problem->palette();
    palette.setColor(QPalette::WindowText, Qt::darkRed);
    m_problem->setPalette(palette);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("catalogButtons"));
    m_buttons->button(QDialogButtonBox::Save)->setAccessibleName(tr("Save to the catalog"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Tags:"), m_tags);
    form->addRow(tr("&Description:"), m_description);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, &SaveToCatalogDialog::validate);
    connect(m_tags, &QLineEdit::textChanged, this, &SaveToCatalogDialog::validate);
    validate();
}

QString SaveToCatalogDialog::name() const
{
    return canonicalModelName(m_name->text());
}

QStringList SaveToCatalogDialog::tags() const
{
    return splitTags(m_tags->text());
}

QString SaveToCatalogDialog::description() const
{
    return m_description->toPlainText();
}

void SaveToCatalogDialog::setName(const QString &name)
{
    m_name->setText(name);
}

QStringList SaveToCatalogDialog::splitTags(const QString &text)
{
    QStringList tags;
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QString tag = part.trimmed();
        if (!tag.isEmpty() && !tags.contains(tag))
            tags.append(tag);
    }
    return tags;
}

void SaveToCatalogDialog::validate()
{
    // The catalog's own checks, so the dialog never accepts what add() would refuse.
    QString problem;
    if (m_name->text().isEmpty()) {
        problem = tr("A name is required.");
    } else if (auto ok = checkModelName(name()); !ok) {
        problem = tr("Name: %1").arg(QString::fromStdString(ok.error().message));
    } else {
        for (const QString &tag : tags()) {
            if (auto valid = checkLabel(tag, "tag"); !valid) {
                problem
                    = tr("Tag “%1”: %2").arg(tag, QString::fromStdString(valid.error().message));
                break;
            }
        }
    }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty() && !m_name->text().isEmpty());
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(problem.isEmpty());
}

} // namespace mb
