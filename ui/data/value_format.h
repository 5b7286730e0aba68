// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/column.h"

#include <QString>

namespace mb {

// How the Data page and its dialogs show values, in one place so they agree.

/// The shortest text that reads back as the same double ("14.23", "1065", "1e-07").
QString formatNumber(double value);
/// One cell: a number, a level name, or "?" when missing.
QString formatCell(const Column &column, std::size_t row);
/// "Numeric" or "Categorical (3 levels)", translated.
QString columnTypeText(const Column &column);
/// "Numeric" or "Categorical", translated.
QString columnTypeName(ColumnType type);
/// "Feature", "Target" or "Ignored", translated.
QString columnRoleText(ColumnRole role);
/// Why the reader chose the column's type ("numeric: 150 values"), translated; empty when
/// the type was chosen by hand.
QString typeReasonText(const Column &column);

} // namespace mb
