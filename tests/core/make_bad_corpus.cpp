// SPDX-License-Identifier: MIT
// Writes the bad-input corpus, tests/data/bad/: broken CSV, ARFF, model files and catalogs,
// each small and each opened by one row of tst_bad_inputs, which holds what the user must be
// told about it. Model files are the committed weather-nb fixtures damaged by the test helpers
// (damaged_model_files, model_file_surgery); catalogs are made by the real Catalog and QtSql.
// Run once through scripts/make-bad-corpus.sh; the files are committed.
// Usage: make_bad_corpus SOURCE_DIR OUT_DIR
#include "core/catalog/catalog.h"
#include "tests/core/damaged_model_files.h"
#include "tests/core/model_file_surgery.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>

#include <cstdio>
#include <cstdlib>

namespace {

QString g_out;

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "make_bad_corpus: %s\n", qPrintable(message));
    std::exit(1);
}

void write(const QString &name, const QByteArray &bytes)
{
    const QString path = g_out + QLatin1Char('/') + name;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        die(QStringLiteral("cannot write %1").arg(path));
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        die(QStringLiteral("cannot read %1").arg(path));
    return file.readAll();
}

QByteArray utf16(const QString &text, bool bigEndian, bool byteOrderMark)
{
    QByteArray out;
    const QString all = byteOrderMark ? QChar(0xFEFF) + text : text;
    for (QChar c : all) {
        const char hi = static_cast<char>(c.unicode() >> 8);
        const char lo = static_cast<char>(c.unicode() & 0xFF);
        if (bigEndian)
            out.append(hi).append(lo);
        else
            out.append(lo).append(hi);
    }
    return out;
}

void csvFiles()
{
    write(QStringLiteral("csv/empty.csv"), {});
    write(QStringLiteral("csv/header-only.csv"), "city,temperature,rain\n");
    write(QStringLiteral("csv/ragged-row.csv"),
          "city,temperature,rain\nOslo,4.5,yes\nBergen,6.1\nStavanger,7.0,no\n");
    write(QStringLiteral("csv/unclosed-quote.csv"),
          "city,note,rain\nOslo,\"cold, windy,yes\nBergen,wet,no\n");
    // A spreadsheet (a ZIP archive) saved with a .csv name.
    write(QStringLiteral("csv/binary-garbage.csv"),
          QByteArray("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xa5\xe3\x9c\x1f", 20)
              + "[Content_Types].xml");
    write(QStringLiteral("csv/duplicate-names.csv"),
          "city,temperature,temperature\nOslo,4.5,5.0\nBergen,6.1,6.3\n");
    // Latin-1: the o with a stroke is one byte, 0xF8, which UTF-8 never uses.
    write(QStringLiteral("csv/invalid-utf8.csv"),
          "city,temperature\nOslo,4.5\nTroms\xF8,-2.0\n");
    const QString table = QStringLiteral("city,temperature\nOslo,4.5\nTroms\u00F8,-2.0\n");
    write(QStringLiteral("csv/utf16le-bom.csv"), utf16(table, false, true));
    write(QStringLiteral("csv/utf16be-bom.csv"), utf16(table, true, true));
    write(QStringLiteral("csv/utf16le-no-bom.csv"), utf16(table, false, false));
}

void arffFiles()
{
    const QByteArray weather = "@relation weather\n"
                               "@attribute outlook {sunny, overcast, rainy}\n"
                               "@attribute temperature numeric\n"
                               "@attribute play {yes, no}\n";
    write(QStringLiteral("arff/empty.arff"), {});
    write(QStringLiteral("arff/undeclared-nominal.arff"),
          weather + "@data\nsunny,85,no\ncloudy,80,yes\n");
    write(QStringLiteral("arff/sparse-index-out-of-range.arff"),
          weather + "@data\n{0 sunny, 1 85, 2 no}\n{1 80, 3 yes}\n");
    write(QStringLiteral("arff/relational.arff"),
          "@relation musk\n"
          "@attribute molecule {m1, m2}\n"
          "@attribute bag relational\n"
          "  @attribute f1 numeric\n"
          "@end bag\n"
          "@attribute class {0, 1}\n"
          "@data\n"
          "m1,\"42\\n43\",1\n");
    write(QStringLiteral("arff/missing-data.arff"), weather + "sunny,85,no\novercast,83,yes\n");
    write(QStringLiteral("arff/duplicate-attribute-names.arff"),
          "@relation weather\n"
          "@attribute temperature numeric\n"
          "@attribute temperature numeric\n"
          "@attribute play {yes, no}\n"
          "@data\n85,29.4,no\n80,26.7,yes\n");
    write(QStringLiteral("arff/invalid-utf8.arff"),
          "@relation towns\n@attribute town string\n@attribute play {yes, no}\n@data\n"
          "Oslo,yes\n'Troms\xF8',no\n");
    write(QStringLiteral("arff/utf16le-bom.arff"),
          utf16(QString::fromLatin1(weather + "@data\nsunny,85,no\n"), false, true));
}

mb::testing::DamagedModelFile pick(const QList<mb::testing::DamagedModelFile> &rows,
                                   const QString &name)
{
    for (const auto &row : rows) {
        if (row.name == name)
            return row;
    }
    die(QStringLiteral("damaged_model_files has no row '%1'").arg(name));
}

