import { defaultFramework } from "@realise/domain";
import type { Access } from "@realise/domain";
import { access } from "@realise/domain";
import { appRouter } from "../../src/router.js";

/**
 * One valid input per procedure, for the trust the call is about. The access matrix calls every procedure
 * with it, and the fuzzer breaks it field by field. A new procedure needs one line here: the tests fail,
 * naming it, until it has one. Give values that are not null where a field can hold one, so the fuzzer
 * has something to break.
 */
const benefitLine = {
  benefitTypeCode: "B01",
  title: "Fewer medication errors on wards",
  benefitClass: "quantitative_non_monetised",
  isDisbenefit: false,
  owner: "Chief pharmacist",
  metric: "Medication errors per 1,000 administrations",
  unit: "errors per 1,000 administrations",
  direction: "decrease",
  baseline: { value: 12, date: "2024-04-01", source: "Datix" },
  target: { value: 6, date: "2026-03-31" },
  trajectory: [{ date: "2025-03-31", value: 9 }],
  confidence: "medium",
  status: "in_progress",
  enablingFunctionalities: ["F13"],
  fullYearValueGbp: 1000,
  attributionPct: 80,
  doubleCountGroup: "medicines",
  evidence: "Audit of Datix reports",
};
const framework = defaultFramework;
const draft = { version: 1, expectedRowVersion: 1 };

