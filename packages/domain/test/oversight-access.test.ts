import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { access, decide, oversightBindingIssues, type Principal, ROLES } from "../src/index.js";

const viewer = (role: "icb_viewer" | "region_viewer"): Principal => ({
  userId: "u1",
  email: "lead@icb.test",
  name: "Lead",
  role,
  odsCode: null,
  ...(role === "icb_viewer" ? { icbCode: "S1Y5D" } : { region: "East of England" }),
});

describe("ICB and region viewers' access", () => {
  it("reads exactly the trusts in their scope, national views narrowed, and never writes", () => {
    const scope = ["RGT", "RGM"];
    fc.assert(
      fc.property(
        fc.constantFrom("icb_viewer" as const, "region_viewer" as const),
        fc.constantFrom("RGT", "RGM", "RR8", "RXT"),
        (role, odsCode) => {
          const p = viewer(role);
          expect(decide(access.trustRead, p, odsCode, scope)).toBe(
            scope.includes(odsCode) ? "allowed" : "FORBIDDEN",
          );
          expect(decide(access.trustRead, p, undefined, scope)).toBe("FORBIDDEN");
          expect(decide(access.trustWrite, p, odsCode, scope)).toBe("FORBIDDEN");
          expect(decide(access.trustSubmit, p, odsCode, scope)).toBe("FORBIDDEN");
          expect(decide(access.nationalRead, p, undefined, scope)).toBe("FORBIDDEN");
          expect(decide(access.nationalAdmin, p, undefined, scope)).toBe("FORBIDDEN");
          expect(decide(access.oversightRead, p, undefined, scope)).toBe("allowed");
        },
      ),
    );
  });

  it("leaves every other role's outcome as it was: the scope changes nothing for them", () => {
    for (const role of ROLES.filter((r) => r !== "icb_viewer" && r !== "region_viewer")) {
      const p: Principal = {
        userId: "u",
        email: "e@x.test",
        name: "n",
        role,
        odsCode: role.startsWith("trust_") ? "RGT" : null,
      };
      for (const rule of Object.values(access))
        for (const ods of ["RGT", "RR8"]) expect(decide(rule, p, ods, ["RR8"])).toBe(decide(rule, p, ods));
      expect(decide(access.oversightRead, p, undefined)).toBe(decide(access.nationalRead, p, undefined));
    }
  });

  it("binds an ICB viewer to an ICB and a region viewer to a region, and nobody else to either", () => {
    expect(oversightBindingIssues({ role: "icb_viewer", odsCode: null, icbCode: "S1Y5D" }, true)).toEqual([]);
    expect(oversightBindingIssues({ role: "icb_viewer", odsCode: null, icbCode: "S1Y5D" }, false)).toEqual([
      { path: ["icbCode"], message: "No ICB has the code S1Y5D" },
    ]);
    expect(
      oversightBindingIssues({ role: "region_viewer", odsCode: "RGT", region: "London" }, false),
    ).toEqual([
      {
        path: ["odsCode"],
        message: "An ICB or region viewer sees the trusts in their ICB or region; leave the trust empty",
      },
    ]);
    expect(
      oversightBindingIssues({ role: "national_admin", odsCode: null, region: "London" }, false)[0]?.path,
    ).toEqual(["region"]);
  });
});
