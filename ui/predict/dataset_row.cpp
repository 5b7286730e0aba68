// SPDX-License-Identifier: MIT
#include "ui/predict/dataset_row.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace mb {

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

// The text Model::encode matches a number against a level with ("2", "0.5").
std::string shortestText(double value)
{
    char buffer[32];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, r.ptr);
}

double levelCode(const FeatureSchema &feature, const std::string &text)
{
    for (std::size_t l = 0; l < feature.levels.size(); ++l) {
        if (feature.levels[l] == text)
            return double(l);
    }
    return kMissing;
}

} // namespace

DatasetRow DatasetRow::read(const InputSchema &schema, const Dataset &data, std::size_t row)
{
    DatasetRow out;
    out.values.reserve(schema.features.size());
    for (const FeatureSchema &feature : schema.features) {
        const QString name = QString::fromStdString(feature.name);
        const auto index = data.columnIndex(feature.name);
        if (!index) {
            out.notes.append(tr("The data has no column “%1”: it is missing.").arg(name));
            out.values.push_back(kMissing);
            continue;
        }
        const Column &column = data.column(*index);
        if (column.isMissing(row)) {
            out.values.push_back(kMissing);
            continue;
        }
        if (!feature.categorical) {
            if (!column.isNumeric()) {
                out.notes.append(tr("“%1” holds text where the model expects numbers: it is "
                                    "missing.")
                                     .arg(name));
                out.values.push_back(kMissing);
            } else {
                out.values.push_back(column.values()[row]);
            }
            continue;
        }
        const std::string text = column.isNumeric()
            ? shortestText(column.values()[row])
            : column.levels()[std::size_t(column.codes()[row])];
        const double code = levelCode(feature, text);
        if (std::isnan(code)) {
            ++out.unseenCategories;
            out.notes.append(tr("“%1” is “%2”, a value not seen in training: it is missing.")
                                 .arg(name, QString::fromStdString(text)));
        }
        out.values.push_back(code);
    }
    return out;
}

} // namespace mb
