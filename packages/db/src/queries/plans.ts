import { randomUUID } from "node:crypto";
import {
  type AssessableRecord,
  assessTrust,
  daysBetween,
  type Framework,
  forecastTiers,
  type MilestoneSlippage,
  milestoneSlippage,
  type PlanItem,
  type TierForecast,
  type TrustType,
  trustMilestoneInput,
} from "@realise/domain";
import { type Kysely, sql, type Transaction } from "kysely";
import { ConflictError, NotFoundError, ValidationError } from "../errors.js";
import type { DB } from "../schema.js";
import { type Actor, writeAudit } from "../repositories/audit.js";
import { currentFramework } from "../repositories/frameworks.js";
import { listOrganisations, type OrganisationRow } from "../repositories/organisations.js";

type Db = Kysely<DB> | Transaction<DB>;

/** The editable fields of a plan item. */
export type PlanFields = Omit<PlanItem, "id" | "odsCode">;

export interface PlanItemRow extends PlanFields {
  id: string;
  odsCode: string;
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
}

const todayText = () => new Date().toISOString().slice(0, 10);

function planSelect(db: Db) {
  return db
    .selectFrom("plan_item")
    .select([
      "id",
      "ods_code as odsCode",
      "functionality_code as functionalityCode",
      "target_level as targetLevel",
      sql<string>`to_char(target_date, 'YYYY-MM-DD')`.as("targetDate"),
      "owner",
      "status",
      "version",
      "updated_at as updatedAt",
      "updated_by as updatedBy",
    ]);
}

/** Plan items, by target date; all trusts when odsCode is null. */
export async function planItems(db: Db, odsCode: string | null): Promise<PlanItemRow[]> {
  let q = planSelect(db)
    .orderBy("ods_code")
    .orderBy("target_date")
    .orderBy("functionality_code")
    .orderBy("id");
  if (odsCode !== null) q = q.where("ods_code", "=", odsCode);
  return (await q.execute()) as PlanItemRow[];
}

async function requireTrust(db: Db, odsCode: string) {
  const org = await db
    .selectFrom("organisation")
    .select(["ods_code", "trust_type", "epr_status"])
    .where("ods_code", "=", odsCode)
    .executeTakeFirst();
  if (!org) throw new NotFoundError(`No trust has the ODS code ${odsCode}`);
  return org;
}

/** Records of one trust or all trusts in the shape the domain's assessment takes, keyed by trust. */
async function assessableRecords(db: Db, odsCode: string | null) {
  let q = db
    .selectFrom("adoption_record")
    .select([
      "ods_code",
      "functionality_code",
      "level",
      "derived_level",
      "coverage_pct",
      "usage_numerator",
      "usage_denominator",
      "paper_retired",
      "claimed_level",
      "validation_state",
      "benefit_measured",
      "rule",
      "version",
    ]);
  if (odsCode !== null) q = q.where("ods_code", "=", odsCode);
  const byTrust = new Map<string, AssessableRecord[]>();
  for (const r of await q.execute()) {
    const list = byTrust.get(r.ods_code) ?? [];
    list.push({
      functionalityCode: r.functionality_code,
      level: r.level,
      derivedLevel: r.derived_level,
      coveragePct: r.coverage_pct,
      usageNumerator: r.usage_numerator,
      usageDenominator: r.usage_denominator,
      paperRetired: r.paper_retired,
      claimedLevel: r.claimed_level,
      validationState: r.validation_state,
      benefitMeasured: r.benefit_measured,
      version: r.version,
      // The stored rule spares the assessment re-deriving every level; forecasts read tiers, not reasons.
      rule: r.rule,
      reason: "",
    });
    byTrust.set(r.ods_code, list);
  }
  return byTrust;
}

function checkItem(framework: Framework, trustType: string, fields: PlanFields) {
  const f = framework.functionalities.find((x) => x.code === fields.functionalityCode);
  if (!f) {
    throw new ValidationError([
      {
        path: ["functionalityCode"],
        message: `Functionality ${fields.functionalityCode} is not in framework version ${framework.version}`,
      },
    ]);
  }
  if (!f.appliesTo.includes(trustType as TrustType)) {
    throw new ValidationError([
      {
        path: ["functionalityCode"],
        message: `${f.name} does not apply to ${trustType.replace("_", " ")} trusts`,
      },
    ]);
  }
}

