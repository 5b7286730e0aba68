// SPDX-License-Identifier: MIT
#include "core/io/csv_reader.h"
#include "core/io/number_parser.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <bit>
#include <charconv>
#include <clocale>
#include <cmath>
#include <random>
#include <stop_token>
#include <string_view>

using namespace mb;

Q_DECLARE_METATYPE(mb::CsvOptions::Decimal)
Q_DECLARE_METATYPE(mb::CsvOptions::Header)
Q_DECLARE_METATYPE(mb::ErrorCode)

/// Reads small CSV files written to a temporary folder and checks what comes back.
class TestCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void detectsDelimiter_data();
    void detectsDelimiter();
    void detectsHeader_data();
    void detectsHeader();
    void headerCanBeForced_data();
    void headerCanBeForced();
    void sniffTakesGivenOptions();

    void readsQuotedAndSplitFields_data();
    void readsQuotedAndSplitFields();
    void skipsByteOrderMark();
    void recognisesMissingTokens_data();
    void recognisesMissingTokens();
    void readsDecimalCommas_data();
    void readsDecimalCommas();
    void parsesNumbersExactly_data();
    void parsesNumbersExactly();
    void keepsNonNumbersAsText_data();
    void keepsNonNumbersAsText();
    void parsesNumbersWhateverTheLocale();

    void explainsColumnTypes_data();
    void explainsColumnTypes();
    void forcesCategoricalKeepingOriginalText();
    void forcingNumericOnTextFails();
    void overrideOfUnknownColumnFails();
    void numericColumnTurningTextKeepsAllLevels_data();
    void numericColumnTurningTextKeepsAllLevels();
    void namesColumns_data();
    void namesColumns();

    void reportsMalformedInput_data();
    void reportsMalformedInput();
    void reportsUnreadablePaths_data();
    void reportsUnreadablePaths();

    void stopsAfterMaxRows_data();
    void stopsAfterMaxRows();
    void cancelsWhenAsked_data();
    void cancelsWhenAsked();
    void reportsProgressToTheEnd();

    void readsSharedDatasets_data();
    void readsSharedDatasets();

    void numberPrefixAgreesWithFromChars();

    void eachRowKnowsItsLine_data();
    void eachRowKnowsItsLine();
    void twoThreadsReadWhatOneReads_data();
    void twoThreadsReadWhatOneReads();
    void twoThreadsReportTheFirstBadLine_data();
    void twoThreadsReportTheFirstBadLine();

private:
    static QByteArray mixedFile(int rows, int badLine);
    QString write(const QByteArray &bytes);
    static QString cellText(const Dataset &d, std::size_t column, std::size_t row);
    static QByteArray bigFile(int rows, int textAfter);

    QTemporaryDir m_dir;
    int m_files = 0;
};

QString TestCsvReader::write(const QByteArray &bytes)
{
    const QString path = m_dir.filePath(QStringLiteral("input%1.csv").arg(++m_files));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QString TestCsvReader::cellText(const Dataset &d, std::size_t column, std::size_t row)
{
    const Column &c = d.column(column);
    if (c.isNumeric())
        return QString::number(c.values()[row]);
    const std::int32_t code = c.codes()[row];
    return code < 0 ? QStringLiteral("<missing>") : QString::fromStdString(c.levels()[code]);
}

// Rows of "row,value,filler"; from row `textAfter` on (if >= 0) the value column holds words.
QByteArray TestCsvReader::bigFile(int rows, int textAfter)
{
    QByteArray csv = "row,value,filler\n";
    csv.reserve(rows * 48);
    for (int i = 0; i < rows; ++i) {
        csv += QByteArray::number(i) + ',';
        if (textAfter >= 0 && i >= textAfter)
            csv += "word" + QByteArray::number(i % 3);
        else
            csv += QByteArray::number(i % 10) + ".5";
        csv += ",some filler text to make lines longer\n";
    }
    return csv;
}

void TestCsvReader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Run again under other locales by CTest (tst_csv_reader_de_DE, ...): make sure the C
    // library really switched, as it does in the app, or those runs would prove nothing.
    if (const QByteArray point = qgetenv("MB_EXPECT_DECIMAL_POINT"); !point.isEmpty())
        QCOMPARE(QByteArray(std::localeconv()->decimal_point), point);
}

// --- dialect ------------------------------------------------------------------------------

void TestCsvReader::detectsDelimiter_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<char>("delimiter");
    QTest::addColumn<int>("columns");

    QTest::newRow("commas between four fields")
        << QByteArray("a,b,c,d\n1,2,3,4\n5,6,7,8\n") << ',' << 4;
    QTest::newRow("semicolons between three fields")
        << QByteArray("a;b;c\n1;2;3\n4;5;6\n") << ';' << 3;
    QTest::newRow("tabs between three fields") << QByteArray("a\tb\tc\n1\t2\t3\n") << '\t' << 3;
    QTest::newRow("pipes between two fields") << QByteArray("a|b\n1|2\n3|4\n") << '|' << 2;
    QTest::newRow("semicolons with commas inside quoted text")
        << QByteArray("name;note\nx;\"a,b,c\"\ny;\"d,e\"\n") << ';' << 2;
    QTest::newRow("commas with semicolons inside quoted text")
        << QByteArray("a,b\n\"x;y\",1\n\"z;w\",2\n") << ',' << 2;
    QTest::newRow("semicolons and decimal commas without a header")
        << QByteArray("1,5;2,5\n3,5;4,5\n") << ';' << 2;
    QTest::newRow("a single column falls back to commas")
        << QByteArray("value\n1\n2\n") << ',' << 1;
}

void TestCsvReader::detectsDelimiter()
{
    QFETCH(QByteArray, csv);
    QFETCH(char, delimiter);
    QFETCH(int, columns);

    const QString path = write(csv);
    const auto sniffed = sniffCsv(path);
    QVERIFY2(sniffed, sniffed ? "" : sniffed.error().describe().c_str());
    QCOMPARE(sniffed->delimiter, delimiter);

    CsvDialect dialect;
    const auto d = readCsv(path, {}, {}, &dialect);
    QVERIFY2(d, d ? "" : d.error().describe().c_str());
    QCOMPARE(dialect.delimiter, delimiter);
    QCOMPARE(int(d->columnCount()), columns);
}

