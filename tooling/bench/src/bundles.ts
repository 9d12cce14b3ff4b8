import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/**
 * Gzip size of the JavaScript an app's index.html loads up front (entry scripts and module preloads),
 * measured on the build output; null when the app is not built.
 */
export function initialJsGzipBytes(distDir: string): number | null {
  const index = join(distDir, "index.html");
  if (!existsSync(index)) return null;
  const html = readFileSync(index, "utf8");
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)) refs.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)) refs.add(m[1]!);
  let total = 0;
  for (const ref of refs) {
    // Built with a base of / or /admin/: the file sits under dist at the path after the base.
    const relative = ref.replace(/^\/(admin\/)?/, "");
    const file = join(distDir, relative);
    if (!existsSync(file)) continue;
    total += gzipSync(readFileSync(file), { level: 9 }).length;
  }
  return total;
}

export function bundleSizes(repoRoot: string) {
  return {
    web: initialJsGzipBytes(join(repoRoot, "apps/web/dist")),
    admin: initialJsGzipBytes(join(repoRoot, "apps/admin/dist")),
  };
}
