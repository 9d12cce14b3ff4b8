import type { BrowserContext, Page } from "@playwright/test";
import { seriousAxeFindings } from "./browser.js";
import { expect } from "./fixtures.js";

/** The NHS financial quarter today falls in, e.g. "2026/27 Q3". */
export function currentQuarter(today = new Date()) {
  const m = today.getUTCMonth() + 1;
  const y = m >= 4 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  const q = Math.floor(((m + 8) % 12) / 3) + 1;
  return `${y}/${String((y + 1) % 100).padStart(2, "0")} Q${q}`;
}

/** The quarter `by` quarters after (or before, when negative) a quarter such as "2026/27 Q3". */
export function shiftQuarter(quarter: string, by: number) {
  const [, y, q] = /^(\d{4})\/\d{2} Q([1-4])$/.exec(quarter)!;
  const index = Number(y) * 4 + Number(q) - 1 + by;
  const year = Math.floor(index / 4);
  return `${year}/${String((year + 1) % 100).padStart(2, "0")} Q${(index % 4) + 1}`;
}

/** A quarter's first and last days, "YYYY-MM-DD" (Q1 is April to June; Q4 ends in March). */
export function quarterRange(quarter: string) {
  const [, y, q] = /^(\d{4})\/\d{2} Q([1-4])$/.exec(quarter)!;
  const first = (Number(q) * 3) % 12; // the month before the quarter, 0-based: Q1 → 3 (April)
  const year = Number(q) === 4 ? Number(y) + 1 : Number(y);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return {
    start: iso(new Date(Date.UTC(year, first, 1))),
    end: iso(new Date(Date.UTC(year, first + 3, 0))),
  };
}

/** Sign a browser context in as a demo account (the session cookie then rides every request). */
export async function signInAs(context: BrowserContext, baseUrl: string, email: string) {
  const res = await context.request.post(`${baseUrl}/api/auth/sign-in/email`, {
    data: { email, password: "realise-demo" },
    headers: { origin: baseUrl },
  });
  expect(res.status()).toBe(200);
}

/** Call a tRPC mutation over HTTP as the context's signed-in user (superjson wire format). */
export async function mutate<T>(
  context: BrowserContext,
  baseUrl: string,
  path: string,
  input: unknown,
): Promise<T> {
  const res = await context.request.post(`${baseUrl}/trpc/${path}`, {
    data: { json: input },
    headers: { origin: baseUrl },
  });
  const body = await res.json();
  if (!res.ok()) throw new Error(`${path}: ${JSON.stringify(body)}`);
  return body.result.data.json as T;
}

/** Call a tRPC query over HTTP as the context's signed-in user. */
export async function query<T>(
  context: BrowserContext,
  baseUrl: string,
  path: string,
  input: unknown,
): Promise<T> {
  const res = await context.request.get(
    `${baseUrl}/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
  );
  const body = await res.json();
  if (!res.ok()) throw new Error(`${path}: ${JSON.stringify(body)}`);
  return body.result.data.json as T;
}

/** Nothing serious or critical by axe on the page as it is now. */
export async function axeClean(page: Page) {
  expect(await seriousAxeFindings(page)).toEqual([]);
}
