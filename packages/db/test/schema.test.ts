import { readFileSync } from "node:fs";
import {
  BenefitClassSchema,
  BenefitStatusSchema,
  ConfidenceSchema,
  DirectionSchema,
  EprStatusSchema,
  FrameworkStatusSchema,
  PlanStatusSchema,
  ROLES,
  RegionSchema,
  TRUST_TYPES,
  ValidationStateSchema,
} from "@realise/domain";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { testEngines } from "../src/testing.js";
import { useMigratedDatabase } from "./support.js";

/**
 * `schema.ts` is written by hand, so nothing but this test ties it to the migrations: it migrates a database
 * and compares every table and column there with the Kysely types (read from the source), both ways, and
 * every CHECK-constrained value list with the domain union the column is typed as.
 */

// schema.ts and the files it is split into by what they hold (schema-*.ts), read as one source.
const SCHEMA_SOURCE = ["schema.ts", "schema-accounts.ts"]
  .map((file) => readFileSync(new URL(`../src/${file}`, import.meta.url), "utf8"))
  .join("\n");

/** Tables the types describe that our migrations do not create. */
const CREATED_ELSEWHERE: Record<string, string> = {
  user: "better-auth's table, created by its own migrations (packages/api); schema.ts types the columns we read",
};
/** The migrator's bookkeeping, never queried through the types. */
const BOOKKEEPING = new Set(["kysely_migration", "kysely_migration_lock"]);

/** Text columns typed with a domain union, and that union's values. */
const TEXT_UNIONS: Record<string, readonly string[]> = {
  TrustType: TRUST_TYPES,
  Region: RegionSchema.options,
  EprStatus: EprStatusSchema.options,
  FrameworkStatus: FrameworkStatusSchema.options,
  ValidationState: ValidationStateSchema.options,
  Role: ROLES,
  BenefitClass: BenefitClassSchema.options,
  Direction: DirectionSchema.options,
  Confidence: ConfidenceSchema.options,
  BenefitStatus: BenefitStatusSchema.options,
  PlanStatus: PlanStatusSchema.options,
  ReturnStatus: literalUnion("ReturnStatus"),
  SnapshotStatus: literalUnion("SnapshotStatus"),
};

interface DeclaredColumn {
  /** The select type's members other than null, e.g. ["string"], ["TrustType"], ["{ label: string; url: string }[]"]. */
  kinds: string[];
  nullable: boolean;
}

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/[^\n]*/g, "");
}

/** Split at `separator` where no bracket is open. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "<" || c === "{" || c === "(" || c === "[") depth++;
    else if (c === ">" || c === "}" || c === ")" || c === "]") depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** The body of `export interface name { ... }`, braces matched. */
function interfaceBody(source: string, name: string): string {
  const open = source.indexOf("{", source.search(new RegExp(`export interface ${name}\\b`)));
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === "{") depth++;
    else if (source[i] === "}" && --depth === 0) return source.slice(open + 1, i);
  }
  throw new Error(`interface ${name} not closed`);
}

function members(body: string): [string, string][] {
  return splitTopLevel(body, ";").map((m) => {
    const colon = m.indexOf(":");
    return [
      m.slice(0, colon).trim(),
      m
        .slice(colon + 1)
        .replace(/\s+/g, " ")
        .trim(),
    ];
  });
}

/** Local `type X = ...;` aliases (non-generic), so `Timestamp` can be read through to `ColumnType<Date, ...>`. */
function aliases(source: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of source.matchAll(/(?:export )?type (\w+) = ([^;]+);/g)) found.set(m[1]!, m[2]!.trim());
  return found;
}

/** The type a select gives for a column: the first argument of ColumnType, the inside of Generated/Defaulted. */
function selectType(type: string, local: Map<string, string>): string {
  const generic = /^(ColumnType|Generated|Defaulted)<(.*)>$/.exec(type);
  if (generic) return selectType(splitTopLevel(generic[2]!, ",")[0]!, local);
  const alias = local.get(type);
  if (alias && !TEXT_UNIONS[type]) return selectType(alias, local);
  return type;
}

function literalUnion(name: string): string[] {
  const definition = aliases(withoutComments(SCHEMA_SOURCE)).get(name);
  if (!definition) throw new Error(`schema.ts has no type ${name}`);
  return splitTopLevel(definition, "|").map((v) => JSON.parse(v) as string);
}

function declaredSchema(): Map<string, Map<string, DeclaredColumn>> {
  const source = withoutComments(SCHEMA_SOURCE);
  const local = aliases(source);
  const tables = new Map<string, Map<string, DeclaredColumn>>();
  for (const [table, interfaceName] of members(interfaceBody(source, "DB"))) {
    const columns = new Map<string, DeclaredColumn>();
    for (const [column, type] of members(interfaceBody(source, interfaceName))) {
      const parts = splitTopLevel(selectType(type, local), "|");
      columns.set(column, { kinds: parts.filter((p) => p !== "null"), nullable: parts.includes("null") });
    }
    tables.set(table, columns);
  }
  return tables;
}

const isJsonShape = (kind: string) =>
  kind === "unknown" || kind.endsWith("[]") || kind.startsWith("Record<") || kind.startsWith("{");
const isTextKind = (kind: string) => kind === "string" || kind in TEXT_UNIONS || /^".*"$/.test(kind);

