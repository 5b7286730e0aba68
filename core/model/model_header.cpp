// SPDX-License-Identifier: MIT
#include "core/model/model_header.h"

#include <QDateTime>
#include <QJsonArray>

#include <cmath>
#include <limits>

namespace mb {

namespace {

// Limits a genuine header stays far below; anything above is refused before it costs memory.
constexpr qsizetype kMaxFeatures = 1'000'000;
constexpr qsizetype kMaxLevels = 1'000'000;
constexpr qsizetype kMaxClasses = 100'000;
constexpr qsizetype kMaxText = 64 * 1024;
constexpr qsizetype kMaxProbeValues = 10'000'000;

QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QString hex(std::uint64_t value, int width)
{
    return QStringLiteral("%1").arg(value, width, 16, QLatin1Char('0'));
}

QJsonArray numbers(const std::vector<double> &values, std::size_t perRow)
{
    QJsonArray rows;
    for (std::size_t i = 0; perRow > 0 && i + perRow <= values.size(); i += perRow) {
        QJsonArray row;
        for (std::size_t j = 0; j < perRow; ++j)
            row.append(number(values[i + j]));
        rows.append(row);
    }
    return rows;
}

QJsonArray strings(const std::vector<std::string> &values)
{
    QJsonArray array;
    for (const auto &v : values)
        array.append(QString::fromStdString(v));
    return array;
}

/// Field-by-field reading with the first problem remembered.
class Reader
{
public:
    std::optional<Error> error;

    void fail(const QString &field, const std::string &what)
    {
        if (!error)
            error = Error{ErrorCode::Format, "The model header is invalid: '" + field.toStdString() + "' " + what + ".",
                          {}, 0, 0, field.toStdString()};
    }

    QJsonValue need(const QJsonObject &o, const QString &key, const QString &path)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            fail(path, "is missing");
        return v;
    }

    std::string text(const QJsonObject &o, const QString &key, const QString &path, bool optional = false)
    {
        const QJsonValue v = optional ? o.value(key) : need(o, key, path);
        if (optional && v.isUndefined())
            return {};
        if (!v.isString()) {
            fail(path, "must be text");
            return {};
        }
        const QString s = v.toString();
        if (s.size() > kMaxText) {
            fail(path, "is longer than " + std::to_string(kMaxText) + " characters");
            return {};
        }
        return s.toStdString();
    }

    double real(const QJsonValue &v, const QString &path, bool nullIsNan = true)
    {
        if (v.isNull() && nullIsNan)
            return std::numeric_limits<double>::quiet_NaN();
        if (!v.isDouble()) {
            fail(path, "must be a number");
            return 0;
        }
        return v.toDouble();
    }

    std::uint64_t count(const QJsonObject &o, const QString &key, const QString &path, double max)
    {
        const double v = real(need(o, key, path), path, false);
        if (v < 0 || v > max || v != std::floor(v)) {
            fail(path, "must be a whole number from 0 to " + std::to_string(static_cast<std::uint64_t>(max)));
            return 0;
        }
        return static_cast<std::uint64_t>(v);
    }

    QJsonArray array(const QJsonObject &o, const QString &key, const QString &path, qsizetype max)
    {
        const QJsonValue v = need(o, key, path);
        if (!v.isArray()) {
            fail(path, "must be a list");
            return {};
        }
        const QJsonArray a = v.toArray();
        if (a.size() > max) {
            fail(path, "has " + std::to_string(a.size()) + " entries, more than the "
                               + std::to_string(max) + " allowed");
            return {};
        }
        return a;
    }

    QJsonObject object(const QJsonObject &o, const QString &key, const QString &path)
    {
        const QJsonValue v = need(o, key, path);
        if (!v.isObject()) {
            fail(path, "must be an object");
            return {};
        }
        return v.toObject();
    }

