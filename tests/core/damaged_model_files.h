// SPDX-License-Identifier: MIT
#pragma once
// Every kind of damage a model file can have that the model-file issue lists (and a few
// more), made from good files, each with a part of the message it must give. tst_model_file
// opens them in-process, tst_cli_model through modelbench-cli.

#include <QByteArray>
#include <QList>
#include <QString>

namespace mb::testing {

struct DamagedModelFile {
    QString name;     ///< a sentence, used as the test row's name
    QByteArray bytes;
    QString message;  ///< a part of the error message the file must give
};

/// Good files of one model (4 features, one of them categorical) in the three archive kinds.
struct GoodModelFiles {
    QByteArray binary;
    QByteArray text;
    QByteArray xml;
};

/// The damaged files: empty, not a model, each header field missing, mistyped or oversized,
/// cut off in every section, one bit flipped in the header and in the payload, a count of
/// 2^62 elements, archives edited by hand, payloads that disagree with their header.
QList<DamagedModelFile> damagedModelFiles(const GoodModelFiles &good);

} // namespace mb::testing
