// SPDX-License-Identifier: MIT
#include "core/io/number_parser.h"

#include <charconv>
#include <system_error>

namespace mb {

namespace {

// Longer decimal-comma fields are not numbers anyone writes; they stay text.
constexpr std::size_t kMaxCommaNumberLength = 256;

} // namespace

bool parseNumber(std::string_view text, bool decimalComma, double &out)
{
    if (text.empty())
        return false;

    // from_chars takes '-' but not '+'; after either sign a digit or '.' must follow, which
    // also keeps "inf", "-nan" and "+-1" out.
    std::size_t first = 0;
    if (text[0] == '+')
        first = 1;
    const std::size_t signless = (text[0] == '+' || text[0] == '-') ? 1 : 0;
    if (signless >= text.size() || !isNumberStart(text[signless]))
        return false;

    const char *begin = text.data() + first;
    const char *end = text.data() + text.size();

    char local[kMaxCommaNumberLength];
    if (decimalComma) {
        if (text.size() - first > kMaxCommaNumberLength)
            return false;
        char *w = local;
        for (const char *p = begin; p != end; ++p) {
            if (*p == '.')
                return false;
            *w++ = (*p == ',') ? '.' : *p;
        }
        begin = local;
        end = w;
    }

    double value = 0.0;
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc {} || ptr != end)
        return false;
    out = value;
    return true;
}

} // namespace mb
