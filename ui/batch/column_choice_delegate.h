// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

namespace mb {

/// Edits PreflightTableModel's "Read from column" cell with a combo box of the data file's
/// columns, first among them "(match by name)".
class ColumnChoiceDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};

} // namespace mb
