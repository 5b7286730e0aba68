// SPDX-License-Identifier: MIT
// libFuzzer target for the ARFF reader (dense and sparse rows, dates, weights): whatever the
// bytes, readArff must return a value or an error, never crash, hang or allocate without bound
// (scripts/fuzz.sh arff runs it). The reader streams from a path, so each input is written to a
// file first; it is read in full and as a preview of a few rows (maxRows, as loadDataset passes
// it).
#include "core/io/arff_reader.h"
#include "tests/fuzz/fuzz_input_file.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static mb::fuzzing::FuzzInputFile input(QStringLiteral("input.arff"));
    input.write(data, size);
    (void)mb::readArff(input.path());
    (void)mb::readArff(input.path(), {}, 3);
    return 0;
}
