import { describe, expect, it } from "vitest";
import { procedures } from "./samples.js";

/**
 * What each procedure SHOULD declare, written down once and reviewed like code. The access matrix checks
 * that a procedure behaves as it declares; this pins the declaration itself, so switching, say,
 * `benefits.update` from trustWrite to trustRead (letting viewers and analysts edit any trust's register)
 * fails here. A new procedure must be added to this table with the rule it needs.
 */
const PINNED: Record<string, string> = {
  "accounts.changeBinding": "nationalAdmin",
  "accounts.create": "nationalAdmin",
  "accounts.list": "nationalAdmin",
  "adoption.confirmTier": "trustWrite",
  "audit.search": "nationalRead",
  "adoption.forOrganisation": "trustRead",
  "adoption.history": "trustRead",
  "adoption.officialTrend": "trustRead",
  "adoption.recentChanges": "trustRead",
  "adoption.update": "trustWrite",
  "audit.chainStatus": "nationalRead",
  "benefits.commitImport": "trustWrite",
  "benefits.create": "trustWrite",
  "benefits.exportCsv": "trustRead",
  "benefits.get": "trustRead",
  "benefits.importTemplate": "trustRead",
  "benefits.list": "trustRead",
  "benefits.national": "oversightRead",
  "benefits.previewImport": "trustWrite",
  "benefits.recordActual": "trustWrite",
  "benefits.update": "trustWrite",
  "benefits.withdraw": "trustWrite",
  "benefits.history": "trustRead",
  "collections.list": "signedIn",
  "collections.open": "nationalAdmin",
  "collections.status": "oversightRead",
  "framework.current": "public",
  "frameworks.addCriterion": "nationalAdmin",
  "frameworks.addFunctionality": "nationalAdmin",
  "frameworks.createDraft": "nationalAdmin",
  "frameworks.diff": "nationalRead",
  "frameworks.discardDraft": "nationalAdmin",
  "frameworks.effect": "nationalRead",
  "frameworks.get": "nationalRead",
  "frameworks.list": "nationalRead",
  "frameworks.publish": "nationalAdmin",
  "frameworks.removeBenefitType": "nationalAdmin",
  "frameworks.removeCriterion": "nationalAdmin",
  "frameworks.removeFunctionality": "nationalAdmin",
  "frameworks.removeMilestone": "nationalAdmin",
  "frameworks.retire": "nationalAdmin",
  "frameworks.saveBenefitType": "nationalAdmin",
  "frameworks.saveMilestone": "nationalAdmin",
  "frameworks.updateCriterion": "nationalAdmin",
  "frameworks.updateCrosswalk": "nationalAdmin",
  "frameworks.updateDetails": "nationalAdmin",
  "frameworks.updateFunctionality": "nationalAdmin",
  "frameworks.updateTier": "nationalAdmin",
  "national.heatmap": "oversightRead",
  "national.overview": "oversightRead",
  "national.trends": "oversightRead",
  "national.comparePeriods": "oversightRead",
  "organisations.byOdsCode": "public",
  "organisations.list": "public",
  "organisations.referenceLists": "public",
  "plans.forecast": "trustRead",
  "plans.list": "trustRead",
  "plans.national": "oversightRead",
  "plans.removeItem": "trustWrite",
  "plans.upsertItem": "trustWrite",
  "plans.history": "trustRead",
  "registry.summary": "public",
  "registryAdmin.addSupplier": "nationalAdmin",
  "registryAdmin.deletePeerGroupSet": "nationalAdmin",
  "registryAdmin.icbs": "nationalRead",
  "registryAdmin.organisation": "nationalRead",
  "registryAdmin.peerGroupSet": "nationalRead",
  "registryAdmin.peerGroupSets": "nationalRead",
  "registryAdmin.savePeerGroupSet": "nationalAdmin",
  "registryAdmin.setIcbMemberships": "nationalAdmin",
  "registryAdmin.updateEpr": "nationalAdmin",
  "returns.accept": "nationalAdmin",
  "returns.compare": "trustRead",
  "returns.detail": "trustRead",
  "returns.forOrganisation": "trustRead",
  "returns.periods": "nationalRead",
  "returns.queue": "oversightRead",
  "returns.sendBack": "nationalAdmin",
  "returns.submit": "trustSubmit",
  "returns.withdraw": "trustSubmit",
  "returns.checklist": "trustRead",
  "returns.unlock": "nationalAdmin",
  "security.events": "nationalAdmin",
  "session.me": "public",
  "snapshots.detail": "nationalRead",
  "snapshots.freeze": "nationalAdmin",
  "snapshots.list": "nationalRead",
  "snapshots.preview": "nationalRead",
  "systemClients.create": "trustSubmit",
  "systemClients.list": "trustRead",
  "systemClients.revoke": "trustSubmit",
  "accounts.disable": "nationalAdmin",
  "accounts.enable": "nationalAdmin",
  "accounts.rename": "nationalAdmin",
  "accounts.resetPassword": "nationalAdmin",
  "account.requestPasswordReset": "public",
  "account.resetPassword": "public",
  "account.changePassword": "signedIn",
  "team.list": "trustRead",
  "team.invite": "trustTeam",
  "team.resend": "trustTeam",
  "team.acceptInvitation": "public",
  "team.changeRole": "trustTeam",
  "team.disable": "trustTeam",
  "team.enable": "trustTeam",
  "systemClients.pause": "trustSubmit",
  "systemClients.resume": "trustSubmit",
  "assignments.assign": "trustWrite",
  "assignments.unassign": "trustWrite",
  "assignments.list": "trustRead",
  "assignments.mine": "signedIn",
  "handoff.markReady": "trustWrite",
  "handoff.takeBack": "trustWrite",
  "handoff.status": "trustRead",
};

describe("access rules, pinned", () => {
  const declared = Object.fromEntries(procedures().map((p) => [p.path, p.ruleName ?? "(none)"]));

  it("every procedure declares exactly the rule pinned for it", () => {
    const differences = [...new Set([...Object.keys(PINNED), ...Object.keys(declared)])]
      .sort()
      .filter((path) => PINNED[path] !== declared[path])
      .map(
        (path) =>
          `${path}: pinned ${PINNED[path] ?? "(not pinned)"}, declared ${declared[path] ?? "(absent)"}`,
      );
    expect(differences).toEqual([]);
  });

  it("writes are never open to viewers or to the whole nation by a read rule", () => {
    const mutations = procedures().filter((p) => p.type === "mutation");
    const readRules = mutations.filter(
      (p) => p.ruleName === "trustRead" || p.ruleName === "nationalRead" || p.ruleName === "oversightRead",
    );
    expect(readRules.map((p) => p.path)).toEqual([]);
  });
});
