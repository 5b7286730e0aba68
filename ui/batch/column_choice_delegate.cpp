// SPDX-License-Identifier: MIT
#include "ui/batch/column_choice_delegate.h"

#include "ui/batch/preflight_table_model.h"

#include <QComboBox>

namespace mb {

QWidget *ColumnChoiceDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                            const QModelIndex &index) const
{
    const auto *model = qobject_cast<const PreflightTableModel *>(index.model());
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("columnChoiceEditor"));
    combo->setAccessibleName(tr("Column to read this input from"));
    combo->addItem(tr("(match by name)"), PreflightTableModel::kNoColumn);
    if (model) {
        const QStringList &names = model->columnNames();
        for (int c = 0; c < names.size(); ++c)
            combo->addItem(names[c], c);
    }
    return combo;
}

void ColumnChoiceDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    const int found = combo->findData(index.data(Qt::EditRole));
    combo->setCurrentIndex(std::max(0, found));
}

void ColumnChoiceDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    model->setData(index, combo->currentData(), Qt::EditRole);
}

} // namespace mb
