// SPDX-License-Identifier: MIT
#include "core/model/model_payload.h"

#include "core/ml/decision_tree.h"
#include "core/ml/gradient_boosting.h"
#include "core/ml/k_nearest_neighbors.h"
#include "core/ml/learner_registry.h"
#include "core/ml/logistic_regression.h"
#include "core/ml/naive_bayes.h"
#include "core/ml/random_forest.h"
#include "core/model/archive_io.h"

#include <boost/archive/archive_exception.hpp>

#include <sstream>
#include <streambuf>

BOOST_CLASS_VERSION(mb::FeatureSchema, 1)
BOOST_CLASS_VERSION(mb::InputSchema, 1)

namespace boost::serialization {

template<class Archive>
void serialize(Archive &ar, mb::FeatureSchema &f, const unsigned int /*version*/)
{
    mb::archive::text(ar, "name", f.name);
    ar &make_nvp("categorical", f.categorical);
    mb::archive::texts(ar, "levels", f.levels);
    ar &make_nvp("min", f.min);
    ar &make_nvp("max", f.max);
    ar &make_nvp("median", f.median);
    ar &make_nvp("mode", f.mode);
}

template<class Archive>
void serialize(Archive &ar, mb::InputSchema &s, const unsigned int /*version*/)
{
    mb::archive::records(ar, "features", s.features, 8 * 3 + 4 + 1 + 16);
    mb::archive::text(ar, "target", s.targetName);
    mb::archive::texts(ar, "classes", s.classes);
}

} // namespace boost::serialization

namespace mb {

namespace {

/// Reads straight from the verified bytes, and tells the loaders how many remain.
class MemoryBuffer : public std::streambuf
{
public:
    MemoryBuffer(const char *data, std::size_t size)
    {
        char *p = const_cast<char *>(data);  // never written: this is a get area only
        setg(p, p, p + size);
    }
    std::size_t remaining() const { return static_cast<std::size_t>(egptr() - gptr()); }
};

/// Saves or loads the classifier as its concrete type, chosen by its key.
template<class Archive>
void classifierPart(Archive &ar, Classifier &c)
{
    const std::string_view kind = c.kind();
    using boost::serialization::make_nvp;
    if (kind == "tree")
        ar &make_nvp("classifier", static_cast<DecisionTree &>(c));
    else if (kind == "forest")
        ar &make_nvp("classifier", static_cast<RandomForest &>(c));
    else if (kind == "gbt")
        ar &make_nvp("classifier", static_cast<GradientBoosting &>(c));
    else if (kind == "logreg")
        ar &make_nvp("classifier", static_cast<LogisticRegression &>(c));
    else if (kind == "knn")
        ar &make_nvp("classifier", static_cast<KNearestNeighbors &>(c));
    else if (kind == "nb")
        ar &make_nvp("classifier", static_cast<NaiveBayes &>(c));
    else
        throw archive::CorruptPayload("unknown learner '" + std::string(kind) + "'");
}

template<class OArchive>
std::string save(const InputSchema &schema, const Classifier &classifier, unsigned flags)
{
    std::ostringstream out(std::ios::binary);
    {
        OArchive ar(out, flags);
        InputSchema copy = schema;
        ar &boost::serialization::make_nvp("schema", copy);
        classifierPart(ar, const_cast<Classifier &>(classifier));
    }
    return std::move(out).str();
}

template<class IArchive>
PayloadContents load(MemoryBuffer &buffer, std::string_view algo, unsigned flags)
{
    PayloadContents contents;
    auto made = makeClassifier(algo, {});
    if (!made)
        throw archive::CorruptPayload(made.error().message);
    contents.classifier = std::move(*made);
    {
        // The binary archive reads the buffer directly; text and XML need a stream around it.
        std::istream stream(&buffer);
        auto ar = [&] {
            if constexpr (std::is_same_v<IArchive, boost::archive::binary_iarchive>)
                return IArchive(buffer, flags);
            else
                return IArchive(stream, flags);
        }();
        ar &boost::serialization::make_nvp("schema", contents.schema);
        classifierPart(ar, *contents.classifier);
    }
    return contents;
}

Error payloadError(std::string what)
{
    return Error{ErrorCode::Format, "The model data is corrupt: " + std::move(what) + ".", {}, 0, 0, "payload"};
}

} // namespace

std::string writePayload(const InputSchema &schema, const Classifier &classifier, ArchiveKind kind)
{
    switch (kind) {
    case ArchiveKind::Binary:
        // No Boost header: it records sizeof(long), which differs between platforms. Our
        // envelope records byte order and type sizes instead, and we only use fixed-width types.
        return save<boost::archive::binary_oarchive>(schema, classifier, boost::archive::no_header);
    case ArchiveKind::Text:
        return save<boost::archive::text_oarchive>(schema, classifier, 0);
    case ArchiveKind::Xml:
        return save<boost::archive::xml_oarchive>(schema, classifier, 0);
    }
    return {};
}

Expected<PayloadContents> readPayload(const char *data, std::size_t size, ArchiveKind kind,
                                      std::string_view algo)
{
    if (!findLearner(algo)) {
        return std::unexpected(Error{ErrorCode::Format,
                                     "The model uses a learner this version does not know: '"
                                             + std::string(algo) + "'.",
                                     {}, 0, 0, "algo"});
    }
    MemoryBuffer buffer(data, size);
    archive::LoadBudgetScope budget(
            [](const void *context) { return static_cast<const MemoryBuffer *>(context)->remaining(); },
            &buffer);
    PayloadContents contents;
    // Boost and the loaders throw many kinds of exception for bad bytes (archive_exception,
    // std::length_error and std::bad_alloc for absurd sizes, our CorruptPayload): all end here.
    try {
        switch (kind) {
        case ArchiveKind::Binary:
            contents = load<boost::archive::binary_iarchive>(buffer, algo, boost::archive::no_header);
            break;
        case ArchiveKind::Text:
            contents = load<boost::archive::text_iarchive>(buffer, algo, 0);
            break;
        case ArchiveKind::Xml:
            contents = load<boost::archive::xml_iarchive>(buffer, algo, 0);
            break;
        }
    } catch (const archive::CorruptPayload &e) {
        return std::unexpected(payloadError(e.what()));
    } catch (const boost::archive::archive_exception &e) {
        return std::unexpected(payloadError(std::string("the archive cannot be read (") + e.what() + ")"));
    } catch (const std::bad_alloc &) {
        return std::unexpected(payloadError("it asks for more memory than any model needs"));
    } catch (const std::exception &e) {
        return std::unexpected(payloadError(e.what()));
    } catch (...) {
        return std::unexpected(payloadError("an unknown failure while reading it"));
    }
    // Text archives end with whitespace; anything else left over means the bytes were not all ours.
    std::size_t left = buffer.remaining();
    if (kind != ArchiveKind::Binary) {
        const char *end = data + size;
        const char *p = end - left;
        while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
            ++p;
        left = static_cast<std::size_t>(end - p);
    }
    if (left > 0)
        return std::unexpected(payloadError(std::to_string(left) + " bytes follow the end of the archive"));
    return contents;
}

} // namespace mb
