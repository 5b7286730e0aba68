// SPDX-License-Identifier: MIT
#include "ui/catalog/catalog_page.h"

#include "core/model/model_file.h"
#include "ui/catalog/catalog_details_view.h"
#include "ui/catalog/catalog_filter_model.h"
#include "ui/catalog/catalog_table_model.h"
#include "ui/language.h"
#include "ui/results/save_to_catalog_dialog.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <set>

namespace mb {

namespace {

const QString kModelFolderKey = QStringLiteral("Files/lastModelFolder");

QString describe(const Error &error)
{
    return QString::fromStdString(error.describe());
}

QString refText(const CatalogEntry &entry)
{
    return entry.ref().toString();
}

QStringList refTexts(const std::vector<CatalogEntry> &entries)
{
    QStringList texts;
    for (const CatalogEntry &entry : entries)
        texts << refText(entry);
    return texts;
}

} // namespace

CatalogPage::CatalogPage(QWidget *parent)
    : QWidget(parent)
{
    m_model = new CatalogTableModel(this);
    m_filter = new CatalogFilterModel(this);
    m_filter->setSourceModel(m_model);

    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("catalogFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter by name, learner, dataset, tag or @alias"));
    m_filterEdit->setAccessibleName(tr("Filter the catalog"));
    m_filterEdit->setClearButtonEnabled(true);
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setFilterText(text);
        updateCountLabel();
    });
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("catalogCount"));

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("catalogTable"));
    m_table->setAccessibleName(tr("Models in the catalog"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CatalogTableModel::Name, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_table, &QTableView::activated, this, &CatalogPage::requestOpen);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        showSelectionDetails();
    });

    m_details = new CatalogDetailsView(this);
    m_details->setObjectName(QStringLiteral("catalogDetails"));

    createActions();

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filterEdit, 1);
    filterRow->addWidget(m_countLabel);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_toolBar);
    layout->addLayout(filterRow);
    layout->addWidget(splitter, 1);

    updateActions();
    updateCountLabel();
    m_details->showMessage(tr("Select a model to see its details."));
}

