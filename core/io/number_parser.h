// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace mb {

/// Parses a whole field as a decimal number with std::from_chars: exact, independent of the
/// C locale. Accepts a leading '+' or '-', digits with an optional decimal separator and
/// exponent ("1e-3", ".5", "+2"). Rejects "inf", "nan", hexadecimal, surrounding spaces (trim
/// first), trailing characters and values out of the range of double.
/// With `decimalComma` the separator is ',' and a field that contains '.' is not a number
/// (it may be a thousands separator, which we do not guess at).
bool parseNumber(std::string_view text, bool decimalComma, double &out);

/// True when `c` may start a number that parseNumber accepts, looking at the character after
/// an optional sign: a digit or '.'. A cheap filter before calling from_chars.
inline bool isNumberStart(char c)
{
    return (c >= '0' && c <= '9') || c == '.';
}

} // namespace mb
