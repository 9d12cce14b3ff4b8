import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import * as q from "@realise/db";
const url = process.env.URL;
const pool = new pg.Pool({ connectionString: url, max: 10 });
const logged = [];
const db = new Kysely({ dialect: new PostgresDialect({ pool }), log: (e) => { if (e.level === "query") logged.push({ sql: e.query.sql, params: e.query.parameters, ms: e.queryDurationMillis }); } });
const name = process.env.Q;
const fns = {
  overview: () => q.nationalOverview(db, {}),
  region: () => q.nationalOverview(db, { region: "London" }),
  heatmap: () => q.nationalHeatmap(db, {}),
  trends: () => q.nationalTrends(db, {}),
  list: () => q.listOrganisations(db, {}),
};
for (let i = 0; i < 3; i++) { logged.length = 0; const t = performance.now(); await fns[name](); console.log(name, "total", (performance.now() - t).toFixed(1), "ms; queries", logged.length); }
const sorted = [...logged].sort((a, b) => b.ms - a.ms);
for (const l of sorted.slice(0, Number(process.env.TOP ?? 3))) {
  console.log("----", l.ms.toFixed(1), "ms\n", l.sql.slice(0, 3000));
  if (process.env.EXPLAIN) { const r = await pool.query("explain (analyze, buffers) " + l.sql, l.params); console.log(r.rows.map((x) => x["QUERY PLAN"]).join("\n")); }
}
await pool.end();
