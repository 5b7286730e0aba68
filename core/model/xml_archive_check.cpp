// SPDX-License-Identifier: MIT
#include "core/model/xml_archive_check.h"

#include <vector>

namespace mb {

namespace {

// Nesting of our serialized classes is shallow (a forest's tree's arrays); a file nested far
// deeper than any of ours is refused without a look at the rest.
constexpr std::size_t kMaxDepth = 256;

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// Skips a "<?...?>" or "<!...>" at `at`; false when it never ends.
bool skipProlog(std::string_view xml, std::size_t &at)
{
    const std::string_view close = xml.substr(at, 2) == "<?" ? "?>" : ">";
    const std::size_t end = xml.find(close, at + 2);
    if (end == std::string_view::npos)
        return false;
    at = end + close.size();
    return true;
}

} // namespace

std::optional<std::string> checkXmlArchive(std::string_view xml)
{
    std::vector<std::string_view> open;
    bool rootClosed = false;
    std::size_t at = 0;
    while (at < xml.size()) {
        const char c = xml[at];
        if (c != '<') {
            if (rootClosed && !isSpace(c))
                return "text after the end of the archive";
            if (open.empty() && !isSpace(c))
                return "text outside any element";
            ++at;
            continue;
        }
        if (xml.substr(at, 2) == "<?" || xml.substr(at, 2) == "<!") {
            if (!open.empty() || rootClosed)
                return "a declaration inside the archive";
            if (!skipProlog(xml, at))
                return "a declaration that never ends";
            continue;
        }
        const bool closing = xml.substr(at, 2) == "</";
        std::size_t nameStart = at + (closing ? 2 : 1);
        std::size_t nameEnd = nameStart;
        while (nameEnd < xml.size() && isNameChar(xml[nameEnd]))
            ++nameEnd;
        const std::string_view name = xml.substr(nameStart, nameEnd - nameStart);
        if (name.empty() || name.size() > kMaxXmlTagName)
            return "a tag without a short plain name";
        const std::size_t end = xml.find('>', nameEnd);
        if (end == std::string_view::npos)
            return "a tag that never ends";
        // Attributes (class_id="0" ...) need no check: Boost reads them by its own grammar, and
        // they cannot hide a '<' or '>' here.
        const std::string_view inside = xml.substr(nameEnd, end - nameEnd);
        if (inside.find('<') != std::string_view::npos)
            return "a tag that never ends";
        if (closing) {
            if (open.empty() || open.back() != name || inside.find_first_not_of(" \t\r\n") != std::string_view::npos)
                return "an end tag '" + std::string(name) + "' that closes no open element";
            open.pop_back();
            rootClosed = open.empty();
        } else if (rootClosed) {
            return "a second root element";
        } else if (!inside.empty() && inside.back() == '/') {
            // An empty element: opens and closes at once.
        } else {
            if (open.size() == kMaxDepth)
                return "elements nested too deeply";
            open.push_back(name);
        }
        at = end + 1;
    }
    if (!open.empty())
        return "the element '" + std::string(open.back()) + "' is never closed";
    if (!rootClosed)
        return "no root element";
    return std::nullopt;
}

} // namespace mb