/**
 * Add a plan item (no id, expected version 0) or change one (its id and the version read); a stale version
 * gets a conflict with what is there now. Audited in the same transaction.
 */
export async function upsertPlanItem(
  db: Kysely<DB>,
  input: { odsCode: string; id?: string | undefined; expectedVersion: number; fields: PlanFields },
  actor: Actor,
): Promise<PlanItemRow> {
  const framework = await currentFramework(db);
  return db.transaction().execute(async (trx) => {
    const org = await requireTrust(trx, input.odsCode);
    checkItem(framework, org.trust_type, input.fields);
    const values = {
      functionality_code: input.fields.functionalityCode,
      target_level: input.fields.targetLevel,
      target_date: input.fields.targetDate,
      owner: input.fields.owner,
      status: input.fields.status,
      updated_at: new Date(),
      updated_by: actor.email,
    };
    if (input.id === undefined) {
      if (input.expectedVersion !== 0) {
        throw new ValidationError([
          { path: ["expectedVersion"], message: "A new plan item has expected version 0" },
        ]);
      }
      const id = randomUUID();
      await trx
        .insertInto("plan_item")
        .values({ ...values, id, ods_code: input.odsCode })
        .execute();
      const after = await planSelect(trx).where("id", "=", id).executeTakeFirstOrThrow();
      await writeAudit(trx, actor, {
        action: "plan.create",
        entity: "plan_item",
        entityKey: id,
        odsCode: input.odsCode,
        before: null,
        after,
      });
      return after as PlanItemRow;
    }
    const before = await planSelect(trx)
      .where("id", "=", input.id)
      .where("ods_code", "=", input.odsCode)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new NotFoundError(`Trust ${input.odsCode} has no plan item ${input.id}`);
    if (before.version !== input.expectedVersion) {
      throw new ConflictError(
        `Someone else changed this plan item (now version ${before.version}, you edited version ${input.expectedVersion}); review their change and try again`,
        before,
      );
    }
    await trx
      .updateTable("plan_item")
      .set({ ...values, version: before.version + 1 })
      .where("id", "=", input.id)
      .execute();
    const after = await planSelect(trx).where("id", "=", input.id).executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: "plan.update",
      entity: "plan_item",
      entityKey: input.id,
      odsCode: input.odsCode,
      before,
      after,
    });
    return after as PlanItemRow;
  });
}

/** Remove a plan item at the version read. */
export async function removePlanItem(
  db: Kysely<DB>,
  input: { odsCode: string; id: string; expectedVersion: number },
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    const before = await planSelect(trx)
      .where("id", "=", input.id)
      .where("ods_code", "=", input.odsCode)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new NotFoundError(`Trust ${input.odsCode} has no plan item ${input.id}`);
    if (before.version !== input.expectedVersion) {
      throw new ConflictError(
        `Someone else changed this plan item (now version ${before.version}, you edited version ${input.expectedVersion}); review their change and try again`,
        before,
      );
    }
    await trx.deleteFrom("plan_item").where("id", "=", input.id).execute();
    await writeAudit(trx, actor, {
      action: "plan.remove",
      entity: "plan_item",
      entityKey: input.id,
      odsCode: input.odsCode,
      before,
      after: null,
    });
    return { removed: input.id };
  });
}

/** Where a plan item stands against the trust's current level. */
export function itemProgress(
  item: Pick<PlanItem, "targetLevel" | "targetDate" | "status">,
  level: number,
  today: string,
) {
  const reached = level >= item.targetLevel;
  const overdue = !reached && item.targetDate < today;
  return {
    currentLevel: level,
    state: reached ? ("reached" as const) : overdue ? ("overdue" as const) : ("due" as const),
    /** Days past the target date without the level reached; 0 otherwise. */
    slippageDays: overdue ? daysBetween(item.targetDate, today) : 0,
    /** Marked done while the measures do not show the level. */
    doneButNotReached: item.status === "done" && !reached,
  };
}

