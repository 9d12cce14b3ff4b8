import { createDatabase } from "@realise/db";
import { verifyAuditChain } from "./services/audit/verify-chain.js";

/**
 * `pnpm audit:verify`: check the whole audit chain on the database the server would use (DATABASE_URL, or
 * the embedded one in REALISE_DATA_DIR). Exits 0 when every row matches, 1 naming the first row that does
 * not; either way the verification is recorded for the national audit log page.
 */
const database = await createDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.REALISE_DATA_DIR ?? "./.realise-data",
});
let code = 0;
try {
  const check = await verifyAuditChain(database.db);
  if (check.ok) {
    console.log(`Audit chain verified: ${check.rowsChecked} rows, all match`);
  } else {
    console.error(
      `Audit chain broken at audit_log row ${check.firstBadId}: ${check.problem} (${check.rowsChecked} rows before it match)`,
    );
    code = 1;
  }
} catch (error) {
  console.error(
    `Audit chain could not be verified: ${error instanceof Error ? error.message : String(error)}`,
  );
  code = 2;
} finally {
  await database.close();
}
process.exit(code);
