import { get as httpGet } from "node:http";

/** tRPC over HTTP as the apps speak it: GET with a superjson-wrapped input, POST for mutations. */
export function trpcGetPath(procedure: string, input: unknown): string {
  return input === undefined
    ? `/trpc/${procedure}`
    : `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
}

export const trpcBody = (input: unknown) => JSON.stringify({ json: input });

/** Sign in through better-auth's endpoint and return the Cookie header that carries the session. */
export async function signIn(appUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${appUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: appUrl },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok)
    throw new Error(`Sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]);
  if (cookies.length === 0) throw new Error(`Sign-in as ${email} set no cookie`);
  return cookies.join("; ");
}

/** One GET of a path (a tRPC query's or a plain route's), with the caller's cookie if any. */
export async function getText(appUrl: string, path: string, cookie?: string) {
  const response = await fetch(`${appUrl}${path}`, { headers: cookie ? { cookie } : {} });
  return { status: response.status, text: await response.text() };
}

export const trpcQuery = (appUrl: string, procedure: string, input: unknown, cookie?: string) =>
  getText(appUrl, trpcGetPath(procedure, input), cookie);

export async function trpcMutation(appUrl: string, procedure: string, input: unknown, cookie: string) {
  const response = await fetch(`${appUrl}/trpc/${procedure}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: appUrl, cookie },
    body: trpcBody(input),
  });
  return { status: response.status, text: await response.text() };
}

/**
 * Bytes on the wire of one answer's body, as a browser asking for `gzip, br` receives it: node:http
 * does not decompress, so this counts what came over the socket (content-length when sent, else the
 * chunks as they arrived, without the chunked framing or the headers).
 */
export function wireBytes(
  appUrl: string,
  path: string,
  cookie?: string,
): Promise<{ status: number; bytes: number; encoding: string | null }> {
  return new Promise((resolve, reject) => {
    const request = httpGet(
      `${appUrl}${path}`,
      { headers: { "accept-encoding": "gzip, br", ...(cookie ? { cookie } : {}) } },
      (response) => {
        let bytes = 0;
        response.on("data", (chunk: Buffer) => {
          bytes += chunk.length;
        });
        response.on("end", () => {
          const declared = Number(response.headers["content-length"]);
          resolve({
            status: response.statusCode ?? 0,
            bytes:
              Number.isFinite(declared) && response.headers["content-length"] !== undefined
                ? declared
                : bytes,
            encoding: response.headers["content-encoding"] ?? null,
          });
        });
        response.on("error", reject);
      },
    );
    request.on("error", reject);
  });
}