void CatalogPage::createActions()
{
    m_toolBar = new QToolBar(tr("Catalog"), this);
    m_toolBar->setObjectName(QStringLiteral("catalogToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto add = [this](QAction *&action, const QString &text, const QString &tip, const char *name,
                      auto slot) {
        action = new QAction(text, this);
        action->setIconText(withoutMnemonic(text)); // the tool button's: "打开", not "打开(O)"
        action->setObjectName(QString::fromLatin1(name));
        action->setToolTip(tip);
        action->setStatusTip(tip);
        connect(action, &QAction::triggered, this, slot);
        m_toolBar->addAction(action);
        // The table's context menu (right click, or Shift+F10 and the Menu key) holds every
        // action, so the keyboard reaches them all.
        m_table->addAction(action);
    };
    add(m_openAction, tr("&Open"), tr("Show the selected model on the Results page"),
        "catalogOpen", &CatalogPage::requestOpen);
    add(m_exportAction, tr("&Export…"), tr("Save the selected model's file exactly as registered"),
        "catalogExport", &CatalogPage::showExportDialog);
    add(m_importAction, tr("&Import…"), tr("Register model files as new versions"),
        "catalogImport", &CatalogPage::showImportDialog);
    m_toolBar->addSeparator();
    add(m_renameAction, tr("Re&name…"), tr("Rename the selected model (every version)"),
        "catalogRename", &CatalogPage::showRenameDialog);
    add(m_tagsAction, tr("&Tags…"), tr("Edit the tags of the selected versions"),
        "catalogTags", &CatalogPage::showTagsDialog);
    add(m_aliasAction, tr("Set &Alias…"), tr("Point an alias such as @production at the selected version"),
        "catalogAlias", &CatalogPage::showAliasDialog);
    add(m_deleteAction, tr("&Delete…"), tr("Remove the selected versions from the catalog"),
        "catalogDelete", &CatalogPage::confirmDelete);
    m_toolBar->addSeparator();
    add(m_refreshAction, tr("&Refresh"), tr("Read the catalog again"),
        "catalogRefresh", &CatalogPage::refresh);

    // Shortcuts that only make sense while the table has the focus.
    m_openAction->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_renameAction->setShortcut(QKeySequence(Qt::Key_F2));
    for (QAction *action : {m_openAction, m_deleteAction, m_renameAction})
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
}

void CatalogPage::setCatalogPath(const QString &path)
{
    m_catalogPath = path;
    m_filterEdit->clear();
    refresh();
}

std::optional<Catalog> CatalogPage::openCatalog(const QString &failureText)
{
    auto catalog = Catalog::open(m_catalogPath, CatalogOptions::interactive());
    if (!catalog) {
        showError(tr("Catalog Error"), failureText, describe(catalog.error()));
        return std::nullopt;
    }
    return std::move(*catalog);
}

bool CatalogPage::refresh()
{
    const std::vector<CatalogEntry> selected = selectedEntries();
    auto catalog = openCatalog(tr("The catalog could not be read."));
    if (!catalog)
        return false;
    auto entries = catalog->list();
    if (!entries) {
        showError(tr("Catalog Error"), tr("The catalog could not be read."), describe(entries.error()));
        return false;
    }
    m_model->setEntries(std::move(*entries));
    for (const CatalogEntry &entry : selected) {
        const int row = m_model->rowOf(entry.name, entry.version);
        const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
        if (index.isValid()) {
            m_table->selectionModel()->select(index, QItemSelectionModel::Select
                                                         | QItemSelectionModel::Rows);
        }
    }
    m_table->resizeColumnsToContents();
    updateCountLabel();
    updateActions();
    showSelectionDetails();
    return true;
}

bool CatalogPage::selectVersion(const QString &name, int version)
{
    const int row = m_model->rowOf(name, version);
    if (row < 0)
        return false;
    QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) {
        m_filterEdit->clear();
        index = m_filter->mapFromSource(m_model->index(row, 0));
    }
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                          | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

std::vector<CatalogEntry> CatalogPage::selectedEntries() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    std::vector<CatalogEntry> entries;
    for (const QModelIndex &index : rows) {
        if (const CatalogEntry *entry = m_model->entry(m_filter->mapToSource(index).row()))
            entries.push_back(*entry);
    }
    return entries;
}

void CatalogPage::updateActions()
{
    const auto selected = selectedEntries();
    const bool one = selected.size() == 1;
    std::set<QString> names;
    for (const CatalogEntry &entry : selected)
        names.insert(entry.name);
    m_openAction->setEnabled(one);
    m_exportAction->setEnabled(one);
    m_renameAction->setEnabled(names.size() == 1);
    m_tagsAction->setEnabled(!selected.empty());
    m_aliasAction->setEnabled(one);
    m_deleteAction->setEnabled(!selected.empty());
}

void CatalogPage::updateCountLabel()
{
    const int shown = m_filter->rowCount();
    const int total = m_model->rowCount();
    m_countLabel->setText(shown == total ? tr("%n version(s)", nullptr, total)
                                         : tr("%1 of %n version(s)", nullptr, total).arg(shown));
}

void CatalogPage::showSelectionDetails()
{
    const auto selected = selectedEntries();
    if (selected.size() != 1) {
        m_details->showMessage(selected.empty()
                                   ? tr("Select a model to see its details.")
                                   : tr("%n versions selected.", nullptr, int(selected.size())));
        return;
    }
    // list() leaves descriptions out; read the one shown, with its events.
    auto catalog = Catalog::open(m_catalogPath, CatalogOptions::interactive());
    if (!catalog) {
        m_details->showMessage(describe(catalog.error()));
        return;
    }
    const CatalogEntry &chosen = selected.front();
    auto entry = catalog->entry(chosen.ref());
    auto events = catalog->versionHistory(chosen.name, chosen.version);
    if (!entry || !events) {
        m_details->showMessage(describe(!entry ? entry.error() : events.error()));
        return;
    }
    m_details->showEntry(*entry, *events);
}

