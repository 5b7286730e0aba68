// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/catalog/model_ref.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mb {

struct CatalogLocation;

/// Models above this size are refused before anything is written (SQLite's own limit for one
/// value is 1,000,000,000 bytes; a model is also held in memory twice while it is stored).
inline constexpr qint64 kMaxCatalogModelBytes = qint64(512) << 20;

/// Descriptions above this many bytes of UTF-8 are refused: a description is read in full by
/// every `show`, and 1 MiB of Markdown is already a long document.
inline constexpr qint64 kMaxDescriptionBytes = qint64(1) << 20;

/// One version of a registered model: its header fields, labels and description. Never holds
/// the model's bytes (Catalog::bytes() reads them, checked).
struct CatalogEntry
{
    QString name;
    int version = 0;
    QString algo;
    QStringList classes;
    QString datasetName;
    QString fingerprint; ///< of the training rows, 16 hex digits
    qint64 rows = 0;
    std::map<std::string, double> metrics;
    std::optional<double> accuracy;
    QString created; ///< when the model was made (from its file), ISO 8601 UTC
    QString registered; ///< when it entered the catalog, ISO 8601 UTC with milliseconds
    qint64 size = 0; ///< bytes of the model file
    QString sha256; ///< hex, of the model file's bytes
    QString archive; ///< "binary", "text" or "xml"
    int formatVersion = 0;
    QStringList tags; ///< sorted
    QStringList aliases; ///< sorted, without '@'
    QString description; ///< Markdown; filled by entry(), left empty by list()

    ModelRef ref() const { return ModelRef {name, version, {}}; }
};

/// One line of the append-only event log.
struct CatalogEvent
{
    QString time; ///< UTC, ISO 8601 with milliseconds ("2026-11-01T09:30:00.000Z")
    QString event; ///< registered, renamed, tagged, untagged, alias_moved, alias_removed,
                   ///< deleted, described
    QString name; ///< the model's name when it happened
    std::optional<int> version;
    QString detail; ///< "production: 1 -> 2", "churn -> churn-eu", the tag, ...
};

/// What removing a version does to the aliases that point to it.
enum class AliasesOnRemove {
    Refuse, ///< the removal fails, naming the aliases; nothing changes
    Drop, ///< the aliases go too (each logged as alias_removed)
};

/// Error::field of a removal refused because aliases point to what would go (so that a caller
/// can offer to insist, e.g. `catalog remove --force`).
inline constexpr char kAliasesField[] = "aliases";

/// What Catalog::copyInto() copied.
struct CatalogCopyReport
{
    int models = 0;
    int versions = 0;
    qint64 bytes = 0; ///< of model files
    int events = 0;
};

/// Error::field of a failed connection to a catalog server that wants a (right) password, so
/// that a window can ask for one (rememberCatalogPassword) and try again.
inline constexpr char kPasswordField[] = "password";

/// What a removal did.
struct CatalogRemoval
{
    std::vector<int> versions; ///< ascending
    QStringList droppedAliases; ///< "production" (without '@'), sorted
};

enum class CatalogSort { Name, Version, Created, Accuracy, Size };

/// "name", "version", "created", "accuracy", "size"; nullopt for anything else.
std::optional<CatalogSort> catalogSortFromName(const QString &name);
QStringList catalogSortNames();

struct CatalogFilter
{
    QString name; ///< exact model name; empty = every model
    QString tag; ///< only versions with this tag; empty = any
    /// name: by name, then version; version: ascending; created, accuracy (unmeasured last)
    /// and size: largest or newest first.
    CatalogSort sort = CatalogSort::Name;
};

struct CatalogAddOptions
{
    QStringList tags;
    QString description; ///< Markdown, at most kMaxDescriptionBytes of UTF-8
    /// What messages about bad model bytes name (a file path); default "NAME (new version)".
    QString sourceName;
};

struct CatalogOptions
{
    /// Open without ever writing, even when the file is writable.
    bool readOnly = false;
    /// Refuse to create a catalog: a missing (or empty) file is an error ("no catalog at PATH")
    /// instead of a new catalog. For commands that only read.
    bool mustExist = false;
    /// Models larger than this are refused (tests lower it).
    qint64 maxModelBytes = kMaxCatalogModelBytes;
    /// How long one attempt to start a write waits for another writer, in milliseconds
    /// (SQLite's busy timeout; on PostgreSQL the lock_timeout of the catalog's write lock).
    int busyTimeoutMs = 5000;
    /// Attempts to start a write while another process holds the lock (with growing pauses
    /// between them). The defaults let several processes register at once without ever
    /// reporting "locked"; an interactive window waits less (see interactive()).
    int writeAttempts = 8;
    /// For a window that waits on the user's behalf: about 3 seconds in all before saying the
    /// catalog is busy, instead of the 40 seconds a batch job may wait.
    static CatalogOptions interactive()
    {
        CatalogOptions options;
        options.busyTimeoutMs = 1000;
        options.writeAttempts = 3;
        return options;
    }
    /// Before refusing a file that looks damaged, it is read again 4 times, after pauses from
    /// this long, doubling (50 + 100 + 200 + 400 ms): another process may have been half-way
    /// through writing it. TEST HOOK: a negative value does not look again (the fuzzer: most
    /// of its inputs look damaged, and the looks would only repeat the same code).
    int damageRecheckPauseMs = 50;
    /// TEST HOOK: the time stamp of events and registrations (default: now, UTC).
    std::function<QDateTime()> clock;
    /// TEST HOOK: make the migration to this schema version fail after it ran (0 = off).
    int testFailMigrationTo = 0;
};

