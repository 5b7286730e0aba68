// SPDX-License-Identifier: MIT
#include "core/data/column_stats.h"

#include "core/base/parallel.h"
#include "core/data/dataset.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cmath>
#include <limits>

namespace mb {

namespace {

/// Buffers of countDistinct(), kept by a thread that counts many columns: fresh ones cost a
/// page fault for every 4 KiB.
struct Scratch
{
    std::vector<std::uint64_t> keys, slots;
};

/// The bit pattern that identifies a value; -0 and 0 are one value.
std::uint64_t keyOf(double v)
{
    return std::bit_cast<std::uint64_t>(v == 0.0 ? 0.0 : v);
}

std::uint64_t hashOf(std::uint64_t key)
{
    return key * 0x9e3779b97f4a7c15ULL;
}

/// Distinct keys by open addressing; `slots` is scratch space, reused between calls.
std::size_t countDistinctKeys(std::span<const std::uint64_t> keys, std::vector<std::uint64_t> &slots)
{
    std::size_t capacity = 16;
    while (capacity < 2 * keys.size())
        capacity *= 2;
    // A NaN pattern marks an empty slot: NaNs are never keys.
    constexpr std::uint64_t kEmpty = 0x7ff8dead00000001ULL;
    slots.assign(capacity, kEmpty);
    const std::size_t mask = capacity - 1;
    std::size_t distinct = 0;
    for (std::uint64_t key : keys) {
        // The low bits of the hash: the high ones chose the partition.
        std::size_t i = static_cast<std::size_t>(hashOf(key) >> 8) & mask;
        while (slots[i] != key) {
            if (slots[i] == kEmpty) {
                slots[i] = key;
                ++distinct;
                break;
            }
            i = (i + 1) & mask;
        }
    }
    return distinct;
}

/// Distinct values among the non-NaN ones. Sorting a copy of every column cost describe more
/// than parsing the file; one hash table over a million values misses the cache on nearly
/// every insert. So the keys are first split by the top byte of their hash into 256
/// partitions (sequential writes), and each partition, small enough for the cache, is
/// counted on its own: equal values always land in the same partition.
std::size_t countDistinct(std::span<const double> values, std::size_t present, Scratch &scratch)
{
    std::vector<std::uint64_t> &slots = scratch.slots;
    std::vector<std::uint64_t> &keys = scratch.keys;
    constexpr std::size_t kPartitions = 256;
    keys.clear();
    if (present < 16 * kPartitions) {
        for (double v : values)
            if (!std::isnan(v))
                keys.push_back(keyOf(v));
        return countDistinctKeys(keys, slots);
    }
    std::array<std::size_t, kPartitions + 1> start {};
    for (double v : values)
        if (!std::isnan(v))
            ++start[(hashOf(keyOf(v)) >> 56) + 1];
    for (std::size_t p = 0; p < kPartitions; ++p)
        start[p + 1] += start[p];
    keys.resize(present);
    std::array<std::size_t, kPartitions> next {};
    std::copy_n(start.begin(), kPartitions, next.begin());
    for (double v : values) {
        if (std::isnan(v))
            continue;
        const std::uint64_t key = keyOf(v);
        keys[next[hashOf(key) >> 56]++] = key;
    }
    std::size_t distinct = 0;
    for (std::size_t p = 0; p < kPartitions; ++p)
        distinct += countDistinctKeys(std::span(keys).subspan(start[p], start[p + 1] - start[p]), slots);
    return distinct;
}

ColumnStats numericStats(std::span<const double> values, Scratch &scratch)
{
    ColumnStats s;
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    double sum = 0;
    std::size_t present = 0;
    for (double v : values) {
        if (std::isnan(v))
            continue;
        ++present;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
        sum += v;
    }
    s.missing = values.size() - present;
    if (present == 0) {
        s.min = s.max = s.mean = std::numeric_limits<double>::quiet_NaN();
        return s;
    }
    s.min = lo;
    s.max = hi;
    s.mean = sum / static_cast<double>(present);
    s.distinct = countDistinct(values, present, scratch);
    return s;
}

ColumnStats categoricalStats(const Column &column)
{
    ColumnStats s;
    std::vector<std::size_t> counts(column.levels().size(), 0);
    for (std::int32_t code : column.codes()) {
        if (code == Column::kMissingCode)
            ++s.missing;
        else
            ++counts[static_cast<std::size_t>(code)];
    }
    s.levels.reserve(counts.size());
    for (std::size_t i = 0; i < counts.size(); ++i) {
        s.levels.push_back({column.levels()[i], counts[i]});
        if (counts[i] > 0)
            ++s.distinct;
    }
    return s;
}

ColumnStats computeStats(const Column &column, Scratch &scratch)
{
    return column.isNumeric() ? numericStats(column.values(), scratch) : categoricalStats(column);
}

} // namespace

ColumnStats computeStats(const Column &column)
{
    Scratch scratch;
    return computeStats(column, scratch);
}

std::vector<ColumnStats> computeStats(const Dataset &data, int threads)
{
    std::vector<ColumnStats> stats(data.columnCount());
    const int workers = resolveThreads(threads);
    std::vector<Scratch> scratch(static_cast<std::size_t>(workers));
    parallelFor(stats.size(), workers, [&](std::size_t j, int worker) {
        stats[j] = computeStats(data.column(j), scratch[static_cast<std::size_t>(worker)]);
    });
    return stats;
}

} // namespace mb
