import type { Database } from "@realise/db";
import { AppError, access, decide } from "@realise/domain";
import { type Context, Hono } from "hono";
import type { Auth } from "../../auth/auth.js";
import { requestPrincipal } from "../../auth/principal.js";
import { boardPackPdf } from "../../reports/board-pack.js";
import { periodSlug } from "../../reports/format.js";
import { nationalReportPdf } from "../../reports/national-report.js";
import { today } from "../../services/clock.js";
import { oversightScopeOf, scopeKey } from "../../services/guards/oversight-scope.js";
import { boardPackData, nationalReportData } from "../../services/reports/index.js";
import { versioned } from "../../services/versioned.js";
import type { EdgeEnv } from "../env.js";
import { DEFAULT_SUPPRESS_BELOW } from "../open-data/context.js";
import { periodFromSegment } from "../open-data/period.js";

export interface ReportsOptions {
  database: Database;
  auth: Auth;
  suppressBelow?: number | undefined;
}

const ODS_CODE = /^[A-Z0-9]{3,10}$/;

/** The `period` query: absent, `live` where allowed, or a quarter such as 2026-27-Q2; else a 400. */
function periodQuery(c: Context<EdgeEnv>, allowLive: boolean) {
  const raw = c.req.query("period");
  if (raw === undefined || raw === "") return undefined;
  if (allowLive && raw === "live") return "live" as const;
  const period = periodFromSegment(raw);
  if (!period || !/ Q[1-4]$/.test(period))
    throw AppError.field(
      "period",
      `Period must be a quarter such as 2026-27-Q2${allowLive ? ", or live" : ""}`,
    );
  return period;
}

/** A finished PDF: built whole in memory before the first byte is sent. */
function pdf(c: Context<EdgeEnv>, bytes: Buffer, filename: string) {
  return c.body(new Uint8Array(bytes), 200, {
    "content-type": "application/pdf",
    "content-disposition": `attachment; filename="${filename}"`,
    "cache-control": "private, no-store",
  });
}

/**
 * Reports as tagged PDFs, each built once per data version and day (a build takes a few hundred
 * milliseconds of the server's one thread; issue 18's noisy neighbour asked for twenty a minute): a trust's board pack (its own staff and the national roles) and the national
 * quarterly report (national roles; ICB and region viewers get it for the trusts in their scope, and the
 * board packs of those trusts). Failures are thrown as AppErrors and answered as plain JSON by the app's boundary.
 */
export function createReportsApp(options: ReportsOptions): Hono<EdgeEnv> {
  const app = new Hono<EdgeEnv>();
  const { database, auth } = options;
  const suppressBelow = options.suppressBelow ?? DEFAULT_SUPPRESS_BELOW;
  const caller = (c: Context<EdgeEnv>) => requestPrincipal(database, auth, c.req.raw.headers);
  const refuse = (outcome: "UNAUTHORIZED" | "FORBIDDEN", what: string) =>
    outcome === "UNAUTHORIZED"
      ? new AppError("UNAUTHORIZED", "Sign in to download reports")
      : new AppError("FORBIDDEN", `You may not download ${what}`);

  app.get("/trusts/:odsCode/board-pack.pdf", async (c) => {
    const odsCode = c.req.param("odsCode").toUpperCase();
    const principal = await caller(c);
    const scope = await oversightScopeOf(database.db, principal);
    const outcome = decide(access.trustRead, principal, odsCode, scope?.odsCodes);
    if (outcome !== "allowed") throw refuse(outcome, "this trust's board pack");
    if (!ODS_CODE.test(odsCode)) throw AppError.notFound(`No trust has the ODS code ${odsCode}`);
    const period = periodQuery(c, true);
    const day = new Date().toISOString().slice(0, 10);
    const built = await versioned(
      database.db,
      `reports.boardPack|${day}|${odsCode}|${period ?? ""}`,
      async () => {
        const data = await boardPackData(database.db, {
          odsCode,
          period: period === "live" ? { kind: "live" } : { kind: "official", period },
        });
        return { bytes: await boardPackPdf(data, day), period: data.period };
      },
    );
    return pdf(
      c,
      built.bytes,
      `board-pack-${odsCode}-${built.period ? periodSlug(built.period) : "draft"}.pdf`,
    );
  });

  app.get("/national.pdf", async (c) => {
    const principal = await caller(c);
    const scope = await oversightScopeOf(database.db, principal);
    const outcome = decide(access.oversightRead, principal, undefined, scope?.odsCodes);
    if (outcome !== "allowed") throw refuse(outcome, "the national report");
    const period = periodQuery(c, false);
    const key = `reports.national|${today()}|${period ?? ""}|${suppressBelow}|${scopeKey(scope)}`;
    const built = await versioned(database.db, key, async () => {
      const data = await nationalReportData(database.db, { period }, scope);
      return {
        bytes: await nationalReportPdf(data, suppressBelow),
        period: data.period,
        provisional: data.provisional,
      };
    });
    return pdf(
      c,
      built.bytes,
      `national-report-${periodSlug(built.period)}${built.provisional ? "-provisional" : ""}.pdf`,
    );
  });

  app.all("*", (c) => c.json({ error: { message: "Not found" } }, 404));
  return app;
}
