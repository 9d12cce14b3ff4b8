import { TRPCClientError } from "@trpc/client";
import type { FieldErrors } from "react-hook-form";

/** The element id of a form field: its name with dots as dashes ("thresholds.l4.coveragePct" → "thresholds-l4-coveragePct"). */
export const fieldIdOf = (name: string) => name.replace(/\./g, "-");

/** One line of the error summary: the field's name (or null for a message about the whole form) and its message. */
export interface Problem {
  name: string | null;
  message: string;
}

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
  if (Object.keys(fields).length === 0 && general.length === 0)
    general.push(error instanceof Error ? error.message : String(error));
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

/**
 * The summary's lines in the order the fields appear on the page (`locate` finds a field's element;
 * fields not on the page follow, then the messages about the whole form).
 */
export function inPageOrder(
  fields: Record<string, string>,
  general: readonly string[],
  locate: (name: string) => Pick<Node, "compareDocumentPosition"> | null,
): Array<Problem & { linked: boolean }> {
  const placed = Object.entries(fields).map(([name, message]) => ({ name, message, at: locate(name) }));
  const onPage = placed.filter((p) => p.at !== null);
  onPage.sort((a, b) =>
    // DOCUMENT_POSITION_FOLLOWING (4): b comes after a.
    a.at && b.at ? (a.at.compareDocumentPosition(b.at as Node) & 4 ? -1 : 1) : 0,
  );
  return [
    ...onPage.map(({ name, message }) => ({ name, message, linked: true })),
    ...placed.filter((p) => p.at === null).map(({ name, message }) => ({ name, message, linked: false })),
    ...general.map((message) => ({ name: null, message, linked: false })),
  ];
}