void CatalogPage::requestOpen()
{
    const auto selected = selectedEntries();
    if (selected.size() == 1)
        Q_EMIT openRequested(selected.front().name, selected.front().version);
}

void CatalogPage::showExportDialog()
{
    const auto selected = selectedEntries();
    if (selected.size() != 1)
        return;
    QSettings settings;
    const QString folder = settings.value(kModelFolderKey, QDir::homePath()).toString();
    const CatalogEntry &entry = selected.front();
    const QString suggested = QDir(folder).filePath(
        QStringLiteral("%1-v%2%3").arg(entry.name).arg(entry.version).arg(QLatin1String(kModelFileSuffix)));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Model"), suggested,
                                                      tr("ModelBench models (*.mbm)"));
    if (path.isEmpty())
        return;
    settings.setValue(kModelFolderKey, QFileInfo(path).absolutePath());
    exportSelectedTo(path);
}

bool CatalogPage::exportSelectedTo(const QString &path)
{
    const auto selected = selectedEntries();
    if (selected.size() != 1)
        return false;
    const CatalogEntry &entry = selected.front();
    const QString failure = tr("%1 could not be exported to %2.")
                                .arg(refText(entry), QDir::toNativeSeparators(path));
    auto catalog = openCatalog(failure);
    if (!catalog)
        return false;
    // The bytes as registered: their checksum is verified by the catalog on the way out.
    auto bytes = catalog->bytes(entry.ref());
    if (!bytes) {
        showError(tr("Cannot Export Model"), failure, describe(bytes.error()));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*bytes) != bytes->size() || !file.commit()) {
        showError(tr("Cannot Export Model"), failure, file.errorString());
        return false;
    }
    Q_EMIT statusMessage(tr("Exported %1 to %2.").arg(refText(entry), QDir::toNativeSeparators(path)));
    return true;
}

void CatalogPage::showImportDialog()
{
    QSettings settings;
    const QString folder = settings.value(kModelFolderKey, QDir::homePath()).toString();
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Import Models"), folder, tr("ModelBench models (*.mbm);;All files (*)"));
    if (paths.isEmpty())
        return;
    settings.setValue(kModelFolderKey, QFileInfo(paths.front()).absolutePath());
    if (paths.size() > 1) {
        importFiles(paths);
        return;
    }
    // One file: ask for its name, starting from the file's.
    auto *dialog = new SaveToCatalogDialog(this);
    dialog->setWindowTitle(tr("Import Model"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setName(QFileInfo(paths.front()).completeBaseName());
    connect(dialog, &QDialog::accepted, this, [this, dialog, paths] {
        importFiles(paths, dialog->name());
    });
    dialog->open();
}

int CatalogPage::importFiles(const QStringList &paths, const QString &name)
{
    auto catalog = openCatalog(tr("No model could be imported."));
    if (!catalog)
        return 0;
    QStringList failures;
    int imported = 0;
    std::optional<CatalogEntry> last;
    for (const QString &path : paths) {
        const QString shownPath = QDir::toNativeSeparators(path);
        QFile file(path);
        if (file.size() > kMaxCatalogModelBytes) {
            failures << tr("%1: larger than the catalog accepts").arg(shownPath);
            continue;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            failures << tr("%1: %2").arg(shownPath, file.errorString());
            continue;
        }
        CatalogAddOptions options;
        options.sourceName = path;
        const QString modelName = name.isEmpty() ? QFileInfo(path).completeBaseName() : name;
        auto added = catalog->add(modelName, file.readAll(), options);
        if (!added) {
            failures << QString::fromStdString(added.error().describe());
            continue;
        }
        ++imported;
        last = *added;
    }
    refresh();
    if (last)
        selectVersion(last->name, last->version);
    if (imported > 0) {
        Q_EMIT catalogEdited();
        Q_EMIT statusMessage(tr("Imported %n model file(s).", nullptr, imported));
    }
    if (!failures.isEmpty()) {
        showError(tr("Cannot Import Models"),
                  tr("%n file(s) could not be imported.", nullptr, int(failures.size())),
                  failures.join(QLatin1Char('\n')));
    }
    return imported;
}

void CatalogPage::showRenameDialog()
{
    const auto selected = selectedEntries();
    if (selected.empty())
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("catalogRenameDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Rename Model"));
    dialog->setLabelText(tr("New name for “%1” (all its versions):").arg(selected.front().name));
    dialog->setTextValue(selected.front().name);
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this](const QString &text) { renameSelected(text); });
    dialog->open();
}

