// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QStringList>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace mb {

/// Asks for what registering a model in the catalog needs: a name (checked as the catalog
/// checks it, so OK stays disabled while it is invalid), tags (comma separated, each checked)
/// and a Markdown description. Only asks; the caller registers. GUI thread only.
class SaveToCatalogDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SaveToCatalogDialog(QWidget *parent = nullptr);

    /// The name in the catalog's canonical form (NFC), trimmed of nothing: names with leading
    /// or trailing white space are refused, not silently changed.
    QString name() const;
    QStringList tags() const;
    QString description() const;

    void setName(const QString &name);

    /// Splits "a, b,,c" into {"a", "b", "c"}.
    static QStringList splitTags(const QString &text);

private:
    void validate();

    QLineEdit *m_name = nullptr;
    QLineEdit *m_tags = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace mb
