import { startRealise } from "./server/boot.js";

/** Entry point of `pnpm start`: configuration comes from the environment. */
const running = await startRealise({
  port: Number(process.env.PORT ?? 3000),
  host: process.env.HOST ?? "127.0.0.1",
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.REALISE_DATA_DIR ?? "./.realise-data",
  demo: process.env.REALISE_DEMO ? process.env.REALISE_DEMO !== "0" : undefined,
  publicUrl: process.env.PUBLIC_URL || undefined,
  // Sign-in throttling (per address and per account) is on for every real run, demo included.
  rateLimit: process.env.REALISE_RATE_LIMIT !== "0",
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
