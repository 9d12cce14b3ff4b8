import type { IncomingMessage, ServerResponse } from "node:http";
import {
  currentFrameworkVersion,
  type Database,
  frameworkVersion,
  listOrganisations,
  listSnapshots,
  NotFoundError,
  publishedSnapshot,
  snapshotAdoptionRows,
  snapshotGroups,
} from "@realise/db";
import { FunctionalityCodeSchema, OdsCodeSchema } from "@realise/domain";
import { z } from "zod";
import { OrganisationFilterSchema } from "../contracts/organisations.js";
import { toCsv } from "../lib/csv.js";
import { openApiDocument } from "./openapi.js";
import { periodFromPath, periodSlug } from "./period.js";

export interface OpenDataOptions {
  database: Database;
  origin: string;
  /** Groups with fewer trusts than this show only their count. */
  suppressBelow?: number;
}

export const DEFAULT_SUPPRESS_BELOW = 5;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface Answer {
  rows?: Record<string, unknown>[];
  columns?: string[];
  body?: unknown;
  meta?: Record<string, unknown>;
  /** Published snapshots never change, so they may be cached for longer. */
  immutable?: boolean;
  filename?: string;
}

const ORGANISATION_COLUMNS = [
  "odsCode",
  "name",
  "trustType",
  "region",
  "icbCode",
  "icbName",
  "eprStatus",
  "eprSupplier",
  "eprProduct",
];
const ADOPTION_COLUMNS = [
  "period",
  "frameworkVersion",
  "odsCode",
  "functionalityCode",
  "level",
  "coveragePct",
  "usageNumerator",
  "usageDenominator",
  "validationState",
];
const GROUP_COLUMNS = [
  "period",
  "frameworkVersion",
  "group",
  "trusts",
  "suppressed",
  "eprLive",
  "tierCounts",
];
const FUNCTIONALITY_COLUMNS = ["frameworkVersion", "code", "name", "category", "tier", "appliesTo"];

const GroupBySchema = z.enum(["region", "icb", "trustType", "supplier"], {
  error: "groupBy must be one of region, icb, trustType, supplier",
});

function param(url: URL, name: string) {
  const value = url.searchParams.get(name);
  return value === null || value === "" ? undefined : value;
}

function parseOr400<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.length ? issue.path.join(".") : field;
  throw new HttpError(400, `${path}: ${issue?.message ?? "is not valid"}`);
}

async function organisations(options: OpenDataOptions, url: URL): Promise<Answer> {
  const filter = parseOr400(
    OrganisationFilterSchema,
    Object.fromEntries(
      ["trustType", "region", "icbCode", "eprStatus", "eprSupplier"]
        .map((k) => [k, param(url, k)])
        .filter(([, v]) => v !== undefined),
    ),
    "query",
  );
  const rows = await listOrganisations(options.database.db, filter);
  return {
    rows: rows.map((r) => Object.fromEntries(ORGANISATION_COLUMNS.map((c) => [c, r[c as keyof typeof r]]))),
    columns: ORGANISATION_COLUMNS,
    meta: { count: rows.length, source: "ODS registry and NHS England EPR records" },
    filename: "organisations",
  };
}

async function framework(options: OpenDataOptions, url: URL, csv: boolean): Promise<Answer> {
  const db = options.database.db;
  const requested = param(url, "version");
  const version =
    requested === undefined
      ? await currentFrameworkVersion(db)
      : parseOr400(
          z.coerce.number().int().min(1, "version must be a whole number from 1"),
          requested,
          "version",
        );
  const document = await frameworkVersion(db, version);
  // Drafts are work in progress of the national team, not open data.
  if (document.status === "draft") throw new HttpError(404, `Framework version ${version} is not published`);
  if (!csv) return { body: document, immutable: true };
  return {
    rows: document.functionalities.map((f) => ({
      frameworkVersion: document.version,
      code: f.code,
      name: f.name,
      category: f.category,
      tier: f.tier,
      appliesTo: f.appliesTo,
    })),
    columns: FUNCTIONALITY_COLUMNS,
    immutable: true,
    filename: `framework-v${document.version}-functionalities`,
  };
}

async function snapshots(options: OpenDataOptions): Promise<Answer> {
  const rows = (await listSnapshots(options.database.db))
    .filter((s) => s.status === "published")
    .map((s) => ({
      period: s.period,
      slug: periodSlug(s.period),
      frameworkVersion: s.frameworkVersion,
      publishedAt: s.publishedAt,
      trusts: s.trusts,
    }));
  return {
    rows,
    columns: ["period", "slug", "frameworkVersion", "publishedAt", "trusts"],
    meta: { count: rows.length },
  };
}

