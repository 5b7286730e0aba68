// SPDX-License-Identifier: MIT
#include "tests/fuzz/fuzz_input_file.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <cstdlib>

namespace mb::fuzzing {

FuzzInputFile::FuzzInputFile(const QString &name)
{
    const QString base = QFileInfo(QStringLiteral("/dev/shm")).isWritable()
                             ? QStringLiteral("/dev/shm")
                             : QDir::tempPath();
    m_dir = base + QStringLiteral("/mb-fuzz-%1").arg(QCoreApplication::applicationPid());
    if (!QDir().mkpath(m_dir)) {
        std::fprintf(stderr, "fuzz: cannot create %s\n", qPrintable(m_dir));
        std::abort();
    }
    m_path = m_dir + QLatin1Char('/') + name;
}

FuzzInputFile::~FuzzInputFile()
{
    QDir(m_dir).removeRecursively();
}

void FuzzInputFile::write(const std::uint8_t *data, std::size_t size)
{
    // Whatever the last input left beside the file (SQLite's -wal, -shm, -journal) would
    // otherwise be read together with the next one.
    const QDir dir(m_dir);
    for (const QString &entry : dir.entryList(QDir::Files | QDir::Hidden))
        QFile::remove(dir.filePath(entry));
    QFile file(m_path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(reinterpret_cast<const char *>(data), static_cast<qint64>(size))
               != static_cast<qint64>(size)) {
        std::fprintf(stderr, "fuzz: cannot write %s\n", qPrintable(m_path));
        std::abort();
    }
}

} // namespace mb::fuzzing
