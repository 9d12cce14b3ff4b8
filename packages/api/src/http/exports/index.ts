import type { Database } from "@realise/db";
import { AppError, access, decide } from "@realise/domain";
import { type Context, Hono } from "hono";
import type { Auth } from "../../auth/auth.js";
import { principalFromHeaders } from "../../auth/principal.js";
import { toCsv } from "../../lib/csv.js";
import {
  NATIONAL_EXPORTS,
  type NationalExport,
  nationalExport,
  RECORD_EXPORTS,
  type RecordExport,
  recordExport,
} from "../../services/national/index.js";
import type { EdgeEnv } from "../env.js";

export interface ExportsOptions {
  database: Database;
  auth: Auth;
}

/** A byte-order mark first, so Excel reads the file as UTF-8 (names with accents, the en dash). */
const BOM = "\uFEFF";

/**
 * The national pages' tables as CSV downloads, `/exports/<table>.csv?<the page's filters>`, for the
 * national roles: the same figures as the page, formulas neutralised by the one CSV writer, the period
 * and framework version in the file name. Failures are AppErrors answered by the app's boundary.
 */
export function createExportsApp(options: ExportsOptions): Hono<EdgeEnv> {
  const app = new Hono<EdgeEnv>();
  const { database, auth } = options;

  app.get("/:file", async (c: Context<EdgeEnv>) => {
    const principal = await principalFromHeaders(database, auth, c.req.raw.headers);
    const outcome = decide(access.nationalRead, principal, undefined);
    if (outcome === "UNAUTHORIZED")
      throw new AppError("UNAUTHORIZED", "Sign in to download national figures");
    if (outcome !== "allowed")
      throw new AppError("FORBIDDEN", "Only the national team may download national figures");
    const file = c.req.param("file") ?? "";
    const table = file.replace(/\.csv$/, "");
    const isRecords = (RECORD_EXPORTS as readonly string[]).includes(table);
    if (!file.endsWith(".csv") || !(isRecords || (NATIONAL_EXPORTS as readonly string[]).includes(table)))
      throw AppError.notFound(`There is no download called ${file}`);
    const result = isRecords
      ? await recordExport(database.db, table as RecordExport, c.req.query())
      : await nationalExport(database.db, table as NationalExport, c.req.query());
    return c.body(BOM + toCsv(result.rows, result.columns), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${result.filename}.csv"`,
      "cache-control": "private, no-store",
    });
  });

  app.all("*", (c) => c.json({ error: { message: "Not found" } }, 404));
  return app;
}
