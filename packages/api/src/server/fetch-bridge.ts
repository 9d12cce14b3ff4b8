import type { IncomingMessage, ServerResponse } from "node:http";

/** Node request headers as Fetch Headers; the client address is set by us, never taken from the client. */
export function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined || key.startsWith(":") || key === "x-client-ip") continue;
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else headers.set(key, value);
  }
  headers.set("x-client-ip", req.socket.remoteAddress ?? "");
  return headers;
}

/** Read a request body, refusing it once it passes `limit` bytes (before any parsing). */
export async function readBody(
  req: IncomingMessage,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | "too_large"> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) return "too_large";
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return "too_large";
    chunks.push(chunk as Buffer);
  }
  const out = new Uint8Array(new ArrayBuffer(size));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

export async function toFetchRequest(
  req: IncomingMessage,
  origin: string,
  body?: Uint8Array<ArrayBuffer>,
): Promise<Request> {
  const method = req.method ?? "GET";
  return new Request(new URL(req.url ?? "/", origin), {
    method,
    headers: headersOf(req),
    body: method === "GET" || method === "HEAD" ? undefined : body ? new Blob([body]) : undefined,
  });
}

export async function sendFetchResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, key) => {
    if (key !== "set-cookie") res.setHeader(key, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  res.end(Buffer.from(await response.arrayBuffer()));
}
