import type { Database } from "@realise/db";
import { AppError, access, decide } from "@realise/domain";
import { type Context, Hono } from "hono";
import type { Auth } from "../../auth/auth.js";
import { requestPrincipal } from "../../auth/principal.js";
import { toCsv } from "../../lib/csv.js";
import { oversightScopeOf } from "../../services/guards/oversight-scope.js";
import { exportFor, isExportName, NATIONAL_ONLY_EXPORTS } from "../../services/national/index.js";
import type { EdgeEnv } from "../env.js";

export interface ExportsOptions {
  database: Database;
  auth: Auth;
}

/** A byte-order mark first, so Excel reads the file as UTF-8 (names with accents, the en dash). */
const BOM = "\uFEFF";

/**
 * The national pages' tables as CSV downloads, `/exports/<table>.csv?<the page's filters>`, for whoever
 * may see the page (ICB and region viewers for their trusts): the same figures as the page, formulas neutralised by the one CSV writer, the period
 * and framework version in the file name. Failures are AppErrors answered by the app's boundary.
 */
export function createExportsApp(options: ExportsOptions): Hono<EdgeEnv> {
  const app = new Hono<EdgeEnv>();
  const { database, auth } = options;

  app.get("/:file", async (c: Context<EdgeEnv>) => {
    const principal = await requestPrincipal(database, auth, c.req.raw.headers);
    const file = c.req.param("file") ?? "";
    const table = file.replace(/\.csv$/, "");
    const known = file.endsWith(".csv") && isExportName(table);
    // Each download has its page's rule: ICB and region viewers get the tables of the pages they see,
    // narrowed to their trusts exactly as the page's procedure narrows them; the rest are the national team's.
    const rule =
      known && !(NATIONAL_ONLY_EXPORTS as readonly string[]).includes(table)
        ? access.oversightRead
        : access.nationalRead;
    const scope = await oversightScopeOf(database.db, principal);
    const outcome = decide(rule, principal, undefined, scope?.odsCodes);
    if (outcome === "UNAUTHORIZED")
      throw new AppError("UNAUTHORIZED", "Sign in to download national figures");
    if (outcome !== "allowed")
      throw new AppError("FORBIDDEN", "Only the national team may download these figures");
    if (!known) throw AppError.notFound(`There is no download called ${file}`);
    const result = await exportFor(database.db, table, c.req.query(), scope);
    return c.body(BOM + toCsv(result.rows, result.columns), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${result.filename}.csv"`,
      "cache-control": "private, no-store",
    });
  });

  app.all("*", (c) => c.json({ error: { message: "Not found" } }, 404));
  return app;
}
