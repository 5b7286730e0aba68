// SPDX-License-Identifier: MIT
#include "core/base/json_tree.h"

#include "core/base/utf8.h"

#include <algorithm>
#include <charconv>
#include <limits>

namespace mb {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/// Length of the well-formed UTF-8 sequence at p (lead byte 0x80 or above), or 0. Refuses
/// overlong forms, surrogates and code points above U+10FFFF, as the Unicode standard does.
std::size_t utf8SequenceLength(const unsigned char *p, const unsigned char *end)
{
    const unsigned char c = p[0];
    std::size_t n = 0;
    unsigned char low = 0x80, high = 0xBF; // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0)
            low = 0xA0;
        else if (c == 0xED)
            high = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0)
            low = 0x90;
        else if (c == 0xF4)
            high = 0x8F;
    } else {
        return 0;
    }
    if (static_cast<std::size_t>(end - p) < n || p[1] < low || p[1] > high)
        return 0;
    for (std::size_t i = 2; i < n; ++i) {
        if (p[i] < 0x80 || p[i] > 0xBF)
            return 0;
    }
    return n;
}

} // namespace

class JsonTree::Parser
{
public:
    Parser(std::string_view text, JsonTree &tree)
        : m_begin(text.data())
        , m_p(text.data())
        , m_end(text.data() + text.size())
        , m_tree(tree)
    {
    }

    bool document()
    {
        skipSpace();
        if (!value(0))
            return false;
        skipSpace();
        return m_p == m_end;
    }

    std::size_t offset() const { return static_cast<std::size_t>(m_p - m_begin); }

private:
    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool take(char c)
    {
        if (m_p == m_end || *m_p != c)
            return false;
        ++m_p;
        return true;
    }

    /// Appends a node and returns its index, or nothing when the document has too many.
    std::optional<Ref> newNode(Kind kind)
    {
        if (m_tree.m_nodes.size() >= kMaxNodes)
            return std::nullopt;
        m_tree.m_nodes.push_back(Node {kind, 0, 0, 0, 0});
        return static_cast<Ref>(m_tree.m_nodes.size() - 1);
    }

    void close(Ref r, std::uint32_t size)
    {
        Node &node = m_tree.m_nodes[r];
        node.size = size;
        node.end = static_cast<Ref>(m_tree.m_nodes.size());
    }

    bool value(int depth)
    {
        if (m_p == m_end || depth > kMaxDepth)
            return false;
        switch (*m_p) {
        case '{':
            return container(Kind::Object, '}', depth);
        case '[':
            return container(Kind::Array, ']', depth);
        case '"':
            return string();
        case 't':
            return literal("true", Kind::True);
        case 'f':
            return literal("false", Kind::False);
        case 'n':
            return literal("null", Kind::Null);
        default:
            return number();
        }
    }

    bool container(Kind kind, char closing, int depth)
    {
        const auto r = newNode(kind);
        if (!r)
            return false;
        ++m_p;
        skipSpace();
        std::uint32_t count = 0;
        if (!take(closing)) {
            for (;;) {
                if (kind == Kind::Object) {
                    if (m_p == m_end || *m_p != '"' || !string())
                        return false;
                    skipSpace();
                    if (!take(':'))
                        return false;
                    skipSpace();
                }
                if (!value(depth + 1))
                    return false;
                ++count;
                skipSpace();
                if (take(closing))
                    break;
                if (!take(','))
                    return false;
                skipSpace();
            }
        }
        close(*r, count);
        return true;
    }

    bool literal(std::string_view word, Kind kind)
    {
        if (static_cast<std::size_t>(m_end - m_p) < word.size()
            || std::string_view(m_p, word.size()) != word)
            return false;
        const auto r = newNode(kind);
        if (!r)
            return false;
        m_p += word.size();
        close(*r, 0);
        return true;
    }

    bool number()
    {
        const char *start = m_p;
        take('-');
        if (take('0')) {
        } else if (m_p < m_end && isDigit(*m_p)) {
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        } else {
            return false;
        }
        if (take('.')) {
            if (m_p == m_end || !isDigit(*m_p))
                return false;
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            if (!take('+'))
                take('-');
            if (m_p == m_end || !isDigit(*m_p))
                return false;
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        }
        double v = 0;
        const auto [stop, ec] = std::from_chars(start, m_p, v);
        // Out of range: beyond the largest double, or so small that it rounds to zero.
        if (ec != std::errc() || stop != m_p)
            return false;
        const auto r = newNode(Kind::Number);
        if (!r)
            return false;
        m_tree.m_nodes[*r].number = v;
        close(*r, 0);
        return true;
    }

