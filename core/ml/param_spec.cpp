// SPDX-License-Identifier: MIT
#include "core/ml/param_spec.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>

namespace mb {

namespace {

std::string formatBound(double v)
{
    char buffer[32];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, v);
    return std::string(buffer, r.ptr);
}

std::string validRange(const ParamSpec &spec)
{
    std::string out;
    switch (spec.type) {
    case ParamSpec::Type::Int:
        out = "an integer from " + formatBound(spec.min) + " to " + formatBound(spec.max);
        break;
    case ParamSpec::Type::Real:
        out = "a number from " + formatBound(spec.min) + " to " + formatBound(spec.max);
        break;
    case ParamSpec::Type::Bool:
        return "true or false";
    case ParamSpec::Type::Choice: {
        out = "one of ";
        for (std::size_t i = 0; i < spec.choices.size(); ++i)
            out += (i ? ", " : "") + std::string(spec.choices[i]);
        return out;
    }
    }
    for (std::string_view special : spec.specialValues)
        out += " or '" + std::string(special) + "'";
    return out;
}

std::optional<ParamValue> parseValue(const ParamSpec &spec, std::string_view text)
{
    ParamValue value;
    switch (spec.type) {
    case ParamSpec::Type::Bool:
        if (text == "true" || text == "1" || text == "yes" || text == "on")
            value.number = 1;
        else if (text == "false" || text == "0" || text == "no" || text == "off")
            value.number = 0;
        else
            return std::nullopt;
        return value;
    case ParamSpec::Type::Choice:
        if (std::ranges::find(spec.choices, text) == spec.choices.end())
            return std::nullopt;
        value.text = std::string(text);
        return value;
    case ParamSpec::Type::Int:
    case ParamSpec::Type::Real: {
        if (std::ranges::find(spec.specialValues, text) != spec.specialValues.end()) {
            value.text = std::string(text);
            return value;
        }
        double number = 0;
        const auto r = std::from_chars(text.data(), text.data() + text.size(), number);
        if (r.ec != std::errc() || r.ptr != text.data() + text.size() || !std::isfinite(number))
            return std::nullopt;
        if (spec.type == ParamSpec::Type::Int && number != std::floor(number))
            return std::nullopt;
        if (number < spec.min || number > spec.max)
            return std::nullopt;
        value.number = number;
        return value;
    }
    }
    return std::nullopt;
}

} // namespace

ParamCheck checkParams(std::span<const ParamSpec> specs, const ParamValues &values)
{
    ParamCheck check;
    for (const auto &[name, text] : values) {
        const bool known = std::ranges::any_of(specs, [&](const ParamSpec &s) { return s.name == name; });
        if (!known) {
            std::string names;
            for (const ParamSpec &s : specs)
                names += (names.empty() ? "" : ", ") + std::string(s.name);
            check.error = "unknown parameter '" + name + "'; valid parameters: " + names;
            return check;
        }
    }
    for (const ParamSpec &spec : specs) {
        const auto given = values.find(spec.name);
        const std::string_view text = given == values.end() ? spec.defaultValue
                                                            : std::string_view(given->second);
        auto value = parseValue(spec, text);
        if (!value) {
            check.error = "parameter '" + std::string(spec.name) + "' cannot be '" + std::string(text)
                    + "': it takes " + validRange(spec);
            check.values.clear();
            return check;
        }
        check.values.push_back(std::move(*value));
    }
    return check;
}

std::string describeSpec(const ParamSpec &spec)
{
    return std::string(spec.name) + ": " + validRange(spec) + " (default "
            + std::string(spec.defaultValue) + "). " + std::string(spec.help);
}

ParamValues defaultParams(std::span<const ParamSpec> specs)
{
    ParamValues out;
    for (const ParamSpec &spec : specs)
        out.emplace(std::string(spec.name), std::string(spec.defaultValue));
    return out;
}

} // namespace mb