void TestCsvReader::detectsHeader_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<bool>("header");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("firstName");

    QTest::newRow("words over numbers")
        << QByteArray("x,y\n1,2\n3,4\n") << true << 2 << QStringLiteral("x");
    QTest::newRow("numbers only") << QByteArray("1,2\n3,4\n") << false << 2
                                  << QStringLiteral("column1");
    QTest::newRow("text columns only are assumed to have a header")
        << QByteArray("color,size\nred,big\nblue,small\n") << true << 2 << QStringLiteral("color");
    QTest::newRow("empty first name over an index column")
        << QByteArray(",a\n0,1.5\n1,2.5\n") << true << 2 << QStringLiteral("column1");
    QTest::newRow("text column beside numbers without a header")
        << QByteArray("red,1\nblue,2\n") << false << 2 << QStringLiteral("column1");
    QTest::newRow("quoted header names")
        << QByteArray("\"a b\",\"c\"\n1,2\n") << true << 1 << QStringLiteral("a b");
    QTest::newRow("header over a first row with a missing value")
        << QByteArray("x,y\n,1\n2,3\n") << true << 2 << QStringLiteral("x");
    QTest::newRow("a single line of numbers is data")
        << QByteArray("1,2,3") << false << 1 << QStringLiteral("column1");
}

void TestCsvReader::detectsHeader()
{
    QFETCH(QByteArray, csv);
    QFETCH(bool, header);
    QFETCH(int, rows);
    QFETCH(QString, firstName);

    CsvDialect dialect;
    const auto d = readCsv(write(csv), {}, {}, &dialect);
    QVERIFY2(d, d ? "" : d.error().describe().c_str());
    QCOMPARE(dialect.header, header);
    QCOMPARE(int(d->rowCount()), rows);
    QCOMPARE(QString::fromStdString(d->column(0).name()), firstName);
}

void TestCsvReader::headerCanBeForced_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<CsvOptions::Header>("header");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("firstName");
    QTest::addColumn<bool>("firstNumeric");

    QTest::newRow("header forced on a file of numbers")
        << QByteArray("1,2\n3,4\n") << CsvOptions::Header::Present << 1 << QStringLiteral("1")
        << true;
    QTest::newRow("header forced away from a file with names")
        << QByteArray("x,y\n1,2\n") << CsvOptions::Header::Absent << 2 << QStringLiteral("column1")
        << false;
}

void TestCsvReader::headerCanBeForced()
{
    QFETCH(QByteArray, csv);
    QFETCH(CsvOptions::Header, header);
    QFETCH(int, rows);
    QFETCH(QString, firstName);
    QFETCH(bool, firstNumeric);

    CsvOptions options;
    options.header = header;
    const auto d = readCsv(write(csv), options);
    QVERIFY2(d, d ? "" : d.error().describe().c_str());
    QCOMPARE(int(d->rowCount()), rows);
    QCOMPARE(QString::fromStdString(d->column(0).name()), firstName);
    QCOMPARE(d->column(0).isNumeric(), firstNumeric);
}

void TestCsvReader::sniffTakesGivenOptions()
{
    const QString path = write("a,b\n1,2\n");
    CsvOptions options;
    options.delimiter = ';';
    options.header = CsvOptions::Header::Absent;
    options.decimal = CsvOptions::Decimal::Comma;
    const auto dialect = sniffCsv(path, options);
    QVERIFY(dialect);
    QCOMPARE(dialect->delimiter, ';');
    QCOMPARE(dialect->header, false);
    QCOMPARE(dialect->decimalComma, true);
}

// --- fields and values ----------------------------------------------------------------------

void TestCsvReader::readsQuotedAndSplitFields_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("text");

    QTest::newRow("separator inside quotes")
        << QByteArray("a,b\n\"x,y\",1\n") << 0 << QStringLiteral("x,y");
    QTest::newRow("doubled quotes stand for one")
        << QByteArray("a,b\n\"say \"\"hi\"\"\",1\n") << 0 << QStringLiteral("say \"hi\"");
    QTest::newRow("newline inside quotes")
        << QByteArray("a,b\n\"two\nlines\",1\n") << 0 << QStringLiteral("two\nlines");
    QTest::newRow("CRLF line ends")
        << QByteArray("a,b\r\nx,1\r\ny,2\r\n") << 1 << QStringLiteral("y");
    QTest::newRow("CRLF inside quotes")
        << QByteArray("a,b\r\n\"p\r\nq\",1\r\n") << 0 << QStringLiteral("p\r\nq");
    QTest::newRow("last line without a line end")
        << QByteArray("a,b\nx,1\ny,2") << 1 << QStringLiteral("y");
    QTest::newRow("last line without a line end after CRLF")
        << QByteArray("a,b\r\nx,1\r\ny,2") << 1 << QStringLiteral("y");
    QTest::newRow("quote inside an unquoted field is kept")
        << QByteArray("a,b\n5'11\",1\n") << 0 << QStringLiteral("5'11\"");
    QTest::newRow("spaces around a quoted field")
        << QByteArray("a,b\n  \"x\"  ,1\n") << 0 << QStringLiteral("x");
    QTest::newRow("a field of one escaped quote")
        << QByteArray("a,b\n\"\"\"\",1\n") << 0 << QStringLiteral("\"");
    QTest::newRow("a stray CR ends the last line")
        << QByteArray("a,b\nx,1\ny,2\r") << 1 << QStringLiteral("y");
    QTest::newRow("a lone CR inside a field is kept")
        << QByteArray("a,b\nx\ry,1\n") << 0 << QStringLiteral("x\ry");
    QTest::newRow("blank lines are skipped")
        << QByteArray("a,b\n\nx,1\n\r\n\ny,2\n\n") << 1 << QStringLiteral("y");
    QTest::newRow("UTF-8 text is kept")
        << QByteArray("a,b\n\xC3\xA9t\xC3\xA9,1\n") << 0 << QStringLiteral("\u00E9t\u00E9");
    QTest::newRow("quoted field with doubled quotes after another one")
        << QByteArray("a,b,c\n\"x\"\"1\",\"y\"\"2\",3\n\"q\",\"r\",4\n") << 0
        << QStringLiteral("x\"1");
}