    std::vector<std::string> textList(const QJsonObject &o, const QString &key, const QString &path, qsizetype max)
    {
        std::vector<std::string> out;
        const QJsonArray a = array(o, key, path, max);
        out.reserve(static_cast<std::size_t>(a.size()));
        for (const QJsonValue &v : a) {
            if (!v.isString()) {
                fail(path, "must be a list of texts");
                return {};
            }
            if (v.toString().size() > kMaxText) {
                fail(path, "holds a text longer than " + std::to_string(kMaxText) + " characters");
                return {};
            }
            out.push_back(v.toString().toStdString());
        }
        return out;
    }

    /// A list of equally long rows of numbers, flattened.
    std::vector<double> matrix(const QJsonObject &o, const QString &key, const QString &path, std::size_t perRow)
    {
        std::vector<double> out;
        const QJsonArray rows = array(o, key, path, kMaxProbeValues);
        for (const QJsonValue &row : rows) {
            const QJsonArray values = row.toArray();
            if (!row.isArray() || static_cast<std::size_t>(values.size()) != perRow
                || out.size() + perRow > static_cast<std::size_t>(kMaxProbeValues)) {
                fail(path, "must hold rows of " + std::to_string(perRow) + " numbers");
                return {};
            }
            for (const QJsonValue &v : values)
                out.push_back(real(v, path));
        }
        return out;
    }
};

} // namespace

