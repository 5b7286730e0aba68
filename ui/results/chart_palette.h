// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>

namespace mb {

/// The i-th colour of the charts' series: the Okabe–Ito set, told apart by people with
/// any common colour-vision deficiency; it cycles after eight.
QColor seriesColour(int index);

} // namespace mb
