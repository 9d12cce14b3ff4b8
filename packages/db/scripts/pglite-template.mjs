// Part of `pnpm build` for @realise/db: an embedded database initialised and migrated, dumped beside the
// compiled code. A first start on an empty data folder loads it instead of running PostgreSQL's initdb
// inside WebAssembly (about 2.5 s of the cold start) and every migration; nothing in it depends on the
// date or on the data, which the server seeds itself.
import { writeFileSync } from "node:fs";
import { createDatabase, migrateToLatest, PGLITE_TEMPLATE } from "../dist/index.js";

const database = await createDatabase({});
await migrateToLatest(database.db);
const image = await database.pglite.dumpDataDir("gzip");
writeFileSync(PGLITE_TEMPLATE, Buffer.from(await image.arrayBuffer()));
await database.close();
