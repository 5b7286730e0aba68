// SPDX-License-Identifier: MIT
#include "core/io/score_writer.h"

#include "core/data/dataset.h"
#include "core/io/csv_writer.h"

#include <QIODevice>
#include <QSaveFile>

#include <set>

namespace mb {

namespace {

void writeCell(CsvWriter &out, const Column &c, std::size_t row)
{
    if (c.isNumeric())
        out.number(c.values()[row]);
    else if (c.codes()[row] == Column::kMissingCode)
        out.text({});
    else
        out.text(c.levels()[static_cast<std::size_t>(c.codes()[row])]);
}

Error writeError(const QIODevice &out)
{
    return Error{ErrorCode::Io, "writing failed: " + out.errorString().toStdString(), {}, 0, 0, {}};
}

} // namespace

ScoreColumnNames scoreColumnNames(const Dataset &input, const std::vector<std::string> &classes)
{
    std::set<std::string> taken;
    for (const Column &c : input.columns())
        taken.insert(c.name());
    auto unique = [&taken](const std::string &base) {
        std::string name = base;
        for (int n = 2; taken.contains(name); ++n)
            name = base + "_" + std::to_string(n);
        taken.insert(name);
        return name;
    };
    ScoreColumnNames names;
    names.predicted = unique("predicted");
    for (const std::string &c : classes)
        names.probabilities.push_back(unique("p_" + c));
    return names;
}

Expected<void> writeScoresCsv(QIODevice &out, const Dataset &data, const std::vector<std::string> &classes,
                              const BatchScores &scores, bool withProba)
{
    const ScoreColumnNames names = scoreColumnNames(data, classes);
    CsvWriter csv;
    for (const Column &c : data.columns())
        csv.text(c.name());
    csv.text(names.predicted);
    if (withProba) {
        for (const auto &n : names.probabilities)
            csv.text(n);
    }
    csv.endRow();

    auto flush = [&] {
        const QByteArray block = csv.take();
        return out.write(block) == block.size();
    };
    const std::size_t k = classes.size();
    for (std::size_t r = 0; r < data.rowCount(); ++r) {
        for (const Column &c : data.columns())
            writeCell(csv, c, r);
        const std::int32_t predicted = scores.predicted[r];
        csv.text(predicted >= 0 ? classes[static_cast<std::size_t>(predicted)] : std::string());
        if (withProba) {
            for (std::size_t j = 0; j < k; ++j) {
                if (predicted >= 0)
                    csv.number(scores.proba[r * k + j]);
                else
                    csv.text({});
            }
        }
        csv.endRow();
        if (csv.bytes().size() > (1 << 20) && !flush())
            return std::unexpected(writeError(out));
    }
    if (!flush())
        return std::unexpected(writeError(out));
    return {};
}

Expected<void> saveScoresCsv(const QString &path, const Dataset &data, const std::vector<std::string> &classes,
                             const BatchScores &scores, bool withProba)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return std::unexpected(Error{ErrorCode::Io, "cannot write: " + file.errorString().toStdString(),
                                     path.toStdString(), 0, 0, {}});
    if (auto written = writeScoresCsv(file, data, classes, scores, withProba); !written) {
        Error e = written.error();
        e.file = path.toStdString();
        return std::unexpected(e);
    }
    if (!file.commit())
        return std::unexpected(Error{ErrorCode::Io, "writing failed: " + file.errorString().toStdString(),
                                     path.toStdString(), 0, 0, {}});
    return {};
}

} // namespace mb
