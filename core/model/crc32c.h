// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>

namespace mb {

/// CRC-32C (Castagnoli) of `size` bytes, continuing from `crc` (0 to start). Uses the SSE 4.2
/// instruction where the processor has it (several GB/s), a table otherwise.
std::uint32_t crc32c(const void *data, std::size_t size, std::uint32_t crc = 0);

/// The table-driven version alone, for processors without the instruction (and for tests).
std::uint32_t crc32cSoftware(const void *data, std::size_t size, std::uint32_t crc = 0);

} // namespace mb