async function adoption(options: OpenDataOptions, url: URL, rawPeriod: string): Promise<Answer> {
  const db = options.database.db;
  const period = periodFromPath(rawPeriod);
  if (!period)
    throw new HttpError(400, "period: must look like 2025-26-Q4 or 2025-26 (or 2025/26 Q4 encoded)");
  const header = await publishedSnapshot(db, period);
  if (!header) throw new HttpError(404, `No published snapshot for ${period}`);
  const suppressBelow = options.suppressBelow ?? DEFAULT_SUPPRESS_BELOW;
  const meta = {
    period,
    frameworkVersion: header.frameworkVersion,
    publishedAt: header.publishedAt,
    caveat:
      "Adoption levels describe how EPR functionality is used, not the quality of care; do not rank trusts by them.",
  };
  const groupBy = param(url, "groupBy");
  if (groupBy !== undefined) {
    const dimension = parseOr400(GroupBySchema, groupBy, "groupBy");
    const rows = await snapshotGroups(db, period, dimension, suppressBelow);
    return {
      rows: rows as unknown as Record<string, unknown>[],
      columns: GROUP_COLUMNS,
      meta: { ...meta, groupBy: dimension, suppressBelow, count: rows.length },
      immutable: true,
      filename: `adoption-${periodSlug(period)}-by-${dimension}`,
    };
  }
  const odsCode = param(url, "odsCode");
  const functionalityCode = param(url, "functionalityCode");
  const rows = await snapshotAdoptionRows(db, period, {
    odsCode: odsCode === undefined ? undefined : parseOr400(OdsCodeSchema, odsCode, "odsCode"),
    functionalityCode:
      functionalityCode === undefined
        ? undefined
        : parseOr400(FunctionalityCodeSchema, functionalityCode, "functionalityCode"),
  });
  return {
    rows: rows as unknown as Record<string, unknown>[],
    columns: ADOPTION_COLUMNS,
    meta: { ...meta, count: rows.length },
    immutable: true,
    filename: `adoption-${periodSlug(period)}`,
  };
}

function send(
  res: ServerResponse,
  method: string,
  status: number,
  type: string,
  body: string,
  cache: string,
) {
  res.statusCode = status;
  res.setHeader("content-type", type);
  res.setHeader("cache-control", cache);
  res.setHeader("access-control-allow-origin", "*");
  res.setHeader("content-length", Buffer.byteLength(body));
  res.end(method === "HEAD" ? undefined : body);
}

/**
 * The open-data routes under /api/v1: read-only JSON and CSV of the registry, the framework and published
 * snapshots. Answers `true` when it handled the request.
 */
export function openDataRoutes(options: OpenDataOptions) {
  const suppressBelow = options.suppressBelow ?? DEFAULT_SUPPRESS_BELOW;
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const path = url.pathname;
    if (path !== "/api/v1" && !path.startsWith("/api/v1/")) return false;
    const method = req.method ?? "GET";
    const sendJson = (status: number, body: unknown, cache = "no-store") =>
      send(res, method, status, "application/json; charset=utf-8", JSON.stringify(body), cache);
    if (method !== "GET" && method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      sendJson(405, { error: { message: "The open-data API is read-only: use GET" } });
      return true;
    }
    const csv = path.endsWith(".csv");
    const route = csv ? path.slice(0, -4) : path;
    try {
      let answer: Answer;
      const snapshotMatch = /^\/api\/v1\/snapshots\/(.+)\/adoption$/.exec(route);
      if (route === "/api/v1/openapi.json" && !csv) {
        sendJson(200, openApiDocument(options.origin, suppressBelow), "public, max-age=300");
        return true;
      } else if (route === "/api/v1/organisations") answer = await organisations(options, url);
      else if (route === "/api/v1/framework") answer = await framework(options, url, csv);
      else if (route === "/api/v1/snapshots") answer = await snapshots(options);
      else if (snapshotMatch?.[1]) answer = await adoption(options, url, snapshotMatch[1]);
      else throw new HttpError(404, `No open-data route ${path}; see /api/v1/openapi.json`);

      const cache = answer.immutable ? "public, max-age=3600" : "public, max-age=60";
      if (csv) {
        if (!answer.rows || !answer.columns) throw new HttpError(404, `${route} has no CSV form`);
        res.setHeader("content-disposition", `attachment; filename="${answer.filename ?? "data"}.csv"`);
        send(res, method, 200, "text/csv; charset=utf-8", toCsv(answer.rows, answer.columns), cache);
      } else {
        sendJson(200, answer.body ?? { data: answer.rows, meta: answer.meta ?? {} }, cache);
      }
    } catch (error) {
      if (error instanceof HttpError) sendJson(error.status, { error: { message: error.message } });
      else if (error instanceof NotFoundError) sendJson(404, { error: { message: error.message } });
      else throw error;
    }
    return true;
  };
}