function milestonePositions(
  framework: Framework,
  trust: { odsCode: string; trustType: string; eprStatus: string },
  forecasts: TierForecast[],
) {
  return framework.milestones.map((m) => {
    const input = trustMilestoneInput(m, {
      odsCode: trust.odsCode,
      trustType: trust.trustType as TrustType,
      eprStatus: trust.eprStatus,
      eprGoLiveDate: null,
      tierForecasts: forecasts,
    });
    const s = milestoneSlippage(m, [input]);
    const mine = s.trusts[0];
    return {
      milestoneId: m.id,
      title: m.title,
      targetDate: m.targetDate,
      measure: m.measure,
      tier: m.tier ?? null,
      applies: mine !== undefined,
      attainedNow: input.attainedNow,
      forecastDate: input.forecastDate,
      slippageDays: mine?.slippageDays ?? null,
      late: mine?.late ?? false,
    };
  });
}

/** The trust's forecast: when its plan makes it attain each tier (and cautiously, without at-risk items), and its milestones. */
export async function trustForecast(db: Kysely<DB>, odsCode: string) {
  const org = await requireTrust(db, odsCode);
  const [framework, records, items] = await Promise.all([
    currentFramework(db),
    assessableRecords(db, odsCode),
    planItems(db, odsCode),
  ]);
  const organisation = { odsCode, trustType: org.trust_type };
  const mine = records.get(odsCode) ?? [];
  const tiers = forecastTiers(framework, organisation, mine, items);
  const cautious = forecastTiers(framework, organisation, mine, items, { excludeAtRisk: true });
  const assessment = assessTrust(framework, organisation, mine);
  return {
    attainedTier: assessment.attainedTier,
    tiers: tiers.map((t) => ({
      ...t,
      name: framework.tiers.find((x) => x.number === t.tier)?.name ?? `Tier ${t.tier}`,
      cautiousForecastDate: cautious.find((c) => c.tier === t.tier)?.forecastDate ?? null,
    })),
    milestones: milestonePositions(
      framework,
      { odsCode, trustType: org.trust_type, eprStatus: org.epr_status },
      tiers,
    ),
  };
}

/** A trust's plan: its items with where each stands, and the framework's functionalities to plan. */
export async function trustPlan(db: Kysely<DB>, odsCode: string, today = todayText()) {
  const org = await requireTrust(db, odsCode);
  const [framework, records, items] = await Promise.all([
    currentFramework(db),
    assessableRecords(db, odsCode),
    planItems(db, odsCode),
  ]);
  const level = new Map((records.get(odsCode) ?? []).map((r) => [r.functionalityCode, r.level]));
  return {
    today,
    items: items.map((item) => ({
      ...item,
      ...itemProgress(item, level.get(item.functionalityCode) ?? 0, today),
    })),
    functionalities: framework.functionalities
      .filter((f) => f.appliesTo.includes(org.trust_type))
      .map((f) => ({
        code: f.code,
        name: f.name,
        tier: f.tier,
        level: level.get(f.code) ?? 0,
      })),
    milestones: framework.milestones,
  };
}

// Forecasting every trust re-assesses it once per plan date, which is costly; a trust's forecast is kept
// (per database) until its levels or plan change, keyed by exactly the inputs the forecast reads.
const forecastMemo = new WeakMap<object, Map<string, { key: string; tiers: TierForecast[] }>>();
function forecastMemoFor(db: Kysely<DB>) {
  let memo = forecastMemo.get(db);
  if (!memo) {
    memo = new Map();
    forecastMemo.set(db, memo);
  }
  return memo;
}

type GroupSlippage = Omit<MilestoneSlippage, "trusts"> & { key: string; label: string };

/**
 * Plans against the roadmap: for each milestone, the share of trusts forecast to meet it, nationally, by
 * region and by ICB, and the trusts at risk of missing it.
 */
