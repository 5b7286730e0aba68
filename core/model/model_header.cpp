// SPDX-License-Identifier: MIT
#include "core/model/model_header.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>

namespace mb {

namespace {

// Limits a genuine header stays far below; anything above is refused before it costs memory.
constexpr std::uint32_t kMaxFeatures = 1'000'000;
constexpr std::uint32_t kMaxLevels = 1'000'000;
constexpr std::uint32_t kMaxClasses = 100'000;
constexpr std::uint32_t kMaxText = 64 * 1024;
constexpr std::uint32_t kMaxProbeValues = 10'000'000;

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

/// Where a header value sits: spelled out ("features[3].min") only when it is wrong.
struct Where {
    const char *object = nullptr; ///< the enclosing object's path; nullptr at the top level
    std::int64_t index = -1;      ///< the element of a list, or -1

    std::string path(std::string_view key) const
    {
        std::string out = object ? object : "";
        if (index >= 0) {
            out += '[';
            out += std::to_string(index);
            out += ']';
        }
        if (!out.empty() && !key.empty())
            out += '.';
        return out += key;
    }
};

using Ref = JsonTree::Ref;
using Kind = JsonTree::Kind;
/// What a lookup gives after an earlier problem: every read of it fails quietly.
constexpr Ref kNone = std::numeric_limits<Ref>::max();

/// Field-by-field reading with the first problem remembered.
class Reader
{
public:
    explicit Reader(const JsonTree &tree)
        : m_tree(tree)
    {
    }

    std::optional<Error> error;

    void fail(const std::string &field, const std::string &what)
    {
        if (!error)
            error = Error{ErrorCode::Format, "The model header is invalid: '" + field + "' " + what + ".", {}, 0, 0, field};
    }

    Ref need(Ref o, const Where &w, std::string_view key)
    {
        const auto v = o == kNone ? std::nullopt : m_tree.member(o, key);
        if (!v) {
            fail(w.path(key), "is missing");
            return kNone;
        }
        return *v;
    }

    std::string text(Ref o, const Where &w, std::string_view key)
    {
        return textOf(need(o, w, key), w, key);
    }

    double real(Ref v, const Where &w, std::string_view key, bool nullIsNan = true)
    {
        if (v == kNone)
            return 0;
        if (m_tree.kind(v) == Kind::Null && nullIsNan)
            return std::numeric_limits<double>::quiet_NaN();
        if (m_tree.kind(v) != Kind::Number) {
            fail(w.path(key), "must be a number");
            return 0;
        }
        return m_tree.number(v);
    }

    std::uint64_t count(Ref o, const Where &w, std::string_view key, double max)
    {
        const Ref v = need(o, w, key);
        if (v == kNone)
            return 0;
        const double n = real(v, w, key, false);
        if (n < 0 || n > max || n != std::floor(n)) {
            fail(w.path(key), "must be a whole number from 0 to " + std::to_string(static_cast<std::uint64_t>(max)));
            return 0;
        }
        return static_cast<std::uint64_t>(n);
    }

    Ref array(Ref o, const Where &w, std::string_view key, std::uint32_t max)
    {
        const Ref v = need(o, w, key);
        if (v == kNone)
            return kNone;
        if (m_tree.kind(v) != Kind::Array) {
            fail(w.path(key), "must be a list");
            return kNone;
        }
        if (m_tree.size(v) > max) {
            fail(w.path(key), "has " + std::to_string(m_tree.size(v)) + " entries, more than the " + std::to_string(max)
                                      + " allowed");
            return kNone;
        }
        return v;
    }

    Ref object(Ref o, const Where &w, std::string_view key)
    {
        const Ref v = need(o, w, key);
        if (v == kNone)
            return kNone;
        if (m_tree.kind(v) != Kind::Object) {
            fail(w.path(key), "must be an object");
            return kNone;
        }
        return v;
    }

