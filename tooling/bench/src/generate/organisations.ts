import type { EprStatus, Region, TrustType } from "@realise/domain";
import type { Kysely } from "kysely";
import type { DB } from "@realise/db";
import { hashString, seededRandom } from "@realise/db/seed";

export interface GeneratedOrganisation {
  odsCode: string;
  name: string;
  trustType: TrustType;
  region: Region;
  eprStatus: EprStatus;
  eprSupplier: string | null;
  synthetic: boolean;
  memberships: { icbCode: string; validFrom: string; validTo: string | null }[];
}

const BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * A synthetic ODS-like code: "Z" and four base-36 characters. No NHS trust code starts with Z, so the
 * synthetic set never collides with the real one, and the codes pass the same 3-or-5 character rule.
 */
export function syntheticOdsCode(index: number): string {
  let n = index;
  let code = "";
  for (let i = 0; i < 4; i++) {
    code = BASE36[n % 36] + code;
    n = Math.floor(n / 36);
  }
  if (n > 0) throw new RangeError(`Synthetic organisation ${index} is beyond the 5-character code space`);
  return `Z${code}`;
}

/** The real trusts as seeded, with their dated ICB memberships. */
export async function realOrganisations(db: Kysely<DB>): Promise<GeneratedOrganisation[]> {
  const [orgs, memberships] = await Promise.all([
    db
      .selectFrom("organisation")
      .select(["ods_code", "name", "trust_type", "region", "epr_status", "epr_supplier"])
      .orderBy("ods_code")
      .execute(),
    db
      .selectFrom("organisation_icb")
      .select([
        "ods_code",
        "icb_code",
        (eb) => eb.fn<string>("to_char", [eb.ref("valid_from"), eb.val("YYYY-MM-DD")]).as("valid_from"),
        (eb) => eb.fn<string | null>("to_char", [eb.ref("valid_to"), eb.val("YYYY-MM-DD")]).as("valid_to"),
      ])
      .orderBy("ods_code")
      .orderBy("valid_from")
      .execute(),
  ]);
  const byOrg = new Map<string, GeneratedOrganisation["memberships"]>();
  for (const m of memberships) {
    const list = byOrg.get(m.ods_code) ?? [];
    list.push({ icbCode: m.icb_code, validFrom: m.valid_from, validTo: m.valid_to });
    byOrg.set(m.ods_code, list);
  }
  return orgs.map((o) => ({
    odsCode: o.ods_code,
    name: o.name,
    trustType: o.trust_type,
    region: o.region,
    eprStatus: o.epr_status,
    eprSupplier: o.epr_supplier,
    synthetic: false,
    memberships: byOrg.get(o.ods_code) ?? [],
  }));
}

const STATUS_SHIFT = ["none", "procuring", "implementing", "live"] as const;

/**
 * Synthetic trusts, each modelled on a real one (type, region, ICB history, supplier), so the national
 * mix of types, regions and suppliers is England's, only larger. A few differ in EPR status.
 */
export function syntheticOrganisations(
  real: readonly GeneratedOrganisation[],
  count: number,
  seed: string,
): GeneratedOrganisation[] {
  const random = seededRandom(hashString(`${seed}:organisations`));
  const out: GeneratedOrganisation[] = [];
  for (let i = 0; i < count; i++) {
    const template = real[Math.floor(random() * real.length)];
    if (!template) throw new Error("Synthetic trusts need at least one real trust to copy");
    const odsCode = syntheticOdsCode(i);
    let eprStatus = template.eprStatus;
    if (random() < 0.1) {
      const at = STATUS_SHIFT.indexOf(eprStatus as (typeof STATUS_SHIFT)[number]);
      eprStatus = STATUS_SHIFT[Math.max(0, Math.min(3, at + (random() < 0.5 ? -1 : 1)))] ?? eprStatus;
    }
    out.push({
      odsCode,
      name: `${template.name.replace(/ NHS( Foundation)? Trust$/, "")} Synthetic ${odsCode} NHS Trust`,
      trustType: template.trustType,
      region: template.region,
      eprStatus,
      eprSupplier: eprStatus === "none" || eprStatus === "procuring" ? null : template.eprSupplier,
      synthetic: true,
      memberships: template.memberships.map((m) => ({ ...m })),
    });
  }
  return out;
}