export const SAMPLES: Record<string, (odsCode: string) => unknown> = {
  "adoption.forOrganisation": (odsCode) => ({ odsCode }),
  "adoption.update": (odsCode) => ({
    odsCode,
    functionalityCode: "F01",
    expectedVersion: 1,
    values: {
      coveragePct: 50,
      usageNumerator: 5,
      usageDenominator: 10,
      measurementWindowStart: "2025-01-01",
      measurementWindowEnd: "2025-03-31",
      paperRetired: false,
      plannedGoLive: "2024-06-01",
      claimedLevel: null,
      claimReason: "Measured by the EPR team",
      evidence: [{ label: "Usage report", url: "https://example.org/report" }],
      notes: "Sample notes",
    },
  }),
  "adoption.confirmTier": (odsCode) => ({ odsCode, tier: 1 }),
  "adoption.history": (odsCode) => ({ odsCode, functionalityCode: "F01" }),
  "adoption.recentChanges": (odsCode) => ({ odsCode, limit: 5 }),
  "adoption.officialTrend": (odsCode) => ({ odsCode }),
  "framework.current": () => undefined,
  "organisations.list": () => ({ trustType: "acute", search: "Guy" }),
  "organisations.byOdsCode": (odsCode) => ({ odsCode }),
  "organisations.referenceLists": () => ({ asOf: "2025-06-01" }),
  "registry.summary": () => undefined,
  "session.me": () => undefined,
  "returns.forOrganisation": (odsCode) => ({ odsCode }),
  "returns.submit": (odsCode) => ({ odsCode, period: "2024/25 Q4" }),
  "returns.queue": () => ({ period: "2024/25 Q4", status: "submitted" }),
  "returns.detail": (odsCode) => ({ odsCode, period: "2024/25 Q4" }),
  "returns.accept": (odsCode) => ({ odsCode, period: "2024/25 Q4", comment: "Fine", expectedVersion: 1 }),
  "returns.sendBack": (odsCode) => ({
    odsCode,
    period: "2024/25 Q4",
    comment: "Fix F01",
    expectedVersion: 1,
  }),
  "returns.unlock": (odsCode) => ({ odsCode, period: "2024/25 Q4", comment: "Reopened", expectedVersion: 1 }),
  "returns.withdraw": (odsCode) => ({ odsCode, period: "2024/25 Q4", expectedVersion: 1 }),
  "returns.checklist": (odsCode) => ({ odsCode, period: "2024/25 Q4" }),
  "national.overview": () => ({ asOf: "2025-06-01" }),
  "national.heatmap": () => ({ tier: 2 }),
  "national.trends": () => ({}),
  "national.comparePeriods": () => ({ from: "2025/26 Q1", to: "2025/26 Q2" }),
  "audit.search": (odsCode) => ({ odsCode, action: "adoption", from: "2024-01-01", pageSize: 10 }),
  "collections.list": () => undefined,
  "audit.chainStatus": () => undefined,
  "security.events": () => ({ limit: 50 }),
  "collections.status": () => ({ period: "2024/25 Q4" }),
  "collections.open": () => ({ period: "2026/27 Q4", opensOn: "2027-01-01", dueOn: "2027-04-30" }),
  "snapshots.list": () => undefined,
  "snapshots.preview": () => ({ period: "2024/25 Q4" }),
  "snapshots.detail": () => ({ period: "2024/25 Q4" }),
  "snapshots.freeze": () => ({ period: "2024/25 Q3" }),
  "returns.periods": () => undefined,
  "systemClients.create": (odsCode) => ({ odsCode, name: "EPR nightly feed" }),
  "systemClients.list": (odsCode) => ({ odsCode }),
  "systemClients.revoke": (odsCode) => ({ odsCode, clientId: "rsc_000000000000000000000000" }),
  "systemClients.pause": (odsCode) => ({ odsCode, clientId: "rsc_000000000000000000000000" }),
  "systemClients.resume": (odsCode) => ({ odsCode, clientId: "rsc_000000000000000000000000" }),
  "returns.compare": (odsCode) => ({ odsCode, period: "2024/25 Q4" }),
  "benefits.list": (odsCode) => ({ odsCode }),
  "benefits.get": (odsCode) => ({ odsCode, id: "no-such-line" }),
  "benefits.create": (odsCode) => ({ odsCode, line: benefitLine }),
  "benefits.update": (odsCode) => ({ odsCode, id: "no-such-line", expectedVersion: 1, line: benefitLine }),
  "benefits.recordActual": (odsCode) => ({
    odsCode,
    id: "no-such-line",
    expectedVersion: 1,
    period: "2024/25 Q4",
    value: 8,
    source: "Datix",
  }),
  "benefits.previewImport": (odsCode) => ({ odsCode, csv: "title\nA benefit\n" }),
  "benefits.commitImport": (odsCode) => ({ odsCode, csv: "title\nA benefit\n" }),
  "benefits.importTemplate": (odsCode) => ({ odsCode }),
  "benefits.exportCsv": (odsCode) => ({ odsCode }),
  "benefits.national": () => ({}),
  "benefits.withdraw": (odsCode) => ({
    odsCode,
    id: "no-such-line",
    expectedVersion: 1,
    reason: "Replaced by a better measure",
  }),
  "benefits.history": (odsCode) => ({ odsCode }),
  "plans.list": (odsCode) => ({ odsCode }),
  "plans.upsertItem": (odsCode) => ({
    odsCode,
    expectedVersion: 0,
    functionalityCode: "F13",
    targetLevel: 4,
    targetDate: "2027-03-31",
    owner: "CCIO",
    status: "in_progress",
  }),
  "plans.removeItem": (odsCode) => ({ odsCode, id: "no-such-item", expectedVersion: 1 }),
  "plans.forecast": (odsCode) => ({ odsCode }),
  "plans.national": () => ({}),
  "plans.history": (odsCode) => ({ odsCode }),
  "frameworks.list": () => undefined,
  "frameworks.get": () => ({ version: 1 }),
  "frameworks.createDraft": () => ({ effectiveFrom: "2026-04-01", name: "Draft for safety tests" }),
  "frameworks.updateDetails": () => ({ ...draft, name: "Renamed", effectiveFrom: "2026-04-01" }),
  "frameworks.updateTier": () => ({
    ...draft,
    tier: { number: 1, name: "Foundations", description: "Digitised" },
  }),
  "frameworks.updateFunctionality": () => ({
    ...draft,
    code: "F01",
    functionality: framework.functionalities[0],
  }),
  "frameworks.addFunctionality": () => ({
    ...draft,
    functionality: { ...framework.functionalities[0], code: "F99" },
  }),
  "frameworks.removeFunctionality": () => ({ ...draft, code: "F99" }),
  "frameworks.updateCriterion": () => ({
    ...draft,
    id: framework.criteria[0]!.id,
    criterion: framework.criteria[0],
  }),
  "frameworks.addCriterion": () => ({
    ...draft,
    criterion: { ...framework.criteria[0], id: "safety-extra" },
  }),
  "frameworks.removeCriterion": () => ({ ...draft, id: "safety-extra" }),
  "frameworks.saveBenefitType": () => ({ ...draft, code: "B01", benefitType: framework.benefitTypes[0] }),
  "frameworks.removeBenefitType": () => ({ ...draft, code: "B99" }),
  "frameworks.saveMilestone": () => ({
    ...draft,
    id: framework.milestones[0]!.id,
    milestone: framework.milestones[0],
  }),
  "frameworks.removeMilestone": () => ({ ...draft, id: "no-such-milestone" }),
  "frameworks.updateCrosswalk": () => ({
    ...draft,
    crosswalk: {
      fromVersion: 1,
      toVersion: 2,
      entries: [{ kind: "kept", from: ["F01"], to: ["F01"], note: "Same" }],
    },
  }),
  "frameworks.discardDraft": () => ({ version: 99, expectedRowVersion: 1 }),
  "frameworks.effect": () => ({ version: 1 }),
  "frameworks.publish": () => ({
    version: 99,
    expectedRowVersion: 1,
    confirmed: { carried: 0, changed: 0, dropped: 0 },
  }),
  "frameworks.retire": () => ({ version: 99, expectedRowVersion: 1 }),
  "frameworks.diff": () => ({ from: 1, to: 1 }),
  "registryAdmin.organisation": (odsCode) => ({ odsCode }),
  "registryAdmin.icbs": () => undefined,
  "registryAdmin.updateEpr": (odsCode) => ({
    odsCode,
    expectedVersion: 0,
    eprStatus: "live",
    eprSupplier: "Epic",
    eprProduct: "Epic EHR",
  }),
  "registryAdmin.addSupplier": () => ({ name: "Safety Test Supplier" }),
  "registryAdmin.setIcbMemberships": (odsCode) => ({
    odsCode,
    expectedVersion: 0,
    memberships: [{ icbCode: "QKK", validFrom: "2022-07-01", validTo: null }],
  }),
  "registryAdmin.peerGroupSets": () => undefined,
  "registryAdmin.peerGroupSet": () => ({ id: "by-type" }),
  "registryAdmin.savePeerGroupSet": () => ({
    id: "safety-set",
    name: "Safety set",
    description: "Groups for the safety tests",
    expectedVersion: 0,
    groups: [{ id: "london", name: "London acute", members: ["RGT", "RR8"] }],
  }),
  "registryAdmin.deletePeerGroupSet": () => ({ id: "no-such-set", expectedVersion: 1 }),
  "accounts.list": () => ({ search: "demo" }),
  "accounts.create": () => ({
    email: "new.user@safety.test",
    name: "New User",
    role: "trust_viewer",
    odsCode: "RGT",
    password: "a-long-password-1",
  }),
  "accounts.changeBinding": () => ({
    userId: "no-such-user",
    expected: { role: "trust_viewer", odsCode: "RGT" },
    role: "trust_editor",
    odsCode: "RGT",
  }),
  "accounts.disable": () => ({ userId: "no-such-user" }),
  "accounts.enable": () => ({ userId: "no-such-user" }),
  "accounts.rename": () => ({ userId: "no-such-user", name: "Renamed Person" }),
  "accounts.resetPassword": () => ({ userId: "no-such-user" }),
  "account.requestPasswordReset": () => ({ email: "nobody@safety.test" }),
  "account.resetPassword": () => ({
    token: "not-a-real-token-but-long-enough",
    password: "violet-harbour-lantern-42",
  }),
  "account.changePassword": () => ({
    currentPassword: "wrong-password",
    newPassword: "violet-harbour-lantern-42",
  }),
  "team.list": (odsCode) => ({ odsCode }),
  "team.invite": (odsCode) => ({ odsCode, email: "invitee@safety.test", role: "trust_viewer" }),
  "team.resend": (odsCode) => ({ odsCode, invitationId: "no-such-invitation" }),
  "team.acceptInvitation": () => ({
    token: "not-a-real-token-but-long-enough",
    password: "violet-harbour-lantern-42",
    name: "Safety Invitee",
  }),
  "team.changeRole": (odsCode) => ({ odsCode, userId: "no-such-user", role: "trust_editor" }),
  "team.disable": (odsCode) => ({ odsCode, userId: "no-such-user" }),
  "team.enable": (odsCode) => ({ odsCode, userId: "no-such-user" }),
  "assignments.assign": (odsCode) => ({ odsCode, functionalityCode: "F01", assigneeUserId: "no-such-user" }),
  "assignments.unassign": (odsCode) => ({ odsCode, functionalityCode: "F01" }),
  "assignments.list": (odsCode) => ({ odsCode }),
  "assignments.mine": () => undefined,
  "handoff.markReady": (odsCode) => ({ odsCode, period: "2024/25 Q4", tier: 1 }),
  "handoff.takeBack": (odsCode) => ({ odsCode, period: "2024/25 Q4", tier: 1 }),
  "handoff.status": (odsCode) => ({ odsCode, period: "2024/25 Q4" }),
};

export interface ProcedureInfo {
  path: string;
  type: "query" | "mutation" | "subscription";
  access: Access | undefined;
  /** The named rule in access.ts the procedure uses, if any. */
  ruleName: keyof typeof access | undefined;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Every procedure of the router, enumerated from the router itself. */
export function procedures(): ProcedureInfo[] {
  const record = (appRouter._def as unknown as { procedures: Record<string, unknown> }).procedures;
  return Object.entries(record).map(([path, proc]) => {
    const def = (proc as { _def: { type: ProcedureInfo["type"]; meta?: { access?: Access } } })._def;
    const rule = def.meta?.access;
    const ruleName = rule
      ? (Object.keys(access) as (keyof typeof access)[]).find((k) => same(access[k], rule))
      : undefined;
    return { path, type: def.type, access: rule, ruleName };
  });
}

/** Call a procedure by its dotted path on a caller. */
export function callByPath(caller: unknown, path: string, input: unknown): Promise<unknown> {
  const fn = path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller) as (
    input: unknown,
  ) => Promise<unknown>;
  return fn(input);
}