void TestCsvReader::readsQuotedAndSplitFields()
{
    QFETCH(QByteArray, csv);
    QFETCH(int, row);
    QFETCH(QString, text);

    const auto d = readCsv(write(csv));
    QVERIFY2(d, d ? "" : d.error().describe().c_str());
    QCOMPARE(cellText(*d, 0, std::size_t(row)), text);
    // The numeric column next to it must not be disturbed.
    QVERIFY(d->column(d->columnCount() - 1).isNumeric());
}

void TestCsvReader::skipsByteOrderMark()
{
    CsvDialect dialect;
    const auto d = readCsv(write("\xEF\xBB\xBFname,v\nx,1\n"), {}, {}, &dialect);
    QVERIFY2(d, d ? "" : d.error().describe().c_str());
    QCOMPARE(d->column(0).name(), std::string("name"));
    QVERIFY(dialect.hadByteOrderMark);
    QCOMPARE(d->rowCount(), std::size_t(1));
}

void TestCsvReader::recognisesMissingTokens_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QStringList>("tokens"); // empty: the defaults
    QTest::addColumn<bool>("missing");
    QTest::addColumn<bool>("numeric");

    const QStringList defaults;
    QTest::newRow("empty field") << QByteArray("") << defaults << true << true;
    QTest::newRow("NA") << QByteArray("NA") << defaults << true << true;
    QTest::newRow("N/A") << QByteArray("N/A") << defaults << true << true;
    QTest::newRow("question mark") << QByteArray("?") << defaults << true << true;
    QTest::newRow("null") << QByteArray("null") << defaults << true << true;
    QTest::newRow("NaN") << QByteArray("NaN") << defaults << true << true;
    QTest::newRow("NA with spaces around") << QByteArray("  NA ") << defaults << true << true;
    QTest::newRow("quoted empty field") << QByteArray("\"\"") << defaults << true << true;
    QTest::newRow("lower-case na is text") << QByteArray("na") << defaults << false << false;
    QTest::newRow("custom word token")
        << QByteArray("missing") << QStringList {"missing"} << true << true;
    QTest::newRow("custom numeric token")
        << QByteArray("-999") << QStringList {"-999"} << true << true;
    QTest::newRow("default token is text with a custom list")
        << QByteArray("NA") << QStringList {"-"} << false << false;
}

void TestCsvReader::recognisesMissingTokens()
{
    QFETCH(QByteArray, field);
    QFETCH(QStringList, tokens);
    QFETCH(bool, missing);
    QFETCH(bool, numeric);

    CsvOptions options;
    options.header = CsvOptions::Header::Present;
    if (!tokens.isEmpty()) {
        options.missingTokens.clear();
        for (const QString &t : tokens)
            options.missingTokens.push_back(t.toStdString());
    }
    const auto d = readCsv(write("x,y\n1,1\n" + field + ",2\n3,3\n"), options);
    QVERIFY2(d, d ? "" : d.error().describe().c_str());
    QCOMPARE(d->rowCount(), std::size_t(3));
    QCOMPARE(d->column(0).isNumeric(), numeric);
    QCOMPARE(d->column(0).isMissing(1), missing);
    QVERIFY(!d->column(0).isMissing(0));
}

void TestCsvReader::readsDecimalCommas_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<CsvOptions::Decimal>("decimal");
    QTest::addColumn<bool>("comma");
    QTest::addColumn<double>("value");

    QTest::newRow("decimal commas detected in a semicolon file")
        << QByteArray("a;b\n3,14;2\n2,5;1\n") << CsvOptions::Decimal::Detect << true << 3.14;
    QTest::newRow("decimal points in a semicolon file")
        << QByteArray("a;b\n3.14;2\n2.5;1\n") << CsvOptions::Decimal::Detect << false << 3.14;
    QTest::newRow("decimal comma forced in a tab file")
        << QByteArray("a\tb\n0,1\t2\n") << CsvOptions::Decimal::Comma << true << 0.1;
    QTest::newRow("decimal comma with an exponent")
        << QByteArray("a;b\n1,5e-3;2\n2,5;1\n") << CsvOptions::Decimal::Detect << true << 1.5e-3;
    QTest::newRow("quoted decimal comma in a comma file, forced")
        << QByteArray("a,b\n\"7,25\",2\n") << CsvOptions::Decimal::Comma << true << 7.25;
}

void TestCsvReader::readsDecimalCommas()
{
    QFETCH(QByteArray, csv);
    QFETCH(CsvOptions::Decimal, decimal);
    QFETCH(bool, comma);
    QFETCH(double, value);

    CsvOptions options;
    options.decimal = decimal;
    CsvDialect dialect;
    const auto d = readCsv(write(csv), options, {}, &dialect);
    QVERIFY2(d, d ? "" : d.error().describe().c_str());
    QCOMPARE(dialect.decimalComma, comma);
    QVERIFY(d->column(0).isNumeric());
    QCOMPARE(d->column(0).values()[0], value);
    QCOMPARE(std::bit_cast<quint64>(d->column(0).values()[0]), std::bit_cast<quint64>(value));
}

