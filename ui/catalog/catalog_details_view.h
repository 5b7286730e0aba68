// SPDX-License-Identifier: MIT
#pragma once

#include "core/catalog/catalog.h"

#include <QTextBrowser>

#include <vector>

namespace mb {

/// The details of one catalog version: its header (learner, classes, dataset, fingerprint,
/// times, size, checksum), labels, metrics, Markdown description and events. Catalogs come
/// from other people, so the description is shown without raw HTML and nothing it names is
/// ever loaded: no files, no network, links not followed.
class CatalogDetailsView : public QTextBrowser
{
    Q_OBJECT
public:
    explicit CatalogDetailsView(QWidget *parent = nullptr);

    void showEntry(const CatalogEntry &entry, const std::vector<CatalogEvent> &events);
    /// Shows `message` (e.g. "Select a model") in place of details.
    void showMessage(const QString &message);

    /// Never loads anything: images and style sheets a description names stay unloaded.
    QVariant loadResource(int type, const QUrl &name) override;

private:
    QString headerHtml(const CatalogEntry &entry) const;
    QString metricsHtml(const CatalogEntry &entry) const;
    QString eventsHtml(const std::vector<CatalogEvent> &events) const;
};

} // namespace mb
