// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <cstddef>
#include <cstdint>

namespace mb::fuzzing {

/// A file in a folder of this process's own (under /dev/shm when there is one, so that the
/// fuzzer does not wear the disk) that each input is written to, for the readers that take a
/// path. The folder is removed when the process ends normally. One thread.
class FuzzInputFile
{
public:
    /// `name` is the file's name, e.g. "input.csv".
    explicit FuzzInputFile(const QString &name);
    ~FuzzInputFile();
    FuzzInputFile(const FuzzInputFile &) = delete;
    FuzzInputFile &operator=(const FuzzInputFile &) = delete;

    /// Replaces the file's contents with `data` (and removes what sits beside it, such as an
    /// SQLite -wal file); aborts if it cannot, since every later result would be meaningless.
    void write(const std::uint8_t *data, std::size_t size);
    const QString &path() const { return m_path; }

private:
    QString m_dir;
    QString m_path;
};

} // namespace mb::fuzzing
