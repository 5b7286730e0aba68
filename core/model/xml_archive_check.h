// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mb {

/// Checks the structure of an XML payload before Boost reads it: an optional declaration and
/// doctype, then elements whose names are short identifiers (letters, digits, '_', at most
/// kMaxXmlTagName characters), every end tag matching its start tag, nothing but whitespace
/// after the root. Returns what is wrong, or nullopt.
///
/// Why: Boost 1.74's xml_iarchive compares an end tag it read with the name it expected by
/// reading as many bytes of the expected name as the tag has, past its end when the file's tag
/// is longer (found by the fuzzer). The payload reader therefore turns Boost's tag checking
/// off and relies on this check instead, which also keeps cut or garbled XML away from Boost.
std::optional<std::string> checkXmlArchive(std::string_view xml);

inline constexpr std::size_t kMaxXmlTagName = 64;

} // namespace mb
