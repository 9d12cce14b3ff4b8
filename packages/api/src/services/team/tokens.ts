import { createHash, randomBytes } from "node:crypto";

/** A one-time link's secret: 256 random bits, URL-safe. Only its hash is stored. */
export const newToken = (): string => randomBytes(32).toString("base64url");

/** What is stored for a token: its SHA-256, so a copy of the database opens no account. */
export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

/** Where links in emails point when the caller does not say: the configured public address. */
export const appUrlOr = (appUrl?: string): string =>
  (appUrl ?? process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
