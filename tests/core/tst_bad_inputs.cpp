// SPDX-License-Identifier: MIT
// The bad-input corpus (tests/data/bad, made by scripts/make-bad-corpus.sh): every broken
// dataset, model file and catalog there is opened through the entry point the application uses
// (loadDataset, loadModelFile, Catalog::open), and must give its error code and tell the user
// which file, where in it (line, column, field) and what to do. The expectations below are
// what a user must be told, written from the user's side; docs/errors.md lists the same cases.
#include "core/catalog/catalog.h"
#include "core/io/dataset_loader.h"
#include "core/model/model_file.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <span>

#include <unistd.h>

using namespace mb;

namespace {

/// One file of the corpus and what opening it must say.
struct BadFile
{
    const char *name; ///< the test row: what is wrong, as a sentence
    const char *file; ///< under tests/data/bad
    ErrorCode code;
    int line; ///< 0: does not apply
    int column;
    const char *field; ///< the column, attribute or part of the file concerned; "" if none
    const char *what; ///< must appear in the message: what is wrong
    const char *advice; ///< must appear in the message: what to do ("" when it is plain)
};

const BadFile kDatasets[] = {
    {"CSV file that is empty", "csv/empty.csv", ErrorCode::Format, 0, 0, "", "The file is empty.",
     ""},
    {"CSV file with a header and no rows", "csv/header-only.csv", ErrorCode::Format, 0, 0, "",
     "The file has a header but no data rows.", ""},
    {"CSV row with a field missing", "csv/ragged-row.csv", ErrorCode::Format, 3, 3, "rain",
     "Line 3 has 2 fields; the header has 3.", "look for a missing ','"},
    {"CSV quote never closed", "csv/unclosed-quote.csv", ErrorCode::Format, 2, 2, "note",
     "the quoted field starting in column 2 ('note') is never closed",
     "Add the closing quote (\"), and write a quote inside a quoted field as two"},
    {"spreadsheet saved with a .csv name", "csv/binary-garbage.csv", ErrorCode::Format, 0, 0, "",
     "This does not look like a text file", "Open a CSV file saved as text"},
    {"CSV in Latin-1, not UTF-8", "csv/invalid-utf8.csv", ErrorCode::Format, 3, 1, "city",
     "column 1 ('city') is not valid UTF-8 text", "save the file as UTF-8"},
    {"CSV in UTF-16 little-endian with a byte-order mark", "csv/utf16le-bom.csv",
     ErrorCode::Format, 0, 0, "", "The file is encoded as UTF-16.", "Save it as UTF-8"},
    {"CSV in UTF-16 big-endian with a byte-order mark", "csv/utf16be-bom.csv", ErrorCode::Format,
     0, 0, "", "The file is encoded as UTF-16.", "Save it as UTF-8"},
    {"CSV in UTF-16 without a byte-order mark", "csv/utf16le-no-bom.csv", ErrorCode::Format, 0, 0,
     "", "looks like UTF-16 text (little-endian, without a byte-order mark)",
     "Save it as UTF-8"},

    {"ARFF file that is empty", "arff/empty.arff", ErrorCode::Format, 0, 0, "",
     "The file is empty.", ""},
    {"ARFF nominal value not declared", "arff/undeclared-nominal.arff", ErrorCode::Format, 7, 1,
     "outlook", "'cloudy' is not a declared value of attribute 'outlook' {sunny, overcast, rainy}",
     "Correct the value, or add it to the list"},
    {"ARFF sparse index beyond the last attribute", "arff/sparse-index-out-of-range.arff",
     ErrorCode::Format, 7, 2, "",
     "sparse entry 2 has attribute index 3, but the file declares 3 attributes (indices 0 to 2)",
     "Sparse rows count attributes from 0"},
    {"ARFF relational attribute", "arff/relational.arff", ErrorCode::Unsupported, 3, 16, "bag",
     "attribute 'bag' is relational", "Flatten the bags into one row per instance"},
    {"ARFF rows without an @data line", "arff/missing-data.arff", ErrorCode::Format, 5, 1, "",
     "expected @relation, @attribute or @data, found 'sunny,85,no'",
     "add a line with @data before them"},
    // A line-level check, before the row is split into values: line and character, no attribute.
    {"ARFF in Latin-1, not UTF-8", "arff/invalid-utf8.arff", ErrorCode::Format, 6, 7, "",
     "the text is not valid UTF-8 (character 7)", "Save the file with UTF-8 encoding"},
    {"ARFF in UTF-16 with a byte-order mark", "arff/utf16le-bom.arff", ErrorCode::Format, 0, 0, "",
     "The file is encoded as UTF-16.", "Save it as UTF-8"},
};

constexpr char kDamaged[] = "Open an undamaged copy of the file, or save the model again.";
constexpr char kCutOff[] = "cut off during download: copy or download it again.";
constexpr char kHugeCount[] = "declares 4611686018427387904 values";

const BadFile kModelFiles[] = {
    {"model file that is empty", "model/empty.mbm", ErrorCode::Format, 0, 0, "",
     "The file is empty.", ""},
    {"model file that is text", "model/wrong-magic.mbm", ErrorCode::Format, 0, 0, "",
     "This is not a ModelBench model file", "Choose a .mbm file saved by ModelBench."},
    {"binary model file cut off", "model/truncated-binary.mbm", ErrorCode::Format, 0, 0, "",
     "The model file is incomplete: expected", kCutOff},
    {"XML model file cut off", "model/truncated-xml.mbm", ErrorCode::Format, 0, 0, "",
     "The model file is incomplete: expected", kCutOff},
    {"model file with a flipped bit in its data", "model/flipped-bit-payload.mbm",
     ErrorCode::Format, 0, 0, "payload", "The model data is damaged: its checksum does not match.",
     kDamaged},
    {"model file with a flipped bit in its header", "model/flipped-bit-header.mbm",
     ErrorCode::Format, 0, 0, "header", "The model header is damaged", kDamaged},
    {"model file of a newer format", "model/newer-format.mbm", ErrorCode::Unsupported, 0, 0, "",
     "This model was saved by a newer ModelBench (format 2)", "please update"},
    {"model header length of 2 GiB", "model/huge-header-length.mbm", ErrorCode::Format, 0, 0,
     "header", "more than the 16 MiB a header may have", kDamaged},
    {"binary model data with a count of 2^62", "model/huge-count-binary.mbm", ErrorCode::Format,
     0, 0, "payload", kHugeCount, kDamaged},
    {"text model data with a count of 2^62", "model/huge-count-text.mbm", ErrorCode::Format, 0, 0,
     "payload", kHugeCount, kDamaged},
    {"XML model data with a count of 2^62", "model/huge-count-xml.mbm", ErrorCode::Format, 0, 0,
     "payload", kHugeCount, kDamaged},
};

const BadFile kCatalogs[] = {
    {"catalog that is not a database", "catalog/not-a-database.sqlite", ErrorCode::Format, 0, 0,
     "", "This file is not a ModelBench catalog (not an SQLite database).",
     "Choose another file for the catalog."},
    {"catalog that is damaged", "catalog/damaged.sqlite", ErrorCode::Format, 0, 0, "",
     "The catalog is damaged", "restore it from a backup"},
    {"catalog that is someone else's database", "catalog/someone-elses.sqlite", ErrorCode::Format,
     0, 0, "", "an SQLite database but not a ModelBench catalog",
     "Choose another file for the catalog."},
    {"catalog of a newer schema", "catalog/newer-schema.sqlite", ErrorCode::Unsupported, 0, 0, "",
     "made by a newer ModelBench (schema 99)", "Please update ModelBench."},
};

/// Files that open, with a warning: the same name twice is renamed, not refused.
struct DuplicateNames
{
    const char *name;
    const char *file;
    QStringList columns;
    const char *warning;
};

const DuplicateNames kDuplicates[] = {
    {"CSV with a column name twice", "csv/duplicate-names.csv",
     {"city", "temperature", "temperature_2"},
     "Duplicate column name 'temperature' renamed to 'temperature_2'."},
    {"ARFF with an attribute name twice", "arff/duplicate-attribute-names.arff",
     {"temperature", "temperature_2", "play"},
     "Duplicate column name 'temperature' renamed to 'temperature_2'."},
};

constexpr char kReadOnlyCatalog[] = "catalog/read-only.sqlite";

QString corpusPath(const QString &file)
{
    return QStringLiteral(MB_TEST_DATA_DIR "/bad/") + file;
}

void addRows(const BadFile *begin, const BadFile *end)
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("advice");
    for (const BadFile *f = begin; f != end; ++f) {
        QTest::newRow(f->name) << QString::fromUtf8(f->file) << int(f->code) << f->line << f->column
                               << QString::fromUtf8(f->field) << QString::fromUtf8(f->what)
                               << QString::fromUtf8(f->advice);
    }
}

