import { TRPCClientError } from "@trpc/client";
import { fieldErrorsOf } from "../trpc";

/** Error messages keyed by the element id of the field they belong to. */
export type FieldMessages = Record<string, string>;

/** Maps a schema path ("baseline.value") to the id of its field; undefined leaves the message out. */
export type FieldIdOf = (path: string) => string | undefined;

const samePath: FieldIdOf = (path) => path;

/** What a failed request means for a form. */
export interface FormErrors {
  fields: FieldMessages;
  /** The error's own message when it names no field on the form. */
  message: string | null;
  /** Someone else saved first (the version read is stale). */
  conflict: boolean;
}

export const NO_FORM_ERRORS: FormErrors = { fields: {}, message: null, conflict: false };

function addFirst(into: FieldMessages, id: string | undefined, message: string) {
  // The first message for a field is the one the summary shows, as on the server.
  if (id !== undefined && !(id in into)) into[id] = message;
}

/** Field messages from a tRPC error (via `fieldErrorsOf`), a conflict, or the plain message. */
export function formErrorsOf(error: unknown, idOf: FieldIdOf = samePath): FormErrors {
  const fields: FieldMessages = {};
  for (const [path, message] of Object.entries(fieldErrorsOf(error))) addFirst(fields, idOf(path), message);
  const code =
    error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined;
  return {
    fields,
    message: Object.keys(fields).length > 0 ? null : error instanceof Error ? error.message : String(error),
    conflict: code === "CONFLICT",
  };
}

/** Field messages from a schema checked in the browser, with the same paths the server would name. */
export function issueMessagesOf(
  issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>,
  idOf: FieldIdOf = samePath,
): FieldMessages {
  const fields: FieldMessages = {};
  for (const issue of issues) addFirst(fields, idOf(issue.path.map(String).join(".")), issue.message);
  return fields;
}
