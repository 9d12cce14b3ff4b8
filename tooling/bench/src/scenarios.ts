import {
  nationalBenefits,
  nationalHeatmap,
  nationalOverview,
  nationalPlans,
  nationalTrends,
  peerDistributions,
  registrySummary,
  searchAuditLog,
} from "@realise/api/services";
import {
  adoptionRecords,
  currentFramework,
  type DB,
  findOrganisation,
  listOrganisations,
  lockingReturn,
  returnsFor,
  toAssessable,
} from "@realise/db";
import { assessTrust, periodOf, RegionSchema, type TrustType } from "@realise/domain";
import type { Kysely } from "kysely";
import { trpcGetPath } from "./http.js";
import { snapshotCsvPath, storedSnapshotCsv } from "./snapshot-csv.js";

/** Facts about the generated data a scenario's input needs. */
export interface ScenarioContext {
  /** A trust the bench's editor account belongs to: the trust dashboard's subject. */
  dashboardOds: string;
  /** A region with many trusts: the regional view's subject. */
  region: string;
  /** The ICB with the most trusts today: the ICB view's subject. */
  icbCode: string;
  /** The newest published official snapshot (open data serves only published ones); null when none is. */
  snapshotPeriod: string | null;
}

/** Who calls: nobody signed in, a national analyst, or the dashboard trust's editor. */
export type Caller = "public" | "analyst" | "editor";

interface ScenarioBase {
  name: string;
  caller: Caller;
  /** The same SQL, through the same named query functions, without tRPC, auth or superjson. */
  bare: (db: Kysely<DB>, ctx: ScenarioContext) => Promise<unknown>;
}

/** A tRPC query, sent as the apps send it: GET with a superjson-wrapped input. */
export interface TrpcScenario extends ScenarioBase {
  /** tRPC procedure path. */
  procedure: string;
  input: (ctx: ScenarioContext) => unknown;
  httpPath?: never;
}

/** A plain HTTP GET outside tRPC (open data, downloads). */
export interface HttpScenario extends ScenarioBase {
  /** The route as documented, for the report ("GET /api/v1/…"). */
  route: string;
  /** The path to ask for; undefined when the generated data has nothing for it (the scenario is skipped). */
  httpPath: (ctx: ScenarioContext) => string | undefined;
  procedure?: never;
}

/**
 * One read the bench measures three ways: through HTTP (tRPC or a plain route, with auth), the same
 * service or db function called directly on a bare pg pool, and that function behind a bare node:http
 * handler. Adding a view to the bench is one entry here.
 */
export type Scenario = TrpcScenario | HttpScenario;

/** The GET path a scenario asks for, or undefined when this data has nothing to ask for. */
export function scenarioPath(s: Scenario, ctx: ScenarioContext): string | undefined {
  return s.httpPath ? s.httpPath(ctx) : trpcGetPath(s.procedure, s.input(ctx));
}

/** The same, for a scenario known to be available (it answered the probe). */
export function requestPath(s: Scenario, ctx: ScenarioContext): string {
  const path = scenarioPath(s, ctx);
  if (path === undefined) throw new Error(`${s.name} has nothing to ask for in this data`);
  return path;
}

/** What the scenario calls, as the results and the report name it. */
export const scenarioTarget = (s: Scenario) => s.procedure ?? s.route;

/** What adoption.forOrganisation reads, in the same shape, minus the transport. */
async function trustDashboard(db: Kysely<DB>, odsCode: string) {
  const organisation = await findOrganisation(db, odsCode);
  if (!organisation) throw new Error(`No trust ${odsCode}`);
  const [framework, records, peers, returns, locked] = await Promise.all([
    currentFramework(db),
    adoptionRecords(db, odsCode),
    peerDistributions(db, odsCode),
    returnsFor(db, odsCode),
    lockingReturn(db, odsCode),
  ]);
  const assessment = assessTrust(
    framework,
    { odsCode, trustType: organisation.trustType as TrustType },
    toAssessable(records),
  );
  return {
    organisation,
    framework: { version: framework.version, name: framework.name, tiers: framework.tiers },
    assessment,
    records,
    peers,
    returns,
    currentPeriod: periodOf(new Date(), "quarter"),
    locked: locked ?? null,
  };
}