void TestCsvReader::parsesNumbersExactly_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<double>("value");

    QTest::newRow("an exponent") << QByteArray("1e-3") << 1e-3;
    QTest::newRow("a negative fraction") << QByteArray("-0.5") << -0.5;
    QTest::newRow("a leading plus") << QByteArray("+2") << 2.0;
    QTest::newRow("spaces around") << QByteArray(" 7 ") << 7.0;
    QTest::newRow("one tenth") << QByteArray("0.1") << 0.1;
    QTest::newRow("a quoted number") << QByteArray("\"3.25\"") << 3.25;
    QTest::newRow("a leading dot") << QByteArray(".5") << 0.5;
    QTest::newRow("seventeen digits") << QByteArray("0.30000000000000004") << 0.30000000000000004;
    QTest::newRow("a capital exponent with sign") << QByteArray("2.5E+10") << 2.5e10;
    QTest::newRow("minus zero") << QByteArray("-0") << -0.0;
    QTest::newRow("the largest double")
        << QByteArray("1.7976931348623157e308") << 1.7976931348623157e308;
    QTest::newRow("leading zeros") << QByteArray("007") << 7.0;
    QTest::newRow("a tab before the number") << QByteArray("\t12.5") << 12.5;
}

void TestCsvReader::parsesNumbersExactly()
{
    QFETCH(QByteArray, field);
    QFETCH(double, value);

    // The number sits once in the last column (fast path up to the line end) and once in the
    // first (up to the separator).
    const auto d = readCsv(write("v,w\n" + field + ',' + field + "\n1,1\n"));
    QVERIFY2(d, d ? "" : d.error().describe().c_str());
    for (std::size_t c = 0; c < 2; ++c) {
        QVERIFY(d->column(c).isNumeric());
        const double read = d->column(c).values()[0];
        QCOMPARE(read, value);
        QCOMPARE(std::bit_cast<quint64>(read), std::bit_cast<quint64>(value));
    }
}

void TestCsvReader::keepsNonNumbersAsText_data()
{
    QTest::addColumn<QByteArray>("field");

    QTest::newRow("inf") << QByteArray("inf");
    QTest::newRow("minus inf") << QByteArray("-inf");
    QTest::newRow("nan in lower case") << QByteArray("nan");
    QTest::newRow("Infinity") << QByteArray("Infinity");
    QTest::newRow("hexadecimal") << QByteArray("0x1A");
    QTest::newRow("an exponent without digits") << QByteArray("1e");
    QTest::newRow("two signs") << QByteArray("+-1");
    QTest::newRow("a number followed by a unit") << QByteArray("12kg");
    QTest::newRow("a number too large for a double") << QByteArray("1e400");
    QTest::newRow("a decimal comma in a comma file") << QByteArray("\"1,5\"");
}

void TestCsvReader::keepsNonNumbersAsText()
{
    QFETCH(QByteArray, field);

    CsvOptions options;
    options.header = CsvOptions::Header::Present;
    const auto d = readCsv(write("v,w\n1,1\n" + field + ",2\n"), options);
    QVERIFY2(d, d ? "" : d.error().describe().c_str());
    QVERIFY(!d->column(0).isNumeric());
    QCOMPARE(d->column(0).levels().size(), std::size_t(2));
    QVERIFY(d->column(1).isNumeric());
}

void TestCsvReader::parsesNumbersWhateverTheLocale()
{
    const char *const names[] = {"de_DE.UTF-8", "de_DE.utf8", "de_DE", "fr_FR.UTF-8"};
    const char *set = nullptr;
    for (const char *name : names) {
        if ((set = std::setlocale(LC_ALL, name)) != nullptr)
            break;
    }
    if (!set)
        QSKIP("No locale with a decimal comma is installed.");

    // The C library now reads numbers with a decimal comma; the reader must not.
    const bool commaLocale = std::string_view(std::localeconv()->decimal_point) == ",";
    const auto d = readCsv(write("x,y\n9.8e-2,1.5\n"));
    std::setlocale(LC_ALL, "C");
    QVERIFY(commaLocale);
    QVERIFY2(d, d ? "" : d.error().describe().c_str());
    QVERIFY(d->column(0).isNumeric());
    QCOMPARE(d->column(0).values()[0], 0.098);
    QCOMPARE(d->column(1).values()[0], 1.5);
}

// --- columns ----------------------------------------------------------------------------------

void TestCsvReader::explainsColumnTypes_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("numeric");
    QTest::addColumn<QString>("reason");

    QTest::newRow("a mixed column names its first text and line")
        << QByteArray("v,w\n1,1\n2,2\n3,3\nunknown,4\n5,5\nother,6\n") << 0 << false
        << QStringLiteral("categorical: 2 non-numeric values, first 'unknown' at line 5");
    QTest::newRow("a numeric column counts its missing values")
        << QByteArray("v,w\n1,a\nNA,b\n3,c\n") << 0 << true
        << QStringLiteral("numeric: 2 values, 1 missing");
    QTest::newRow("a numeric column without missing values")
        << QByteArray("v,w\n1,a\n2,b\n") << 0 << true << QStringLiteral("numeric: 2 values");
    QTest::newRow("a column with all values missing is numeric")
        << QByteArray("v,w\n,1\nNA,2\n") << 0 << true
        << QStringLiteral("numeric: no values, all 2 missing");
    QTest::newRow("a text column from the start")
        << QByteArray("v,w\n1,a\n2,b\n") << 1 << false
        << QStringLiteral("categorical: 2 non-numeric values, first 'a' at line 2");
    QTest::newRow("text after missing values only")
        << QByteArray("v,w\n1,\n2,NA\n3,x\n") << 1 << false
        << QStringLiteral("categorical: 1 non-numeric value, first 'x' at line 4");
    QTest::newRow("the line of text after a quoted newline")
        << QByteArray("a,v\n\"x\ny\",1\nz,2\nw,oops\n") << 1 << false
        << QStringLiteral("categorical: 1 non-numeric value, first 'oops' at line 5");
}

void TestCsvReader::explainsColumnTypes()
{
    QFETCH(QByteArray, csv);
    QFETCH(int, column);
    QFETCH(bool, numeric);
    QFETCH(QString, reason);

    const auto d = readCsv(write(csv));
    QVERIFY2(d, d ? "" : d.error().describe().c_str());
    QCOMPARE(d->column(column).isNumeric(), numeric);
    QCOMPARE(QString::fromStdString(d->column(column).typeReason()), reason);
}

