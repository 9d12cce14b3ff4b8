import {
  nationalHeatmap,
  nationalOverview,
  nationalTrends,
  peerDistributions,
  registrySummary,
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

/** Facts about the generated data a scenario's input needs. */
export interface ScenarioContext {
  /** A trust the bench's editor account belongs to: the trust dashboard's subject. */
  dashboardOds: string;
  /** A region with many trusts: the regional view's subject. */
  region: string;
}

/** Who calls: nobody signed in, a national analyst, or the dashboard trust's editor. */
export type Caller = "public" | "analyst" | "editor";

/**
 * One read the bench measures three ways: through HTTP + tRPC (with auth), the same db query function
 * called directly on a bare pg pool, and that function behind a bare node:http handler. Adding a view
 * to the bench is one entry here.
 */
export interface Scenario {
  name: string;
  /** tRPC procedure path. */
  procedure: string;
  input: (ctx: ScenarioContext) => unknown;
  caller: Caller;
  /** The same SQL, through the same named query functions, without tRPC, auth or superjson. */
  bare: (db: Kysely<DB>, ctx: ScenarioContext) => Promise<unknown>;
}

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
];

export const scenarioByName = new Map(scenarios.map((s) => [s.name, s]));
