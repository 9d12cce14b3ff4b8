import type { RouterOutputs } from "@realise/api";
import { LoadError, Loading } from "@realise/ui";
import type { ReactElement } from "react";
import { useVersion } from "../useVersion";

type Version = RouterOutputs["frameworks"]["get"];

/**
 * The route's framework version and the one item of it a page edits, or the page to show instead:
 * loading, a load error, a missing item, or a version that is no longer a draft.
 */
export function useDraftItem<T>({
  what,
  find,
  missing,
}: {
  /** For the loading message, e.g. "the criterion". */
  what: string;
  /** The item, `undefined` when the version has none (`null` may stand for a new one). */
  find: (document: Version["document"]) => T | undefined;
  /** Completes "Version 3 has no …". */
  missing: string;
}):
  | { view: ReactElement; draft?: never }
  | { view?: never; draft: { version: number; rowVersion: number; document: Version["document"]; item: T } } {
  const { version, valid, query } = useVersion();
  if (!valid) return { view: <LoadError error={{ message: "Version must be a whole number" }} /> };
  if (query.isPending) return { view: <Loading what={what} /> };
  if (query.error) return { view: <LoadError error={query.error} /> };
  const item = find(query.data.document);
  if (item === undefined)
    return { view: <LoadError error={{ message: `Version ${version} has no ${missing}` }} /> };
  if (query.data.status !== "draft")
    return {
      view: (
        <LoadError
          error={{ message: `Version ${version} is ${query.data.status}; only a draft can be edited` }}
        />
      ),
    };
  return { draft: { version, rowVersion: query.data.rowVersion, document: query.data.document, item } };
}