void TestCsvReader::forcesCategoricalKeepingOriginalText()
{
    CsvOptions options;
    options.typeOverrides["v"] = ColumnType::Categorical;
    const auto d = readCsv(write("v,w\n1.0,1\n2,2\n1.0,3\n,4\n"), options);
    QVERIFY2(d, d ? "" : d.error().describe().c_str());
    const Column &v = d->column(0);
    QVERIFY(!v.isNumeric());
    QCOMPARE(v.levels(), (std::vector<std::string> {"1.0", "2"}));
    QCOMPARE(std::vector<std::int32_t>(v.codes().begin(), v.codes().end()),
             (std::vector<std::int32_t> {0, 1, 0, Column::kMissingCode}));
    QVERIFY(v.typeReason().empty());
    QVERIFY(d->column(1).isNumeric());
}

void TestCsvReader::forcingNumericOnTextFails()
{
    CsvOptions options;
    options.typeOverrides["w"] = ColumnType::Numeric;
    const QString path = write("v,w\n1,2\n3,NA\n4,abc\n");
    const auto d = readCsv(path, options);
    QVERIFY(!d);
    QCOMPARE(d.error().code, ErrorCode::Format);
    QCOMPARE(int(d.error().line), 4);
    QCOMPARE(int(d.error().column), 2);
    QCOMPARE(d.error().field, std::string("w"));
    QCOMPARE(QString::fromStdString(d.error().file), path);
    QVERIFY2(d.error().message.find("'abc'") != std::string::npos, d.error().message.c_str());

    // The same column is fine when its text is a missing token only.
    const auto ok = readCsv(write("v,w\n1,2\n3,NA\n"), options);
    QVERIFY(ok);
    QVERIFY(ok->column(1).isNumeric());
}

void TestCsvReader::overrideOfUnknownColumnFails()
{
    CsvOptions options;
    options.typeOverrides["nope"] = ColumnType::Numeric;
    const auto d = readCsv(write("v,w\n1,2\n"), options);
    QVERIFY(!d);
    QCOMPARE(d.error().code, ErrorCode::Usage);
    QVERIFY(d.error().message.find("'nope'") != std::string::npos);
}

void TestCsvReader::numericColumnTurningTextKeepsAllLevels_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("textAfter");

    QTest::newRow("text after 5000 rows") << 5100 << 5000;
    QTest::newRow("text after 150000 rows of a file of several blocks") << 160000 << 150000;
}

void TestCsvReader::numericColumnTurningTextKeepsAllLevels()
{
    QFETCH(int, rows);
    QFETCH(int, textAfter);

    const auto d = readCsv(write(bigFile(rows, textAfter)));
    QVERIFY2(d, d ? "" : d.error().describe().c_str());
    QCOMPARE(int(d->rowCount()), rows);
    QVERIFY(d->column(0).isNumeric());
    const Column &v = d->column(1);
    QVERIFY(!v.isNumeric());

    // Levels in order of first appearance, with the file's spelling.
    std::vector<std::string> expected;
    for (int i = 0; i < 10; ++i)
        expected.push_back(std::to_string(i) + ".5");
    for (int i = 0; i < 3; ++i)
        expected.push_back("word" + std::to_string((textAfter + i) % 3));
    QCOMPARE(v.levels(), expected);
    for (int i : {0, 7, textAfter - 1, textAfter, rows - 1})
        QCOMPARE(cellText(*d, 1, std::size_t(i)),
                 i < textAfter ? QStringLiteral("%1.5").arg(i % 10)
                               : QStringLiteral("word%1").arg(i % 3));
    QCOMPARE(QString::fromStdString(v.typeReason()),
             QStringLiteral("categorical: %1 non-numeric values, first 'word%2' at line %3")
                 .arg(rows - textAfter)
                 .arg(textAfter % 3)
                 .arg(textAfter + 2));
}

void TestCsvReader::namesColumns_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<int>("warnings");

    QTest::newRow("duplicate names get a suffix")
        << QByteArray("x,x,y\n1,2,3\n") << QStringList {"x", "x_2", "y"} << 1;
    QTest::newRow("empty names are numbered by position")
        << QByteArray("x,,y,\n1,2,3,4\n") << QStringList {"x", "column2", "y", "column4"} << 0;
    QTest::newRow("names are trimmed")
        << QByteArray(" x , y\n1,2\n") << QStringList {"x", "y"} << 0;
    QTest::newRow("no header gives numbered names")
        << QByteArray("1,2,3\n4,5,6\n") << QStringList {"column1", "column2", "column3"} << 0;
}

void TestCsvReader::namesColumns()
{
    QFETCH(QByteArray, csv);
    QFETCH(QStringList, names);
    QFETCH(int, warnings);

    const auto d = readCsv(write(csv));
    QVERIFY2(d, d ? "" : d.error().describe().c_str());
    QStringList actual;
    for (const Column &c : d->columns())
        actual << QString::fromStdString(c.name());
    QCOMPARE(actual, names);
    QCOMPARE(int(d->warnings().size()), warnings);
    QVERIFY(d->name().empty());
}

// --- errors -----------------------------------------------------------------------------------

