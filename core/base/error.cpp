// SPDX-License-Identifier: MIT
#include "core/base/error.h"

namespace mb {

std::string Error::describe() const
{
    // Built with append(): g++ 12 warns falsely (-Wrestrict) on chains of string operator+.
    std::string out;
    if (!file.empty()) {
        out.append(file);
        if (line > 0) {
            out.append(":").append(std::to_string(line));
            if (column > 0)
                out.append(":").append(std::to_string(column));
        }
        out.append(": ");
    } else if (line > 0) {
        out.append("line ").append(std::to_string(line));
        if (column > 0)
            out.append(", column ").append(std::to_string(column));
        out.append(": ");
    }
    out.append(message);
    return out;
}

} // namespace mb
