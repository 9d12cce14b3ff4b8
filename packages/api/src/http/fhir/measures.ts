import type { Bundle, Measure } from "@medplum/fhirtypes";
import type { Database } from "@realise/db";
import type { Hono } from "hono";
import { readMeasure, searchMeasures } from "../../services/measures/list-measures.js";
import { fhirAnswer, outcomeAnswer } from "./outcome.js";

const DEFAULT_COUNT = 20;
const MAX_COUNT = 100;
const SEARCH_PARAMS = new Set(["url", "identifier", "version", "_count", "_offset", "_format"]);

function count(value: string | undefined, name: string, fallback: number, max: number): number | string {
  if (value === undefined) return fallback;
  if (!/^\d{1,6}$/.test(value)) return `${name} must be a whole number`;
  return Math.min(Number(value), max);
}

/** A searchset page with first, previous, next and last links that keep the search's parameters. */
function searchset(
  origin: string,
  query: URLSearchParams,
  all: Measure[],
  offset: number,
  size: number,
): Bundle<Measure> {
  const page = (at: number) => {
    const q = new URLSearchParams(query);
    q.set("_count", String(size));
    q.set("_offset", String(at));
    return `${origin}/fhir/Measure?${q}`;
  };
  const last = size === 0 ? 0 : Math.max(0, Math.floor((all.length - 1) / size) * size);
  const links = [
    { relation: "self", url: page(offset) },
    { relation: "first", url: page(0) },
    ...(offset > 0 ? [{ relation: "previous", url: page(Math.max(0, offset - size)) }] : []),
    ...(size > 0 && offset + size < all.length ? [{ relation: "next", url: page(offset + size) }] : []),
    { relation: "last", url: page(last) },
  ];
  return {
    resourceType: "Bundle",
    type: "searchset",
    total: all.length,
    link: links,
    entry: all.slice(offset, offset + size).map((m) => ({
      fullUrl: `${origin}/fhir/Measure/${m.id}`,
      resource: m,
      search: { mode: "match" },
    })),
  };
}

export function measureRoutes(app: Hono, database: Database, origin: string) {
  app.get("/Measure", async (c) => {
    const query = new URL(c.req.url).searchParams;
    for (const name of query.keys()) {
      if (!SEARCH_PARAMS.has(name)) {
        return outcomeAnswer(c, 400, [
          { code: "not-supported", diagnostics: `Measure has no search parameter ${name}` },
        ]);
      }
    }
    const size = count(query.get("_count") ?? undefined, "_count", DEFAULT_COUNT, MAX_COUNT);
    const offset = count(query.get("_offset") ?? undefined, "_offset", 0, Number.MAX_SAFE_INTEGER);
    for (const bad of [size, offset]) {
      if (typeof bad === "string") return outcomeAnswer(c, 400, [{ code: "invalid", diagnostics: bad }]);
    }
    const all = await searchMeasures(database.db, origin, {
      url: query.get("url") ?? undefined,
      identifier: query.get("identifier") ?? undefined,
      version: query.get("version") ?? undefined,
    });
    const kept = new URLSearchParams([...query].filter(([name]) => name !== "_count" && name !== "_offset"));
    return fhirAnswer(c, searchset(origin, kept, all, offset as number, size as number));
  });

  app.get("/Measure/:id", async (c) => {
    const measure = await readMeasure(database.db, origin, c.req.param("id"));
    if (!measure) {
      return outcomeAnswer(c, 404, [
        { code: "not-found", diagnostics: `No Measure has the id ${c.req.param("id")}` },
      ]);
    }
    return fhirAnswer(c, measure);
  });
}
