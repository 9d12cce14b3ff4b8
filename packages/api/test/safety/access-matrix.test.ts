import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { describe, expect, it } from "vitest";
import { type access, decide, type Principal, ROLES, type Role } from "@realise/domain";
import { engines, useHarness } from "../support/harness.js";
import { callByPath, procedures, SAMPLES } from "./samples.js";

type Outcome = "allowed" | "UNAUTHORIZED" | "FORBIDDEN";

/**
 * The documented outcome of each named rule, written out independently of `decide` (which the server
 * uses), so a mistake in either shows up as a disagreement.
 */
const DOCUMENTED: Record<keyof typeof access, (role: Role | null, ownTrust: boolean) => Outcome> = {
  public: () => "allowed",
  signedIn: (role) => (role ? "allowed" : "UNAUTHORIZED"),
  // "own" for an ICB or region viewer: the trust is in their ICB or region today.
  trustRead: (role, own) =>
    !role ? "UNAUTHORIZED" : role.startsWith("national_") || own ? "allowed" : "FORBIDDEN",
  trustWrite: (role, own) =>
    !role
      ? "UNAUTHORIZED"
      : (role === "trust_editor" || role === "trust_approver") && own
        ? "allowed"
        : "FORBIDDEN",
  trustSubmit: (role, own) =>
    !role ? "UNAUTHORIZED" : role === "trust_approver" && own ? "allowed" : "FORBIDDEN",
  trustTeam: (role, own) =>
    !role
      ? "UNAUTHORIZED"
      : role === "national_admin" || (role === "trust_approver" && own)
        ? "allowed"
        : "FORBIDDEN",
  nationalRead: (role) =>
    !role
      ? "UNAUTHORIZED"
      : role === "national_admin" || role === "national_analyst"
        ? "allowed"
        : "FORBIDDEN",
  nationalAdmin: (role) => (!role ? "UNAUTHORIZED" : role === "national_admin" ? "allowed" : "FORBIDDEN"),
  oversightRead: (role) =>
    !role
      ? "UNAUTHORIZED"
      : role.startsWith("national_") || role === "icb_viewer" || role === "region_viewer"
        ? "allowed"
        : "FORBIDDEN",
};

const DEMO_EMAIL: Record<Role, string> = {
  trust_viewer: "viewer.rgt@demo.realise",
  trust_editor: "editor.rgt@demo.realise",
  trust_approver: "approver.rgt@demo.realise",
  national_admin: "admin@demo.realise",
  national_analyst: "analyst@demo.realise",
  icb_viewer: "icb@demo.realise",
  region_viewer: "region@demo.realise",
};
/** RGT is in NHS Central East ICB and the East of England (the demo ICB and region viewers'); RR8 in neither. */
const OWN = "RGT";
const OTHER = "RR8";

