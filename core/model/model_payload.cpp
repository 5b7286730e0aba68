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
#include "core/model/xml_archive_check.h"

#include <boost/archive/archive_exception.hpp>

#include <optional>
#include <sstream>
#include <streambuf>

BOOST_CLASS_VERSION(mb::FeatureSchema, 1)
BOOST_CLASS_VERSION(mb::InputSchema, 1)

namespace boost::serialization {

template<class Archive>
void serialize(Archive &ar, mb::FeatureSchema &f, const unsigned int /*version*/)
{
    mb::archive::text(ar, "name", f.name);
    // As a byte, not a bool: Boost's binary archive copies a byte into a bool unchecked, and
    // any value but 0 or 1 is undefined behaviour (found by the fuzzer). Same bytes as before.
    std::uint8_t categorical = f.categorical ? 1 : 0;
    ar &make_nvp("categorical", categorical);
    if constexpr (Archive::is_loading::value) {
        if (categorical > 1)
            throw mb::archive::CorruptPayload("a feature is neither numeric nor categorical");
        f.categorical = categorical == 1;
    }
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

/// The number of input features `c` reads from each row, as its public interface tells.
std::optional<std::size_t> inputsOf(const Classifier &c)
{
    const std::string_view kind = c.kind();
    if (kind == "tree")
        return static_cast<std::size_t>(static_cast<const DecisionTree &>(c).flatTree().featureCount());
    if (kind == "forest") {
        // The loader has checked that every tree has the forest's feature count.
        const auto trees = static_cast<const RandomForest &>(c).trees();
        return trees.empty() ? std::nullopt : std::optional(static_cast<std::size_t>(trees[0].featureCount()));
    }
    if (kind == "gbt")
        return static_cast<std::size_t>(static_cast<const GradientBoosting &>(c).trees().featureCount());
    if (kind == "logreg")
        return static_cast<const LogisticRegression &>(c).encoder().inputCount();
    if (kind == "knn")
        return static_cast<const KNearestNeighbors &>(c).encoder().inputCount();
    if (kind == "nb") {
        // contributions() sizes its answer by the model's features and, for a class out of
        // range, returns before it reads the row.
        return static_cast<const NaiveBayes &>(c).contributions({}, -1).size();
    }
    return std::nullopt;
}

/// Predictions write classCount() values and read one value per input of the classifier into
/// buffers sized by the schema, so a payload whose classifier disagrees with its own schema
/// must be refused here, before anything predicts.
void checkFitsSchema(const Classifier &c, const InputSchema &schema)
{
    if (c.classCount() < 0 || static_cast<std::size_t>(c.classCount()) != schema.classes.size()) {
        throw archive::CorruptPayload("the " + std::string(c.kind()) + " model has " + std::to_string(c.classCount())
                                      + " classes but its schema names " + std::to_string(schema.classes.size()));
    }
    if (const auto inputs = inputsOf(c); inputs && *inputs != schema.features.size()) {
        throw archive::CorruptPayload("the " + std::string(c.kind()) + " model reads " + std::to_string(*inputs)
                                      + " inputs but its schema has " + std::to_string(schema.features.size()));
    }
}

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
    checkFitsSchema(*contents.classifier, contents.schema);
    return contents;
}

Error payloadError(std::string what)
{
    std::string message = "The model data is corrupt: " + std::move(what) + ".";
    message += kDamagedModelAdvice;
    return Error{ErrorCode::Format, std::move(message), {}, 0, 0, "payload"};
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

/// How every text archive Boost writes begins: the length of "serialization::archive", the
/// text, and the separator before the archive's version.
constexpr std::string_view kTextArchiveSignature = "22 serialization::archive ";

Expected<PayloadContents> readPayload(const char *data, std::size_t size, ArchiveKind kind,
                                      std::string_view algo)
{
    if (!findLearner(algo)) {
        return std::unexpected(Error{ErrorCode::Format,
                                     "The model uses a learner this version does not know: '"
                                             + std::string(algo) + "'.",
                                     {}, 0, 0, "algo"});
    }
    if (kind == ArchiveKind::Xml) {
        if (auto problem = checkXmlArchive(std::string_view(data, size)))
            return std::unexpected(payloadError("the XML archive is malformed: " + *problem));
    }
    // Boost's text archive starts with its signature as a counted string, and it allocates
    // whatever count the file states before reading the characters (found by the fuzzer: a
    // count of 963 GB). Boost's own signature is the only one a text payload can have.
    if (kind == ArchiveKind::Text && !std::string_view(data, size).starts_with(kTextArchiveSignature))
        return std::unexpected(payloadError("the text archive does not start with \""
                                            + std::string(kTextArchiveSignature) + "\""));
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
            // Boost's end-tag check reads past the expected name when a tag in the file is
            // longer; checkXmlArchive (above) has checked every tag instead.
            contents = load<boost::archive::xml_iarchive>(buffer, algo, boost::archive::no_xml_tag_checking);
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
