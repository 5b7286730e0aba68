// SPDX-License-Identifier: MIT
// libFuzzer target for "catalog bytes to model": the input is written as an SQLite catalog
// file, opened read-only (it must exist; nothing is ever written to it), listed, and every
// version's bytes are read and decoded as a model file. Whatever the bytes, each step must
// return a value or an error, never crash, hang or allocate without bound (scripts/fuzz.sh
// catalog runs it). SQLite itself comes from the system and is not instrumented: the coverage
// libFuzzer sees is ours (catalog, model file, learners' loaders).
#include "core/catalog/catalog.h"
#include "core/model/model_file.h"
#include "tests/fuzz/fuzz_input_file.h"

#include <QCoreApplication>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // QtSql finds its SQLite driver through the application's library paths.
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static mb::fuzzing::FuzzInputFile input(QStringLiteral("catalog.sqlite"));
    input.write(data, size);
    mb::CatalogOptions options;
    options.readOnly = true;
    options.mustExist = true;
    options.busyTimeoutMs = 0; // no other process: a lock can only be a bug
    // Nearly every mutated catalog looks damaged, and Catalog::open looks at one 5 times over
    // 750 ms before refusing it (another process might be mid-checkpoint): look once.
    options.damageRecheckPauseMs = -1;
    auto catalog = mb::Catalog::open(input.path(), options);
    if (!catalog)
        return 0;
    auto entries = catalog->list();
    if (!entries)
        return 0;
    for (const mb::CatalogEntry &entry : *entries) {
        auto bytes = catalog->bytes(entry.ref());
        if (bytes)
            (void)mb::decodeModelFile(*bytes, entry.name + QStringLiteral(" v%1").arg(entry.version));
    }
    return 0;
}
