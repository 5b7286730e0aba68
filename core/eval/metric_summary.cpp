// SPDX-License-Identifier: MIT
#include "core/eval/metric_summary.h"

namespace mb {

std::map<std::string, double> headlineMetrics(const Metrics &m)
{
    return {{"accuracy", m.accuracy},          {"balanced_accuracy", m.balancedAccuracy},
            {"macro_f1", m.macroF1},           {"weighted_f1", m.weightedF1},
            {"log_loss", m.logLoss},           {"roc_auc", m.rocAuc},
            {"rows", static_cast<double>(m.rows)}};
}

} // namespace mb