bool CatalogPage::renameSelected(const QString &newName)
{
    const auto selected = selectedEntries();
    if (selected.empty())
        return false;
    const CatalogEntry &entry = selected.front();
    const QString failure = tr("“%1” could not be renamed to “%2”.").arg(entry.name, newName);
    auto catalog = openCatalog(failure);
    if (!catalog)
        return false;
    if (auto renamed = catalog->rename(entry.name, newName); !renamed) {
        showError(tr("Cannot Rename Model"), failure, describe(renamed.error()));
        return false;
    }
    refresh();
    selectVersion(canonicalModelName(newName), entry.version);
    Q_EMIT catalogEdited();
    Q_EMIT statusMessage(tr("Renamed “%1” to “%2”.").arg(entry.name, newName));
    return true;
}

void CatalogPage::showTagsDialog()
{
    const auto selected = selectedEntries();
    if (selected.empty())
        return;
    // Start from the tags every selected version shares.
    QStringList common = selected.front().tags;
    for (const CatalogEntry &entry : selected) {
        common.removeIf([&entry](const QString &tag) { return !entry.tags.contains(tag); });
    }
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("catalogTagsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Edit Tags"));
    dialog->setLabelText(tr("Tags of %1, separated by commas:").arg(refTexts(selected).join(QStringLiteral(", "))));
    dialog->setTextValue(common.join(QStringLiteral(", ")));
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &text) {
        setSelectedTags(SaveToCatalogDialog::splitTags(text));
    });
    dialog->open();
}

bool CatalogPage::setSelectedTags(const QStringList &tags)
{
    const auto selected = selectedEntries();
    if (selected.empty())
        return false;
    const QString failure = tr("The tags could not be changed.");
    for (const QString &tag : tags) {
        if (auto valid = checkLabel(tag, "tag"); !valid) {
            showError(tr("Cannot Change Tags"), failure, describe(valid.error()));
            return false;
        }
    }
    auto catalog = openCatalog(failure);
    if (!catalog)
        return false;
    bool ok = true;
    for (const CatalogEntry &entry : selected) {
        for (const QString &tag : entry.tags) {
            if (tags.contains(tag))
                continue;
            if (auto untagged = catalog->untag(entry.ref(), tag); !untagged) {
                showError(tr("Cannot Change Tags"), failure, describe(untagged.error()));
                ok = false;
                break;
            }
        }
        for (const QString &tag : tags) {
            if (entry.tags.contains(tag))
                continue;
            if (auto tagged = catalog->tag(entry.ref(), tag); !tagged) {
                showError(tr("Cannot Change Tags"), failure, describe(tagged.error()));
                ok = false;
                break;
            }
        }
        if (!ok)
            break;
    }
    refresh();
    Q_EMIT catalogEdited();
    if (ok)
        Q_EMIT statusMessage(tr("Tags of %1 set.").arg(refTexts(selected).join(QStringLiteral(", "))));
    return ok;
}

