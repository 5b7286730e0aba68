// SPDX-License-Identifier: MIT
#include "core/cli/model_source.h"

#include "core/catalog/catalog.h"

#include <QCommandLineParser>

namespace mb::cli {

Expected<LoadedModel> openModel(const QString &reference, const QString &dbPath)
{
    const QLatin1String prefix("catalog:");
    if (!reference.startsWith(prefix))
        return loadModelFile(reference);
    auto ref = ModelRef::parse(reference.mid(prefix.size()));
    if (!ref)
        return std::unexpected(ref.error());
    // Reading a model never creates a catalog at a path the user gave (a typo would otherwise
    // leave an empty catalog behind and report "no model named ...").
    CatalogOptions options;
    options.mustExist = !dbPath.isEmpty();
    auto catalog = Catalog::open(dbPath, options);
    if (!catalog)
        return std::unexpected(catalog.error());
    auto bytes = catalog->bytes(*ref);  // checksum verified
    if (!bytes)
        return std::unexpected(bytes.error());
    return decodeModelFile(*bytes, reference);
}

void addFormatOption(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("Archive kind of the model file: binary (default, fastest), text or xml."),
                      QStringLiteral("binary|text|xml"), QStringLiteral("binary")});
}

Expected<ArchiveKind> formatFrom(const QCommandLineParser &parser)
{
    const QString name = parser.value(QStringLiteral("format"));
    if (auto kind = archiveKindFromName(name.toStdString()))
        return *kind;
    return fail(ErrorCode::Usage, "--format must be binary, text or xml, not '" + name.toStdString() + "'");
}

} // namespace mb::cli
