import { createDatabase, migrateToLatest, generateNationalData } from "@realise/db";
import { createScratchDatabase } from "@realise/db/testing";
const n = Number(process.env.N ?? 2000);
let scratch, database;
if (process.env.PG) { scratch = await createScratchDatabase(process.env.PG, { prefix: "realise_gen" }); database = await createDatabase({ databaseUrl: scratch.url }); }
else database = await createDatabase({});
await migrateToLatest(database.db);
let last = 0;
const r = await generateNationalData(database.db, { organisations: n, periods: Number(process.env.P ?? 20), onProgress: (p) => { const now = Date.now(); if (now - last > 5000 || p.done === p.total) { console.log(p.phase, p.done, p.total); last = now; } } });
console.log(JSON.stringify(r));
if (process.env.KEEP) console.log(scratch?.url); else { await database.close(); await scratch?.drop(); }
