// SPDX-License-Identifier: MIT
#include "ui/catalog/catalog_details_view.h"

#include "ui/train/result_text.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>
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

// The catalog's event log stores event names as keys and details in English, as the CLI
// shows them; here they are said in the interface's language. Unknown forms stay as stored.
QString eventName(const QString &event)
{
    static const std::pair<const char *, const char *> kNames[] = {
        {"registered", QT_TRANSLATE_NOOP("mb::CatalogDetailsView", "registered")},
        {"renamed", QT_TRANSLATE_NOOP("mb::CatalogDetailsView", "renamed")},
        {"tagged", QT_TRANSLATE_NOOP("mb::CatalogDetailsView", "tagged")},
        {"untagged", QT_TRANSLATE_NOOP("mb::CatalogDetailsView", "untagged")},
        {"alias_moved", QT_TRANSLATE_NOOP("mb::CatalogDetailsView", "alias set")},
        {"alias_removed", QT_TRANSLATE_NOOP("mb::CatalogDetailsView", "alias removed")},
        {"deleted", QT_TRANSLATE_NOOP("mb::CatalogDetailsView", "deleted")},
        {"described", QT_TRANSLATE_NOOP("mb::CatalogDetailsView", "description changed")},
    };
    for (const auto &[key, name] : kNames) {
        if (event == QLatin1String(key))
            return CatalogDetailsView::tr(name);
    }
    return event;
}

QString eventDetail(const QString &detail)
{
    static const QRegularExpression registered(
        QStringLiteral("^(\\S+), (\\d+) bytes, sha256 ([0-9a-f]+)$"));
    static const QRegularExpression characters(QStringLiteral("^(\\d+) characters$"));
    static const QRegularExpression aliasRemoved(QStringLiteral("^(.*) -> none$"));
    if (const auto m = registered.match(detail); m.hasMatch())
        return CatalogDetailsView::tr("%1, %2 bytes, SHA-256 %3")
            .arg(learnerDisplayName(m.captured(1).toStdString()), m.captured(2), m.captured(3));
    if (const auto m = characters.match(detail); m.hasMatch())
        return CatalogDetailsView::tr("%1 characters").arg(m.captured(1));
    if (const auto m = aliasRemoved.match(detail); m.hasMatch())
        return CatalogDetailsView::tr("%1 -> none").arg(m.captured(1));
    if (detail == QLatin1String("description removed"))
        return CatalogDetailsView::tr("description removed");
    if (detail == QLatin1String("whole model"))
        return CatalogDetailsView::tr("whole model");
    return detail;
}

QString archiveName(const QString &archive)
{
    if (archive == QLatin1String("binary"))
        return CatalogDetailsView::tr("binary");
    if (archive == QLatin1String("text"))
        return CatalogDetailsView::tr("text");
    if (archive == QLatin1String("xml"))
        return CatalogDetailsView::tr("XML");
    return archive;
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
    html += row(tr("Archive"), tr("%1, format %2").arg(archiveName(entry.archive)).arg(entry.formatVersion));
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
        html += row(metricDisplayName(name),
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
                    .arg(escaped(shown), escaped(eventName(event.event)),
                         escaped(eventDetail(event.detail)));
    }
    return html + QStringLiteral("</table>");
}

} // namespace mb