/// The model catalog: registered models by name, each with auto-numbered versions that keep the
/// exact bytes of their model file, plus tags, aliases, Markdown descriptions and an
/// append-only event log. It lives in one SQLite file (the default) or in a database on a
/// PostgreSQL server shared by a team (see CatalogLocation), through QtSql, with the same
/// schema and behaviour in both. docs/catalog.md describes the schema.
///
/// Opening checks the database before anything is written (not a database, someone else's
/// database, newer schema, damage) and migrates an older schema in one transaction. Writes take
/// the catalog's write lock at their start (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory
/// lock), retried while another client writes, and report success only after COMMIT returned,
/// so several clients can share one catalog without lost updates and a crash never loses an
/// acknowledged change.
///
/// Model names are stored and looked up in Unicode NFC (canonicalModelName), whatever form the
/// caller passes.
///
/// Threads: a Catalog owns one named QtSql connection and must be used only by the thread that
/// opened it; open one Catalog per thread. Movable, not copyable.
class Catalog
{
public:
    /// The catalog used when none is named: AppDataLocation/catalog.sqlite (honours
    /// XDG_DATA_HOME on Linux). Its folder is created on first use.
    static QString defaultPath();

    /// Opens (creating if need be, unless options.mustExist) the catalog at `location`: a file
    /// path (or sqlite:PATH; empty means defaultPath()) or a postgresql:// URL, whose database
    /// must exist and is set up as a catalog on first use. A read-only file opens read-only:
    /// reads work and writes give a clear error. The checks on open write nothing next to a
    /// file they refuse (no -wal or -shm).
    static Expected<Catalog> open(const QString &location = {},
                                  const CatalogOptions &options = {});

    Catalog(Catalog &&) noexcept;
    Catalog &operator=(Catalog &&) noexcept;
    ~Catalog();

    /// The file's absolute path, or the server URL without any password.
    QString path() const;
    bool isServer() const;
    bool isReadOnly() const;

    /// Registers `modelBytes` (a complete model file) as the next version of `name`, after
    /// loading it fully and running its self-check; a bad model file is refused with its own
    /// message. Returns the new entry.
    Expected<CatalogEntry> add(const QString &name, const QByteArray &modelBytes,
                               const CatalogAddOptions &options = {});

    Expected<std::vector<CatalogEntry>> list(const CatalogFilter &filter = {}) const;

    /// The version `ref` points to (latest, numbered or by alias), description included.
    Expected<CatalogEntry> entry(const ModelRef &ref) const;

    /// The model file's bytes, exactly as registered; the stored SHA-256 is checked first.
    Expected<QByteArray> bytes(const ModelRef &ref) const;

    /// Points `alias` of `name` at `version` (moving it if it pointed elsewhere).
    Expected<void> setAlias(const QString &name, int version, const QString &alias);
    Expected<void> removeAlias(const QString &name, const QString &alias);

    /// Adding a tag a version already has, is not an error (and not an event).
    Expected<void> tag(const ModelRef &ref, const QString &tag);
    Expected<void> untag(const ModelRef &ref, const QString &tag);

    /// Sets the Markdown description of a version (at most kMaxDescriptionBytes of UTF-8).
    Expected<void> describe(const ModelRef &ref, const QString &markdown);

    /// Renames a model; its versions, aliases and history go with it.
    Expected<void> rename(const QString &oldName, const QString &newName);

    /// Removes one version, or every version of the model when `version` is empty. Version
    /// numbers are never given out again, even after the whole model was removed. When aliases
    /// point to a version that would go, `aliases` says whether that refuses the removal (an
    /// error naming them) or drops them with it.
    Expected<CatalogRemoval> remove(const QString &name, std::optional<int> version = std::nullopt,
                                    AliasesOnRemove aliases = AliasesOnRemove::Refuse);

    /// Events in the order they happened: every event, or those of one model (followed through
    /// renames, and those of removed models that bore the name).
    Expected<std::vector<CatalogEvent>> history(const QString &name = {}) const;

    /// Events of one version of a model.
    Expected<std::vector<CatalogEvent>> versionHistory(const QString &name, int version) const;

    /// Which version `alias` of `name` pointed to at `when`, from the event log; nullopt when it
    /// pointed nowhere.
    Expected<std::optional<int>> aliasAt(const QString &name, const QString &alias,
                                         const QDateTime &when) const;

    /// Copies every model, version (numbers kept), tag, alias, description and event into
    /// `destination`, which must hold no catalog data yet; in one write transaction there, so
    /// that a failure leaves it empty. Each model's bytes are checked against their SHA-256 on
    /// the way: the copies are byte-identical.
    Expected<CatalogCopyReport> copyInto(Catalog &destination) const;

    /// Defined in a private header of the catalog's own files (catalog_impl.h).
    struct Impl;

private:
    explicit Catalog(std::unique_ptr<Impl> impl);
    static Expected<Catalog> openFile(const QString &path, const CatalogOptions &options);
    static Expected<Catalog> openServer(const CatalogLocation &server,
                                        const CatalogOptions &options);
    std::unique_ptr<Impl> d;
};

} // namespace mb
