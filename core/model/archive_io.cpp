// SPDX-License-Identifier: MIT
#include "core/model/archive_io.h"

#include <limits>

namespace mb::archive {

namespace {

thread_local LoadBudgetScope::RemainingFn t_remaining = nullptr;
thread_local const void *t_context = nullptr;

} // namespace

std::size_t remainingBytes()
{
    return t_remaining ? t_remaining(t_context) : std::numeric_limits<std::size_t>::max();
}

LoadBudgetScope::LoadBudgetScope(RemainingFn remaining, const void *context)
    : m_previousFn(t_remaining)
    , m_previousContext(t_context)
{
    t_remaining = remaining;
    t_context = context;
}

LoadBudgetScope::~LoadBudgetScope()
{
    t_remaining = m_previousFn;
    t_context = m_previousContext;
}

void checkCount(std::uint64_t count, std::size_t minBytesEach, const char *name)
{
    if (count > kMaxElements) {
        throw CorruptPayload(std::string("'") + name + "' declares " + std::to_string(count)
                             + " values, more than any model holds");
    }
    const std::size_t remaining = remainingBytes();
    if (count > 0 && count > remaining / std::max<std::size_t>(minBytesEach, 1)) {
        throw CorruptPayload(std::string("'") + name + "' declares " + std::to_string(count)
                             + " values but only " + std::to_string(remaining) + " bytes remain");
    }
}

} // namespace mb::archive
