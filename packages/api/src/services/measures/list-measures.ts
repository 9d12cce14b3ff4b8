import type { Measure } from "@medplum/fhirtypes";
import { currentFrameworkVersion, type DB, frameworkVersion, listFrameworkVersionRows } from "@realise/db";
import type { Kysely } from "kysely";
import { measureIdentifierSystem, measuresOf } from "./measure-of.js";

export interface MeasureSearch {
  /** A canonical, optionally `|version`. */
  url?: string | undefined;
  /** `system|value`, `|value` or a bare value. */
  identifier?: string | undefined;
  version?: string | undefined;
}

/**
 * The Measures a search asks for. Without a version, those of the framework in force; a version (given
 * alone or after a canonical's `|`) reaches an older published or retired framework, whose Measures stay
 * readable. Drafts are never published as Measures.
 */
export async function searchMeasures(
  db: Kysely<DB>,
  origin: string,
  search: MeasureSearch,
): Promise<Measure[]> {
  const [url, urlVersion] = search.url?.split("|") ?? [];
  const version = urlVersion ?? search.version;
  const framework = await frameworkFor(db, version);
  if (!framework) return [];
  return measuresOf(origin, framework).filter(
    (m) => (url === undefined || m.url === url) && matchesIdentifier(origin, m, search.identifier),
  );
}

async function frameworkFor(db: Kysely<DB>, version: string | undefined) {
  if (version === undefined) return frameworkVersion(db, await currentFrameworkVersion(db));
  if (!/^\d{1,6}$/.test(version)) return undefined;
  const rows = await listFrameworkVersionRows(db);
  const row = rows.find((r) => r.version === Number(version) && r.status !== "draft");
  return row ? frameworkVersion(db, row.version) : undefined;
}

function matchesIdentifier(origin: string, measure: Measure, token: string | undefined): boolean {
  if (token === undefined) return true;
  const bar = token.indexOf("|");
  const system = bar === -1 ? undefined : token.slice(0, bar);
  const value = bar === -1 ? token : token.slice(bar + 1);
  return (measure.identifier ?? []).some(
    (i) =>
      i.value === value &&
      (system === undefined || system === ""
        ? true
        : system === measureIdentifierSystem(origin) && i.system === system),
  );
}

/** One Measure by id, of the framework in force; undefined when it has none. */
export async function readMeasure(db: Kysely<DB>, origin: string, id: string): Promise<Measure | undefined> {
  const framework = await frameworkVersion(db, await currentFrameworkVersion(db));
  return measuresOf(origin, framework).find((m) => m.id === id);
}
