import { execFileSync } from "node:child_process";
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

/**
 * @realise/domain is a product for developers outside Realise: what they get is the packed tarball, installed
 * from the registry's way into a project of their own. So this packs the package, installs the tarball in a
 * scratch project in the OS temp folder (no workspace around it to lend files), compiles the README's worked
 * example as written against the installed types and runs it, and compares what it prints with the README.
 */

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const readme = readFileSync(join(packageDir, "README.md"), "utf8");

/** The first fenced block of `language` after `heading`. */
function fencedBlock(markdown: string, heading: string, language: string): string {
  const fence = "```";
  const section = markdown.slice(markdown.indexOf(heading));
  const match = new RegExp(`${fence}${language}\\n([\\s\\S]*?)${fence}`).exec(section);
  if (!match) throw new Error(`README has no ${language} block after "${heading}"`);
  return match[1]!;
}

/** The environment without what pnpm sets for its own scripts, so npm behaves as it does for anyone. */
function plainEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(npm_|pnpm_|PNPM_)/i.test(key) && key !== "NODE_OPTIONS",
    ),
  );
}

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, env: plainEnvironment(), encoding: "utf8", stdio: "pipe" });
}

describe("the packed @realise/domain in a project outside the workspace", () => {
  const scratch = mkdtempSync(join(tmpdir(), "realise-domain-pack-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("installs from its tarball and runs the README's worked example, printing what the README says", () => {
    const workspaceRoot = realpathSync(join(packageDir, "..", ".."));
    expect(relative(workspaceRoot, realpathSync(scratch)).startsWith("..")).toBe(true);

    // `pnpm pack` builds first (prepack) and writes the catalogue's real zod version into the manifest.
    const packed = join(scratch, "packed");
    mkdirSync(packed);
    run("pnpm", ["pack", "--pack-destination", packed], packageDir);
    const tarballs = readdirSync(packed).filter((f) => f.endsWith(".tgz"));
    expect(tarballs).toHaveLength(1);

    const project = join(scratch, "project");
    mkdirSync(project);
    writeFileSync(
      join(project, "package.json"),
      JSON.stringify({ name: "domain-consumer", private: true, type: "module" }, null, 2),
    );
    run(
      "npm",
      ["install", "--prefer-offline", "--no-audit", "--no-fund", join(packed, tarballs[0]!)],
      project,
    );
    const installed = join(project, "node_modules", "@realise", "domain");
    expect(lstatSync(installed).isSymbolicLink()).toBe(false);
    const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
    expect(manifest.dependencies.zod).not.toMatch(/catalog|workspace/);

    // The example as written, type-checked against the installed declarations with a consumer's strict settings.
    writeFileSync(join(project, "example.ts"), fencedBlock(readme, "## Worked example", "ts"));
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          types: [],
          outDir: "out",
        },
        files: ["example.ts"],
      }),
    );
    const tsc = join(packageDir, "node_modules", ".bin", "tsc");
    run(tsc, ["-p", join(project, "tsconfig.json")], project);

    const printed = run(process.execPath, [join(project, "out", "example.js")], project);
    expect(printed.trim()).toBe(fencedBlock(readme, "## Worked example", "text").trim());
  }, 180_000);
});
