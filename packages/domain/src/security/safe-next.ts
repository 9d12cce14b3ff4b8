/** Stand-in origin for resolving a path; any path that resolves elsewhere leaves our origin. */
const HERE = "https://realise.invalid";

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

/**
 * Where to go after signing in, from a `next=` value: a path on this origin, or null (then the dashboard).
 * Browsers forgive a lot in a URL: they drop tabs and newlines, read `\` as `/`, and `//host` or `/\host`
 * as another host; so the value is decoded (repeatedly, since it may be encoded twice) and every layer must
 * be a plain same-origin path: starting with one `/`, no second `/` or `\` after it, no backslash or
 * control character anywhere, not a scheme such as `javascript:`, and resolving to this origin.
 * The answer is the path as the URL parser normalises it (dot segments resolved).
 */
export function safeNextPath(next: string | null | undefined): string | null {
  if (typeof next !== "string" || next === "" || next.length > 2000) return null;
  let layer = next;
  for (let depth = 0; depth < 5; depth++) {
    if (!layer.startsWith("/") || layer.startsWith("//") || UNSAFE.test(layer)) return null;
    let decoded: string;
    try {
      decoded = decodeURIComponent(layer);
    } catch {
      return null;
    }
    if (decoded === layer) break;
    layer = decoded;
    if (depth === 4) return null;
  }
  let url: URL;
  try {
    url = new URL(next, HERE);
  } catch {
    return null;
  }
  if (url.origin !== HERE) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (
    path.startsWith("//") ||
    path === "/sign-in" ||
    path.startsWith("/sign-in?") ||
    path.startsWith("/sign-in/")
  )
    return null;
  return path;
}