QJsonObject headerJson(const Model &model, ArchiveKind kind, std::uint64_t payloadBytes,
                       std::uint32_t payloadCrc, const std::vector<double> &probeProba)
{
    const InputSchema &schema = model.schema();
    QJsonArray features;
    for (const FeatureSchema &f : schema.features) {
        QJsonObject o{{QStringLiteral("name"), QString::fromStdString(f.name)},
                      {QStringLiteral("type"), f.categorical ? QStringLiteral("categorical") : QStringLiteral("numeric")}};
        if (f.categorical) {
            o.insert(QStringLiteral("levels"), strings(f.levels));
            o.insert(QStringLiteral("mode"), f.mode);
        } else {
            o.insert(QStringLiteral("min"), number(f.min));
            o.insert(QStringLiteral("max"), number(f.max));
            o.insert(QStringLiteral("median"), number(f.median));
        }
        features.append(o);
    }
    const TrainingRecipe &r = model.recipe();
    QJsonObject params;
    for (const auto &[name, value] : r.params)
        params.insert(QString::fromStdString(name), QString::fromStdString(value));
    QJsonObject metrics;
    for (const auto &[name, value] : model.metrics())
        metrics.insert(QString::fromStdString(name), number(value));

    const std::size_t width = schema.features.size();
    return QJsonObject{
            {QStringLiteral("format_version"), static_cast<qint64>(kModelFormatVersion)},
            {QStringLiteral("app_version"), QStringLiteral(MB_VERSION)},
            {QStringLiteral("created"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
            {QStringLiteral("algo"), QString::fromUtf8(model.algo().data(), static_cast<qsizetype>(model.algo().size()))},
            {QStringLiteral("archive"),
             QJsonObject{{QStringLiteral("kind"), QString::fromStdString(archiveKindName(kind))},
                         {QStringLiteral("bytes"), static_cast<qint64>(payloadBytes)},
                         {QStringLiteral("crc32c"), hex(payloadCrc, 8)},
                         {QStringLiteral("byte_order"), QStringLiteral("little")},
                         {QStringLiteral("sizes"), QJsonObject{{QStringLiteral("int"), int(sizeof(int))},
                                                               {QStringLiteral("double"), int(sizeof(double))},
                                                               {QStringLiteral("float"), int(sizeof(float))}}}}},
            {QStringLiteral("features"), features},
            {QStringLiteral("target"), QString::fromStdString(schema.targetName)},
            {QStringLiteral("classes"), strings(schema.classes)},
            {QStringLiteral("recipe"),
             QJsonObject{{QStringLiteral("params"), params},
                         {QStringLiteral("seed"), QString::number(r.seed)},
                         {QStringLiteral("threads"), r.threads},
                         {QStringLiteral("validation"), QString::fromStdString(r.validation)},
                         {QStringLiteral("dataset"), QString::fromStdString(r.datasetName)},
                         {QStringLiteral("rows"), static_cast<qint64>(r.rows)},
                         {QStringLiteral("fingerprint"), hex(r.fingerprint, 16)}}},
            {QStringLiteral("metrics"), metrics},
            {QStringLiteral("self_check"),
             QJsonObject{{QStringLiteral("rows"), numbers(model.probeRows(), width)},
                         {QStringLiteral("proba"), numbers(probeProba, schema.classes.size())}}}};
}

Expected<void> parseHeaderJson(const QJsonObject &json, ModelFileHeader &h)
{
    Reader in;
    h.json = json;
    // The prefix states the version too; a header that disagrees was not written by us.
    const std::uint64_t version = in.count(json, QStringLiteral("format_version"), QStringLiteral("format_version"), 1e6);
    if (!in.error && version != h.formatVersion) {
        in.fail(QStringLiteral("format_version"), "is " + std::to_string(version) + " but the file's prefix says "
                                                          + std::to_string(h.formatVersion));
    }
    h.appVersion = in.text(json, QStringLiteral("app_version"), QStringLiteral("app_version"));
    h.created = in.text(json, QStringLiteral("created"), QStringLiteral("created"));
    h.algo = in.text(json, QStringLiteral("algo"), QStringLiteral("algo"));

    const QJsonObject archive = in.object(json, QStringLiteral("archive"), QStringLiteral("archive"));
    const std::string kind = in.text(archive, QStringLiteral("kind"), QStringLiteral("archive.kind"));
    if (auto k = archiveKindFromName(kind))
        h.archive = *k;
    else if (!kind.empty())
        in.fail(QStringLiteral("archive.kind"), "must be binary, text or xml, not '" + kind + "'");
    h.payloadBytes = in.count(archive, QStringLiteral("bytes"), QStringLiteral("archive.bytes"), 1e15);
    bool ok = false;
    const std::string crc = in.text(archive, QStringLiteral("crc32c"), QStringLiteral("archive.crc32c"));
    h.payloadCrc = QString::fromStdString(crc).toUInt(&ok, 16);
    if (!ok && !crc.empty())
        in.fail(QStringLiteral("archive.crc32c"), "must be 8 hexadecimal digits");
    const std::string order = in.text(archive, QStringLiteral("byte_order"), QStringLiteral("archive.byte_order"));
    if (!order.empty() && order != "little")
        in.fail(QStringLiteral("archive.byte_order"), "is '" + order + "'; this build reads little-endian models only");
    const QJsonObject sizes = in.object(archive, QStringLiteral("sizes"), QStringLiteral("archive.sizes"));
    if (!in.error && (sizes.value(QStringLiteral("int")).toInt() != int(sizeof(int))
                      || sizes.value(QStringLiteral("double")).toInt() != int(sizeof(double))
                      || sizes.value(QStringLiteral("float")).toInt() != int(sizeof(float))))
        in.fail(QStringLiteral("archive.sizes"), "do not match this machine's (int 4, float 4, double 8 bytes)");

    const QJsonArray features = in.array(json, QStringLiteral("features"), QStringLiteral("features"), kMaxFeatures);
    for (qsizetype i = 0; i < features.size() && !in.error; ++i) {
        const QString path = QStringLiteral("features[%1]").arg(i);
        const QJsonObject o = features.at(i).toObject();
        FeatureSchema f;
        f.name = in.text(o, QStringLiteral("name"), path + QStringLiteral(".name"));
        const std::string type = in.text(o, QStringLiteral("type"), path + QStringLiteral(".type"));
        f.categorical = type == "categorical";
        if (!f.categorical && type != "numeric")
            in.fail(path + QStringLiteral(".type"), "must be numeric or categorical");
        if (f.categorical) {
            f.levels = in.textList(o, QStringLiteral("levels"), path + QStringLiteral(".levels"), kMaxLevels);
            f.mode = static_cast<std::int32_t>(in.count(o, QStringLiteral("mode"), path + QStringLiteral(".mode"), double(kMaxLevels)));
        } else {
            f.min = in.real(in.need(o, QStringLiteral("min"), path + QStringLiteral(".min")), path + QStringLiteral(".min"));
            f.max = in.real(in.need(o, QStringLiteral("max"), path + QStringLiteral(".max")), path + QStringLiteral(".max"));
            f.median = in.real(in.need(o, QStringLiteral("median"), path + QStringLiteral(".median")), path + QStringLiteral(".median"));
        }
        h.schema.features.push_back(std::move(f));
    }
    h.schema.targetName = in.text(json, QStringLiteral("target"), QStringLiteral("target"));
    h.schema.classes = in.textList(json, QStringLiteral("classes"), QStringLiteral("classes"), kMaxClasses);
    if (!in.error && h.schema.classes.size() < 2)
        in.fail(QStringLiteral("classes"), "must name at least two classes");

    const QJsonObject recipe = in.object(json, QStringLiteral("recipe"), QStringLiteral("recipe"));
    const QJsonObject params = in.object(recipe, QStringLiteral("params"), QStringLiteral("recipe.params"));
    for (auto it = params.begin(); it != params.end() && !in.error; ++it) {
        if (!it.value().isString())
            in.fail(QStringLiteral("recipe.params"), "must map names to texts");
        else if (it.key().size() > kMaxText || it.value().toString().size() > kMaxText)
            in.fail(QStringLiteral("recipe.params"), "holds a text longer than " + std::to_string(kMaxText) + " characters");
        h.recipe.params[it.key().toStdString()] = it.value().toString().toStdString();
    }
    h.recipe.algo = h.algo;
    h.recipe.seed = QString::fromStdString(in.text(recipe, QStringLiteral("seed"), QStringLiteral("recipe.seed"))).toULongLong();
    h.recipe.threads = static_cast<int>(in.count(recipe, QStringLiteral("threads"), QStringLiteral("recipe.threads"), 1e6));
    h.recipe.validation = in.text(recipe, QStringLiteral("validation"), QStringLiteral("recipe.validation"));
    h.recipe.datasetName = in.text(recipe, QStringLiteral("dataset"), QStringLiteral("recipe.dataset"));
    h.recipe.rows = in.count(recipe, QStringLiteral("rows"), QStringLiteral("recipe.rows"), 1e15);
    h.recipe.fingerprint = QString::fromStdString(in.text(recipe, QStringLiteral("fingerprint"), QStringLiteral("recipe.fingerprint"))).toULongLong(nullptr, 16);

    const QJsonObject metrics = in.object(json, QStringLiteral("metrics"), QStringLiteral("metrics"));
    for (auto it = metrics.begin(); it != metrics.end() && !in.error; ++it)
        h.metrics[it.key().toStdString()] = in.real(it.value(), QStringLiteral("metrics.") + it.key());

    const QJsonObject check = in.object(json, QStringLiteral("self_check"), QStringLiteral("self_check"));
    if (!in.error) {
        h.probeRows = in.matrix(check, QStringLiteral("rows"), QStringLiteral("self_check.rows"), h.schema.features.size());
        h.probeProba = in.matrix(check, QStringLiteral("proba"), QStringLiteral("self_check.proba"), h.schema.classes.size());
        if (!in.error && h.probeRows.size() / std::max<std::size_t>(1, h.schema.features.size())
                    != h.probeProba.size() / h.schema.classes.size())
            in.fail(QStringLiteral("self_check"), "must hold as many probability rows as input rows");
    }
    if (in.error)
        return std::unexpected(*in.error);
    return {};
}

} // namespace mb
