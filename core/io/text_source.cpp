// SPDX-License-Identifier: MIT
#include "core/io/text_source.h"

#include <QFile>
#include <QFileInfo>

namespace mb {

namespace {

Error fileError(const QString &path, std::string message)
{
    Error e{ErrorCode::Io, std::move(message), path.toStdString(), 0, 0, {}};
    return e;
}

/// "little-endian" or "big-endian" when `head` reads as UTF-16 text of the ASCII range
/// (every other byte zero, the rest not), as some Windows tools write it; nullptr otherwise. Such a
/// file would otherwise be refused for its NUL bytes as if it were not text at all.
const char *utf16WithoutByteOrderMark(const QByteArray &head)
{
    const qsizetype pairs = head.size() / 2;
    if (pairs < 2)
        return nullptr;
    bool little = true;
    bool big = true;
    for (qsizetype i = 0; i < pairs; ++i) {
        const bool evenZero = head[2 * i] == '\0';
        const bool oddZero = head[2 * i + 1] == '\0';
        little = little && !evenZero && oddZero;
        big = big && evenZero && !oddZero;
    }
    return little ? "little-endian" : big ? "big-endian" : nullptr;
}

} // namespace

Expected<TextSource> TextSource::open(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return std::unexpected(fileError(path, "The file does not exist."));
    if (info.isDir())
        return std::unexpected(fileError(path, "This is a folder, not a data file."));

    TextSource source;
    source.m_path = path;
    source.m_file = std::make_unique<QFile>(path);
    if (!source.m_file->open(QIODevice::ReadOnly)) {
        return std::unexpected(fileError(
                path, "The file cannot be read: " + source.m_file->errorString().toStdString()
                              + ". Check that you have permission to read it."));
    }
    source.m_size = source.m_file->size();

    const QByteArray head = source.m_file->peek(4);
    auto startsWith = [&](std::initializer_list<unsigned char> bytes) {
        if (head.size() < static_cast<qsizetype>(bytes.size()))
            return false;
        qsizetype i = 0;
        for (unsigned char b : bytes) {
            if (static_cast<unsigned char>(head[i++]) != b)
                return false;
        }
        return true;
    };
    if (startsWith({0xFF, 0xFE, 0x00, 0x00}) || startsWith({0x00, 0x00, 0xFE, 0xFF})) {
        Error e = fileError(path, "The file is encoded as UTF-32. Save it as UTF-8 and open it again.");
        e.code = ErrorCode::Format;
        return std::unexpected(e);
    }
    if (startsWith({0xFF, 0xFE}) || startsWith({0xFE, 0xFF})) {
        Error e = fileError(path, "The file is encoded as UTF-16. Save it as UTF-8 and open it again.");
        e.code = ErrorCode::Format;
        return std::unexpected(e);
    }
    if (const char *order = utf16WithoutByteOrderMark(source.m_file->peek(64))) {
        Error e = fileError(path, std::string("The file looks like UTF-16 text (") + order
                                      + ", without a byte-order mark). Save it as UTF-8 and open "
                                        "it again.");
        e.code = ErrorCode::Format;
        return std::unexpected(e);
    }
    if (startsWith({0xEF, 0xBB, 0xBF})) {
        source.m_bomBytes = 3;
        source.m_file->seek(3);
    }
    return source;
}

TextSource::TextSource(TextSource &&) noexcept = default;
TextSource &TextSource::operator=(TextSource &&) noexcept = default;
TextSource::~TextSource() = default;

Expected<std::size_t> TextSource::read(char *dest, std::size_t capacity)
{
    const qint64 n = m_file->read(dest, static_cast<qint64>(capacity));
    if (n < 0) {
        return std::unexpected(fileError(
                m_path, "Reading failed: " + m_file->errorString().toStdString() + "."));
    }
    return static_cast<std::size_t>(n);
}

Expected<void> TextSource::rewind()
{
    if (!m_file->seek(m_bomBytes))
        return std::unexpected(fileError(m_path, "The file cannot be read again from the start."));
    return {};
}

qint64 TextSource::position() const
{
    return m_file->pos();
}

} // namespace mb