/// Checks `error` against the current row; `path` is the file as it was opened.
void checkError(const Error &error, const QString &path)
{
    QFETCH(int, code);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, field);
    QFETCH(QString, what);
    QFETCH(QString, advice);

    // What the user sees: "file:line:column: message".
    const QString shown = QString::fromStdString(error.describe());
    const QByteArray context = shown.toUtf8();
    QCOMPARE(int(error.code), code);
    QCOMPARE(QString::fromStdString(error.file), path);
    QVERIFY2(shown.startsWith(path + QLatin1Char(':')), context.constData());
    QCOMPARE(int(error.line), line);
    QCOMPARE(int(error.column), column);
    QCOMPARE(QString::fromStdString(error.field), field);
    QVERIFY2(shown.contains(what), context.constData());
    // A column or attribute is named in the text too ('city'); parts of a model file
    // ("payload", "header") are named in words.
    if (!field.isEmpty() && error.line > 0)
        QVERIFY2(shown.contains(QLatin1Char('\'') + field + QLatin1Char('\'')), context.constData());
    if (!advice.isEmpty())
        QVERIFY2(shown.contains(advice), context.constData());
}

} // namespace

class TestBadInputs : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    /// A copy of a corpus catalog: opening one may write beside it (-wal, -shm), and the
    /// corpus stays as committed.
    QString copyOfCatalog(const QString &file)
    {
        const QString copy = m_dir.filePath(QFileInfo(file).fileName());
        QFile::remove(copy);
        if (!QFile::copy(corpusPath(file), copy))
            qFatal("cannot copy %s", qPrintable(file));
        QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return copy;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo(corpusPath({})).isDir(), "tests/data/bad is missing");
    }

    /// A file added to the corpus without saying what it must give fails here.
    void everyCorpusFileHasARow()
    {
        QSet<QString> covered;
        for (std::span<const BadFile> rows : {std::span<const BadFile>(kDatasets),
                                              std::span<const BadFile>(kModelFiles),
                                              std::span<const BadFile>(kCatalogs)}) {
            for (const BadFile &f : rows)
                covered.insert(QString::fromUtf8(f.file));
        }
        for (const DuplicateNames &d : kDuplicates)
            covered.insert(QString::fromUtf8(d.file));
        covered.insert(QString::fromUtf8(kReadOnlyCatalog));

        QStringList missing;
        int files = 0;
        QDirIterator it(corpusPath({}), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString relative = QDir(corpusPath({})).relativeFilePath(it.next());
            ++files;
            if (!covered.contains(relative))
                missing << relative;
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
        QCOMPARE(files, int(covered.size()));
    }

    void refusesBadDatasets_data() { addRows(std::begin(kDatasets), std::end(kDatasets)); }
    void refusesBadDatasets()
    {
        QFETCH(QString, file);
        const QString path = corpusPath(file);
        const auto data = loadDataset(path);
        QVERIFY2(!data, "the file opened");
        checkError(data.error(), path);
    }

    void renamesDuplicateNames_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("columns");
        QTest::addColumn<QString>("warning");
        for (const DuplicateNames &d : kDuplicates)
            QTest::newRow(d.name) << QString::fromUtf8(d.file) << d.columns
                                  << QString::fromUtf8(d.warning);
    }
    void renamesDuplicateNames()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, columns);
        QFETCH(QString, warning);
        const auto data = loadDataset(corpusPath(file));
        QVERIFY2(data, data ? "" : data.error().describe().c_str());
        QStringList names;
        for (const Column &c : data->columns())
            names << QString::fromStdString(c.name());
        QCOMPARE(names, columns);
        QStringList warnings;
        for (const std::string &w : data->warnings())
            warnings << QString::fromStdString(w);
        QVERIFY2(warnings.contains(warning), qPrintable(warnings.join(QLatin1Char('\n'))));
    }

    void refusesBadModelFiles_data() { addRows(std::begin(kModelFiles), std::end(kModelFiles)); }
    void refusesBadModelFiles()
    {
        QFETCH(QString, file);
        const QString path = corpusPath(file);
        const auto loaded = loadModelFile(path);
        QVERIFY2(!loaded, "the model loaded");
        checkError(loaded.error(), path);
        // The header alone (File > Open Model's first look, `info`) refuses it the same way,
        // unless the damage is in the payload only.
        const auto header = readModelHeader(path);
        if (!header)
            QCOMPARE(header.error().code, loaded.error().code);
    }

    void refusesBadCatalogs_data() { addRows(std::begin(kCatalogs), std::end(kCatalogs)); }
    void refusesBadCatalogs()
    {
        QFETCH(QString, file);
        const QString path = copyOfCatalog(file);
        const QByteArray before = [&] {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        {
            const auto catalog = Catalog::open(path);
            QVERIFY2(!catalog, "the catalog opened");
            checkError(catalog.error(), path);
        }
        // Refusing a file writes nothing to it, nor beside it.
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll() == before);
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-journal")));
    }

    /// The read-only catalog is made here: git does not keep file modes reliably.
    void readOnlyCatalogRefusesWrites()
    {
        if (::geteuid() == 0)
            QSKIP("running as root: root ignores file permissions, so a read-only file cannot be "
                  "made; run this test as another user");
        const QString path = copyOfCatalog(QString::fromUtf8(kReadOnlyCatalog));
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup
                                                | QFileDevice::ReadOther));
        auto catalog = Catalog::open(path);
        QVERIFY2(catalog, catalog ? "" : catalog.error().describe().c_str());
        QVERIFY(catalog->isReadOnly());
        const auto entries = catalog->list();
        QVERIFY2(entries, entries ? "" : entries.error().describe().c_str());
        QCOMPARE(int(entries->size()), 1); // reading works

        const auto bytes = catalog->bytes(entries->front().ref());
        QVERIFY(bytes);
        const auto added = catalog->add(QStringLiteral("weather"), *bytes);
        QVERIFY2(!added, "a read-only catalog took a new version");
        const Error &e = added.error();
        QCOMPARE(e.code, ErrorCode::Io);
        QCOMPARE(QString::fromStdString(e.file), path);
        const QString shown = QString::fromStdString(e.describe());
        QVERIFY2(shown.contains(QStringLiteral("The catalog is read-only")), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("Your change was not saved")), qPrintable(shown));
        // What to do: the cause names the permission to give.
        QVERIFY2(shown.contains(QStringLiteral("no write permission")), qPrintable(shown));
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
};

QTEST_GUILESS_MAIN(TestBadInputs)
#include "tst_bad_inputs.moc"
