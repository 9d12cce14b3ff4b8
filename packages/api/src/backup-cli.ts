import { readFileSync, writeFileSync } from "node:fs";
import { createDatabase, exportData, importData, migrateToLatest } from "@realise/db";
import { createAuth, migrateAuth } from "./auth/auth.js";

/**
 * Backup and restore from the command line, on the database the server would use (DATABASE_URL, or the
 * embedded one in REALISE_DATA_DIR):
 *   pnpm backup:export <file.json> [ODS]   the whole national data, or one trust's
 *   pnpm backup:import <file.json>         into an empty database (migrated here first)
 * A national export holds account password hashes: keep the file as safe as the database.
 */
const [command, file, odsCode] = process.argv.slice(2);
if ((command !== "export" && command !== "import") || !file) {
  console.error("Usage: backup-cli export <file.json> [ODS code] | backup-cli import <file.json>");
  process.exit(2);
}
const database = await createDatabase({
  // A restore writes history rows and chain heads the runtime role may not: the owner's URL when there is one.
  databaseUrl: process.env.DATABASE_ADMIN_URL || process.env.DATABASE_URL || undefined,
  dataDir: process.env.REALISE_DATA_DIR ?? "./.realise-data",
});
try {
  if (command === "export") {
    const backup = await exportData(database.db, odsCode ? { odsCode: odsCode.toUpperCase() } : {});
    writeFileSync(file, JSON.stringify(backup));
    const rows = Object.values(backup.tables).reduce((n, t) => n + t.length, 0);
    console.log(`Exported ${rows} rows from ${Object.keys(backup.tables).length} tables to ${file}`);
  } else {
    await migrateToLatest(database.db);
    // Account tables belong to better-auth; create them so accounts can be restored too.
    await migrateAuth(
      createAuth(database, { baseURL: "http://localhost", secret: "migration-only".repeat(4) }),
      database,
    );
    const result = await importData(database.db, JSON.parse(readFileSync(file, "utf8")));
    console.log(`Imported ${result.rows} rows into ${result.tables} tables from ${file}`);
  }
} finally {
  await database.close();
}
