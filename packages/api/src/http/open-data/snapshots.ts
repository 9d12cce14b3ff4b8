import { createRoute } from "@hono/zod-openapi";
import {
  listSnapshots,
  publishedSnapshot,
  snapshotAdoptionRows,
  snapshotGroups,
  snapshotWithheldTrusts,
  storedSnapshotAnswer,
  storeSnapshotAnswer,
} from "@realise/db";
import { toCsv } from "../../lib/csv.js";
import { AppError } from "@realise/domain";
import { z } from "zod";
import type { Context } from "hono";
import type { OpenDataRoutes } from "./context.js";
import { acceptsGzip, frozenAnswers } from "./frozen-answers.js";
import { periodFromSegment, periodSlug } from "./period.js";
import { CACHE_FRESH, CACHE_IMMUTABLE, csvAnswer, csvText, jsonHeaders } from "./respond.js";
import {
  AdoptionBody,
  AdoptionQuery,
  AdoptionRow,
  columnsOf,
  csvResponse,
  errorResponse,
  GroupRow,
  GroupsBody,
  PeriodParams,
  pick,
  SnapshotRow,
  SnapshotsBody,
} from "./schemas.js";

const CAVEAT =
  "Adoption levels describe how EPR functionality is used, not the quality of care; do not rank trusts by them.";

/** The small-number rule, stated where the rows are served (the document's description states it too). */
const SUPPRESSION_RULE =
  "Small-number suppression: a group (region, ICB, trust type or EPR supplier) with fewer trusts than the " +
  "threshold shows only its trust count. Every trust that belongs to such a group, in any grouping, is withheld " +
  "everywhere: its per-trust rows are not published, and other groups' eprLive and tierCounts leave it out " +
  "(withheldTrusts says how many). So every published figure is a sum of published per-trust rows, and no " +
  "small group's figures can be recovered by summing rows or by differencing two published totals.";

const list = createRoute({
  method: "get",
  path: "/snapshots",
  operationId: "listSnapshots",
  summary: "Published snapshot periods, newest first",
  responses: {
    200: { description: "Published snapshots", content: { "application/json": { schema: SnapshotsBody } } },
  },
});

const listCsv = createRoute({
  method: "get",
  path: "/snapshots.csv",
  operationId: "listSnapshotsCsv",
  summary: "Published snapshot periods as CSV",
  responses: { 200: csvResponse("One line per published snapshot", SnapshotRow) },
});

const adoptionErrors = {
  400: errorResponse("The period or a parameter is not valid"),
  404: errorResponse("No snapshot of that period has been published"),
};

const adoption = createRoute({
  method: "get",
  path: "/snapshots/{period}/adoption",
  operationId: "getSnapshotAdoption",
  summary:
    "A published snapshot's adoption levels per trust and functionality, or counts by group with small-number suppression",
  description: SUPPRESSION_RULE,
  request: { params: PeriodParams, query: AdoptionQuery },
  responses: {
    200: {
      description: "Adoption rows, or groups with `groupBy`",
      content: { "application/json": { schema: z.union([AdoptionBody, GroupsBody]) } },
    },
    ...adoptionErrors,
  },
});

const adoptionCsv = createRoute({
  method: "get",
  path: "/snapshots/{period}/adoption.csv",
  operationId: "getSnapshotAdoptionCsv",
  summary: "The same as CSV",
  description: SUPPRESSION_RULE,
  request: { params: PeriodParams, query: AdoptionQuery },
  responses: {
    200: csvResponse(
      "One line per trust and functionality, or per group with `groupBy`",
      AdoptionRow,
      GroupRow,
    ),
    ...adoptionErrors,
  },
});

/** When a snapshot was published; should a published row lack the time, the freeze time stands in. */
const publishedAt = (s: { publishedAt: Date | null; frozenAt: Date }) => s.publishedAt ?? s.frozenAt;