export async function nationalPlans(db: Kysely<DB>, today = todayText()) {
  const [framework, organisations, records, items] = await Promise.all([
    currentFramework(db),
    listOrganisations(db),
    assessableRecords(db, null),
    planItems(db, null),
  ]);
  const itemsByTrust = new Map<string, PlanItemRow[]>();
  for (const item of items) itemsByTrust.set(item.odsCode, [...(itemsByTrust.get(item.odsCode) ?? []), item]);
  const forecasts = new Map<string, TierForecast[]>();
  const memo = forecastMemoFor(db);
  for (const o of organisations) {
    const mine = records.get(o.odsCode) ?? [];
    const planned = itemsByTrust.get(o.odsCode) ?? [];
    const key = `${framework.version}|${o.trustType}|${mine.map((r) => `${r.functionalityCode}:${r.level}`).join(",")}|${planned.map((i) => `${i.functionalityCode}:${i.targetLevel}:${i.targetDate}:${i.status}`).join(",")}`;
    let forecast = memo.get(o.odsCode);
    if (forecast?.key !== key) {
      forecast = {
        key,
        tiers: forecastTiers(
          framework,
          { odsCode: o.odsCode, trustType: o.trustType as TrustType },
          mine,
          planned,
        ),
      };
      memo.set(o.odsCode, forecast);
    }
    forecasts.set(o.odsCode, forecast.tiers);
  }
  const levelOf = new Map<string, number>();
  for (const [ods, rs] of records) for (const r of rs) levelOf.set(`${ods}/${r.functionalityCode}`, r.level);
  const overdueItems = items.filter(
    (i) =>
      itemProgress(i, levelOf.get(`${i.odsCode}/${i.functionalityCode}`) ?? 0, today).state === "overdue",
  ).length;

  const byOds = new Map(organisations.map((o) => [o.odsCode, o]));
  const milestones = framework.milestones.map((m) => {
    const inputs = organisations.map((o) =>
      trustMilestoneInput(m, {
        odsCode: o.odsCode,
        trustType: o.trustType as TrustType,
        eprStatus: o.eprStatus,
        eprGoLiveDate: null,
        tierForecasts: forecasts.get(o.odsCode) ?? [],
      }),
    );
    const nation = milestoneSlippage(m, inputs);
    const group = (keyOf: (o: OrganisationRow) => { key: string; label: string }): GroupSlippage[] => {
      const groups = new Map<string, { label: string; inputs: typeof inputs }>();
      for (const input of inputs) {
        const o = byOds.get(input.odsCode)!;
        const k = keyOf(o);
        const g = groups.get(k.key) ?? { label: k.label, inputs: [] };
        g.inputs.push(input);
        groups.set(k.key, g);
      }
      return [...groups.entries()]
        .map(([key, g]) => {
          const { trusts: _trusts, ...s } = milestoneSlippage(m, g.inputs);
          return { ...s, key, label: g.label };
        })
        .filter((g) => g.eligible > 0)
        .sort((a, b) => a.shareByTarget - b.shareByTarget || a.label.localeCompare(b.label));
    };
    const { trusts, ...summary } = nation;
    return {
      ...summary,
      measure: m.measure,
      tier: m.tier ?? null,
      byRegion: group((o) => ({ key: o.region, label: o.region })),
      byIcb: group((o) => ({ key: o.icbCode ?? "", label: o.icbName ?? "Not known" })),
      atRisk: trusts
        .filter((t) => t.late)
        .map((t) => {
          const o = byOds.get(t.odsCode)!;
          return {
            odsCode: t.odsCode,
            name: o.name,
            region: o.region,
            icbName: o.icbName,
            forecastDate: t.forecastDate,
            slippageDays: t.slippageDays,
          };
        })
        .sort(
          (a, b) =>
            (b.slippageDays ?? Number.MAX_SAFE_INTEGER) - (a.slippageDays ?? Number.MAX_SAFE_INTEGER) ||
            a.name.localeCompare(b.name),
        ),
    };
  });
  return {
    today,
    planItems: items.length,
    overdueItems,
    trustsWithPlan: itemsByTrust.size,
    trusts: organisations.length,
    milestones,
  };
}
