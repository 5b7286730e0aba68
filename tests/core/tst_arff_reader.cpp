// SPDX-License-Identifier: MIT
#include "core/io/arff_reader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <clocale>
#include <cstdlib>
#include <ctime>
#include <stop_token>

using namespace mb;

namespace {

QString valueText(const Column &column, std::size_t row)
{
    if (column.isMissing(row))
        return QStringLiteral("NA");
    if (column.isNumeric())
        return QString::number(column.values()[row], 'g', 15);
    QString level = QString::fromStdString(column.levels()[std::size_t(column.codes()[row])]);
    return level.replace(QLatin1Char('\n'), QStringLiteral("\\n"))
        .replace(QLatin1Char('\t'), QStringLiteral("\\t"));
}

// "name:N" or "name:{a,b}" for every column, separated by " | ".
QString schemaText(const Dataset &data)
{
    QStringList parts;
    for (const Column &column : data.columns()) {
        QString part = QString::fromStdString(column.name()) + QLatin1Char(':');
        if (column.isNumeric()) {
            part += QLatin1Char('N');
        } else {
            QStringList levels;
            for (const std::string &level : column.levels())
                levels << QString::fromStdString(level)
                              .replace(QLatin1Char('\n'), QStringLiteral("\\n"))
                              .replace(QLatin1Char('\t'), QStringLiteral("\\t"));
            part += QLatin1Char('{') + levels.join(QLatin1Char(',')) + QLatin1Char('}');
        }
        parts << part;
    }
    return parts.join(QStringLiteral(" | "));
}

// The schema with every value: "a:N=1,NA | b:{x,y}=x,y | w=1,2" (NA = missing; the weights
// part only when the dataset has weights).
QString dump(const Dataset &data)
{
    QStringList parts;
    for (const Column &column : data.columns()) {
        Dataset one;
        one.addColumn(column);
        QStringList values;
        for (std::size_t row = 0; row < column.size(); ++row)
            values << valueText(column, row);
        parts << schemaText(one) + QLatin1Char('=') + values.join(QLatin1Char(','));
    }
    if (!data.weights().empty()) {
        QStringList weights;
        for (double w : data.weights())
            weights << QString::number(w, 'g', 15);
        parts << QStringLiteral("w=") + weights.join(QLatin1Char(','));
    }
    return parts.join(QStringLiteral(" | "));
}

const QByteArray kHeader = "@relation r\n@attribute a numeric\n@attribute b {x,y}\n@data\n";

} // namespace

class TestArffReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    QString write(const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(QStringLiteral("file%1.arff").arg(++m_files));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    // A valid file of about `bytes` bytes, rows "i,x" or "i,y".
    static QByteArray bigFile(qsizetype bytes, QByteArray newline = "\n")
    {
        QByteArray out = QByteArray(kHeader).replace("\n", newline);
        for (int i = 0; out.size() < bytes; ++i)
            out += QByteArray::number(i) + (i % 2 ? ",y" : ",x") + newline;
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A zone with daylight saving: dates must still read as UTC, also inside the hour
        // that the spring change skips.
        qputenv("TZ", "Europe/Berlin");
        tzset();
    }

    void eachRowKnowsItsLine()
    {
        const QString path = write("% comment\n@relation r\n@attribute x numeric\n@attribute c {a,b}\n@data\n"
                                   "1,a\n\n% a comment between rows\n2,b\n{0 3}\n");
        const Expected<Dataset> data = readArff(path);
        QVERIFY2(data, data ? "" : data.error().describe().c_str());
        QCOMPARE(data->rowCount(), std::size_t(3));
        QCOMPARE(data->sourceLines(), (std::vector<std::int64_t> {6, 9, 10}));
    }

    void readsFeatures_data()
    {
        QTest::addColumn<QByteArray>("arff");
        QTest::addColumn<QString>("expected");

        QTest::newRow("dense numeric and nominal values with missing ones")
            << kHeader + "1,x\n?,y\n2.5,?\n"
            << "a:N=1,NA,2.5 | b:{x,y}=x,y,NA";
        QTest::newRow("keywords and type names in any case")
            << QByteArray("@RELATION r\n@ATTRIBUTE a NUMERIC\n@Attribute b Integer\n"
                          "@aTTRIBUTE c REAL\n@attribute d STRING\n@attribute e {X,Y}\n"
                          "@DaTa\n1,2,3,s,Y\n")
            << "a:N=1 | b:N=2 | c:N=3 | d:{s}=s | e:{X,Y}=Y";
        QTest::newRow("comments and blank lines anywhere")
            << QByteArray("% head\n\n@relation r\n% c\n@attribute a numeric % trailing\n\n"
                          "@attribute b {x,y} % t\n%\n@data\n% c\n1,x\n\n  % indented\n"
                          "2,y % trailing, 3\n")
            << "a:N=1,2 | b:{x,y}=x,y";
        QTest::newRow("CRLF line endings")
            << QByteArray(kHeader).replace("\n", "\r\n") + "1,x\r\n2,y\r\n"
            << "a:N=1,2 | b:{x,y}=x,y";
        QTest::newRow("old Mac CR line endings")
            << QByteArray(kHeader).replace("\n", "\r") + "1,x\r2,y\r"
            << "a:N=1,2 | b:{x,y}=x,y";
        QTest::newRow("last line without a newline") << kHeader + "1,x"
                                                     << "a:N=1 | b:{x,y}=x";
        QTest::newRow("UTF-8 byte-order mark") << "\xEF\xBB\xBF" + kHeader + "1,x\n"
                                               << "a:N=1 | b:{x,y}=x";
        QTest::newRow("no relation line")
            << QByteArray("@attribute a numeric\n@data\n1\n") << "a:N=1";
        QTest::newRow("no data rows") << kHeader << "a:N= | b:{x,y}=";
        QTest::newRow("quoted attribute names with spaces, commas and quotes")
            << QByteArray("@relation 'my data'\n@attribute 'sepal length' numeric\n"
                          "@attribute \"a, b\" numeric\n@attribute 'it\\'s' numeric\n"
                          "@attribute \"say \\\"hi\\\"\" numeric\n@data\n1,2,3,4\n")
            << "sepal length:N=1 | a, b:N=2 | it's:N=3 | say \"hi\":N=4";
        QTest::newRow("nominal values quoted with spaces, commas and escapes")
            << QByteArray("@attribute t {'build wind', \"x, y\", 'it\\'s', back\\slash, "
                          "'tab\\there'}\n@data\n'build wind'\n\"x, y\"\n'it\\'s'\n"
                          "'back\\\\slash'\n\"tab\\there\"\nback\\slash\n")
            << "t:{build wind,x, y,it's,back\\slash,tab\\there}"
               "=build wind,x, y,it's,back\\slash,tab\\there,back\\slash";
        QTest::newRow("declared levels kept in declared order even when unused")
            << QByteArray("@attribute c {z,y,x,unused}\n@data\nx\nz\n") << "c:{z,y,x,unused}=x,z";
        QTest::newRow("string levels in order of appearance; quoted ? is text")
            << QByteArray("@attribute s string\n@data\nbanana\n'cherry pie'\nbanana\napple\n"
                          "?\n'?'\n")
            << "s:{banana,cherry pie,apple,?}=banana,cherry pie,banana,apple,NA,?";
        QTest::newRow("sparse rows: omitted numeric is 0, omitted nominal the first level")
            << QByteArray("@attribute a numeric\n@attribute b {x,y}\n@attribute c numeric\n"
                          "@attribute d {p,q}\n@data\n{0 5, 3 q}\n{1 y}\n{}\n{2 ?, 3 ?}\n")
            << "a:N=5,0,0,0 | b:{x,y}=x,y,x,x | c:N=0,0,0,NA | d:{p,q}=q,p,p,NA";
        QTest::newRow("sparse rows: omitted string is missing")
            << QByteArray("@attribute s string\n@attribute n numeric\n@data\n{1 3}\n"
                          "{0 hello, 1 4}\n")
            << "s:{hello}=NA,hello | n:N=3,4";
        QTest::newRow("sparse and dense rows mixed, quoted sparse values")
            << QByteArray("@attribute a numeric\n@attribute b {'p q',r}\n@data\n{1 'p q'}\n"
                          "{ 0 2 , 1 r }\n3,r\n")
            << "a:N=0,2,3 | b:{p q,r}=p q,r,r";
        QTest::newRow("instance weights on dense and sparse rows; rows without weigh 1")
            << kHeader + "1,x,{2}\n2,y\n{0 3},{0.5}\n{1 y} {4}\n4,x {1.5}\n"
            << "a:N=1,2,3,0,4 | b:{x,y}=x,y,x,y,x | w=2,1,0.5,4,1.5";
        QTest::newRow("date in the default format")
            << QByteArray("@attribute when date\n@data\n2001-04-03T12:12:12\n?\n")
            << "when:N=986299932000,NA";
        QTest::newRow("date with a custom format and quoted literal, in a skipped local hour")
            << QByteArray("@attribute when date \"dd/MM/yyyy 'at' HH:mm\"\n@data\n"
                          "\"28/03/2021 at 02:30\"\n'1/2/2000 at 7:05'\n")
            << "when:N=1616898600000,949388700000";
        QTest::newRow("date with month names, 12-hour clock, milliseconds and 2-digit year")
            << QByteArray("@attribute when date 'd-MMM-yy h:mm:ss.SSS a'\n@data\n"
                          "'15-Mar-21 7:05:09.250 PM'\n")
            << "when:N=1615835109250";
        QTest::newRow("date with a UTC offset")
            << QByteArray("@attribute when date 'yyyy-MM-dd HH:mm Z'\n@data\n"
                          "'2021-03-28 12:00 +0100'\n")
            << "when:N=1616929200000";
        QTest::newRow("numbers in many spellings")
            << QByteArray("@attribute a numeric\n@data\n+1\n.5\n1e3\n-0.25\n9.8e-2\nNaN\n'7'\n")
            << "a:N=1,0.5,1000,-0.25,0.098,NA,7";
        QTest::newRow("nominal list separated by white space, as Weka allows")
            << QByteArray("@attribute b {x y  z}\n@data\nz\n") << "b:{x,y,z}=z";
        QTest::newRow("name glued to its value list, tabs as separators")
            << QByteArray("@attribute\tn\tnumeric\n@attribute\tclass{a,b}\n@data\n1\t,\tb\n")
            << "n:N=1 | class:{a,b}=b";
        QTest::newRow("a quoted percent sign is text")
            << QByteArray("@attribute s string\n@data\n'50%'\n") << "s:{50%}=50%";
        QTest::newRow("escapes in values: tab, newline and unicode")
            << QByteArray("@attribute s string\n@data\n'a\\tb'\n'c\\nd'\n'\\u00e9t\\u00e9'\n")
            << "s:{a\\tb,c\\nd,\u00e9t\u00e9}=a\\tb,c\\nd,\u00e9t\u00e9";
        QTest::newRow("UTF-8 names and values")
            << QByteArray("@attribute 'temp\xC3\xA9rature' {chaud,froid}\n@data\nfroid\n")
            << "temp\u00e9rature:{chaud,froid}=froid";
        QTest::newRow("duplicate attribute names are made unique")
            << QByteArray("@attribute x numeric\n@attribute x numeric\n@data\n1,2\n")
            << "x:N=1 | x_2:N=2";
        QTest::newRow("empty nominal list takes only missing values")
            << QByteArray("@attribute b {}\n@data\n?\n") << "b:{}=NA";
    }

    void readsFeatures()
    {
        QFETCH(QByteArray, arff);
        QFETCH(QString, expected);
        const QString path = write(arff);
        const Expected<Dataset> data = readArff(path);
        QVERIFY2(data, data ? "" : data.error().describe().c_str());
        QCOMPARE(dump(*data), expected);
        QVERIFY(data->name().empty());
        QVERIFY(!data->targetIndex());
    }

    void reportsErrors_data()
    {
        QTest::addColumn<QByteArray>("arff");
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("fragment"); // must appear in the message

        const int format = int(ErrorCode::Format);
        const int unsupported = int(ErrorCode::Unsupported);

        QTest::newRow("nominal value not declared in the header")
            << QByteArray("@relation iris\n@attribute sepallength real\n"
                          "@attribute class {Iris-setosa,Iris-versicolor,Iris-virginica}\n"
                          "@data\n5.1,Iris-setosa\n5.0,Iris-setosaa\n")
            << format << 6 << 2 << "class"
            << "Line 6: 'Iris-setosaa' is not a declared value of attribute 'class' "
               "{Iris-setosa, Iris-versicolor, Iris-virginica}.";
        QTest::newRow("a long list of declared values is shortened")
            << QByteArray("@attribute c {l1,l2,l3,l4,l5,l6,l7,l8,l9,l10,l11,l12,l13,l14,l15}\n"
                          "@data\nl1\nzz\n")
            << format << 4 << 1 << "c"
            << "{l1, l2, l3, l4, l5, l6, l7, l8, l9, l10, ... 5 more}.";
        QTest::newRow("a quoted question mark is not a missing value")
            << kHeader + "1,'?'\n"
            << format << 5 << 2 << "b"
            << "'?' is not a declared value of attribute 'b'";
        QTest::newRow("dense row with too few values")
            << kHeader + "1,x\n2\n"
            << format << 6 << 2 << ""
            << "Line 6: expected 2 values (one per attribute), found 1.";
        QTest::newRow("dense row with too many values") << kHeader + "1,x,3\n"
                                                        << format << 5 << 3 << ""
                                                        << "expected 2 values";
        QTest::newRow("text for a numeric attribute")
            << kHeader + "abc,x\n"
            << format << 5 << 1 << "a"
            << "value 1 ('abc') of attribute 'a' is not a number";
        QTest::newRow("infinity for a numeric attribute") << kHeader + "inf,x\n"
                                                          << format << 5 << 1 << "a"
                                                          << "is not a number";
        QTest::newRow("empty value between two commas") << kHeader + "1,,x\n"
                                                        << format << 5 << 2 << ""
                                                        << "value 2 is empty";
        QTest::newRow("comma at the end of a row") << kHeader + "1,x,\n"
                                                   << format << 5 << 3 << ""
                                                   << "value 3 is empty";
        QTest::newRow("two values without a comma between them")
            << kHeader + "'1' 2,x\n"
            << format << 5 << 2 << ""
            << "expected ',' after value 1, found '2,x'";
        QTest::newRow("quote in a data row never closed")
            << kHeader + "1,'x\n"
            << format << 5 << 2 << ""
            << "value 2 starts a quote (column 3 of the line) that is never closed";
        QTest::newRow("no @data section")
            << QByteArray("@relation r\n@attribute a numeric\n") << format << 2 << 0 << ""
            << "without an @data section (it declares 1 attribute but no data)";
        QTest::newRow("no attributes before @data")
            << QByteArray("@relation r\n@data\n1\n") << format << 2 << 1 << ""
            << "before any @attribute";
        QTest::newRow("only comments") << QByteArray("% nothing here\n") << format << 1 << 0 << ""
                                       << "declares no attributes";
        QTest::newRow("unknown type")
            << QByteArray("@relation r\n@attribute a numerc\n@data\n") << format << 2 << 14 << "a"
            << "unknown type 'numerc' for attribute 'a'; expected numeric";
        QTest::newRow("attribute without a type")
            << QByteArray("@relation r\n@attribute a\n@data\n") << format << 2 << 13 << "a"
            << "attribute 'a' has no type";
        QTest::newRow("attribute without a name")
            << QByteArray("@relation r\n@attribute\n@data\n") << format << 2 << 11 << ""
            << "needs a name and a type";
        QTest::newRow("text after the type")
            << QByteArray("@relation r\n@attribute a numeric extra\n@data\n") << format << 2 << 22
            << "a"
            << "unexpected text 'extra' after the type of attribute 'a'";
        QTest::newRow("quoted attribute name never closed")
            << QByteArray("@relation r\n@attribute 'my name numeric\n@data\n") << format << 2 << 12
            << ""
            << "the quoted text starting in column 12 is never closed";
        QTest::newRow("quoted nominal value never closed")
            << QByteArray("@relation r\n@attribute b {'x,y}\n@data\n") << format << 2 << 15 << ""
            << "starting in column 15 is never closed";
        QTest::newRow("list of values never closed")
            << QByteArray("@relation r\n@attribute b {x,y\n@data\n") << format << 2 << 14 << "b"
            << "starting in column 14 is never closed with '}'";
        QTest::newRow("a declared value repeated")
            << QByteArray("@relation r\n@attribute b {x,y,x}\n@data\n") << format << 2 << 19 << "b"
            << "declares the value 'x' twice";
        QTest::newRow("misspelt keyword")
            << QByteArray("@relation r\n@atribute a numeric\n@data\n") << format << 2 << 1 << ""
            << "unknown keyword '@atribute'";
        QTest::newRow("a CSV file opened as ARFF")
            << QByteArray("sepal,petal\n1,2\n") << format << 1 << 1 << ""
            << "expected @relation, @attribute or @data, found 'sepal,petal'";
        QTest::newRow("text after @data")
            << QByteArray("@relation r\n@attribute a numeric\n@data 1,2\n") << format << 3 << 7
            << ""
            << "after @data";
        QTest::newRow("@end without a relational attribute")
            << QByteArray("@relation r\n@attribute a numeric\n@end\n") << format << 3 << 1 << ""
            << "@end";
        QTest::newRow("relational attribute")
            << QByteArray("@relation r\n@attribute bag relational\n@attribute x numeric\n"
                          "@end bag\n@data\n")
            << unsupported << 2 << 16 << "bag"
            << "Line 2: attribute 'bag' is relational";
        QTest::newRow("binary file with NUL bytes")
            << QByteArray("@relation r\n@attribute a numeric\n@da") + '\0' + "ta\n"
            << format << 3 << 0 << ""
            << "NUL bytes";
        QTest::newRow("text that is not UTF-8")
            << QByteArray("@relation r\n@attribute caf\xE9 numeric\n@data\n") << format << 2 << 15
            << ""
            << "not valid UTF-8";
        QTest::newRow("empty file") << QByteArray() << format << 0 << 0 << ""
                                    << "The file is empty.";
        QTest::newRow("file of blank lines") << QByteArray("\n  \n\t\n") << format << 0 << 0 << ""
                                             << "The file is empty.";
        QTest::newRow("UTF-16 file") << QByteArray("\xFF\xFE@\0r\0", 6) << format << 0 << 0 << ""
                                     << "UTF-16";
        QTest::newRow("UTF-16 file without a byte-order mark")
            << QByteArray("\0@\0r\0e\0l\0a\0t\0i\0o\0n", 18) << format << 0 << 0 << ""
            << "looks like UTF-16 text (big-endian, without a byte-order mark). Save it as UTF-8";
        QTest::newRow("data rows without @data")
            << QByteArray("@relation r\n@attribute a numeric\n@attribute b {x,y}\n1,x\n")
            << format << 4 << 1 << ""
            << "found '1,x'. If the data rows start here, add a line with @data before them.";
        QTest::newRow("sparse index beyond the last attribute")
            << kHeader + "{0 1, 2 x}\n"
            << format << 5 << 2 << ""
            << "has attribute index 2, but the file declares 2 attributes (indices 0 to 1)";
        QTest::newRow("sparse indices not increasing")
            << kHeader + "{1 x, 0 1}\n"
            << format << 5 << 2 << "a"
            << "index 0 after index 1; indices must increase";
        QTest::newRow("sparse index repeated") << kHeader + "{0 1, 0 2}\n"
                                               << format << 5 << 2 << "a"
                                               << "after index 0";
        QTest::newRow("sparse index that is not a number")
            << kHeader + "{a 1}\n"
            << format << 5 << 1 << ""
            << "should start with an attribute index (0 to 1), found 'a'";
        QTest::newRow("sparse entry without a value") << kHeader + "{0, 1 x}\n"
                                                      << format << 5 << 1 << "a"
                                                      << "has no value";
        QTest::newRow("sparse row never closed") << kHeader + "{0 1, 1 x\n"
                                                 << format << 5 << 2 << ""
                                                 << "is never closed with '}'";
        QTest::newRow("sparse value not declared")
            << kHeader + "{1 z}\n"
            << format << 5 << 1 << "b"
            << "'z' is not a declared value of attribute 'b' {x, y}.";
        QTest::newRow("weight that is not a number")
            << kHeader + "1,x,{heavy}\n"
            << format << 5 << 3 << ""
            << "the instance weight 'heavy' is not a number";
        QTest::newRow("negative weight") << kHeader + "1,x,{-2}\n"
                                         << format << 5 << 3 << ""
                                         << "is negative";
        QTest::newRow("weight never closed") << kHeader + "1,x,{2\n"
                                             << format << 5 << 3 << ""
                                             << "never closed";
        QTest::newRow("weight not at the end of the row") << kHeader + "1,{2},x\n"
                                                          << format << 5 << 3 << ""
                                                          << "the weight ends the row";
        QTest::newRow("date that does not match its format")
            << QByteArray("@relation r\n@attribute when date 'yyyy-MM-dd'\n@data\n"
                          "2021-02-30\n")
            << format << 4 << 1 << "when"
            << "value 1 ('2021-02-30') of attribute 'when' is not a date in the format "
               "'yyyy-MM-dd'";
        QTest::newRow("date format letter we cannot read")
            << QByteArray("@relation r\n@attribute when date 'yyyy-DDD'\n@data\n") << unsupported
            << 2 << 22 << "when"
            << "uses 'DDD'";
        QTest::newRow("line numbers count CRLF once")
            << QByteArray(kHeader).replace("\n", "\r\n") + "1,x\r\n\r\n2,z\r\n"
            << format << 7 << 2 << "b"
            << "Line 7: 'z'";
        QTest::newRow("line numbers count old Mac CR endings")
            << QByteArray("@relation r\r@attribute a numeric\r@data\rx\r") << format << 4 << 1
            << "a"
            << "Line 4:";
    }

    void reportsErrors()
    {
        QFETCH(QByteArray, arff);
        QFETCH(int, code);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, field);
        QFETCH(QString, fragment);

        const QString path = write(arff);
        const Expected<Dataset> data = readArff(path);
        QVERIFY2(!data, "the file should have been refused");
        const Error &e = data.error();
        const QString message = QString::fromStdString(e.message);
        QVERIFY2(message.contains(fragment), qPrintable(message));
        QCOMPARE(int(e.code), code);
        QCOMPARE(e.line, std::int64_t(line));
        QCOMPARE(e.column, std::int64_t(column));
        QCOMPARE(QString::fromStdString(e.field), field);
        QCOMPARE(QString::fromStdString(e.file), path);
    }

    void missingFileIsAnIoError()
    {
        const Expected<Dataset> data = readArff(m_dir.filePath(QStringLiteral("nope.arff")));
        QVERIFY(!data);
        QCOMPARE(data.error().code, ErrorCode::Io);
    }

    void readsSharedDatasets_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("rows");
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QStringList>("values"); // "row,column=value"

        QTest::newRow("iris") << "iris.arff" << 150
                              << "sepallength:N | sepalwidth:N | petallength:N | petalwidth:N | "
                                 "class:{Iris-setosa,Iris-versicolor,Iris-virginica}"
                              << QStringList {"0,0=5.1", "0,4=Iris-setosa", "1,1=3", "149,2=5.1",
                                              "149,4=Iris-virginica"};
        QTest::newRow("weather nominal")
            << "weather.nominal.arff" << 14
            << "outlook:{sunny,overcast,rainy} | temperature:{hot,mild,cool} | "
               "humidity:{high,normal} | windy:{TRUE,FALSE} | play:{yes,no}"
            << QStringList {"0,0=sunny", "0,3=FALSE", "0,4=no", "13,0=rainy", "13,4=no"};
        QTest::newRow("weather numeric")
            << "weather.numeric.arff" << 14
            << "outlook:{sunny,overcast,rainy} | temperature:N | humidity:N | "
               "windy:{TRUE,FALSE} | play:{yes,no}"
            << QStringList {"0,1=85", "0,2=85", "13,1=71", "13,2=91", "13,3=TRUE"};
        QTest::newRow("diabetes")
            << "diabetes.arff" << 768
            << "preg:N | plas:N | pres:N | skin:N | insu:N | mass:N | pedi:N | age:N | "
               "class:{tested_negative,tested_positive}"
            << QStringList {"0,0=6", "0,6=0.627", "0,8=tested_positive", "767,5=30.4",
                            "767,8=tested_negative"};
        QTest::newRow("contact lenses")
            << "contact-lenses.arff" << 24
            << "age:{young,pre-presbyopic,presbyopic} | spectacle-prescrip:{myope,hypermetrope}"
               " | astigmatism:{no,yes} | tear-prod-rate:{reduced,normal} | "
               "contact-lenses:{soft,hard,none}"
            << QStringList {"0,0=young", "0,4=none", "1,4=soft", "23,1=hypermetrope",
                            "23,3=normal"};
        QTest::newRow("glass") << "glass.arff" << 214
                               << "RI:N | Na:N | Mg:N | Al:N | Si:N | K:N | Ca:N | Ba:N | Fe:N | "
                                  "Type:{build wind float,build wind non-float,vehic wind float,"
                                  "vehic wind non-float,containers,tableware,headlamps}"
                               << QStringList {"0,0=1.51793", "0,9=build wind float",
                                               "3,9=tableware", "213,1=14.09", "213,9=tableware"};
    }

    void readsSharedDatasets()
    {
        QFETCH(QString, file);
        QFETCH(int, rows);
        QFETCH(QString, schema);
        QFETCH(QStringList, values);

        const QString path = QDir(QStringLiteral(MB_SHARED_DATASETS_DIR)).filePath(file);
        const Expected<Dataset> data = readArff(path);
        QVERIFY2(data, data ? "" : data.error().describe().c_str());
        QCOMPARE(data->rowCount(), std::size_t(rows));
        QCOMPARE(schemaText(*data), schema);
        for (const Column &column : data->columns())
            QCOMPARE(column.size(), std::size_t(rows));
        for (const QString &check : values) {
            const auto row = check.section(QLatin1Char(','), 0, 0).toULongLong();
            const QString rest = check.section(QLatin1Char(','), 1);
            const auto col = rest.section(QLatin1Char('='), 0, 0).toULongLong();
            QCOMPARE(valueText(data->column(col), row), rest.section(QLatin1Char('='), 1));
        }
        QVERIFY(data->weights().empty());
        QVERIFY(data->warnings().empty());
    }

    void readsQtResources()
    {
        const Expected<Dataset> data = readArff(QStringLiteral(":/samples/iris.arff"));
        QVERIFY2(data, data ? "" : data.error().describe().c_str());
        QCOMPARE(data->rowCount(), std::size_t(150));
    }

    void renamedDuplicatesCarryAWarning()
    {
        const Expected<Dataset> data
            = readArff(write("@attribute x numeric\n@attribute x {a}\n@data\n1,a\n"));
        QVERIFY(data);
        QCOMPARE(data->warnings().size(), std::size_t(1));
        QVERIFY(QString::fromStdString(data->warnings()[0]).contains(QStringLiteral("x_2")));
    }

    void maxRowsStopsEarly_data()
    {
        QTest::addColumn<int>("maxRows");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zero means all rows") << 0 << "a:N=1,2,3 | b:{x,y}=x,y,x";
        QTest::newRow("two of three rows") << 2 << "a:N=1,2 | b:{x,y}=x,y";
        QTest::newRow("more than there are") << 10 << "a:N=1,2,3 | b:{x,y}=x,y,x";
    }

    void maxRowsStopsEarly()
    {
        QFETCH(int, maxRows);
        QFETCH(QString, expected);
        const Expected<Dataset> data
            = readArff(write(kHeader + "1,x\n% c\n2,y\n3,x\n"), {}, std::size_t(maxRows));
        QVERIFY(data);
        QCOMPARE(dump(*data), expected);
    }

    void maxRowsDoesNotReadTheRowsAfterTheLimit()
    {
        const Expected<Dataset> data = readArff(write(kHeader + "1,x\n2,y\nbroken\n"), {}, 2);
        QVERIFY2(data, data ? "" : data.error().describe().c_str());
        QCOMPARE(data->rowCount(), std::size_t(2));
    }

    void linesSplitAcrossBlocksAreJoined_data()
    {
        QTest::addColumn<QByteArray>("newline");
        QTest::newRow("LF") << QByteArray("\n");
        QTest::newRow("CRLF") << QByteArray("\r\n");
        QTest::newRow("CR") << QByteArray("\r");
    }

    void linesSplitAcrossBlocksAreJoined()
    {
        QFETCH(QByteArray, newline);
        // Every byte position near the 1 MiB block boundary falls inside some line or
        // newline for one of these shifts, including a CRLF cut between CR and LF.
        for (int shift = 0; shift < 12; ++shift) {
            QByteArray bytes = QByteArray(kHeader).replace("\n", newline) + QByteArray(shift, ' ')
                + "0,x" + newline;
            int rows = 1;
            while (bytes.size() < (1 << 20) + 64) {
                bytes += QByteArray::number(rows) + (rows % 2 ? ",y" : ",x") + newline;
                ++rows;
            }
            const Expected<Dataset> data = readArff(write(bytes));
            QVERIFY2(data, data ? "" : data.error().describe().c_str());
            QCOMPARE(data->rowCount(), std::size_t(rows));
            const auto values = data->column(0).values();
            int wrong = 0;
            while (wrong < rows && values[std::size_t(wrong)] == double(wrong))
                ++wrong;
            QCOMPARE(wrong, rows); // else row `wrong` was misread
            QCOMPARE(data->column(1).codes().back(), (rows - 1) % 2);

            // A CRLF cut between its CR and LF must still count as one line ending.
            const Expected<Dataset> bad = readArff(write(bytes + "oops,x" + newline));
            QVERIFY(!bad);
            QCOMPARE(bad.error().line, std::int64_t(4 + rows + 1));
        }
    }

    void progressGoesByBytesUpToOne()
    {
        const QString path = write(bigFile(3 << 20));
        QList<double> reports;
        WorkControl control;
        control.report = [&](double f) {
            reports << f;
        };
        QVERIFY(readArff(path, control));
        QVERIFY(reports.size() >= 4);
        QVERIFY(std::is_sorted(reports.begin(), reports.end()));
        QVERIFY(reports.first() > 0.0 && reports.first() < 0.5);
        QCOMPARE(reports.last(), 1.0);
    }

    void stopRequestedBeforehandCancels()
    {
        std::stop_source stop;
        stop.request_stop();
        WorkControl control;
        control.stop = stop.get_token();
        const QString path = write(kHeader + "1,x\n");
        const Expected<Dataset> data = readArff(path, control);
        QVERIFY(!data);
        QCOMPARE(data.error().code, ErrorCode::Cancelled);
        QCOMPARE(data.error().message, std::string("Loading was cancelled."));
        QCOMPARE(QString::fromStdString(data.error().file), path);
    }

    void stopDuringLoadingCancelsAtTheNextBlock()
    {
        std::stop_source stop;
        WorkControl control;
        control.stop = stop.get_token();
        int reports = 0;
        control.report = [&](double) {
            ++reports;
            stop.request_stop();
        };
        const Expected<Dataset> data = readArff(write(bigFile(3 << 20)), control);
        QVERIFY(!data);
        QCOMPARE(data.error().code, ErrorCode::Cancelled);
        QCOMPARE(reports, 1);
    }

    void numbersIgnoreTheCLocale()
    {
        const std::string previous = std::setlocale(LC_ALL, nullptr);
        const char *german = nullptr;
        for (const char *name : {"de_DE.UTF-8", "de_DE.utf8", "de_DE"}) {
            if (std::setlocale(LC_ALL, name)) {
                german = name;
                break;
            }
        }
        if (!german)
            QSKIP("No German locale is installed (see locale -a).");
        // The trap is armed: strtod would now stop at the '.'.
        QCOMPARE(QString::fromLatin1(std::localeconv()->decimal_point), QStringLiteral(","));
        const Expected<Dataset> data
            = readArff(write("@attribute a numeric\n@data\n9.8e-2\n1.5\n"));
        std::setlocale(LC_ALL, previous.c_str());
        QVERIFY(data);
        QCOMPARE(data->column(0).values()[0], 0.098);
        QCOMPARE(data->column(0).values()[1], 1.5);
    }
};

QTEST_GUILESS_MAIN(TestArffReader)
#include "tst_arff_reader.moc"
