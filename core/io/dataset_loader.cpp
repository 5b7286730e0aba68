// SPDX-License-Identifier: MIT
#include "core/io/dataset_loader.h"

#include "core/data/samples.h"
#include "core/io/arff_reader.h"
#include "core/io/csv_reader.h"

#include <QFileInfo>

namespace mb {

DataFormat formatForPath(const QString &path)
{
    return path.endsWith(QStringLiteral(".arff"), Qt::CaseInsensitive) ? DataFormat::Arff
                                                                       : DataFormat::Csv;
}

Expected<Dataset> loadDataset(const QString &path, const CsvOptions &csv,
                              const WorkControl &control)
{
    const QString resolved = resolveSamplePath(path);
    Expected<Dataset> data = formatForPath(resolved) == DataFormat::Arff
            ? readArff(resolved, control, csv.maxRows)
            : readCsv(resolved, csv, control);
    if (data && data->name().empty())
        data->setName(QFileInfo(resolved).completeBaseName().toStdString());
    if (!data && data.error().file.empty())
        data.error().file = path.toStdString();
    return data;
}

} // namespace mb
