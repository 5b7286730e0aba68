// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mb {

/// A strict JSON document (RFC 8259) read from untrusted bytes into one flat array of nodes.
/// Written for model file headers: QJsonDocument spent about 0.1 ms on a 5 KB header (a third
/// of opening a small model); reading headers with this halved that time. Bounded: nesting
/// depth, node count and string bytes are limited; hostile input costs at most about 13 times
/// its size (a 24-byte node per two bytes of text, plus the text once).
/// Strings are checked to be UTF-8; numbers are read exactly with std::from_chars.
class JsonTree
{
public:
    enum class Kind : std::uint8_t { Null, False, True, Number, String, Array, Object };
    /// A node's index; the root is 0.
    using Ref = std::uint32_t;

    static constexpr int kMaxDepth = 64;
    static constexpr std::uint32_t kMaxNodes = std::uint32_t(1) << 21;

    /// The document, or nothing with `*errorOffset` set to the byte where reading stopped.
    static std::optional<JsonTree> parse(std::string_view text, std::size_t *errorOffset = nullptr);

    Kind kind(Ref r) const { return m_nodes[r].kind; }
    double number(Ref r) const { return m_nodes[r].number; }
    std::string_view text(Ref r) const
    {
        return {m_strings.data() + m_nodes[r].offset, m_nodes[r].size};
    }
    /// Elements of an array, members of an object.
    std::uint32_t size(Ref r) const { return m_nodes[r].size; }

    /// The first element of an array, or the first member's key of an object (its value follows
    /// at first + 1); only when size(r) > 0.
    Ref first(Ref r) const { return r + 1; }
    /// The node after r and everything inside it: the next element or key.
    Ref after(Ref r) const { return m_nodes[r].end; }
    /// The value of the member named `key`, if the object has one (the first, if several).
    std::optional<Ref> member(Ref object, std::string_view key) const;

private:
    struct Node
    {
        Kind kind = Kind::Null;
        std::uint32_t size = 0; ///< text bytes, array elements or object members
        std::uint32_t offset = 0; ///< a text's start in m_strings
        std::uint32_t end = 0; ///< index after this node's subtree
        double number = 0;
    };
    class Parser;

    std::vector<Node> m_nodes;
    std::string m_strings;
};

} // namespace mb