export function snapshotRoutes({ app, database, suppressBelow }: OpenDataRoutes) {
  const db = database.db;
  const frozen = frozenAnswers();

  const published = async () =>
    (await listSnapshots(db))
      .filter((s) => s.status === "published")
      .map((s) =>
        pick(SnapshotRow, { ...s, slug: periodSlug(s.period), publishedAt: publishedAt(s).toISOString() }),
      );

  /** The published snapshot a period segment names, or a 404. */
  const locate = async (segment: string) => {
    const period = periodFromSegment(segment);
    // The validator has already refused anything else; this keeps the type honest.
    if (period === undefined) throw AppError.field("period", "Period must look like 2025-26-Q4");
    const header = await publishedSnapshot(db, period);
    if (!header) throw AppError.notFound(`No published snapshot for ${period}`);
    return { period, header };
  };
  type Located = Awaited<ReturnType<typeof locate>>;

  const filenameOf = (period: string, query: z.output<typeof AdoptionQuery>) =>
    `adoption-${periodSlug(period)}${query.groupBy !== undefined ? `-by-${query.groupBy}` : ""}`;

  /** The snapshot's rows and the figures that describe them, by trust and functionality or by group. */
  const read = async ({ period, header }: Located, query: z.output<typeof AdoptionQuery>) => {
    const meta = {
      period,
      frameworkVersion: header.frameworkVersion,
      publishedAt: publishedAt(header).toISOString(),
      caveat: CAVEAT,
    };
    if (query.groupBy !== undefined) {
      const rows = (await snapshotGroups(db, period, query.groupBy, suppressBelow)).map((r) =>
        pick(GroupRow, r),
      );
      const body: z.output<typeof GroupsBody> = {
        data: rows,
        meta: { ...meta, groupBy: query.groupBy, suppressBelow, count: rows.length },
      };
      return { body, columns: columnsOf(GroupRow) };
    }
    const filter = { odsCode: query.odsCode, functionalityCode: query.functionalityCode };
    const withheld = await snapshotWithheldTrusts(db, period, suppressBelow);
    const rows = (await snapshotAdoptionRows(db, period, filter))
      .filter((r) => !withheld.has(r.odsCode))
      .map((r) => pick(AdoptionRow, { ...r, systemReported: r.validationState === "system_reported" }));
    const body: z.output<typeof AdoptionBody> = {
      data: rows,
      meta: { ...meta, count: rows.length, withheldTrusts: withheld.size },
    };
    return { body, columns: columnsOf(AdoptionRow) };
  };

  /**
   * The answer's bytes. A published snapshot never changes, so a whole-nation answer (no trust or
   * functionality filter) is built on its first request and then served as stored; the key names the
   * snapshot's freeze and publication and the suppression threshold, so nothing older is ever served.
   * Filtered answers are small indexed reads and are built each time.
   */
  const answerText = async (
    segment: string,
    query: z.output<typeof AdoptionQuery>,
    format: "json" | "csv",
  ) => {
    const located = await locate(segment);
    const render = async () => {
      const answer = await read(located, query);
      return format === "json" ? JSON.stringify(answer.body) : toCsv(answer.body.data, answer.columns);
    };
    const text = { period: located.period, filename: filenameOf(located.period, query) };
    if (query.odsCode !== undefined || query.functionalityCode !== undefined)
      return { ...text, body: await render(), frozen: undefined };
    const { header } = located;
    const key = [
      located.period,
      format,
      query.groupBy ?? "trusts",
      `suppress-${suppressBelow}`,
      `frozen-${header.frozenAt.toISOString()}`,
      `published-${publishedAt(header).toISOString()}`,
    ].join("|");
    const held = frozen.get(key);
    if (held) return { ...text, body: held.body, frozen: held };
    const stored = await storedSnapshotAnswer(db, key);
    if (stored !== undefined) return { ...text, body: stored, frozen: frozen.keep(key, stored) };
    const body = await render();
    await storeSnapshotAnswer(db, { key, period: located.period, body }, new Date());
    return { ...text, body, frozen: frozen.keep(key, body) };
  };

  /** A frozen answer goes out as its gzip made once when the client takes gzip; else as it is. */
  const send = async (
    c: Context,
    answer: Awaited<ReturnType<typeof answerText>>,
    plain: (body: string) => Response,
  ) => {
    const response = plain(answer.body);
    response.headers.append("vary", "accept-encoding");
    if (!answer.frozen || !acceptsGzip(c.req.header("accept-encoding"))) return response;
    const headers = new Headers(response.headers);
    headers.set("content-encoding", "gzip");
    return new Response(new Uint8Array(await answer.frozen.gzip()), { status: 200, headers });
  };

  app.openapi(list, async (c) => {
    const data = await published();
    return c.json({ data, meta: { count: data.length } }, 200, jsonHeaders(CACHE_FRESH));
  });
  app.openapi(listCsv, async (c) =>
    csvAnswer(c, await published(), columnsOf(SnapshotRow), "snapshots", CACHE_FRESH),
  );
  app.openapi(adoption, async (c) => {
    const answer = await answerText(c.req.valid("param").period, c.req.valid("query"), "json");
    return (await send(c, answer, (body) => c.body(body, 200, jsonHeaders(CACHE_IMMUTABLE)))) as never;
  });
  app.openapi(adoptionCsv, async (c) => {
    const answer = await answerText(c.req.valid("param").period, c.req.valid("query"), "csv");
    return (await send(c, answer, (body) => csvText(c, body, answer.filename, CACHE_IMMUTABLE))) as never;
  });
}
