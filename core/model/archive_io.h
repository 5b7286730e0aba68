// SPDX-License-Identifier: MIT
#pragma once
// Helpers for the serialize() functions of model classes. Include this from .cpp files
// only: Boost's archive headers stay out of public headers.
//
// Every container goes through mb::archive::items / text, never Boost's own std::vector or
// std::string support: Boost allocates whatever count a file states, so a hostile or damaged
// file could ask for gigabytes. Here each count is checked against the bytes that remain in
// the payload (and a hard cap) before anything is allocated.

#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>
#include <boost/serialization/array_wrapper.hpp>
#include <boost/serialization/nvp.hpp>
#include <boost/serialization/version.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace mb::archive {

/// Thrown when a payload's counts or values cannot be right; the model file reader turns it
/// into a clear message.
class CorruptPayload : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// Bytes that remain unread in the payload being loaded on this thread, or SIZE_MAX when no
/// loader has set a budget (saving, or tests).
std::size_t remainingBytes();

/// Set by the model file reader around a load: `remaining` reports the unread bytes.
class LoadBudgetScope
{
public:
    using RemainingFn = std::size_t (*)(const void *context);
    LoadBudgetScope(RemainingFn remaining, const void *context);
    ~LoadBudgetScope();
    LoadBudgetScope(const LoadBudgetScope &) = delete;
    LoadBudgetScope &operator=(const LoadBudgetScope &) = delete;

private:
    RemainingFn m_previousFn;
    const void *m_previousContext;
};

/// No model has more elements than this in one array (about 2 GB of doubles).
inline constexpr std::uint64_t kMaxElements = std::uint64_t(1) << 28;

/// The smallest number of bytes one element can take in archive `Archive` (binary: its size;
/// text and XML: at least a digit and a separator).
template<class Archive, class T>
constexpr std::size_t minBytesPerElement()
{
    if constexpr (std::is_same_v<Archive, boost::archive::binary_iarchive>)
        return sizeof(T);
    else
        return 2;
}

/// Checks a count read from a payload before anything is allocated for it.
void checkCount(std::uint64_t count, std::size_t minBytesEach, const char *name);

/// Saves or loads a vector of arithmetic values (fixed-width types only) as a count and a flat
/// array, which binary archives copy in one block.
template<class Archive, class T>
void items(Archive &ar, const char *name, std::vector<T> &v)
{
    // Use fixed-width types (std::int32_t, std::uint64_t, float, double): `long` would be 4 bytes
    // in a binary archive written on Windows. The compiler cannot tell std::int64_t from long
    // on Linux, so this is on the reviewer.
    static_assert(std::is_arithmetic_v<T>, "items() takes arithmetic values only");
    std::uint64_t count = v.size();
    const std::string countName = std::string(name) + "_count";
    ar &boost::serialization::make_nvp(countName.c_str(), count);
    if constexpr (Archive::is_loading::value) {
        checkCount(count, minBytesPerElement<Archive, T>(), name);
        v.resize(static_cast<std::size_t>(count));
    }
    if (count > 0)
        ar &boost::serialization::make_nvp(name, boost::serialization::make_array(v.data(), v.size()));
}

/// Saves or loads a string with a checked length.
template<class Archive>
void text(Archive &ar, const char *name, std::string &s)
{
    std::uint64_t length = s.size();
    const std::string lengthName = std::string(name) + "_length";
    ar &boost::serialization::make_nvp(lengthName.c_str(), length);
    if constexpr (Archive::is_loading::value) {
        checkCount(length, 1, name);
        s.resize(static_cast<std::size_t>(length));
    }
    // Bytes as small integers: valid in every archive kind, whatever the text holds.
    for (std::size_t i = 0; i < s.size(); ++i) {
        std::int32_t c = static_cast<unsigned char>(s[i]);
        ar &boost::serialization::make_nvp("c", c);
        if constexpr (Archive::is_loading::value) {
            if (c < 0 || c > 255)
                throw CorruptPayload(std::string("'") + name + "' holds a byte out of range");
            s[i] = static_cast<char>(c);
        }
    }
}

/// Saves or loads a vector of strings.
template<class Archive>
void texts(Archive &ar, const char *name, std::vector<std::string> &v)
{
    std::uint64_t count = v.size();
    const std::string countName = std::string(name) + "_count";
    ar &boost::serialization::make_nvp(countName.c_str(), count);
    if constexpr (Archive::is_loading::value) {
        checkCount(count, 2, name);
        v.resize(static_cast<std::size_t>(count));
    }
    for (std::string &s : v)
        text(ar, name, s);
}

/// Saves or loads a vector of structs that have their own serialize(); `minBytes` is the least
/// one element can take in a binary archive.
template<class Archive, class T>
void records(Archive &ar, const char *name, std::vector<T> &v, std::size_t minBytes)
{
    std::uint64_t count = v.size();
    const std::string countName = std::string(name) + "_count";
    ar &boost::serialization::make_nvp(countName.c_str(), count);
    if constexpr (Archive::is_loading::value) {
        checkCount(count, std::is_same_v<Archive, boost::archive::binary_iarchive> ? minBytes : 2, name);
        v.resize(static_cast<std::size_t>(count));
    }
    for (T &item : v)
        ar &boost::serialization::make_nvp(name, item);
}

} // namespace mb::archive

/// Explicit instantiations of `Class::serialize` for the three archive kinds, both directions.
#define MB_INSTANTIATE_SERIALIZE(Class)                                                            \
    template void Class::serialize(boost::archive::binary_oarchive &, const unsigned int);        \
    template void Class::serialize(boost::archive::binary_iarchive &, const unsigned int);        \
    template void Class::serialize(boost::archive::text_oarchive &, const unsigned int);          \
    template void Class::serialize(boost::archive::text_iarchive &, const unsigned int);          \
    template void Class::serialize(boost::archive::xml_oarchive &, const unsigned int);           \
    template void Class::serialize(boost::archive::xml_iarchive &, const unsigned int)
