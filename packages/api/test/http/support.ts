import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";

/** A built app with a fingerprinted asset and its .br/.gz twins, as Vite and the compression plugin make. */
export function builtApp(): { dir: string; asset: string; assetBody: string } {
  const dir = mkdtempSync(join(tmpdir(), "realise-app-"));
  mkdirSync(join(dir, "assets"));
  const assetBody = `export const realise = ${JSON.stringify("x".repeat(20_000))};\n`;
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>Realise</title><div id=root></div>");
  writeFileSync(join(dir, "assets", "app-Ab12Cd34.js"), assetBody);
  writeFileSync(join(dir, "assets", "app-Ab12Cd34.js.br"), brotliCompressSync(assetBody));
  writeFileSync(join(dir, "assets", "app-Ab12Cd34.js.gz"), gzipSync(assetBody));
  return { dir, asset: "/assets/app-Ab12Cd34.js", assetBody };
}

export interface RawAnswer {
  /** 0 when nothing parseable came back before the socket closed or the time ran out. */
  status: number;
  head: string;
  ms: number;
  timedOut: boolean;
}

/**
 * Send bytes exactly as given over a fresh socket (fetch and http.request normalise or refuse what the
 * fuzz wants to send) and read the status line of the answer.
 */
export function rawRequest(port: number, bytes: Buffer | string, timeoutMs = 5_000): Promise<RawAnswer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (timedOut: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString("latin1");
      const head = text.split("\r\n\r\n")[0] ?? "";
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, head, ms: performance.now() - started, timedOut });
    };
    const timer = setTimeout(() => finish(true), timeoutMs);
    socket.on("data", (c: Buffer) => {
      chunks.push(c);
      // The status line and headers are all the fuzz needs: stop once they are in.
      if (Buffer.concat(chunks).includes("\r\n\r\n")) finish(false);
    });
    socket.on("error", () => finish(false));
    socket.on("close", () => finish(false));
    socket.write(bytes);
  });
}

/** Header value from a raw answer's head. */
export function headerOf(head: string, name: string): string | undefined {
  const line = head.split("\r\n").find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(line.indexOf(":") + 1).trim();
}
