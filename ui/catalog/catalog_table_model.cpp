// SPDX-License-Identifier: MIT
#include "ui/catalog/catalog_table_model.h"

#include "ui/train/result_text.h"

#include <QDateTime>
#include <QLocale>

namespace mb {

namespace {

QDateTime parseUtc(const QString &iso)
{
    QDateTime time = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(iso, Qt::ISODate);
    return time;
}

} // namespace

CatalogTableModel::CatalogTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int CatalogTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int CatalogTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CatalogTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CatalogEntry &entry = m_entries[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return display(entry, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Created)
            return tr("Made %1 (UTC); registered %2 (UTC)").arg(entry.created, entry.registered);
        if (index.column() == Dataset && !entry.fingerprint.isEmpty())
            return tr("%1 rows; training data fingerprint %2")
                .arg(QLocale().toString(entry.rows), entry.fingerprint);
        return {};
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case Version:
        case Accuracy:
        case Size:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    case SortRole:
        return sortValue(entry, index.column());
    case SearchTextRole:
        return searchText(entry);
    default:
        return {};
    }
}

QVariant CatalogTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Name");
    case Version: return tr("Version");
    case Learner: return tr("Learner");
    case Dataset: return tr("Dataset");
    case Accuracy: return tr("Accuracy");
    case Created: return tr("Created");
    case Size: return tr("Size");
    case Tags: return tr("Tags");
    case Aliases: return tr("Aliases");
    default: return {};
    }
}

QVariant CatalogTableModel::display(const CatalogEntry &entry, int column) const
{
    const QLocale locale;
    switch (column) {
    case Name: return entry.name;
    case Version: return locale.toString(entry.version);
    case Learner: return learnerDisplayName(entry.algo.toStdString());
    case Dataset: return entry.datasetName;
    case Accuracy:
        return entry.accuracy ? locale.toString(*entry.accuracy, 'f', 3) : tr("not measured");
    case Created: {
        // Shown in the user's time zone; the tooltip keeps the stored UTC text.
        const QDateTime time = parseUtc(entry.created);
        return time.isValid() ? locale.toString(time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"))
                              : entry.created;
    }
    case Size: return locale.formattedDataSize(entry.size);
    case Tags: return entry.tags.join(QStringLiteral(", "));
    case Aliases: {
        QStringList aliases;
        for (const QString &alias : entry.aliases)
            aliases << QLatin1Char('@') + alias;
        return aliases.join(QStringLiteral(", "));
    }
    default: return {};
    }
}

QVariant CatalogTableModel::sortValue(const CatalogEntry &entry, int column) const
{
    switch (column) {
    case Name: return entry.name.toCaseFolded();
    case Version: return entry.version;
    // Unmeasured models sort below every measured one.
    case Accuracy: return entry.accuracy.value_or(-1.0);
    case Created: return parseUtc(entry.created);
    case Size: return entry.size;
    default: return display(entry, column).toString().toCaseFolded();
    }
}

QString CatalogTableModel::searchText(const CatalogEntry &entry) const
{
    QStringList parts;
    for (int column = 0; column < ColumnCount; ++column)
        parts << display(entry, column).toString();
    parts << entry.algo;
    return parts.join(QLatin1Char('\n'));
}

void CatalogTableModel::setEntries(std::vector<CatalogEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

const CatalogEntry *CatalogTableModel::entry(int row) const
{
    if (row < 0 || std::size_t(row) >= m_entries.size())
        return nullptr;
    return &m_entries[std::size_t(row)];
}

int CatalogTableModel::rowOf(const QString &name, int version) const
{
    for (std::size_t row = 0; row < m_entries.size(); ++row) {
        if (m_entries[row].name == name && m_entries[row].version == version)
            return int(row);
    }
    return -1;
}

} // namespace mb