    std::vector<std::string> textList(Ref o, const Where &w, std::string_view key, std::uint32_t max)
    {
        std::vector<std::string> out;
        const Ref a = array(o, w, key, max);
        if (a == kNone)
            return out;
        out.reserve(m_tree.size(a));
        Ref v = m_tree.first(a);
        for (std::uint32_t i = 0; i < m_tree.size(a); ++i, v = m_tree.after(v)) {
            if (m_tree.kind(v) != Kind::String) {
                fail(w.path(key), "must be a list of texts");
                return {};
            }
            if (m_tree.size(v) > kMaxText) {
                fail(w.path(key), "holds a text longer than " + std::to_string(kMaxText) + " characters");
                return {};
            }
            out.emplace_back(m_tree.text(v));
        }
        return out;
    }

    /// A list of equally long rows of numbers, flattened.
    std::vector<double> matrix(Ref o, const Where &w, std::string_view key, std::size_t perRow)
    {
        std::vector<double> out;
        const Ref rows = array(o, w, key, kMaxProbeValues);
        if (rows == kNone)
            return out;
        Ref row = m_tree.first(rows);
        for (std::uint32_t i = 0; i < m_tree.size(rows); ++i, row = m_tree.after(row)) {
            if (m_tree.kind(row) != Kind::Array || m_tree.size(row) != perRow
                || out.size() + perRow > static_cast<std::size_t>(kMaxProbeValues)) {
                fail(w.path(key), "must hold rows of " + std::to_string(perRow) + " numbers");
                return {};
            }
            Ref v = m_tree.first(row);
            for (std::size_t j = 0; j < perRow; ++j, v = m_tree.after(v))
                out.push_back(real(v, w, key));
        }
        return out;
    }

    /// Each member of an object: its key and its value.
    template<class Visit>
    void members(Ref o, Visit visit)
    {
        if (o == kNone)
            return;
        Ref k = m_tree.first(o);
        for (std::uint32_t i = 0; i < m_tree.size(o) && !error; ++i, k = m_tree.after(k + 1))
            visit(m_tree.text(k), k + 1);
    }

    /// Each element of a list with its index.
    template<class Visit>
    void elements(Ref a, Visit visit)
    {
        if (a == kNone)
            return;
        Ref v = m_tree.first(a);
        for (std::uint32_t i = 0; i < m_tree.size(a) && !error; ++i, v = m_tree.after(v))
            visit(std::int64_t(i), v);
    }

    std::string textOf(Ref v, const Where &w, std::string_view key)
    {
        if (v == kNone)
            return {};
        if (m_tree.kind(v) != Kind::String) {
            fail(w.path(key), "must be text");
            return {};
        }
        if (m_tree.size(v) > kMaxText) {
            fail(w.path(key), "is longer than " + std::to_string(kMaxText) + " characters");
            return {};
        }
        return std::string(m_tree.text(v));
    }

