// SPDX-License-Identifier: MIT
#include "core/ml/learner_registry.h"
#include "core/ml/param_spec.h"

#include <QtTest>

#include <array>

using namespace mb;

namespace {

const std::array kSpecs{
    ParamSpec{"max_depth", "Max depth", ParamSpec::Type::Int, "none", 1, 100, {}, "Depth limit.", {"none"}},
    ParamSpec{"alpha", "Alpha", ParamSpec::Type::Real, "0.5", 0, 1, {}, "A fraction."},
    ParamSpec{"criterion", "Criterion", ParamSpec::Type::Choice, "gini", 0, 0, {"gini", "entropy"}, "Impurity."},
    ParamSpec{"bootstrap", "Bootstrap", ParamSpec::Type::Bool, "true", 0, 0, {}, "Resample rows."},
};

} // namespace

class TestParamSpec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreParsed()
    {
        const ParamCheck check = checkParams(kSpecs, {});
        QVERIFY2(check.ok(), check.error.c_str());
        QCOMPARE(check.values.size(), kSpecs.size());
        QCOMPARE(check.values[0].text, std::string("none"));
        QCOMPARE(check.values[1].number, 0.5);
        QCOMPARE(check.values[2].text, std::string("gini"));
        QCOMPARE(check.values[3].number, 1.0);
    }

    void givenValuesOverrideDefaults()
    {
        const ParamCheck check = checkParams(kSpecs, {{"max_depth", "7"}, {"criterion", "entropy"}, {"bootstrap", "false"}});
        QVERIFY2(check.ok(), check.error.c_str());
        QCOMPARE(check.values[0].number, 7.0);
        QVERIFY(!check.values[0].isSpecial());
        QCOMPARE(check.values[2].text, std::string("entropy"));
        QCOMPARE(check.values[3].number, 0.0);
    }

    void badValuesAreRefusedWithTheValidRange_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown name lists valid names") << "depth" << "3" << "valid parameters: max_depth, alpha";
        QTest::newRow("integer below range") << "max_depth" << "0" << "an integer from 1 to 100 or 'none'";
        QTest::newRow("fraction for an integer") << "max_depth" << "2.5" << "an integer from 1 to 100";
        QTest::newRow("real above range") << "alpha" << "1.5" << "a number from 0 to 1";
        QTest::newRow("not a number") << "alpha" << "abc" << "a number from 0 to 1";
        QTest::newRow("trailing junk") << "alpha" << "0.5x" << "a number";
        QTest::newRow("unknown choice") << "criterion" << "log" << "one of gini, entropy";
        QTest::newRow("bad bool") << "bootstrap" << "maybe" << "true or false";
    }

    void badValuesAreRefusedWithTheValidRange()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QString, mentions);
        const ParamCheck check = checkParams(kSpecs, {{name.toStdString(), value.toStdString()}});
        QVERIFY(!check.ok());
        QVERIFY2(QString::fromStdString(check.error).contains(mentions), check.error.c_str());
    }

    void everyLearnerHasAValidTable()
    {
        QCOMPARE(learners().size(), std::size_t(6));
        for (const LearnerInfo &info : learners()) {
            const auto specs = info.params();
            QVERIFY2(!specs.empty(), std::string(info.key).c_str());
            // Every default must pass its own checks, and the factory must accept them.
            const ParamCheck check = checkParams(specs, defaultParams(specs));
            QVERIFY2(check.ok(), check.error.c_str());
            QVERIFY(makeClassifier(info.key, {}).has_value());
            for (const ParamSpec &spec : specs) {
                QVERIFY(!spec.help.empty());
                QVERIFY(!spec.label.empty());
            }
        }
        QVERIFY(!makeClassifier("svm", {}).has_value());
        QCOMPARE(makeClassifier("svm", {}).error().code, ErrorCode::Usage);
    }
};

QTEST_GUILESS_MAIN(TestParamSpec)
#include "tst_param_spec.moc"
