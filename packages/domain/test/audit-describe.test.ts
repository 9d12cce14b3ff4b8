import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AuditEntry, type AuditNames, describeAuditEntry } from "../src/index.js";

const names: AuditNames = {
  functionality: (code) => ({ F10: "ePMA", F01: "Patient administration" })[code],
  organisation: (ods) => ({ RAL: "Royal Free London" })[ods],
};

const record = (over: Record<string, unknown>) => ({
  odsCode: "RAL",
  functionalityCode: "F10",
  coveragePct: 80,
  usageNumerator: 62,
  usageDenominator: 100,
  paperRetired: false,
  plannedGoLive: null,
  claimedLevel: null,
  claimReason: null,
  evidence: [],
  notes: "",
  level: 3,
  derivedLevel: 3,
  validationState: "self_assessed",
  version: 4,
  updatedAt: "2026-11-30T10:00:00.000Z",
  ...over,
});

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  action: "adoption.update",
  entity: "adoption_record",
  entityKey: "RAL/F10",
  odsCode: "RAL",
  before: null,
  after: null,
  ...over,
});

describe("audit entries in words", () => {
  it("names the functionality and the measure that changed, old → new", () => {
    const d = describeAuditEntry(
      entry({ before: record({}), after: record({ usageNumerator: 75, version: 5 }) }),
      names,
    );
    expect(d.summary).toBe("Changed ePMA (F10) usage 62% → 75%");
    expect(d.trust).toBe("Royal Free London (RAL)");
    expect(d.changes).toEqual([{ field: "usage", before: "62%", after: "75%" }]);
  });

  it("writes levels by name and hides bookkeeping (version, timestamps)", () => {
    const d = describeAuditEntry(
      entry({ before: record({}), after: record({ level: 4, derivedLevel: 4, version: 9 }) }),
      names,
    );
    expect(d.summary).toBe("Changed ePMA (F10) level Adopted (L3) → Embedded (L4)");
  });

  it("describes return decisions with the period", () => {
    const d = describeAuditEntry(
      entry({
        action: "return.sendBack",
        entity: "trust_return",
        entityKey: "RAL/2026-27-Q2",
        before: { status: "submitted" },
        after: { status: "returned", comment: "Please attach evidence" },
      }),
      names,
    );
    expect(d.summary).toBe("Sent back the 2026-27 Q2 return");
    expect(d.changes).toContainEqual({ field: "status", before: "submitted", after: "returned" });
  });

  it("describes ICB membership changes with dated ICBs", () => {
    const d = describeAuditEntry(
      entry({
        action: "organisation.icb_memberships",
        entity: "organisation",
        entityKey: "RAL",
        before: [{ odsCode: "RAL", icbCode: "QMJ", validFrom: "2022-07-01", validTo: null }],
        after: [
          { odsCode: "RAL", icbCode: "QMJ", validFrom: "2022-07-01", validTo: "2026-03-31" },
          { odsCode: "RAL", icbCode: "QRV", validFrom: "2026-04-01", validTo: null },
        ],
      }),
      names,
    );
    expect(d.summary).toBe("Changed ICB membership");
    expect(d.changes[0]?.after).toBe("QMJ from 1 July 2022 to 31 March 2026; QRV from 1 April 2026");
  });

  it("describes account role changes by role name", () => {
    const d = describeAuditEntry(
      entry({
        action: "account.binding",
        entity: "user",
        entityKey: "0b5c3a86-52f7-4f8e-9a11-3c7d1e2f4a5b",
        odsCode: null,
        before: { role: "trust_editor", odsCode: "RAL" },
        after: { role: "national_analyst", odsCode: null },
      }),
      names,
    );
    expect(d.summary).toBe(
      "Changed the role of an account: role Trust editor → National analyst, trust Royal Free London (RAL) → none",
    );
  });

  it("never shows an action code, a table name or a record id, whatever the entry", () => {
    const actions = [
      "adoption.create",
      "adoption.update",
      "adoption.confirm_unchanged",
      "adoption.benefit_measured",
      "return.submit",
      "return.accept",
      "return.sendBack",
      "snapshot.freeze",
      "collection.open",
      "benefit.create",
      "benefit.update",
      "benefit.actual.import",
      "plan.create",
      "plan.remove",
      "organisation.epr",
      "organisation.icb_memberships",
      "peer_group_set.delete",
      "account.create",
      "account.disable",
      "framework.edit.addCriterion",
      "systemClient.revoke",
      "something_new.happened",
    ];
    const entities = [
      "adoption_record",
      "trust_return",
      "icb_memberships",
      "user",
      "benefit_line",
      "plan_item",
    ];
    const uuid = fc.uuid();
    const value = fc.oneof(fc.constant(null), fc.integer(), fc.boolean(), uuid, fc.constantFrom("live", "x"));
    const values = fc.option(
      fc.record({ id: uuid, status: value, level: value, coveragePct: value, name: value, title: value }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...actions),
        fc.constantFrom(...entities),
        uuid,
        values,
        values,
        (action, entity, key, before, after) => {
          const d = describeAuditEntry(
            { action, entity, entityKey: key, odsCode: null, before, after },
            names,
          );
          const text = [d.summary, ...d.changes.flatMap((c) => [c.field, c.before, c.after])].join(" | ");
          expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/i);
          expect(text).not.toContain(action);
          expect(text).not.toContain(entity);
          expect(text).not.toMatch(/sendBack|icb_memberships|_record|_line|_item/);
        },
      ),
    );
  });
});
