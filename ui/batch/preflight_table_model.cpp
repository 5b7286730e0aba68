// SPDX-License-Identifier: MIT
#include "ui/batch/preflight_table_model.h"

#include <QApplication>
#include <QLocale>
#include <QStyle>

namespace mb {

PreflightTableModel::PreflightTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int PreflightTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_report.features.size());
}

int PreflightTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool PreflightTableModel::isBlocking(const FeatureCheck &check) const
{
    return !check.column || check.typeMismatch;
}

bool PreflightTableModel::isWarning(const FeatureCheck &check) const
{
    return check.moved || check.unseen > 0 || check.belowRange + check.aboveRange > 0;
}

QString PreflightTableModel::checkText(const FeatureCheck &check) const
{
    if (!check.column)
        return tr("No column of this name: choose one");
    if (check.typeMismatch)
        return tr("Holds text; the model was trained on numbers");
    QStringList notes;
    notes << (check.byHand ? tr("Chosen by hand") : check.moved ? tr("Matched by name, in another place")
                                                                : tr("Matched by name"));
    if (check.unseen > 0)
        notes << tr("unseen categories");
    if (check.belowRange + check.aboveRange > 0)
        notes << tr("values outside the training range");
    return notes.join(QStringLiteral("; "));
}

QVariant PreflightTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FeatureCheck &check = m_report.features[std::size_t(index.row())];
    const QLocale locale;
    const auto count = [&locale](std::size_t n) { return locale.toString(qulonglong(n)); };
    if (role == Qt::EditRole && index.column() == DataColumn)
        return check.column ? int(*check.column) : kNoColumn;
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case Input: return QString::fromStdString(check.feature);
        case Kind: return check.categorical ? tr("Categorical") : tr("Numeric");
        case DataColumn:
            return check.column && int(*check.column) < m_columnNames.size() ? m_columnNames[int(*check.column)]
                                                                             : tr("(none)");
        case Check: return checkText(check);
        case Missing: return count(check.missing);
        case Unseen: return check.categorical ? count(check.unseen) : QString();
        case OutOfRange: return check.categorical ? QString() : count(check.belowRange + check.aboveRange);
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == Unseen && !check.unseenExamples.empty()) {
            QStringList examples;
            for (const std::string &text : check.unseenExamples)
                examples << QString::fromStdString(text);
            return tr("For example: %1").arg(examples.join(QStringLiteral(", ")));
        }
        if (index.column() == OutOfRange && check.belowRange + check.aboveRange > 0)
            return tr("%1 below the training minimum, %2 above the maximum")
                .arg(count(check.belowRange), count(check.aboveRange));
        if (index.column() == DataColumn)
            return tr("Double-click to read this input from another column");
        return {};
    }
    if (role == Qt::DecorationRole && index.column() == Check) {
        QStyle *style = QApplication::style();
        if (isBlocking(check))
            return style->standardIcon(QStyle::SP_MessageBoxCritical);
        if (isWarning(check))
            return style->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Missing)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant PreflightTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Input: return tr("Model input");
    case Kind: return tr("Type");
    case DataColumn: return tr("Read from column");
    case Check: return tr("Check");
    case Missing: return tr("Missing");
    case Unseen: return tr("Unseen categories");
    case OutOfRange: return tr("Out of range");
    default: return {};
    }
}

Qt::ItemFlags PreflightTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == DataColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool PreflightTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != DataColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    bool ok = false;
    const int column = value.toInt(&ok);
    if (!ok || column < kNoColumn || column >= m_columnNames.size())
        return false;
    // The page recomputes the whole report with the new choice and calls setReport().
    Q_EMIT columnChosen(QString::fromStdString(m_report.features[std::size_t(index.row())].feature), column);
    return true;
}

void PreflightTableModel::setReport(ScoringPreflight report, QStringList columnNames)
{
    beginResetModel();
    m_report = std::move(report);
    m_columnNames = std::move(columnNames);
    endResetModel();
}

} // namespace mb