void modelFiles(const QString &sourceDir)
{
    const QString fixtures = sourceDir + QStringLiteral("/tests/data/models/weather-nb.");
    mb::testing::GoodModelFiles good;
    good.binary = readFile(fixtures + QStringLiteral("binary.mbm"));
    good.text = readFile(fixtures + QStringLiteral("text.mbm"));
    good.xml = readFile(fixtures + QStringLiteral("xml.mbm"));
    const QList<mb::testing::DamagedModelFile> rows = mb::testing::damagedModelFiles(good);

    const std::pair<const char *, const char *> picked[] = {
        {"model/empty.mbm", "empty file"},
        {"model/wrong-magic.mbm", "wrong magic"},
        {"model/truncated-binary.mbm", "binary file cut inside the payload"},
        {"model/truncated-xml.mbm", "xml file cut inside the payload"},
        {"model/flipped-bit-payload.mbm", "binary file with one flipped bit in the payload"},
        {"model/flipped-bit-header.mbm", "binary file with one flipped bit in the header"},
        {"model/huge-header-length.mbm", "header length field beyond 16 MiB"},
        {"model/huge-count-binary.mbm", "binary payload with a count of 2^62 elements"},
        {"model/huge-count-text.mbm", "text payload with a count of 2^62 elements"},
        {"model/huge-count-xml.mbm", "xml payload with a count of 2^62 elements"},
    };
    for (const auto &[file, row] : picked)
        write(QString::fromLatin1(file), pick(rows, QString::fromLatin1(row)).bytes);

    // A file of the next format version: what an older ModelBench meets after an update
    // elsewhere. Only the prefix says so; nothing after it needs to be readable.
    QByteArray newer = good.binary;
    mb::testing::writeU32(newer, 8, 2);
    write(QStringLiteral("model/newer-format.mbm"), newer);
}

void exec(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        die(QStringLiteral("%1: %2").arg(sql, query.lastError().text()));
}

/// Runs `work` on a plain QtSql connection to `path` (not through Catalog).
template<class Work> void withDatabase(const QString &path, Work work)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                    QStringLiteral("make_bad_corpus"));
        db.setDatabaseName(path);
        if (!db.open())
            die(QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text()));
        work(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("make_bad_corpus"));
}

/// A catalog holding one model, in rollback-journal mode so that the one file is all of it.
QString goodCatalog(const QString &name, const QByteArray &model)
{
    const QString path = g_out + QStringLiteral("/catalog/") + name;
    QDir().mkpath(g_out + QStringLiteral("/catalog"));
    QFile::remove(path);
    {
        mb::CatalogOptions options;
        options.clock = [] { return QDateTime(QDate(2026, 11, 1), QTime(9, 30), Qt::UTC); };
        auto catalog = mb::Catalog::open(path, options);
        if (!catalog)
            die(QString::fromStdString(catalog.error().describe()));
        auto added = catalog->add(QStringLiteral("weather"), model);
        if (!added)
            die(QString::fromStdString(added.error().describe()));
    }
    // Small pages, rebuilt: a 14 KiB file rather than 56 KiB of mostly empty 4 KiB pages.
    withDatabase(path, [](QSqlDatabase &db) {
        exec(db, QStringLiteral("PRAGMA journal_mode = DELETE"));
        exec(db, QStringLiteral("PRAGMA page_size = 1024"));
        exec(db, QStringLiteral("VACUUM"));
    });
    return path;
}

void catalogs(const QString &sourceDir)
{
    const QByteArray model = readFile(sourceDir + QStringLiteral("/tests/data/models/weather-nb.binary.mbm"));

    // A table someone saved with the catalog's name.
    write(QStringLiteral("catalog/not-a-database.sqlite"), "name,version\nweather,1\n");

    const QString foreign = g_out + QStringLiteral("/catalog/someone-elses.sqlite");
    QFile::remove(foreign);
    withDatabase(foreign, [](QSqlDatabase &db) {
        exec(db, QStringLiteral("CREATE TABLE contacts (name TEXT, phone TEXT)"));
        exec(db, QStringLiteral("INSERT INTO contacts VALUES ('Ada', '555-0100')"));
    });

    // Schema 99: far beyond any this build knows, so the file stays "newer" as the schema grows.
    const QString newer = goodCatalog(QStringLiteral("newer-schema.sqlite"), model);
    withDatabase(newer, [](QSqlDatabase &db) { exec(db, QStringLiteral("PRAGMA user_version = 99")); });

    // Damage: the second page (the first table's root) overwritten in its middle, as a bad
    // sector or a copy interrupted half-way would leave it. The 100-byte file header on page 1
    // stays intact, so SQLite opens the file and its quick_check finds the damage.
    const QString damaged = goodCatalog(QStringLiteral("damaged.sqlite"), model);
    QByteArray bytes = readFile(damaged);
    const int pageSize = (static_cast<unsigned char>(bytes[16]) << 8) | static_cast<unsigned char>(bytes[17]);
    if (bytes.size() < 3 * pageSize)
        die(QStringLiteral("the catalog is smaller than expected"));
    for (int i = 0; i < 64; ++i)
        bytes[pageSize + 8 + i] = static_cast<char>(0xA5);
    write(QStringLiteral("catalog/damaged.sqlite"), bytes);

    // A good catalog: tst_bad_inputs copies it and takes away the write permission.
    goodCatalog(QStringLiteral("read-only.sqlite"), model);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: make_bad_corpus SOURCE_DIR OUT_DIR\n");
        return 2;
    }
    const QString sourceDir = QString::fromLocal8Bit(argv[1]);
    g_out = QString::fromLocal8Bit(argv[2]);
    csvFiles();
    arffFiles();
    modelFiles(sourceDir);
    catalogs(sourceDir);
    QTextStream(stdout) << "wrote the bad-input corpus to " << g_out << '\n';
    return 0;
}