async function outcomeOf(call: () => Promise<unknown>): Promise<{ outcome: Outcome; code: string }> {
  try {
    await call();
    return { outcome: "allowed", code: "OK" };
  } catch (error) {
    if (!(error instanceof TRPCError)) return { outcome: "allowed", code: `THROWN ${String(error)}` };
    if (error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN")
      return { outcome: error.code, code: error.code };
    // A sample the input schema refuses tests nothing beyond access: the sample needs fixing.
    if (error.cause instanceof ZodError)
      return { outcome: "allowed", code: `BAD_REQUEST (input: ${error.message})` };
    return { outcome: "allowed", code: error.code };
  }
}

export const accessCounts = { checks: 0, procedures: 0 };

describe("every procedure declares a named access rule and has a sample input", () => {
  const all = procedures();

  it("enumerates the router", () => {
    expect(all.length).toBeGreaterThan(10);
  });

  it.each(all.map((p) => [p.path, p] as const))("%s declares its access in access.ts", (_path, p) => {
    expect(p.access, `${p.path} has no meta.access: build it with procedure(access.X)`).toBeDefined();
    expect(
      p.ruleName,
      `${p.path} uses an access rule that is not one of the named rules in access.ts`,
    ).toBeDefined();
  });

  it.each(all.map((p) => [p.path] as const))("%s has a sample input in test/safety/samples.ts", (path) => {
    expect(SAMPLES[path], `add a sample input for ${path} to test/safety/samples.ts`).toBeTypeOf("function");
  });

  it("has no samples for procedures that no longer exist", () => {
    const paths = new Set(all.map((p) => p.path));
    expect(Object.keys(SAMPLES).filter((k) => !paths.has(k))).toEqual([]);
  });
});

describe.each(engines)("access matrix on %s", (engine) => {
  const h = useHarness(engine);

  it("gives every procedure × role × own trust / other trust / no session its documented outcome", async () => {
    const principals: Array<{ label: string; principal: Principal | null; target: string; own: boolean }> = [
      { label: "no session", principal: null, target: OWN, own: false },
    ];
    for (const role of ROLES) {
      const principal = await h.principal(DEMO_EMAIL[role]);
      expect(principal.role).toBe(role);
      principals.push({ label: `${role} own trust`, principal, target: OWN, own: true });
      principals.push({ label: `${role} other trust`, principal, target: OTHER, own: false });
    }

    const failures: string[] = [];
    const calls = new Map<string, { outcome: Outcome; code: string }>();
    let checks = 0;
    const list = procedures();
    // Queries first, so reads see the seeded state; mutations last, national ones after trust ones.
    const ordered = [...list].sort((a, b) => Number(a.type === "mutation") - Number(b.type === "mutation"));
    for (const p of ordered) {
      const sample = SAMPLES[p.path];
      if (!sample || !p.ruleName || !p.access) continue; // reported by the tests above
      for (const c of principals) {
        const role = c.principal?.role ?? null;
        // National roles have no own trust: "own" and "other" are both just a trust to them. An ICB or
        // region viewer's "own" trust is one in their scope.
        const own = c.own && role !== null && !role.startsWith("national_");
        const documented = DOCUMENTED[p.ruleName](role, own);
        const decided = decide(p.access, c.principal, c.target, [OWN]);
        if (decided !== documented) {
          failures.push(`${p.path} as ${c.label}: decide() says ${decided}, documented ${documented}`);
        }
        // The same principal with the same input (national procedures ignore the trust) is one call.
        const input = sample(c.target);
        const key = `${p.path}|${c.principal?.userId ?? "-"}|${JSON.stringify(input)}`;
        let result = calls.get(key);
        if (!result) {
          result = await outcomeOf(() => callByPath(h.as(c.principal), p.path, input));
          calls.set(key, result);
        }
        const { outcome, code } = result;
        checks++;
        if (outcome !== documented) {
          failures.push(`${p.path} as ${c.label}: got ${code}, documented ${documented}`);
        } else if (
          outcome === "allowed" &&
          (code.startsWith("BAD_REQUEST (input") ||
            code === "INTERNAL_SERVER_ERROR" ||
            code.startsWith("THROWN"))
        ) {
          failures.push(`${p.path} as ${c.label}: allowed but answered ${code} (fix its sample input)`);
        }
      }
    }
    accessCounts.checks = checks;
    accessCounts.procedures = list.length;
    console.info(
      `[safety] access matrix on ${engine}: ${list.length} procedures × ${principals.length} principal cases = ${checks} checks (${calls.size} distinct calls)`,
    );
    expect(failures).toEqual([]);
    expect(checks).toBe(list.filter((p) => SAMPLES[p.path]).length * principals.length);
  });
});

describe("open data (/api/v1) is public and read-only for everyone", () => {
  const h = useHarness("pglite");

  it("answers every documented route the same with any session or none, and refuses writes", async () => {
    const { startServer, request, signIn } = await import("./http.js");
    const { databaseDigest } = await import("@realise/db");
    const server = await startServer(h.database);
    try {
      const doc = (await request(server.url, "/api/v1/openapi.json")).json as {
        paths: Record<string, object>;
      };
      const paths = Object.keys(doc.paths);
      expect(paths.length).toBeGreaterThan(3);
      const cookies: Array<[string, string | undefined]> = [["no session", undefined]];
      for (const role of ROLES) cookies.push([role, (await signIn(server.url, DEMO_EMAIL[role])).cookie]);
      const before = await databaseDigest(h.database.db, { exclude: ["session"] });
      let checks = 0;
      for (const template of paths) {
        const path = `/api/v1${template.replace("{period}", encodeURIComponent("2024/25 Q4")).replace("{odsCode}", OWN)}`;
        const statuses = new Set<number>();
        for (const [who, cookie] of cookies) {
          const headers: Record<string, string> = cookie ? { cookie } : {};
          const get = await request(server.url, path, { headers });
          expect(get.status, `GET ${path} as ${who}`).not.toBe(401);
          expect(get.status, `GET ${path} as ${who}`).not.toBe(403);
          expect(get.status, `GET ${path} as ${who}`).toBeLessThan(500);
          statuses.add(get.status);
          for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
            const write = await request(server.url, path, {
              method,
              headers: { ...headers, origin: server.url, "content-type": "application/json" },
              body: "{}",
            });
            expect(write.status, `${method} ${path} as ${who}`).toBeGreaterThanOrEqual(400);
            expect(write.status, `${method} ${path} as ${who}`).toBeLessThan(500);
          }
          checks += 5;
        }
        // A session changes nothing about open data.
        expect([...statuses], path).toHaveLength(1);
      }
      expect(await databaseDigest(h.database.db, { exclude: ["session"] })).toEqual(before);
      console.info(
        `[safety] open data: ${paths.length} routes × ${cookies.length} principals × 5 methods = ${checks} checks`,
      );
    } finally {
      await server.close();
    }
  });
});
