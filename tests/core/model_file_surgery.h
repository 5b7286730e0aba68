// SPDX-License-Identifier: MIT
#pragma once
// Byte-level editing of model files for tests and the fuzzer: take a file apart, change its
// header JSON or payload, and put it back together with consistent lengths and checksums, so
// that a damaged file gets past the envelope's checks and reaches the ones behind them.

#include <QByteArray>
#include <QJsonObject>

#include <cstdint>
#include <functional>
#include <optional>

namespace mb::testing {

inline constexpr int kPrefixBytes = 24;  ///< magic, version, header length, header CRC, flags

std::uint32_t readU32(const QByteArray &bytes, int at);
void writeU32(QByteArray &bytes, int at, std::uint32_t value);

/// The header length the fixed prefix of `file` states (0 when the prefix is incomplete).
int headerLength(const QByteArray &file);

/// Lets `edit` change the header JSON only; the payload and what the header says about it stay
/// as they were. The prefix gets the new header's length and CRC-32C.
QByteArray editModelHeader(const QByteArray &file, const std::function<void(QJsonObject &header)> &edit);

/// Lets `edit` change the header JSON and payload of a well-formed `file`, then writes the
/// payload's length and CRC-32C into the header (unless `fixChecksums` is false, which keeps
/// the old payload CRC) and the header's length and CRC-32C into the prefix.
QByteArray rebuildModelFile(const QByteArray &file,
                            const std::function<void(QJsonObject &header, QByteArray &payload)> &edit,
                            bool fixChecksums = true);

/// For any bytes that start with a complete prefix and a header that is a JSON object: the
/// same file with its lengths and checksums made to match what follows; nullopt otherwise.
/// The fuzzer uses it to reach Boost and the learners' loaders with mutated payloads.
std::optional<QByteArray> resealModelFile(const QByteArray &bytes);

} // namespace mb::testing
