// The corpus database's schema: connection settings, the tables (see docs/schema.md), and the
// migrations that bring an older database up to the version this build writes. The `meta` table
// holds `schema_version`; each migration runs in its own transaction and bumps it, so a database
// is always at exactly one known version, even if a migration is interrupted.
//
// Threading: as the Database given.
#pragma once

#include <cstdint>

#include "library/sqlite_handle.h"
#include "model/status.h"

namespace paperdeck::library {

// The schema version this build creates and understands.
inline constexpr int64_t kSchemaVersion = 8;

// Per-connection settings: WAL journal, synchronous=NORMAL (a commit survives a crash of the
// process; only a power cut may lose the last commits, never consistency), foreign keys on,
// and a 10 s wait for another process's write lock.
Status ConfigureConnection(Database& db);

// Creates the tables in an empty database or migrates an older one to kSchemaVersion.
// A database written by a newer build (a higher version) is refused with Corruption rather than
// misread.
Status MigrateSchema(Database& db);

// The schema_version recorded in meta (0 for an empty database).
Result<int64_t> SchemaVersion(Database& db);

}  // namespace paperdeck::library