void TestCsvReader::reportsMalformedInput_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    const auto format = ErrorCode::Format;
    QTest::newRow("ragged row with an extra field")
        << QByteArray("a,b\n1,2\n3,4,5\n") << format << 3 << 3
        << QStringLiteral("Line 3 has 3 fields; the header has 2.");
    QTest::newRow("ragged row with a field short")
        << QByteArray("a,b,c\n1,2,3\n4,5\n") << format << 3 << 3
        << QStringLiteral("Line 3 has 2 fields; the header has 3.");
    QTest::newRow("ragged row without a header")
        << QByteArray("1,2\n3,4\n5,6,7\n") << format << 3 << 3
        << QStringLiteral("Line 3 has 3 fields; the first line has 2.");
    QTest::newRow("ragged row after a quoted newline")
        << QByteArray("a,b\n\"x\ny\",1\n3,4,5\n") << format << 4 << 3
        << QStringLiteral("Line 4 has 3 fields; the header has 2.");
    QTest::newRow("quote never closed")
        << QByteArray("a,b,c\n1,2,3\n4,5,\"x\n6,7,8\n") << format << 3 << 3
        << QStringLiteral("Line 3: the quoted field starting in column 3 ('c') is never closed.");
    QTest::newRow("quote never closed after a quoted newline")
        << QByteArray("a,b\n\"x\ny\",1\n\r\n2,\"open\n") << format << 5 << 2
        << QStringLiteral("Line 5: the quoted field starting in column 2 ('b') is never closed.");
    QTest::newRow("text after a closing quote")
        << QByteArray("a,b\n1,2\n\"x\"y,1\n") << format << 3 << 1
        << QStringLiteral("Line 3, column 1 ('a'): unexpected text after the closing quote");
    QTest::newRow("empty file") << QByteArray() << format << 0 << 0
                                << QStringLiteral("The file is empty.");
    QTest::newRow("only blank lines")
        << QByteArray("\n\r\n\n") << format << 0 << 0 << QStringLiteral("The file is empty.");
    QTest::newRow("only a byte-order mark")
        << QByteArray("\xEF\xBB\xBF") << format << 0 << 0 << QStringLiteral("The file is empty.");
    QTest::newRow("a header but no data rows")
        << QByteArray("a,b\n") << format << 0 << 0
        << QStringLiteral("The file has a header but no data "
                          "rows.");
    QTest::newRow("a binary file") << QByteArray("PK\x03\x04\x00\x00\x08\x00", 8) << format << 0
                                   << 0 << QStringLiteral("This does not look like a text file");
    QTest::newRow("invalid UTF-8 in a field")
        << QByteArray("a,b\nx,1\ny,2\nz,3\nw,caf\xE9\n") << format << 5 << 2
        << QStringLiteral("Line 5, column 2 ('b') is not valid UTF-8 text; save the file as "
                          "UTF-8.");
    QTest::newRow("invalid UTF-8 in a header name")
        << QByteArray("a,\xFF\xFE\x41\n1,2\n") << format << 1 << 2
        << QStringLiteral("Line 1, column 2 is not valid UTF-8 text");
    QTest::newRow("an overlong UTF-8 encoding")
        << QByteArray("a,b\nx,\xC0\xAF\n") << format << 2 << 2 << QStringLiteral("not valid UTF-8");
    QByteArray nulLate = "a\n";
    for (int i = 0; i < 2500000; ++i)
        nulLate += "x\n"; // 5 MB: more than the first block
    nulLate += QByteArray("bad\0text\n", 9);
    QTest::newRow("a NUL byte after the first block")
        << nulLate << format << 2500002 << 1 << QStringLiteral("contains a NUL byte");
    QTest::newRow("classic Mac line ends") << QByteArray("a,b\r1,2\r3,4\r") << format << 0 << 0
                                           << QStringLiteral("carriage return only");
    QTest::newRow("a UTF-16 file") << QByteArray("\xFF\xFE"
                                                 "a\0,\0b\0",
                                                 8)
                                   << format << 0 << 0 << QStringLiteral("UTF-16");
    QTest::newRow("a big-endian UTF-16 file")
        << QByteArray("\xFE\xFF\0a\0,\0b", 8) << format << 0 << 0
        << QStringLiteral("The file is encoded as UTF-16. Save it as UTF-8");
    // Without a byte-order mark the NUL bytes would make it "not a text file".
    const QByteArray text("a,b\n1,x\n");
    QByteArray little, big;
    for (char c : text) {
        little.append(c).append('\0');
        big.append('\0').append(c);
    }
    QTest::newRow("a UTF-16 file without a byte-order mark")
        << little << format << 0 << 0
        << QStringLiteral("looks like UTF-16 text (little-endian, without a byte-order mark). "
                          "Save it as UTF-8");
    QTest::newRow("a big-endian UTF-16 file without a byte-order mark")
        << big << format << 0 << 0 << QStringLiteral("looks like UTF-16 text (big-endian");
}

void TestCsvReader::reportsMalformedInput()
{
    QFETCH(QByteArray, csv);
    QFETCH(ErrorCode, code);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);

    const QString path = write(csv);
    const auto d = readCsv(path);
    QVERIFY(!d);
    QVERIFY2(QString::fromStdString(d.error().message).contains(message),
             d.error().message.c_str());
    QCOMPARE(d.error().code, code);
    QCOMPARE(int(d.error().line), line);
    QCOMPARE(int(d.error().column), column);
    QCOMPARE(QString::fromStdString(d.error().file), path);
}

void TestCsvReader::reportsUnreadablePaths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");

    QTest::newRow("a folder") << m_dir.path() << QStringLiteral("folder");
    QTest::newRow("a file that does not exist")
        << m_dir.filePath(QStringLiteral("absent.csv")) << QStringLiteral("does not exist");
}

void TestCsvReader::reportsUnreadablePaths()
{
    QFETCH(QString, path);
    QFETCH(QString, message);

    const auto d = readCsv(path);
    QVERIFY(!d);
    QCOMPARE(d.error().code, ErrorCode::Io);
    QVERIFY2(QString::fromStdString(d.error().message).contains(message),
             d.error().message.c_str());
    QCOMPARE(QString::fromStdString(d.error().file), path);
    QVERIFY(!sniffCsv(path));
}

// --- limits, cancel, progress ----------------------------------------------------------------

void TestCsvReader::stopsAfterMaxRows_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("maxRows");
    QTest::addColumn<int>("rows");
    QTest::addColumn<bool>("numeric");

    QTest::newRow("three rows of ten")
        << QByteArray("v\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n") << 3 << 3 << true;
    QTest::newRow("types are inferred from the rows read")
        << QByteArray("v\n1\n2\n3\nx\n") << 3 << 3 << true;
    QTest::newRow("a limit above the row count") << QByteArray("v\n1\n2\nx\n") << 10 << 3 << false;
    QTest::newRow("a limit with text in the last row read")
        << QByteArray("v\n1\n2\nx\n4\n") << 3 << 3 << false;
}

