// SPDX-License-Identifier: MIT
#include "ui/catalog/catalog_details_view.h"

#include "ui/train/result_text.h"

#include <QDateTime>
#include <QLocale>
#include <QTextBlockFormat>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextDocument>

namespace mb {

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><th align=left>%1</th><td>%2</td></tr>").arg(escaped(label), escaped(value));
}

} // namespace

CatalogDetailsView::CatalogDetailsView(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setAccessibleName(tr("Details of the selected model"));
}

QVariant CatalogDetailsView::loadResource(int, const QUrl &)
{
    return {};
}

void CatalogDetailsView::showMessage(const QString &message)
{
    clear();
    setPlainText(message);
}

void CatalogDetailsView::showEntry(const CatalogEntry &entry, const std::vector<CatalogEvent> &events)
{
    clear();
    QTextCursor cursor(document());
    cursor.insertHtml(headerHtml(entry));
    cursor.insertHtml(metricsHtml(entry));
    cursor.insertBlock();
    cursor.insertHtml(QStringLiteral("<h3>%1</h3>").arg(escaped(tr("Description"))));
    if (entry.description.trimmed().isEmpty()) {
        cursor.insertHtml(QStringLiteral("<p><i>%1</i></p>").arg(escaped(tr("No description."))));
    } else {
        cursor.insertBlock();
        // Raw HTML in a description is shown as text, never interpreted.
        cursor.insertMarkdown(entry.description,
                              QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub
                                                              | QTextDocument::MarkdownNoHTML));
    }
    // A fresh block format: the events must not join a list the description ended with.
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    cursor.insertHtml(eventsHtml(events));
    moveCursor(QTextCursor::Start);
}

QString CatalogDetailsView::headerHtml(const CatalogEntry &entry) const
{
    const QLocale locale;
    QString html = QStringLiteral("<h2>%1</h2>").arg(escaped(QStringLiteral("%1:%2").arg(entry.name).arg(entry.version)));
    html += QStringLiteral("<table cellspacing=0 cellpadding=3>");
    html += row(tr("Learner"), learnerDisplayName(entry.algo.toStdString()));
    html += row(tr("Classes"), entry.classes.join(QStringLiteral(", ")));
    html += row(tr("Dataset"), entry.datasetName);
    html += row(tr("Training rows"), locale.toString(entry.rows));
    html += row(tr("Data fingerprint"), entry.fingerprint);
    html += row(tr("Created (UTC)"), entry.created);
    html += row(tr("Registered (UTC)"), entry.registered);
    html += row(tr("Size"), tr("%1 (%2 bytes)").arg(locale.formattedDataSize(entry.size), locale.toString(entry.size)));
    html += row(tr("Archive"), tr("%1, format %2").arg(entry.archive).arg(entry.formatVersion));
    html += row(tr("SHA-256"), entry.sha256);
    html += row(tr("Tags"), entry.tags.isEmpty() ? tr("none") : entry.tags.join(QStringLiteral(", ")));
    QStringList aliases;
    for (const QString &alias : entry.aliases)
        aliases << QLatin1Char('@') + alias;
    html += row(tr("Aliases"), aliases.isEmpty() ? tr("none") : aliases.join(QStringLiteral(", ")));
    html += QStringLiteral("</table>");
    return html;
}

QString CatalogDetailsView::metricsHtml(const CatalogEntry &entry) const
{
    QString html = QStringLiteral("<h3>%1</h3>").arg(escaped(tr("Metrics")));
    if (entry.metrics.empty())
        return html + QStringLiteral("<p><i>%1</i></p>").arg(escaped(tr("Not measured when the model was made.")));
    html += QStringLiteral("<table cellspacing=0 cellpadding=3>");
    const QLocale locale;
    for (const auto &[name, value] : entry.metrics) {
        // "rows" counts the rows measured on; the others are rates or losses.
        const bool count = name == "rows";
        html += row(QString::fromStdString(name),
                    count ? locale.toString(qlonglong(value)) : locale.toString(value, 'f', 4));
    }
    return html + QStringLiteral("</table>");
}

QString CatalogDetailsView::eventsHtml(const std::vector<CatalogEvent> &events) const
{
    QString html = QStringLiteral("<h3>%1</h3>").arg(escaped(tr("Events")));
    html += QStringLiteral("<table cellspacing=0 cellpadding=3><tr><th align=left>%1</th><th align=left>%2</th><th align=left>%3</th></tr>")
                .arg(escaped(tr("Time")), escaped(tr("Event")), escaped(tr("Detail")));
    const QLocale locale;
    for (const CatalogEvent &event : events) {
        // Local time like the table; the stored UTC text stays in the catalog and the CLI.
        const QDateTime time = QDateTime::fromString(event.time, Qt::ISODateWithMs);
        const QString shown = time.isValid()
                ? locale.toString(time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                : event.time;
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                    .arg(escaped(shown), escaped(event.event), escaped(event.detail));
    }
    return html + QStringLiteral("</table>");
}

} // namespace mb
