/**
 * `pnpm bench`: generate a nation (default 2,000 trusts, 20 quarters), measure the national views, the
 * trust dashboard and audited updates through HTTP + tRPC against bare SQL and a bare HTTP floor, then
 * freshness, cold start and bundle sizes; on PostgreSQL also pgbench -N beside each update phase and one
 * server instance against two. PostgreSQL when DATABASE_URL is set (in a scratch database created and
 * dropped for the run), PGlite otherwise. Prints a table; writes JSON to bench/results/.
 */
import { configFromEnv } from "./config.js";
import { formatReport } from "./report.js";
import { runBench } from "./run.js";

const config = configFromEnv();
const result = await runBench(config);
console.log(`\n${formatReport(result)}\n\nWritten ${result.resultFile}`);
