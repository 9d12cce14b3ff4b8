import { TRPCClientError } from "@trpc/client";

/** Codes whose message the server writes for people (AppError): shown as they are. */
const READABLE_CODES = new Set([
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "PRECONDITION_FAILED",
  "UNPROCESSABLE_CONTENT",
  "PAYLOAD_TOO_LARGE",
]);

export const NETWORK_PROBLEM =
  "Realise could not be reached, or its answer was cut off. Check your connection, then reload the page to try again.";
export const SERVER_PROBLEM =
  "Realise could not do this just now. Reload the page to try again in a minute; nothing you saved has been lost.";
export const BUSY_PROBLEM = "Too many requests in a short time. Wait a minute, then try again.";
export const UNAVAILABLE_PROBLEM =
  "Realise is unavailable for a moment (it may be restarting). Try again in a few minutes.";
export const PAGE_PROBLEM = "Part of this page could not be downloaded. Reload the page to try again.";

/**
 * A failure said in words a trust lead can act on. The server's own messages (bad input, no access, not
 * found, a conflict) are shown as written; a network failure, an answer that could not be read, or a fault
 * on the server never shows its raw text (parser messages, stack details), but what to do next.
 */
export function readableMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const code = (error.data as { code?: string } | undefined)?.code;
    if (code === "TOO_MANY_REQUESTS") return BUSY_PROBLEM;
    if (code === "SERVICE_UNAVAILABLE") return UNAVAILABLE_PROBLEM;
    if (code && READABLE_CODES.has(code)) return error.message;
    // No code: the request failed before a tRPC answer came back (offline, proxy page, cut-off body).
    return code ? SERVER_PROBLEM : NETWORK_PROBLEM;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/dynamically imported module|Importing a module script failed|ChunkLoadError/i.test(message))
    return PAGE_PROBLEM;
  if (/Failed to fetch|NetworkError|Load failed|JSON|Unexpected token/i.test(message)) return NETWORK_PROBLEM;
  return SERVER_PROBLEM;
}
