// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"

#include <QString>

#include <cstddef>
#include <memory>

class QFile;

namespace mb {

/// A text file (or Qt resource) read front to back in blocks, for the streaming readers.
/// Skips a UTF-8 byte-order mark; refuses UTF-16/UTF-32 files (with a byte-order mark, or
/// UTF-16 without one whose first characters are ASCII), directories and files that cannot be
/// read, each with a message naming the file and saying what to do. Movable, not copyable;
/// one thread.
class TextSource
{
public:
    static Expected<TextSource> open(const QString &path);

    TextSource(TextSource &&) noexcept;
    TextSource &operator=(TextSource &&) noexcept;
    ~TextSource();

    /// Reads up to `capacity` bytes into `dest`; returns 0 at the end of the file.
    Expected<std::size_t> read(char *dest, std::size_t capacity);
    /// Goes back to the first byte after the byte-order mark.
    Expected<void> rewind();

    const QString &path() const { return m_path; }
    /// Total size in bytes (for progress); 0 when unknown.
    qint64 size() const { return m_size; }
    /// A block size for reading this file: `largest`, or the file's size plus one when that is
    /// smaller (one read then also sees the end), so small files do not pay for a large buffer.
    std::size_t blockSize(std::size_t largest) const
    {
        return m_size > 0 && std::size_t(m_size) < largest ? std::size_t(m_size) + 1 : largest;
    }
    /// Bytes consumed so far, including the byte-order mark.
    qint64 position() const;
    bool hadByteOrderMark() const { return m_bomBytes > 0; }

private:
    TextSource() = default;

    QString m_path;
    std::unique_ptr<QFile> m_file;
    qint64 m_size = 0;
    int m_bomBytes = 0;
};

} // namespace mb
