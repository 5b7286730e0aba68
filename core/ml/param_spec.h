// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mb {

/// One tunable parameter of a learner, declared once next to the learner and read by the
/// GUI's form, the CLI's --param, the docs and the model file's recipe.
struct ParamSpec {
    enum class Type : std::uint8_t { Int, Real, Bool, Choice };

    std::string_view name;   ///< stable key, scikit-learn's name where one exists
    std::string_view label;  ///< short English label for forms
    Type type = Type::Int;
    std::string_view defaultValue;  ///< as text, parsed like user input
    double min = 0;                 ///< Int/Real: inclusive bounds
    double max = 0;
    std::vector<std::string_view> choices;  ///< Choice only
    std::string_view help;                  ///< one or two sentences for tooltips and --help
    /// Int/Real: extra words accepted besides numbers (e.g. "none" for an unlimited depth).
    std::vector<std::string_view> specialValues = {};
};

/// Parameter values by name, as text (the form of the CLI, the GUI and the recipe).
using ParamValues = std::map<std::string, std::string, std::less<>>;

/// A parsed parameter value; Int and Bool hold integral values in `number`.
struct ParamValue {
    double number = 0;
    std::string text;  ///< the choice or special word, else empty
    bool isSpecial() const { return !text.empty(); }
};

/// Checks `values` against `specs`: unknown names, out-of-range numbers and unknown choices
/// give a message that states the valid range. Missing names take their defaults.
/// On success returns every spec's value, in spec order; on failure the message.
struct ParamCheck {
    std::vector<ParamValue> values;
    std::string error;
    bool ok() const { return error.empty(); }
};
ParamCheck checkParams(std::span<const ParamSpec> specs, const ParamValues &values);

/// "max_depth: integer 1..1000 or 'none' (default none). Maximum depth of the tree."
std::string describeSpec(const ParamSpec &spec);

/// Every spec's default, as ParamValues.
ParamValues defaultParams(std::span<const ParamSpec> specs);

} // namespace mb
