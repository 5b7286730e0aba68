// SPDX-License-Identifier: MIT
#include "core/io/number_parser.h"

#include <charconv>
#include <cstdint>
#include <system_error>

namespace mb {

namespace {

// Longer decimal-comma fields are not numbers anyone writes; they stay text.
constexpr std::size_t kMaxCommaNumberLength = 256;

/// Clinger's fast path for [-]digits[.digits] without an exponent; nullptr when it does not
/// apply. The value is mantissa / 10^k with mantissa < 2^53 and k <= 22: both exact doubles.
const char *parseShortDecimal(const char *p, const char *end, double &out)
{
    static constexpr double kPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                         1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                         1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    const bool negative = p != end && *p == '-';
    if (negative)
        ++p;
    std::uint64_t mantissa = 0;
    int digits = 0;
    int fraction = 0;
    for (; p != end && static_cast<unsigned>(*p - '0') < 10; ++p, ++digits)
        mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
    if (p != end && *p == '.') {
        for (++p; p != end && static_cast<unsigned>(*p - '0') < 10; ++p, ++digits, ++fraction)
            mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
    }
    // 15 digits keep the mantissa below 2^53 without another check (and uint64 from overflow).
    if (digits == 0 || digits > 15 || fraction > 22)
        return nullptr;
    if (p != end && (*p == 'e' || *p == 'E'))
        return nullptr; // perhaps an exponent: from_chars decides
    const double value = static_cast<double>(mantissa) / kPowers[fraction];
    out = negative ? -value : value;
    return p;
}

} // namespace

const char *parseNumberPrefix(const char *begin, const char *end, double &out)
{
    if (const char *p = parseShortDecimal(begin, end, out))
        return p;
    const auto [p, ec] = std::from_chars(begin, end, out);
    return ec == std::errc {} ? p : nullptr;
}

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
    if (parseNumberPrefix(begin, end, value) != end)
        return false;
    out = value;
    return true;
}

std::string shortestNumberText(double value)
{
    char buffer[32];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, r.ptr);
}

} // namespace mb
