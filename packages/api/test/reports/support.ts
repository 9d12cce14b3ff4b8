import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Download {
  status: number;
  type: string;
  body: Buffer;
  json: { error?: { message?: string } } | null;
}

/** A GET with an optional session cookie, the body kept as bytes (a PDF is not text). */
export function download(base: string, path: string, cookie?: string): Promise<Download> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: url.port,
        path: url.pathname + url.search,
        headers: cookie ? { cookie } : {},
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          const type = String(res.headers["content-type"] ?? "");
          resolve({
            status: res.statusCode ?? 0,
            type,
            body,
            json: type.includes("json") ? JSON.parse(body.toString("utf8")) : null,
          });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end();
  });
}

const scratch = mkdtempSync(join(tmpdir(), "realise-reports-"));

/** Write the PDF where poppler can read it; REPORTS_OUT keeps a copy (for the docs' page images). */
export function savePdf(name: string, bytes: Buffer): string {
  const file = join(scratch, name);
  writeFileSync(file, bytes);
  if (process.env.REPORTS_OUT) {
    mkdirSync(process.env.REPORTS_OUT, { recursive: true });
    writeFileSync(join(process.env.REPORTS_OUT, name), bytes);
  }
  return file;
}

/** The PDF's text in reading layout, as poppler's pdftotext extracts it. */
export const pdfText = (file: string) =>
  execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });

/** pdfinfo's fields: Title, Tagged, Pages, Page size… */
export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return Object.fromEntries(
    out
      .split("\n")
      .filter((l) => l.includes(":"))
      .map((l) => [l.slice(0, l.indexOf(":")).trim(), l.slice(l.indexOf(":") + 1).trim()]),
  );
}

/** The PDF's structure tree as pdfinfo prints it: one element type a line, indented by depth. */
export const pdfStructure = (file: string) =>
  execFileSync("pdfinfo", ["-struct", file], { encoding: "utf8" });
