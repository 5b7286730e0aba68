// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace mb {

/// A rate for the results view: three decimals in the user's locale, "n/a" when undefined.
QString rateText(double value);
/// A count in the user's locale ("1,234").
QString countText(double value);

} // namespace mb
