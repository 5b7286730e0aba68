// SPDX-License-Identifier: MIT
// The strict JSON reader behind model file headers: it must read what QJsonDocument writes,
// value for value and bit for bit, and refuse what RFC 8259 refuses.
#include "core/base/json_tree.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <bit>
#include <cmath>

using mb::JsonTree;
using Kind = JsonTree::Kind;

class TestJsonTree : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsNestedValues()
    {
        const auto tree = JsonTree::parse(
            " {\"a\": [1, -2.5e3, true, false, null], \"b\": {\"c\": \"d\"}, \"e\": []} ");
        QVERIFY(tree);
        QCOMPARE(tree->kind(0), Kind::Object);
        QCOMPARE(tree->size(0), 3u);
        const auto a = tree->member(0, "a");
        QVERIFY(a);
        QCOMPARE(tree->size(*a), 5u);
        JsonTree::Ref v = tree->first(*a);
        QCOMPARE(tree->number(v), 1.0);
        v = tree->after(v);
        QCOMPARE(tree->number(v), -2500.0);
        v = tree->after(v);
        QCOMPARE(tree->kind(v), Kind::True);
        v = tree->after(v);
        QCOMPARE(tree->kind(v), Kind::False);
        v = tree->after(v);
        QCOMPARE(tree->kind(v), Kind::Null);
        const auto b = tree->member(0, "b");
        QVERIFY(b);
        const auto c = tree->member(*b, "c");
        QVERIFY(c);
        QCOMPARE(tree->text(*c), std::string_view("d"));
        // "after" skips a whole subtree: from "a"'s value straight to the key "b".
        QCOMPARE(tree->text(tree->after(*a)), std::string_view("b"));
        const auto e = tree->member(0, "e");
        QVERIFY(e);
        QCOMPARE(tree->size(*e), 0u);
        QVERIFY(!tree->member(0, "missing"));
        QVERIFY(!tree->member(*a, "a")); // not an object
    }

    void decodesEscapes()
    {
        const auto tree = JsonTree::parse("[\"q\\\"b\\\\s\\/\\b\\f\\n\\r\\t\", \"\\u00e9\\u4e2d\", "
                                          "\"\\ud83d\\ude00\", \"\xC3\xA9\xE4\xB8\xAD\"]");
        QVERIFY(tree);
        JsonTree::Ref v = tree->first(0);
        QCOMPARE(tree->text(v), std::string_view("q\"b\\s/\b\f\n\r\t"));
        v = tree->after(v);
        QCOMPARE(tree->text(v), std::string_view("\xC3\xA9\xE4\xB8\xAD"));
        v = tree->after(v);
        QCOMPARE(tree->text(v), std::string_view("\xF0\x9F\x98\x80"));
        v = tree->after(v);
        QCOMPARE(tree->text(v), std::string_view("\xC3\xA9\xE4\xB8\xAD"));
    }

    void readsWhatQtWritesBitForBit()
    {
        // Headers are written with QJsonDocument; every double must come back identical.
        QRandomGenerator random(20261129);
        QJsonArray numbers;
        std::vector<double> written;
        for (int i = 0; i < 2000; ++i) {
            const double v
                = std::ldexp(random.generateDouble() - 0.5, int(random.bounded(-60, 60)));
            written.push_back(v);
            numbers.append(v);
        }
        for (double v : {0.0, 1.0, -1.0, 0.1, 1e300, 4.9406564584124654e-324,
                         2.2250738585072014e-308, 123456789012.0}) {
            written.push_back(v);
            numbers.append(v);
        }
        QJsonObject o {{QStringLiteral("numbers"), numbers},
                       {QStringLiteral("name"), QStringLiteral("größe \"x\"\n\t\\ 中文")}};
        const QByteArray bytes = QJsonDocument(o).toJson(QJsonDocument::Indented);
        const auto tree
            = JsonTree::parse(std::string_view(bytes.constData(), std::size_t(bytes.size())));
        QVERIFY(tree);
        const auto list = tree->member(0, "numbers");
        QVERIFY(list);
        QCOMPARE(tree->size(*list), std::uint32_t(written.size()));
        JsonTree::Ref v = tree->first(*list);
        for (double expected : written) {
            QCOMPARE(std::bit_cast<std::uint64_t>(tree->number(v)),
                     std::bit_cast<std::uint64_t>(expected));
            v = tree->after(v);
        }
        const auto name = tree->member(0, "name");
        QVERIFY(name);
        QCOMPARE(QString::fromUtf8(tree->text(*name).data(), qsizetype(tree->text(*name).size())),
                 o.value(QStringLiteral("name")).toString());
    }

    void refusesMalformedJson_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("stopsAt");
        QTest::newRow("empty") << QByteArray("") << 0;
        QTest::newRow("only space") << QByteArray("  ") << 2;
        QTest::newRow("trailing comma in array") << QByteArray("[1,]") << 3;
        QTest::newRow("trailing comma in object") << QByteArray("{\"a\":1,}") << 7;
        QTest::newRow("missing colon") << QByteArray("{\"a\" 1}") << 5;
        QTest::newRow("key not a string") << QByteArray("{a:1}") << 1;
        QTest::newRow("unclosed array") << QByteArray("[1, 2") << 5;
        QTest::newRow("unclosed string") << QByteArray("[\"abc") << 5;
        QTest::newRow("second document") << QByteArray("{} {}") << 3;
        QTest::newRow("leading zero") << QByteArray("[01]") << 2;
        QTest::newRow("bare dot") << QByteArray("[1.]") << 3;
        QTest::newRow("plus sign") << QByteArray("[+1]") << 1;
        QTest::newRow("bare exponent") << QByteArray("[1e]") << 3;
        QTest::newRow("beyond double") << QByteArray("[1e400]") << 6;
        QTest::newRow("NaN word") << QByteArray("[NaN]") << 1;
        QTest::newRow("truncated literal") << QByteArray("[tru]") << 1;
        QTest::newRow("control character in string") << QByteArray("[\"a\tb\"]") << 3;
        QTest::newRow("unknown escape") << QByteArray("[\"\\x\"]") << 4;
        QTest::newRow("short unicode escape") << QByteArray("[\"\\u12\"]") << 7;
        QTest::newRow("lone low surrogate") << QByteArray("[\"\\udc00\"]") << 8;
        QTest::newRow("high surrogate alone") << QByteArray("[\"\\ud800x\"]") << 8;
        QTest::newRow("overlong UTF-8") << QByteArray("[\"\xC0\x80\"]") << 2;
        QTest::newRow("UTF-8 surrogate") << QByteArray("[\"\xED\xA0\x80\"]") << 2;
        QTest::newRow("cut UTF-8 sequence") << QByteArray("[\"\xE4\xB8\"]") << 2;
        QTest::newRow("beyond U+10FFFF") << QByteArray("[\"\xF4\x90\x80\x80\"]") << 2;
        QTest::newRow("too deep") << QByteArray(JsonTree::kMaxDepth + 2, '[')
                + QByteArray(JsonTree::kMaxDepth + 2, ']')
                                  << JsonTree::kMaxDepth + 1;
    }

    void refusesMalformedJson()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, stopsAt);
        std::size_t offset = 12345;
        QVERIFY(!JsonTree::parse(std::string_view(text.constData(), std::size_t(text.size())),
                                 &offset));
        QCOMPARE(offset, std::size_t(stopsAt));
    }

    void acceptsTheDeepestAllowedNesting()
    {
        const QByteArray text
            = QByteArray(JsonTree::kMaxDepth + 1, '[') + QByteArray(JsonTree::kMaxDepth + 1, ']');
        QVERIFY(JsonTree::parse(std::string_view(text.constData(), std::size_t(text.size()))));
    }

    void boundsTheNodeCount()
    {
        // Memory stays a small multiple of the input: a list of more values than allowed is
        // refused.
        QByteArray text("[0");
        text.reserve(qsizetype(JsonTree::kMaxNodes) * 2 + 8);
        for (std::uint32_t i = 1; i < JsonTree::kMaxNodes - 1; ++i)
            text += ",0";
        text += ']';
        QVERIFY(JsonTree::parse(std::string_view(
            text.constData(), std::size_t(text.size())))); // root + values: at the limit
        text.chop(1);
        text += ",0]";
        QVERIFY(!JsonTree::parse(std::string_view(text.constData(), std::size_t(text.size()))));
    }
};

QTEST_GUILESS_MAIN(TestJsonTree)
#include "tst_json_tree.moc"
