// SPDX-License-Identifier: MIT
#pragma once

#include <string>
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

/// Reads the longest number at the start of [begin, end) as std::from_chars does (same
/// value, bit for bit; same end), returning that end, or nullptr when from_chars fails.
/// Most fields in a data file are short decimals ("-2.4040637"): those are read by Clinger's
/// fast path, exact because the digits and the power of ten are both exact doubles and one
/// division rounds once; anything else (exponents, more than 15 digits) goes to from_chars.
const char *parseNumberPrefix(const char *begin, const char *end, double &out);

/// The shortest text that reads back as `value` ("0.1", "3", "1e+300"): how a number that a
/// model keeps as a category level ("3") is matched and shown.
std::string shortestNumberText(double value);

} // namespace mb