/** Whether a TypeScript select type fits what the driver returns for a PostgreSQL type. */
function compatible(dataType: string, udtName: string, kinds: string[]): boolean {
  const all = (ok: (kind: string) => boolean) => kinds.length > 0 && kinds.every(ok);
  switch (dataType) {
    case "text":
    case "character varying":
      return all(isTextKind);
    case "date": // kept as text by both drivers (connection.ts)
    case "bigint": // pg returns int8 as a string; it can exceed 2^53
    case "numeric":
      return all((k) => k === "string");
    case "integer":
    case "smallint":
    case "double precision":
    case "real":
      return all((k) => k === "number");
    case "boolean":
      return all((k) => k === "boolean");
    case "timestamp with time zone":
    case "timestamp without time zone":
      return all((k) => k === "Date");
    case "json":
    case "jsonb":
      return all(isJsonShape);
    case "ARRAY":
      return udtName === "_text" ? all((k) => k === "string[]") : all((k) => k === "number[]");
    default:
      return false;
  }
}

describe.each(testEngines())("schema.ts against a migrated database on $engine", ({ url }) => {
  const h = useMigratedDatabase(url);
  const declared = declaredSchema();

  async function actualColumns() {
    const { rows } = await sql<{
      table_name: string;
      column_name: string;
      is_nullable: "YES" | "NO";
      data_type: string;
      udt_name: string;
    }>`select table_name, column_name, is_nullable, data_type, udt_name
       from information_schema.columns where table_schema = 'public'
       order by table_name, ordinal_position`.execute(h.database.db);
    return rows.filter((r) => !BOOKKEEPING.has(r.table_name));
  }

  it("reads the schema types it compares (the parser itself works)", () => {
    expect(declared.get("organisation")?.get("trust_type")).toEqual({
      kinds: ["TrustType"],
      nullable: false,
    });
    expect(declared.get("trust_return")?.get("decided_at")).toEqual({ kinds: ["Date"], nullable: true });
    expect(declared.get("icb")?.get("valid_to")).toEqual({ kinds: ["string"], nullable: true });
    expect(declared.get("audit_log")?.get("id")).toEqual({ kinds: ["string"], nullable: false });
  });

  it("has the same tables in schema.ts as in the database", async () => {
    const inDatabase = new Set((await actualColumns()).map((r) => r.table_name));
    const missingFromTypes = [...inDatabase].filter((t) => !declared.has(t));
    const missingFromDatabase = [...declared.keys()].filter(
      (t) => !inDatabase.has(t) && !CREATED_ELSEWHERE[t],
    );
    expect({ missingFromTypes, missingFromDatabase }).toEqual({
      missingFromTypes: [],
      missingFromDatabase: [],
    });
  });

  it("has every column with the same nullability and a compatible type, both ways", async () => {
    const rows = await actualColumns();
    const problems: string[] = [];
    for (const r of rows) {
      const column = declared.get(r.table_name)?.get(r.column_name);
      const where = `${r.table_name}.${r.column_name}`;
      if (!column) {
        problems.push(`${where} (${r.data_type}) is in the database but not in schema.ts`);
        continue;
      }
      if (column.nullable !== (r.is_nullable === "YES"))
        problems.push(
          `${where} is ${r.is_nullable === "YES" ? "nullable" : "not null"} but schema.ts says otherwise`,
        );
      if (!compatible(r.data_type, r.udt_name, column.kinds))
        problems.push(`${where} is ${r.data_type} but schema.ts types it ${column.kinds.join(" | ")}`);
    }
    for (const [table, columns] of declared) {
      if (CREATED_ELSEWHERE[table]) continue;
      for (const name of columns.keys())
        if (!rows.some((r) => r.table_name === table && r.column_name === name))
          problems.push(`${table}.${name} is in schema.ts but not in the database`);
    }
    expect(problems).toEqual([]);
  });

  it("types every CHECK-listed column with the domain union of exactly those values", async () => {
    const { rows } = await sql<{ table: string; definition: string }>`
      select cl.relname as table, pg_get_constraintdef(c.oid) as definition
      from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid
      join pg_namespace n on n.oid = cl.relnamespace
      where c.contype = 'c' and n.nspname = 'public'`.execute(h.database.db);
    const problems: string[] = [];
    let lists = 0;
    for (const { table, definition } of rows) {
      const list = /\((\w+) = ANY \(ARRAY\[(.*?)\]\)\)/.exec(definition);
      if (!list) continue;
      lists++;
      const column = list[1]!;
      const values = [...list[2]!.matchAll(/'([^']*)'::/g)].map((m) => m[1]!).sort();
      const kinds = declared.get(table)?.get(column)?.kinds ?? [];
      const union = kinds.length === 1 ? TEXT_UNIONS[kinds[0]!] : undefined;
      if (!union)
        problems.push(`${table}.${column} is limited to ${values.join(", ")} but typed ${kinds.join(" | ")}`);
      else if (JSON.stringify([...union].sort()) !== JSON.stringify(values))
        problems.push(
          `${table}.${column} allows ${values.join(", ")}; ${kinds[0]} is ${[...union].sort().join(", ")}`,
        );
    }
    expect(lists).toBeGreaterThanOrEqual(10);
    expect(problems).toEqual([]);
  });
});