    bool isNumber(Ref o, std::string_view key, double value) const
    {
        const auto v = o == kNone ? std::nullopt : m_tree.member(o, key);
        return v && m_tree.kind(*v) == Kind::Number && m_tree.number(*v) == value;
    }

private:
    const JsonTree &m_tree;
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

Expected<void> parseHeaderJson(const JsonTree &json, ModelFileHeader &h)
{
    Reader in(json);
    const Ref root = 0;
    const Where top;
    if (json.kind(root) != Kind::Object)
        in.fail("header", "must be an object");
    // The prefix states the version too; a header that disagrees was not written by us.
    const std::uint64_t version = in.count(root, top, "format_version", 1e6);
    if (!in.error && version != h.formatVersion)
        in.fail("format_version", "is " + std::to_string(version) + " but the file's prefix says " + std::to_string(h.formatVersion));
    h.appVersion = in.text(root, top, "app_version");
    h.created = in.text(root, top, "created");
    h.algo = in.text(root, top, "algo");

    const Ref archive = in.object(root, top, "archive");
    const Where inArchive{"archive"};
    const std::string kind = in.text(archive, inArchive, "kind");
    if (auto k = archiveKindFromName(kind))
        h.archive = *k;
    else if (!kind.empty())
        in.fail("archive.kind", "must be binary, text or xml, not '" + kind + "'");
    h.payloadBytes = in.count(archive, inArchive, "bytes", 1e15);
    bool ok = false;
    const std::string crc = in.text(archive, inArchive, "crc32c");
    h.payloadCrc = QString::fromStdString(crc).toUInt(&ok, 16);
    if (!ok && !crc.empty())
        in.fail("archive.crc32c", "must be 8 hexadecimal digits");
    const std::string order = in.text(archive, inArchive, "byte_order");
    if (!order.empty() && order != "little")
        in.fail("archive.byte_order", "is '" + order + "'; this build reads little-endian models only");
    const Ref sizes = in.object(archive, inArchive, "sizes");
    if (!in.error && (!in.isNumber(sizes, "int", sizeof(int)) || !in.isNumber(sizes, "double", sizeof(double))
                      || !in.isNumber(sizes, "float", sizeof(float))))
        in.fail("archive.sizes", "do not match this machine's (int 4, float 4, double 8 bytes)");

    const Ref features = in.array(root, top, "features", kMaxFeatures);
    in.elements(features, [&](std::int64_t i, Ref o) {
        const Where w{"features", i};
        if (json.kind(o) != Kind::Object) {
            in.fail(w.path({}), "must be an object");
            return;
        }
        FeatureSchema f;
        f.name = in.text(o, w, "name");
        const std::string type = in.text(o, w, "type");
        f.categorical = type == "categorical";
        if (!f.categorical && type != "numeric")
            in.fail(w.path("type"), "must be numeric or categorical");
        if (f.categorical) {
            f.levels = in.textList(o, w, "levels", kMaxLevels);
            f.mode = static_cast<std::int32_t>(in.count(o, w, "mode", double(kMaxLevels)));
        } else {
            f.min = in.real(in.need(o, w, "min"), w, "min");
            f.max = in.real(in.need(o, w, "max"), w, "max");
            f.median = in.real(in.need(o, w, "median"), w, "median");
        }
        h.schema.features.push_back(std::move(f));
    });
    h.schema.targetName = in.text(root, top, "target");
    h.schema.classes = in.textList(root, top, "classes", kMaxClasses);
    if (!in.error && h.schema.classes.size() < 2)
        in.fail("classes", "must name at least two classes");

    const Ref recipe = in.object(root, top, "recipe");
    const Where inRecipe{"recipe"};
    const Ref params = in.object(recipe, inRecipe, "params");
    in.members(params, [&](std::string_view name, Ref value) {
        if (json.kind(value) != Kind::String)
            in.fail("recipe.params", "must map names to texts");
        else if (name.size() > kMaxText || json.size(value) > kMaxText)
            in.fail("recipe.params", "holds a text longer than " + std::to_string(kMaxText) + " characters");
        else
            h.recipe.params[std::string(name)] = std::string(json.text(value));
    });
    h.recipe.algo = h.algo;
    h.recipe.seed = QString::fromStdString(in.text(recipe, inRecipe, "seed")).toULongLong();
    h.recipe.threads = static_cast<int>(in.count(recipe, inRecipe, "threads", 1e6));
    h.recipe.validation = in.text(recipe, inRecipe, "validation");
    h.recipe.datasetName = in.text(recipe, inRecipe, "dataset");
    h.recipe.rows = in.count(recipe, inRecipe, "rows", 1e15);
    h.recipe.fingerprint = QString::fromStdString(in.text(recipe, inRecipe, "fingerprint")).toULongLong(nullptr, 16);

    const Ref metrics = in.object(root, top, "metrics");
    in.members(metrics, [&](std::string_view name, Ref value) {
        h.metrics[std::string(name)] = in.real(value, Where{"metrics"}, name);
    });

    const Ref check = in.object(root, top, "self_check");
    if (!in.error) {
        const Where inCheck{"self_check"};
        h.probeRows = in.matrix(check, inCheck, "rows", h.schema.features.size());
        h.probeProba = in.matrix(check, inCheck, "proba", h.schema.classes.size());
        if (!in.error && h.probeRows.size() / std::max<std::size_t>(1, h.schema.features.size())
                    != h.probeProba.size() / h.schema.classes.size())
            in.fail("self_check", "must hold as many probability rows as input rows");
    }
    if (in.error)
        return std::unexpected(*in.error);
    return {};
}

} // namespace mb
