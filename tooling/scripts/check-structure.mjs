#!/usr/bin/env node
// Structure checks for the source trees (packages/*/src, apps/*/src), no dependencies:
//  (a) no file over MAX_LINES lines: a file that long holds more than one thing and should be split by what it
//      holds; data tables (the default framework) and migrations are exempt, being long by nature;
//  (b) no import circle among relative imports (type-only imports included: they tie the files together for a
//      reader just the same, and a later value import turns them into a load-order bug).
// Prints the offenders and exits 1 when there are any. `--root <dir>` checks another checkout.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const MAX_LINES = 450;
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs|css)$/;
const MODULE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
/** Long by nature, not by accretion. */
const EXEMPT = [/^packages\/domain\/src\/framework\/default\//, /\/src\/(.*\/)?migrations\//];

const rootArg = process.argv.indexOf("--root");
const root = resolve(
  rootArg > 0 ? process.argv[rootArg + 1] : join(dirname(fileURLToPath(import.meta.url)), "..", ".."),
);
const toPosix = (p) => p.split("\\").join("/");
const rel = (file) => toPosix(relative(root, file));

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

const trees = ["packages", "apps"].flatMap((group) => {
  const base = join(root, group);
  if (!existsSync(base)) return [];
  return readdirSync(base)
    .map((name) => join(base, name, "src"))
    .filter((src) => existsSync(src) && statSync(src).isDirectory());
});
const files = trees.flatMap((tree) => walk(tree)).sort();

// (a) long files
const lineCount = (text) => {
  if (text.length === 0) return 0;
  const lines = text.split("\n").length;
  return text.endsWith("\n") ? lines - 1 : lines;
};
const long = [];
for (const file of files) {
  if (EXEMPT.some((pattern) => pattern.test(rel(file)))) continue;
  const lines = lineCount(readFileSync(file, "utf8"));
  if (lines > MAX_LINES) long.push({ file: rel(file), lines });
}
long.sort((a, b) => b.lines - a.lines);

// (b) import circles among relative imports
const SPECIFIERS = [
  // import x from, import { a, type b } from, import type X from, import * as ns from, export { a } from, export * from
  /^\s*(?:import|export)\s+(?:type\s+)?[\w\s{},*$]*?\s*from\s*["']([^"']+)["']/gm,
  // side-effect imports
  /^\s*import\s*["']([^"']+)["']/gm,
  // dynamic imports
  /\bimport\(\s*["']([^"']+)["']\s*\)/g,
];

/** `./x.js` → x.ts / x.tsx / x.js…, `./x` → x.ts… or x/index.ts…; null when it is not a module of the tree. */
function resolveImport(from, specifier) {
  const target = resolve(dirname(from), specifier);
  const stem = target.replace(/\.(js|jsx|mjs|cjs)$/, "");
  const candidates = [
    ...["ts", "tsx", "mts", "cts"].map((ext) => `${stem}.${ext}`),
    target,
    ...["ts", "tsx", "js", "jsx"].map((ext) => join(target, `index.${ext}`)),
  ];
  for (const candidate of candidates) {
    if (MODULE.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const modules = files.filter((file) => MODULE.test(file));
const graph = new Map();
for (const file of modules) {
  const source = readFileSync(file, "utf8");
  const targets = new Set();
  for (const pattern of SPECIFIERS) {
    for (const match of source.matchAll(pattern)) {
      const specifier = match[1];
      if (!specifier.startsWith("./") && !specifier.startsWith("../")) continue;
      const target = resolveImport(file, specifier);
      if (target && target !== file) targets.add(target);
    }
  }
  graph.set(file, [...targets].filter((t) => graph.has(t) || modules.includes(t)).sort());
}

// Tarjan's strongly connected components: every component of more than one file is a circle.
const components = [];
{
  let index = 0;
  const indexOf = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const visit = (start) => {
    // Iterative, so a deep import chain cannot overflow the call stack.
    const work = [[start, 0]];
    indexOf.set(start, index);
    low.set(start, index++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [node, next] = frame;
      const edges = graph.get(node) ?? [];
      if (next < edges.length) {
        frame[1]++;
        const target = edges[next];
        if (!indexOf.has(target)) {
          indexOf.set(target, index);
          low.set(target, index++);
          stack.push(target);
          onStack.add(target);
          work.push([target, 0]);
        } else if (onStack.has(target)) {
          low.set(node, Math.min(low.get(node), indexOf.get(target)));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) === indexOf.get(node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        if (component.length > 1) components.push(component.sort());
      }
    }
  };
  for (const node of graph.keys()) if (!indexOf.has(node)) visit(node);
}

/** One concrete circle through a component, for the message: first → … → first. */
function circleThrough(component) {
  const members = new Set(component);
  const first = component[0];
  const previous = new Map([[first, null]]);
  const queue = [first];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const target of graph.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === first) {
        const path = [node];
        while (previous.get(path[0])) path.unshift(previous.get(path[0]));
        return [...path, first];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return component;
}

if (long.length > 0) {
  console.log(`Files over ${MAX_LINES} lines (split them by what they hold):`);
  for (const { file, lines } of long) console.log(`  ${file}: ${lines} lines`);
}
if (components.length > 0) {
  console.log("Import circles among relative imports (move what both sides need to a file of its own):");
  for (const component of components) console.log(`  ${circleThrough(component).map(rel).join(" → ")}`);
}
const problems = long.length + components.length;
console.log(
  problems === 0
    ? `Structure: ${files.length} files in ${trees.length} source trees, none over ${MAX_LINES} lines, no import circle.`
    : `Structure: ${long.length} file(s) over ${MAX_LINES} lines, ${components.length} import circle(s).`,
);
process.exit(problems === 0 ? 0 : 1);
