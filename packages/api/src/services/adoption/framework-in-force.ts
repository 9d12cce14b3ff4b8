import { currentFrameworkVersion, type DB, frameworkVersion } from "@realise/db";
import type { Framework } from "@realise/domain";
import type { Kysely } from "kysely";

/**
 * The framework in force as a write's transaction sees it. Call it after the write has locked its rows:
 * a write that queued behind a publish then scores under the version that publish put in force.
 *
 * `known` is the framework read before the transaction opened (`currentFramework(db)`, whose parsed
 * document the database handle caches): a published version's document never changes, so when it is
 * still the version in force it is reused instead of reading and parsing the document again.
 */
export async function frameworkInForce(trx: Kysely<DB>, known: Framework): Promise<Framework> {
  const version = await currentFrameworkVersion(trx);
  return version === known.version ? known : frameworkVersion(trx, version);
}
