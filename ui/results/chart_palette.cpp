// SPDX-License-Identifier: MIT
#include "ui/results/chart_palette.h"

#include <array>

namespace mb {

QColor seriesColour(int index)
{
    static const std::array<QColor, 8> colours = {
        QColor(0, 114, 178), // blue
        QColor(230, 159, 0), // orange
        QColor(0, 158, 115), // bluish green
        QColor(204, 121, 167), // reddish purple
        QColor(86, 180, 233), // sky blue
        QColor(213, 94, 0), // vermillion
        QColor(240, 228, 66), // yellow
        QColor(0, 0, 0), // black
    };
    return colours[std::size_t(index) % colours.size()];
}

} // namespace mb