    bool string()
    {
        const auto r = newNode(Kind::String);
        if (!r)
            return false;
        ++m_p; // the opening quote
        std::string &out = m_tree.m_strings;
        const std::size_t start = out.size();
        for (;;) {
            const char *run = m_p;
            while (m_p < m_end && static_cast<unsigned char>(*m_p) >= 0x20 && *m_p != '"'
                   && *m_p != '\\' && static_cast<unsigned char>(*m_p) < 0x80)
                ++m_p;
            out.append(run, m_p);
            if (m_p == m_end)
                return false;
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                ++m_p;
                break;
            }
            if (c < 0x20)
                return false;
            if (c >= 0x80) {
                const std::size_t n
                    = utf8SequenceLength(reinterpret_cast<const unsigned char *>(m_p),
                                         reinterpret_cast<const unsigned char *>(m_end));
                if (n == 0)
                    return false;
                out.append(m_p, n);
                m_p += n;
                continue;
            }
            if (!escape(out))
                return false;
        }
        Node &node = m_tree.m_nodes[*r];
        node.offset = static_cast<std::uint32_t>(start);
        node.size = static_cast<std::uint32_t>(out.size() - start);
        node.end = *r + 1;
        return true;
    }

    bool escape(std::string &out)
    {
        ++m_p; // the backslash
        if (m_p == m_end)
            return false;
        const char c = *m_p++;
        switch (c) {
        case '"':
            out += '"';
            return true;
        case '\\':
            out += '\\';
            return true;
        case '/':
            out += '/';
            return true;
        case 'b':
            out += '\b';
            return true;
        case 'f':
            out += '\f';
            return true;
        case 'n':
            out += '\n';
            return true;
        case 'r':
            out += '\r';
            return true;
        case 't':
            out += '\t';
            return true;
        case 'u':
            break;
        default:
            return false;
        }
        std::uint32_t cp = 0;
        if (!hex4(cp))
            return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF)
            return false; // a low surrogate without its high half
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t low = 0;
            if (!take('\\') || !take('u') || !hex4(low) || low < 0xDC00 || low > 0xDFFF)
                return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        appendUtf8(out, cp);
        return true;
    }

    bool hex4(std::uint32_t &cp)
    {
        if (m_end - m_p < 4)
            return false;
        for (int i = 0; i < 4; ++i) {
            const int h = hexValue(*m_p++);
            if (h < 0)
                return false;
            cp = cp * 16 + static_cast<std::uint32_t>(h);
        }
        return true;
    }

    const char *m_begin;
    const char *m_p;
    const char *m_end;
    JsonTree &m_tree;
};

std::optional<JsonTree> JsonTree::parse(std::string_view text, std::size_t *errorOffset)
{
    JsonTree tree;
    // Node offsets are 32-bit; no header comes near this.
    if (text.size() >= std::numeric_limits<std::uint32_t>::max()) {
        if (errorOffset)
            *errorOffset = 0;
        return std::nullopt;
    }
    // Every node takes at least two bytes of text (a value and its separator) and the texts
    // are never longer than the input: with both reserved, nothing is allocated during the
    // recursive descent (under AddressSanitizer, each nesting depth that allocates records
    // its own stack trace, which made a long fuzzing run grow without end).
    tree.m_nodes.reserve(std::min<std::size_t>(text.size() / 2 + 2, kMaxNodes));
    tree.m_strings.reserve(text.size());
    Parser parser(text, tree);
    if (!parser.document()) {
        if (errorOffset)
            *errorOffset = parser.offset();
        return std::nullopt;
    }
    return tree;
}

std::optional<JsonTree::Ref> JsonTree::member(Ref object, std::string_view key) const
{
    if (kind(object) != Kind::Object)
        return std::nullopt;
    Ref r = first(object);
    for (std::uint32_t i = 0; i < size(object); ++i) {
        if (text(r) == key)
            return r + 1;
        r = after(r + 1);
    }
    return std::nullopt;
}

} // namespace mb
