import { TRPCClientError } from "@trpc/client";
import type { FieldErrors } from "react-hook-form";
import { readableMessage } from "../messages";

/** The element id of a form field: its name with dots as dashes ("thresholds.l4.coveragePct" → "thresholds-l4-coveragePct"). */
export const fieldIdOf = (name: string) => name.replace(/\./g, "-");

/** What the server sends with a CONFLICT: the record as it is now, and the fields that differ from yours. */
export interface Conflict<Current = Record<string, unknown>> {
  current: Current | null;
  changedFields: string[];
}

/** What a failed request means for a form. */
export interface ServerProblems {
  /** Messages for fields on the form, keyed by field name (first message per field, as on the server). */
  fields: Record<string, string>;
  /** Messages that name no field on the form (a refused state, a field the form does not show). */
  general: string[];
  /** Someone else saved first; null otherwise. */
  conflict: Conflict | null;
}

interface ErrorData {
  code?: string;
  fieldErrors?: Record<string, string> | null;
  conflict?: Conflict | null;
}

/**
 * Sorts a failed request into field messages, other messages and a conflict. `fieldOf` maps the
 * server's path ("values.coveragePct") to the form's field name, or undefined when the form has no
 * such field (its message is then listed without a link).
 */
export function serverProblemsOf(
  error: unknown,
  fieldOf: (path: string) => string | undefined,
): ServerProblems {
  const data = error instanceof TRPCClientError ? (error.data as ErrorData | undefined) : undefined;
  if (data?.code === "CONFLICT")
    return { fields: {}, general: [], conflict: data.conflict ?? { current: null, changedFields: [] } };
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const [path, message] of Object.entries(data?.fieldErrors ?? {})) {
    const name = fieldOf(path);
    if (name === undefined) general.push(message);
    else fields[name] ??= message;
  }
  if (Object.keys(fields).length === 0 && general.length === 0) general.push(readableMessage(error));
  return { fields, general, conflict: null };
}

/** The server's path with the input's own prefix removed: `stripPrefix("values")("values.notes")` is "notes". */
export const stripPrefix =
  (prefix: string) =>
  (path: string): string | undefined => {
    if (prefix === "") return path;
    return path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : undefined;
  };

/** react-hook-form's nested errors as field name → message, the first message of each field. */
export function flattenErrors(errors: FieldErrors, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, node] of Object.entries(errors)) {
    if (!node || typeof node !== "object") continue;
    // An array's own message (e.g. "At most 20 links") sits under `root`; it belongs to the array's name.
    const name = key === "root" && prefix ? prefix.slice(0, -1) : `${prefix}${key}`;
    const message = (node as { message?: unknown }).message;
    if (typeof message === "string" && "type" in node) out[name] ??= message;
    else
      for (const [inner, text] of Object.entries(flattenErrors(node as FieldErrors, `${name}.`)))
        out[inner] ??= text;
  }
  return out;
}

/** A field's element as the summary needs it: where it is on the page, and its id to link to. */
export type Located = Pick<Node, "compareDocumentPosition"> & { id: string };

/** One line of the summary: its message and the id of the element it links to (null: not linked). */
export interface SummaryLine {
  key: string;
  message: string;
  href: string | null;
}

/**
 * The summary's lines in the order the fields appear on the page. A message about a part of a field
 * without its own element ("trajectory.0.date" in a one-box trajectory) links to the nearest field
 * that holds it. Fields not on the page follow, then the messages about the whole form.
 */
export function inPageOrder(
  fields: Record<string, string>,
  general: readonly string[],
  locate: (name: string) => Located | null,
): SummaryLine[] {
  const find = (name: string): Located | null => {
    const parts = name.split(".");
    for (let n = parts.length; n > 0; n--) {
      const at = locate(parts.slice(0, n).join("."));
      if (at) return at;
    }
    return null;
  };
  const placed = Object.entries(fields).map(([name, message]) => ({ name, message, at: find(name) }));
  const onPage = placed.filter((p) => p.at !== null);
  // DOCUMENT_POSITION_FOLLOWING (4): b comes after a. Array sort is stable, so parts of one field keep their order.
  onPage.sort((a, b) =>
    a.at === b.at ? 0 : (a.at?.compareDocumentPosition(b.at as unknown as Node) ?? 0) & 4 ? -1 : 1,
  );
  return [
    ...onPage.map(({ name, message, at }) => ({ key: name, message, href: at?.id ?? null })),
    ...placed.filter((p) => p.at === null).map(({ name, message }) => ({ key: name, message, href: null })),
    ...general.map((message, i) => ({ key: `general-${i}`, message, href: null })),
  ];
}
