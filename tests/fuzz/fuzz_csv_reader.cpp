// SPDX-License-Identifier: MIT
// libFuzzer target for the CSV reader and its type inference: whatever the bytes, readCsv
// must return a value or an error, never crash, hang or allocate without bound
// (scripts/fuzz.sh csv runs it). The reader streams from a path, so each input is written to a
// file first. Each input is read with the options the application uses when it opens a file
// (everything detected) and once more with options chosen from the input's bytes (delimiter,
// header, decimal separator, a forced column type, a preview's row limit), so that the paths
// behind each option are fuzzed too. (sniffCsv runs the same detection as the first read.)
#include "core/io/csv_reader.h"
#include "tests/fuzz/fuzz_input_file.h"

#include <cstddef>
#include <cstdint>

namespace {

/// FNV-1a: a cheap, stable choice of options from the bytes.
std::uint32_t hashOf(const std::uint8_t *data, std::size_t size)
{
    std::uint32_t h = 2166136261u;
    for (std::size_t i = 0; i < size; ++i)
        h = (h ^ data[i]) * 16777619u;
    return h;
}

mb::CsvOptions optionsFrom(std::uint32_t h)
{
    mb::CsvOptions options;
    options.threads = 1; // the helper thread only starts on blocks of 64 KiB and more
    constexpr char delimiters[] = {',', ';', '\t', '|'};
    if (h & 1u)
        options.delimiter = delimiters[(h >> 1) & 3u];
    options.header = static_cast<mb::CsvOptions::Header>((h >> 3) % 3u);
    options.decimal = static_cast<mb::CsvOptions::Decimal>((h >> 5) % 3u);
    if (h & (1u << 7))
        options.typeOverrides["column1"] = mb::ColumnType::Categorical;
    if (h & (1u << 8))
        options.typeOverrides["column2"] = mb::ColumnType::Numeric;
    if (h & (1u << 9))
        options.maxRows = 1 + ((h >> 10) & 7u);
    return options;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static mb::fuzzing::FuzzInputFile input(QStringLiteral("input.csv"));
    input.write(data, size);
    (void)mb::readCsv(input.path());
    (void)mb::readCsv(input.path(), optionsFrom(hashOf(data, size)));
    return 0;
}