void TestCsvReader::stopsAfterMaxRows()
{
    QFETCH(QByteArray, csv);
    QFETCH(int, maxRows);
    QFETCH(int, rows);
    QFETCH(bool, numeric);

    CsvOptions options;
    options.maxRows = std::size_t(maxRows);
    const auto d = readCsv(write(csv), options);
    QVERIFY2(d, d ? "" : d.error().describe().c_str());
    QCOMPARE(int(d->rowCount()), rows);
    QCOMPARE(d->column(0).isNumeric(), numeric);
}

void TestCsvReader::cancelsWhenAsked_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<bool>("stopFirst");

    QTest::newRow("stop requested before loading") << QByteArray("a,b\n1,2\n") << true;
    QTest::newRow("stop requested after the first block") << bigFile(200000, -1) << false;
}

void TestCsvReader::cancelsWhenAsked()
{
    QFETCH(QByteArray, csv);
    QFETCH(bool, stopFirst);

    std::stop_source stop;
    if (stopFirst)
        stop.request_stop();
    WorkControl control;
    control.stop = stop.get_token();
    control.report = [&](double) {
        stop.request_stop();
    };
    const auto d = readCsv(write(csv), {}, control);
    QVERIFY(!d);
    QCOMPARE(d.error().code, ErrorCode::Cancelled);
    QCOMPARE(d.error().message, std::string("Loading was cancelled."));
}

void TestCsvReader::reportsProgressToTheEnd()
{
    // About 9 MB, with a column that turns to text near the end (so a second pass runs).
    const QString path = write(bigFile(200000, 190000));
    std::vector<double> reports;
    WorkControl control;
    control.report = [&](double f) {
        reports.push_back(f);
    };
    const auto d = readCsv(path, {}, control);
    QVERIFY2(d, d ? "" : d.error().describe().c_str());
    QVERIFY2(reports.size() >= 4, qPrintable(QString::number(reports.size())));
    QVERIFY(std::ranges::is_sorted(reports));
    QVERIFY(reports.front() >= 0.0);
    QCOMPARE(reports.back(), 1.0);
    QVERIFY(reports[reports.size() - 2] > 0.9);
}

// --- golden -----------------------------------------------------------------------------------

void TestCsvReader::readsSharedDatasets_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("columns");
    QTest::addColumn<int>("levels"); // of the last column, which is the only categorical one

    const QString dir = QStringLiteral(MB_SHARED_DATASETS_DIR);
    QTest::newRow("iris") << dir + "/iris.csv" << 150 << 5 << 3;
    QTest::newRow("wine") << dir + "/wine.csv" << 178 << 14 << 3;
    QTest::newRow("iris as a built-in resource")
        << QStringLiteral(":/samples/iris.csv") << 150 << 5 << 3;
}

void TestCsvReader::readsSharedDatasets()
{
    QFETCH(QString, path);
    QFETCH(int, rows);
    QFETCH(int, columns);
    QFETCH(int, levels);

    CsvDialect dialect;
    const auto d = readCsv(path, {}, {}, &dialect);
    QVERIFY2(d, d ? "" : d.error().describe().c_str());
    QCOMPARE(int(d->rowCount()), rows);
    QCOMPARE(int(d->columnCount()), columns);
    QCOMPARE(dialect.delimiter, ',');
    QVERIFY(dialect.header);
    for (int c = 0; c + 1 < columns; ++c) {
        QVERIFY2(d->column(c).isNumeric(), d->column(c).name().c_str());
        QCOMPARE(d->column(c).size(), std::size_t(rows));
    }
    const Column &last = d->column(columns - 1);
    QVERIFY(!last.isNumeric());
    QCOMPARE(int(last.levels().size()), levels);
    QCOMPARE(last.size(), std::size_t(rows));
}


// The short-decimal fast path must give from_chars' value bit for bit and stop where it stops.
void TestCsvReader::numberPrefixAgreesWithFromChars()
{
    std::mt19937_64 rng(11);
    std::uniform_int_distribution<int> length(1, 24), digit(0, 9), pick(0, 19);
    QStringList cases = {QStringLiteral("0"), QStringLiteral("-0"), QStringLiteral("-0.0"), QStringLiteral("."),
                         QStringLiteral("-."), QStringLiteral("1."), QStringLiteral(".5"), QStringLiteral("1e5"),
                         QStringLiteral("1.5e-3x"), QStringLiteral("1.5E"), QStringLiteral("0x1p3"),
                         QStringLiteral("123456789012345"), QStringLiteral("1234567890123456"),
                         QStringLiteral("0.9999999999999999"), QStringLiteral("9007199254740993"),
                         QStringLiteral("0.1"), QStringLiteral("-2.4040637,"), QStringLiteral("12abc")};
    for (int i = 0; i < 200000; ++i) {
        QString text;
        if (pick(rng) == 0)
            text += QLatin1Char('-');
        const int n = length(rng);
        const int point = pick(rng) < 15 ? int(rng() % std::uint64_t(n + 1)) : -1;
        for (int k = 0; k < n; ++k) {
            if (k == point)
                text += QLatin1Char('.');
            text += QChar(u'0' + digit(rng));
        }
        if (pick(rng) == 0)
            text += QStringLiteral("e-7");
        cases << text;
    }
    for (const QString &c : cases) {
        const QByteArray bytes = c.toLatin1();
        const char *begin = bytes.constData();
        const char *end = begin + bytes.size();
        double expected = 0, got = 0;
        const auto [stop, ec] = std::from_chars(begin, end, expected);
        const char *ours = parseNumberPrefix(begin, end, got);
        if (ec != std::errc {}) {
            QVERIFY2(!ours, bytes.constData());
            continue;
        }
        QVERIFY2(ours == stop, bytes.constData());
        QVERIFY2(std::bit_cast<std::uint64_t>(got) == std::bit_cast<std::uint64_t>(expected), bytes.constData());
    }
}

