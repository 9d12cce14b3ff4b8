import type { TrustType } from "../../organisation/schema.js";
import type { Functionality, TierCriterion } from "../schema.js";
import { ALL, NON_AMBULANCE } from "./functionalities.js";

/** A mandatory criterion that a functionality reaches a level, for the trust types it applies to. */
function mandatory(tier: number, fn: Functionality, requiredLevel: 3 | 4, id?: string): TierCriterion {
  return {
    id: id ?? `T${tier}-${fn.code}`,
    tier,
    kind: "mandatory",
    functionalityCodes: [fn.code],
    requiredLevel,
    appliesTo: [...fn.appliesTo],
  };
}

function menu(
  tier: number,
  id: string,
  codes: string[],
  k: number,
  appliesTo: TrustType[],
  description: string,
): TierCriterion {
  return { id, tier, kind: "menu", functionalityCodes: codes, k, requiredLevel: 3, appliesTo, description };
}

/**
 * Tier criteria built from the functionality list.
 *
 * Mandatory items must be adopted (L3) in their own tier. Two tiers later they must be embedded (L4): this is
 * domain.md §7.4 rule 4, EMRAM's rising pervasiveness (50% at stage 6, 90–95% at stage 7).
 */
export function buildDefaultCriteria(fns: readonly Functionality[]): TierCriterion[] {
  const by = (code: string): Functionality => {
    const fn = fns.find((x) => x.code === code);
    if (!fn) throw new Error(`Default framework is missing ${code}`);
    return fn;
  };
  const core: Record<1 | 2 | 3 | 4 | 5, string[]> = {
    1: ["F01", "F02", "F05", "F07", "F08"],
    2: ["F10", "F11", "F12", "F13", "F14", "F15", "F16", "F18", "F22"],
    3: ["F23", "F25", "F26", "F29", "F30"],
    4: ["F31", "F32", "F33"],
    5: ["F39", "F40", "F45"],
  };
  const out: TierCriterion[] = [];
  for (const tier of [1, 2, 3, 4, 5] as const) {
    for (const code of core[tier]) out.push(mandatory(tier, by(code), 3));
  }
  out.push(
    menu(
      1,
      "T1-MENU",
      ["F03", "F04", "F06", "F09"],
      2,
      ALL,
      "Two of: single sign-on, digitised legacy notes, point-of-care infrastructure, electronic letters",
    ),
  );
  out.push(
    menu(
      2,
      "T2-MENU",
      ["F17", "F19", "F20", "F21"],
      2,
      NON_AMBULANCE,
      "Two of: results acknowledgement, referral management, patient flow, medicines reconciliation",
    ),
  );
  out.push(
    menu(
      3,
      "T3-MENU",
      ["F24", "F27", "F28"],
      2,
      NON_AMBULANCE,
      "Two of: blood and specimen tracking, order sets and pathways, coded problem lists",
    ),
  );
  // Ambulance trusts have no prescribing or results, so their tier 3 depth is clinical pathways in the ePCR.
  out.push({ ...mandatory(3, by("F27"), 3, "T3-F27-AMB"), appliesTo: ["ambulance"] });
  out.push(
    menu(
      4,
      "T4-MENU",
      ["F34", "F35", "F36", "F37", "F38"],
      2,
      ALL,
      "Two of: digital questionnaires, virtual wards, digital consultations, registry submissions, single patient record readiness",
    ),
  );
  out.push(
    menu(
      5,
      "T5-MENU",
      ["F41", "F42", "F43", "F44", "F46"],
      2,
      ALL,
      "Two of: predictive models, ambient voice, AI decision support, automated coding, population health",
    ),
  );
  for (const tier of [1, 2, 3] as const) {
    for (const code of core[tier]) out.push(mandatory(tier + 2, by(code), 4, `T${tier + 2}-EMBED-${code}`));
  }
  return out;
}
