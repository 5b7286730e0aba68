// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QComboBox;

namespace mb {

/// File > Open Catalog: a catalog file (typed or browsed for) or a postgresql:// URL of a team
/// catalog, with the recent catalogs to pick from. Says nothing about passwords: the window asks
/// for one only when the server wants it.
class OpenCatalogDialog : public QDialog
{
    Q_OBJECT

public:
    /// `recent`: catalog locations, newest first (files and URLs, never with a password).
    OpenCatalogDialog(const QStringList &recent, const QString &browseFolder, QWidget *parent = nullptr);

    /// What the user chose, trimmed.
    QString location() const;

private:
    void browse();
    void updateOk();

    QComboBox *m_location = nullptr;
    QString m_browseFolder;
};

} // namespace mb