void CatalogPage::showAliasDialog()
{
    const auto selected = selectedEntries();
    if (selected.size() != 1)
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("catalogAliasDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Set Alias"));
    dialog->setLabelText(tr("Alias to point at %1 (moved here if it points elsewhere):")
                             .arg(refText(selected.front())));
    dialog->setComboBoxEditable(true);
    dialog->setComboBoxItems({QStringLiteral("production"), QStringLiteral("staging"),
                              QStringLiteral("candidate")});
    dialog->setTextValue(QString());
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &text) {
        QString alias = text.trimmed();
        if (alias.startsWith(QLatin1Char('@')))
            alias.remove(0, 1);
        setAliasOnSelected(alias);
    });
    dialog->open();
}

bool CatalogPage::setAliasOnSelected(const QString &alias)
{
    const auto selected = selectedEntries();
    if (selected.size() != 1)
        return false;
    const CatalogEntry &entry = selected.front();
    const QString failure = tr("@%1 could not be pointed at %2.").arg(alias, refText(entry));
    auto catalog = openCatalog(failure);
    if (!catalog)
        return false;
    if (auto set = catalog->setAlias(entry.name, entry.version, alias); !set) {
        showError(tr("Cannot Set Alias"), failure, describe(set.error()));
        return false;
    }
    refresh();
    Q_EMIT catalogEdited();
    Q_EMIT statusMessage(tr("%1@%2 now points at version %3.").arg(entry.name, alias).arg(entry.version));
    return true;
}

void CatalogPage::confirmDelete()
{
    const auto selected = selectedEntries();
    if (selected.empty())
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete Models"),
                                tr("Delete %1 from the catalog?").arg(refTexts(selected).join(QStringLiteral(", "))),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("catalogDeleteBox"));
    box->setInformativeText(tr("The model files are removed from the catalog; this cannot be undone. "
                               "Export them first to keep a copy."));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this](int result) {
        if (result == QMessageBox::Yes)
            deleteSelected();
    });
    box->open();
}

bool CatalogPage::deleteSelected(AliasesOnRemove aliases)
{
    const auto selected = selectedEntries();
    if (selected.empty())
        return false;
    const QString failure = tr("%1 could not be deleted.").arg(refTexts(selected).join(QStringLiteral(", ")));
    auto catalog = openCatalog(failure);
    if (!catalog)
        return false;
    QStringList removed;
    QStringList droppedAliases;
    for (const CatalogEntry &entry : selected) {
        auto removal = catalog->remove(entry.name, entry.version, aliases);
        if (!removal && removal.error().field == kAliasesField && aliases == AliasesOnRemove::Refuse) {
            // Aliases point here: ask again, naming them, before they go too.
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete Models"),
                                        tr("Aliases point at %1.").arg(refText(entry)),
                                        QMessageBox::Yes | QMessageBox::Cancel, this);
            box->setObjectName(QStringLiteral("catalogAliasesBox"));
            box->setInformativeText(describe(removal.error()) + QLatin1Char('\n')
                                    + tr("Delete it and remove those aliases?"));
            box->setDefaultButton(QMessageBox::Cancel);
            box->setAttribute(Qt::WA_DeleteOnClose);
            connect(box, &QMessageBox::finished, this, [this](int result) {
                if (result == QMessageBox::Yes)
                    deleteSelected(AliasesOnRemove::Drop);
            });
            refresh();
            box->open();
            return false;
        }
        if (!removal) {
            refresh();
            showError(tr("Cannot Delete Models"), failure, describe(removal.error()));
            return false;
        }
        removed << refText(entry);
        droppedAliases << removal->droppedAliases;
    }
    refresh();
    Q_EMIT catalogEdited();
    Q_EMIT statusMessage(droppedAliases.isEmpty()
                             ? tr("Deleted %1.").arg(removed.join(QStringLiteral(", ")))
                             : tr("Deleted %1 and the aliases %2.")
                                   .arg(removed.join(QStringLiteral(", ")),
                                        droppedAliases.join(QStringLiteral(", "))));
    return true;
}

void CatalogPage::showError(const QString &title, const QString &text, const QString &details)
{
    if (m_errorBox)
        m_errorBox->close();
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("catalogErrorBox"));
    box->setInformativeText(details);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_errorBox = box;
    box->open();
}

} // namespace mb
