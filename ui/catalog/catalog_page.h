// SPDX-License-Identifier: MIT
#pragma once

#include "core/catalog/catalog.h"

#include <QMessageBox>
#include <QPointer>
#include <QWidget>

#include <optional>
#include <vector>

class QAction;
class QLabel;
class QLineEdit;
class QTableView;
class QToolBar;

namespace mb {

class CatalogDetailsView;
class CatalogFilterModel;
class CatalogTableModel;

/// The Catalog page: every version in the catalog as a sortable, filterable table, the
/// selected version's details, and the actions on it: open, export to a file, import files,
/// rename, tags, alias, delete. Every action opens the catalog for its own use (another
/// ModelBench may write to the same file), then refreshes the table. Failures show one
/// message box with the catalog's own explanation. GUI thread only.
class CatalogPage : public QWidget
{
    Q_OBJECT
public:
    explicit CatalogPage(QWidget *parent = nullptr);

    /// Shows the catalog at `path` (empty: the default one).
    void setCatalogPath(const QString &path);
    QString catalogPath() const { return m_catalogPath; }

    /// Reads the catalog again, keeping the selection where the version still exists.
    bool refresh();

    /// Selects NAME:VERSION in the table (clearing the filter if it hides it).
    bool selectVersion(const QString &name, int version);
    /// The selected versions, in table order.
    std::vector<CatalogEntry> selectedEntries() const;

    // The actions without their dialogs, for the dialogs and for tests. Each returns whether
    // it succeeded; a failure has shown its message box.
    bool exportSelectedTo(const QString &path);
    /// Registers each file as a new version; `name` empty: each file's base name. Returns how
    /// many were registered; the failures are listed in one message box.
    int importFiles(const QStringList &paths, const QString &name = {});
    bool renameSelected(const QString &newName);
    /// Makes the selected versions' tags exactly `tags`.
    bool setSelectedTags(const QStringList &tags);
    bool setAliasOnSelected(const QString &alias);
    bool deleteSelected(AliasesOnRemove aliases = AliasesOnRemove::Refuse);

    CatalogTableModel *tableModel() const { return m_model; }
    CatalogFilterModel *filterModel() const { return m_filter; }
    QTableView *tableView() const { return m_table; }
    CatalogDetailsView *detailsView() const { return m_details; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QToolBar *toolBar() const { return m_toolBar; }

    QAction *openAction() const { return m_openAction; }
    QAction *exportAction() const { return m_exportAction; }
    QAction *importAction() const { return m_importAction; }
    QAction *renameAction() const { return m_renameAction; }
    QAction *tagsAction() const { return m_tagsAction; }
    QAction *aliasAction() const { return m_aliasAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    QAction *refreshAction() const { return m_refreshAction; }

Q_SIGNALS:
    /// The user asked to open NAME:VERSION (the main window loads and shows it).
    void openRequested(const QString &name, int version);
    void statusMessage(const QString &message);
    /// The catalog changed through this page.
    void catalogEdited();

private:
    void createActions();
    void updateActions();
    void showSelectionDetails();
    void updateCountLabel();
    void requestOpen();
    void showExportDialog();
    void showImportDialog();
    void showRenameDialog();
    void showTagsDialog();
    void showAliasDialog();
    void confirmDelete();
    std::optional<Catalog> openCatalog(const QString &failureText);
    void showError(const QString &title, const QString &text, const QString &details);

    QString m_catalogPath;
    CatalogTableModel *m_model = nullptr;
    CatalogFilterModel *m_filter = nullptr;
    QTableView *m_table = nullptr;
    CatalogDetailsView *m_details = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QLabel *m_countLabel = nullptr;
    QToolBar *m_toolBar = nullptr;
    QPointer<QMessageBox> m_errorBox; // forgets a closed box by itself
    QAction *m_openAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_renameAction = nullptr;
    QAction *m_tagsAction = nullptr;
    QAction *m_aliasAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_refreshAction = nullptr;
};

} // namespace mb