export const scenarios: Scenario[] = [
  {
    name: "national.overview",
    procedure: "national.overview",
    input: () => undefined,
    caller: "analyst",
    bare: (db) => nationalOverview(db, {}),
  },
  {
    name: "national.heatmap",
    procedure: "national.heatmap",
    input: () => undefined,
    caller: "analyst",
    bare: (db) => nationalHeatmap(db, {}),
  },
  {
    name: "national.region",
    procedure: "national.overview",
    input: (ctx) => ({ region: ctx.region }),
    caller: "analyst",
    // The database holds the region as text; tRPC parses it too.
    bare: (db, ctx) => nationalOverview(db, { region: RegionSchema.parse(ctx.region) }),
  },
  {
    name: "national.icb",
    procedure: "national.overview",
    input: (ctx) => ({ icbCode: ctx.icbCode }),
    caller: "analyst",
    bare: (db, ctx) => nationalOverview(db, { icbCode: ctx.icbCode }),
  },
  {
    // The heatmap page's table view (apps/admin/src/pages/national/HeatmapPage.tsx, ?view=table) makes the
    // same call as the chart: national.heatmap with the page's filter, tier, trustTier and sort, and pages
    // the answer in the browser (HeatmapTable.tsx). Unfiltered, that input is the default sort by name
    // (its undefined tier and trustTier travel as superjson meta and parse to the same input). So this is
    // national.heatmap with the input the page actually sends, cached under its own key, not a paged call.
    name: "national.heatmapTable",
    procedure: "national.heatmap",
    input: () => ({ sort: "name" }),
    caller: "analyst",
    bare: (db) => nationalHeatmap(db, { sort: "name" }),
  },
  {
    name: "national.trends",
    procedure: "national.trends",
    input: () => undefined,
    caller: "analyst",
    bare: (db) => nationalTrends(db, {}),
  },
  {
    name: "trust.dashboard",
    procedure: "adoption.forOrganisation",
    input: (ctx) => ({ odsCode: ctx.dashboardOds }),
    caller: "editor",
    bare: (db, ctx) => trustDashboard(db, ctx.dashboardOds),
  },
  {
    name: "organisations.list",
    procedure: "organisations.list",
    input: () => undefined,
    caller: "public",
    bare: (db) => listOrganisations(db, {}),
  },
  {
    name: "registry.summary",
    procedure: "registry.summary",
    input: () => undefined,
    caller: "public",
    bare: (db) => registrySummary(db),
  },
  {
    name: "plans.national",
    procedure: "plans.national",
    input: () => undefined,
    caller: "analyst",
    // The procedure passes today's date (the default) and the caller's scope, null for a national analyst.
    bare: (db) => nationalPlans(db, undefined, null),
  },
  {
    name: "benefits.national",
    procedure: "benefits.national",
    input: () => undefined,
    caller: "analyst",
    bare: (db) => nationalBenefits(db, null),
  },
  {
    // The admin's audit page (apps/admin/src/pages/audit/AuditLog.tsx) opened with no filter: the newest
    // page of 25. audit.search is national roles only (access.nationalRead); the bench's analyst is one.
    name: "audit.search",
    procedure: "audit.search",
    input: () => ({ pageSize: 25 }),
    caller: "analyst",
    bare: (db) => searchAuditLog(db, { pageSize: 25 }),
  },
  {
    name: "openData.snapshotCsv",
    route: "GET /api/v1/snapshots/{period}/adoption.csv",
    httpPath: (ctx) => (ctx.snapshotPeriod === null ? undefined : snapshotCsvPath(ctx.snapshotPeriod)),
    caller: "public",
    bare: (db, ctx) => storedSnapshotCsv(db, ctx.snapshotPeriod!),
  },
];

export const scenarioByName = new Map(scenarios.map((s) => [s.name, s]));
