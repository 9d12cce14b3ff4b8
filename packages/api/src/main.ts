import { createLogger } from "./http/logger.js";
import { startRealise } from "./http/boot.js";

/** Entry point of `pnpm start`: configuration comes from the environment. */
const logger = createLogger();

// The last net: a promise nobody awaited or a throw nobody caught is logged (with the id of the request
// whose work it was: the logger reads it from the async context), and the process goes on serving, so
// one bad request cannot stop the server for everyone.
process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));
process.on("uncaughtException", (error) => logger.error({ err: error }, "uncaught exception"));

const running = await startRealise({
  port: Number(process.env.PORT ?? 3000),
  host: process.env.HOST ?? "127.0.0.1",
  databaseUrl: process.env.DATABASE_URL || undefined,
  databaseAdminUrl: process.env.DATABASE_ADMIN_URL || undefined,
  dataDir: process.env.REALISE_DATA_DIR ?? "./.realise-data",
  demo: process.env.REALISE_DEMO ? process.env.REALISE_DEMO !== "0" : undefined,
  publicUrl: process.env.PUBLIC_URL || undefined,
  // Sign-in throttling (per address and per account) is on for every real run, demo included.
  rateLimit: process.env.REALISE_RATE_LIMIT !== "0",
  // Fair use of the expensive views, downloads and open data, per client, on every real run.
  fairUse: process.env.REALISE_FAIR_USE !== "0",
  logger,
});

// Graceful shutdown: stop accepting, let requests in flight finish (up to 10 s), then close the pool.
// A second signal while draining ends the process at once.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, "shutting down");
    running.close(10_000).then(
      () => {
        logger.info("stopped");
        logger.flush?.();
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  });
}