// --- reading on two threads ----------------------------------------------------------------

// Several MiB of mixed columns (numbers, words, missing values, blank lines, a numeric column
// that meets text late), so that the two-thread path runs on many blocks. With badLine > 0
// that line (1-based, counting the header) has one field too few.
QByteArray TestCsvReader::mixedFile(int rows, int badLine)
{
    QByteArray csv = "id,x,colour,late,sparse,code,label\n";
    int line = 1;
    for (int i = 0; i < rows; ++i) {
        if (i % 5000 == 4999) {
            csv += "\n"; // blank lines count as lines but hold no record
            ++line;
        }
        ++line;
        if (line == badLine) {
            csv += "1,2,red,3,4,5\n";
            continue;
        }
        csv += QByteArray::number(i) + ',';
        csv += QByteArray::number((i * 7919) % 1000 / 8.0) + ',';
        csv += (i % 3 == 0 ? "red" : i % 3 == 1 ? "green" : ("shade" + QByteArray::number(i % 101))) + ',';
        csv += (i > rows * 3 / 4 && i % 11 == 0 ? QByteArray("high") : QByteArray::number(i % 13)) + ',';
        csv += (i % 4 == 0 ? QByteArray("NA") : QByteArray::number(i % 17 * 0.25)) + ',';
        // Missing, then a word, then numbers: a categorical column whose later values look
        // numeric, and must keep their text as levels.
        csv += (i < 10 ? QByteArray("NA") : i == 10 ? QByteArray("x1") : QByteArray::number(i % 7 * 1.5)) + ',';
        csv += (i % 2 ? "yes" : "no");
        csv += i % 7 == 0 ? "\r\n" : "\n";
    }
    return csv;
}

void TestCsvReader::eachRowKnowsItsLine_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QList<qint64>>("lines");
    QTest::newRow("numbers (the fast path)") << QByteArray("a,b\n1,2\n3,4\n5,6\n") << QList<qint64> {2, 3, 4};
    QTest::newRow("a quoted field over two lines")
        << QByteArray("a,b,c\n1,2,x\n\"multi\nline\",3,y\n4,5,z\n") << QList<qint64> {2, 3, 5};
    QTest::newRow("no header, CRLF") << QByteArray("1,x\r\n2,y\r\n3,z\r\n") << QList<qint64> {1, 2, 3};
}

void TestCsvReader::eachRowKnowsItsLine()
{
    QFETCH(QByteArray, text);
    QFETCH(QList<qint64>, lines);
    const auto data = readCsv(write(text), {});
    QVERIFY2(data, data ? "" : data.error().describe().c_str());
    QCOMPARE(data->rowCount(), std::size_t(lines.size()));
    for (qsizetype r = 0; r < lines.size(); ++r)
        QCOMPARE(data->sourceLine(std::size_t(r)), std::optional<std::int64_t>(lines[r]));
}

void TestCsvReader::twoThreadsReadWhatOneReads_data()
{
    QTest::addColumn<int>("rows");
    QTest::newRow("under a block") << 2000;
    QTest::newRow("many blocks") << 200000;
}

void TestCsvReader::twoThreadsReadWhatOneReads()
{
    QFETCH(int, rows);
    const QString path = write(mixedFile(rows, 0));
    CsvOptions one;
    one.threads = 1;
    CsvOptions two;
    two.threads = 2;
    const auto a = readCsv(path, one);
    const auto b = readCsv(path, two);
    QVERIFY2(a, a ? "" : a.error().describe().c_str());
    QVERIFY2(b, b ? "" : b.error().describe().c_str());
    QCOMPARE(a->rowCount(), std::size_t(rows));
    QCOMPARE(b->rowCount(), a->rowCount());
    QCOMPARE(b->columnCount(), a->columnCount());
    // Each row's line too: the helper thread's records keep theirs.
    QCOMPARE(a->sourceLines().size(), std::size_t(rows));
    QCOMPARE(b->sourceLines(), a->sourceLines());
    for (std::size_t j = 0; j < a->columnCount(); ++j) {
        const Column &x = a->column(j);
        const Column &y = b->column(j);
        QCOMPARE(y.name(), x.name());
        QCOMPARE(y.isNumeric(), x.isNumeric());
        QCOMPARE(y.typeReason(), x.typeReason());
        if (x.isNumeric()) {
            // Bit for bit, NaN included.
            QVERIFY(std::ranges::equal(x.values(), y.values(), [](double p, double q) {
                return std::bit_cast<std::uint64_t>(p) == std::bit_cast<std::uint64_t>(q);
            }));
        } else {
            QCOMPARE(y.levels(), x.levels());
            QVERIFY(std::ranges::equal(x.codes(), y.codes()));
        }
    }
    // The column that meets text late is categorical, its levels in order of first appearance.
    QVERIFY(!a->column(3).isNumeric());
    QVERIFY(a->column(4).isNumeric());
    QVERIFY(!a->column(5).isNumeric());
    QVERIFY(a->column(5).levels().size() == 8); // "x1" and 0, 1.5, ..., 9 as written
}

void TestCsvReader::twoThreadsReportTheFirstBadLine_data()
{
    QTest::addColumn<int>("badLine");
    QTest::newRow("first block") << 1000;
    QTest::newRow("in a later block") << 123457;
    QTest::newRow("near the end") << 199990;
}

void TestCsvReader::twoThreadsReportTheFirstBadLine()
{
    QFETCH(int, badLine);
    const QString path = write(mixedFile(200000, badLine));
    CsvOptions one;
    one.threads = 1;
    CsvOptions two;
    two.threads = 2;
    const auto a = readCsv(path, one);
    const auto b = readCsv(path, two);
    QVERIFY(!a);
    QVERIFY(!b);
    QCOMPARE(a.error().line, std::int64_t(badLine));
    QCOMPARE(b.error().line, a.error().line);
    QCOMPARE(b.error().column, a.error().column);
    QCOMPARE(b.error().message, a.error().message);
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csv_reader.moc"
