// SPDX-License-Identifier: MIT
// libFuzzer target for the model file loader: whatever the bytes, decodeModelFile must return
// a value or an error, never crash, hang or allocate without bound (scripts/fuzz.sh model runs
// it). Each input is tried twice: as it is, which exercises the envelope's own checks, and
// resealed (lengths and checksums made to match), since a mutated payload would otherwise
// almost never get past its CRC to Boost and the learners' loaders.
#include "core/model/model_file.h"
#include "tests/core/model_file_surgery.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // No copy: a read one byte past the input is then a read past libFuzzer's buffer, which
    // AddressSanitizer reports.
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data),
                                                     static_cast<qsizetype>(size));
    const QString name = QStringLiteral("fuzz.mbm");
    (void)mb::decodeModelFile(bytes, name);
    if (const auto resealed = mb::testing::resealModelFile(bytes); resealed && *resealed != bytes)
        (void)mb::decodeModelFile(*resealed, name);
    return 0;
}
