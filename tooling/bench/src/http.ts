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

export async function trpcQuery(appUrl: string, procedure: string, input: unknown, cookie?: string) {
  const response = await fetch(`${appUrl}${trpcGetPath(procedure, input)}`, {
    headers: cookie ? { cookie } : {},
  });
  return { status: response.status, text: await response.text() };
}

export async function trpcMutation(appUrl: string, procedure: string, input: unknown, cookie: string) {
  const response = await fetch(`${appUrl}/trpc/${procedure}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: appUrl, cookie },
    body: trpcBody(input),
  });
  return { status: response.status, text: await response.text() };
}
