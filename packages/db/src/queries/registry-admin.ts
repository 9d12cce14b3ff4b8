import {
  type EprStatus,
  type IcbMembership,
  overlappingMemberships,
  peerGroupConflicts,
} from "@realise/domain";
import { type Kysely, sql, type Transaction } from "kysely";
import { ConflictError, NotFoundError, ValidationError } from "../errors.js";
import type { DB } from "../schema.js";
import { type Actor, writeAudit } from "../repositories/audit.js";

type Issue = { path: Array<string | number>; message: string };

async function lockOrganisation(trx: Transaction<DB>, odsCode: string, expectedVersion: number) {
  const org = await trx
    .selectFrom("organisation")
    .select(["ods_code", "name", "epr_status", "epr_supplier", "epr_product", "version"])
    .where("ods_code", "=", odsCode)
    .forUpdate()
    .executeTakeFirst();
  if (!org) throw new NotFoundError(`No trust has the ODS code ${odsCode}`);
  if (org.version !== expectedVersion) {
    throw new ConflictError(
      `Someone else changed ${org.name} since you opened it (now version ${org.version}, you edited version ${expectedVersion}); reload it and make your change again`,
      org,
    );
  }
  return org;
}

export interface EprUpdate {
  odsCode: string;
  expectedVersion: number;
  eprStatus: string;
  eprSupplier: string | null;
  eprProduct: string | null;
}

/** Change a trust's EPR status, supplier and product; the supplier must be one the registry knows. */
export async function updateOrganisationEpr(db: Kysely<DB>, actor: Actor, update: EprUpdate) {
  return db.transaction().execute(async (trx) => {
    const org = await lockOrganisation(trx, update.odsCode, update.expectedVersion);
    const issues: Issue[] = [];
    if (update.eprStatus === "none" && (update.eprSupplier || update.eprProduct))
      issues.push({
        path: ["eprSupplier"],
        message: "A trust with no EPR has no EPR supplier or product; clear them or choose another status",
      });
    if (update.eprSupplier) {
      const known = await trx
        .selectFrom("epr_supplier")
        .select("name")
        .where("name", "=", update.eprSupplier)
        .executeTakeFirst();
      if (!known)
        issues.push({
          path: ["eprSupplier"],
          message: `${update.eprSupplier} is not a known EPR supplier; add it to the supplier list first`,
        });
    }
    if (issues.length > 0) throw new ValidationError(issues);
    const version = org.version + 1;
    await trx
      .updateTable("organisation")
      .set({
        epr_status: update.eprStatus as EprStatus,
        epr_supplier: update.eprSupplier,
        epr_product: update.eprProduct,
        version,
        updated_at: new Date(),
      })
      .where("ods_code", "=", update.odsCode)
      .execute();
    await writeAudit(trx, actor, {
      action: "organisation.epr",
      entity: "organisation",
      entityKey: update.odsCode,
      odsCode: update.odsCode,
      before: { eprStatus: org.epr_status, eprSupplier: org.epr_supplier, eprProduct: org.epr_product },
      after: { eprStatus: update.eprStatus, eprSupplier: update.eprSupplier, eprProduct: update.eprProduct },
    });
    return { odsCode: update.odsCode, version };
  });
}

/** Add a supplier name to the registry's list. */
export async function addEprSupplier(db: Kysely<DB>, actor: Actor, name: string) {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("epr_supplier")
      .select("name")
      .where("name", "ilike", name)
      .executeTakeFirst();
    if (existing)
      throw new ValidationError([
        { path: ["name"], message: `${existing.name} is already in the supplier list` },
      ]);
    await trx.insertInto("epr_supplier").values({ name }).execute();
    await writeAudit(trx, actor, {
      action: "epr_supplier.create",
      entity: "epr_supplier",
      entityKey: name,
      after: { name },
    });
    return { name };
  });
}

export interface MembershipInput {
  icbCode: string;
  validFrom: string;
  validTo: string | null;
}

/**
 * Replace a trust's ICB membership history (e.g. end one membership the day before a merger and start the
 * merged ICB's). Memberships must not overlap and must sit inside the ICB's own validity.
 */
export async function setIcbMemberships(
  db: Kysely<DB>,
  actor: Actor,
  input: { odsCode: string; expectedVersion: number; memberships: MembershipInput[] },
) {
  return db.transaction().execute(async (trx) => {
    const org = await lockOrganisation(trx, input.odsCode, input.expectedVersion);
    const codes = [...new Set(input.memberships.map((m) => m.icbCode))];
    const icbs = codes.length
      ? await trx
          .selectFrom("icb")
          .select([
            "code",
            "name",
            sql<string>`to_char(valid_from, 'YYYY-MM-DD')`.as("validFrom"),
            sql<string | null>`to_char(valid_to, 'YYYY-MM-DD')`.as("validTo"),
          ])
          .where("code", "in", codes)
          .execute()
      : [];
    const icbOf = new Map(icbs.map((i) => [i.code, i]));
    const issues: Issue[] = [];
    input.memberships.forEach((m, i) => {
      const icb = icbOf.get(m.icbCode);
      if (!icb) {
        issues.push({ path: ["memberships", i, "icbCode"], message: `${m.icbCode} is not a known ICB code` });
        return;
      }
      if (m.validTo !== null && m.validTo < m.validFrom)
        issues.push({
          path: ["memberships", i, "validTo"],
          message: "End date must be on or after the start date",
        });
      if (m.validFrom < icb.validFrom)
        issues.push({
          path: ["memberships", i, "validFrom"],
          message: `${icb.name} only exists from ${icb.validFrom}; start the membership on or after that date`,
        });
      if (icb.validTo !== null && (m.validTo === null || m.validTo > icb.validTo))
        issues.push({
          path: ["memberships", i, "validTo"],
          message: `${icb.name} ended on ${icb.validTo}; end the membership on or before that date`,
        });
    });
    const asDomain: IcbMembership[] = input.memberships.map((m) => ({ ...m, odsCode: input.odsCode }));
    for (const o of overlappingMemberships(asDomain)) {
      const i = input.memberships.findIndex(
        (m) => m.validFrom === o.second.validFrom && m.icbCode === o.second.icbCode,
      );
      issues.push({
        path: ["memberships", Math.max(i, 0), "validFrom"],
        message: `Membership of ${o.second.icbCode} from ${o.second.validFrom} overlaps membership of ${o.first.icbCode} from ${o.first.validFrom}; a trust is in one ICB on any day`,
      });
    }
    if (issues.length > 0) throw new ValidationError(issues);
    const before = await trx
      .selectFrom("organisation_icb")
      .select([
        "icb_code as icbCode",
        sql<string>`to_char(valid_from, 'YYYY-MM-DD')`.as("validFrom"),
        sql<string | null>`to_char(valid_to, 'YYYY-MM-DD')`.as("validTo"),
      ])
      .where("ods_code", "=", input.odsCode)
      .orderBy("valid_from")
      .execute();
    await trx.deleteFrom("organisation_icb").where("ods_code", "=", input.odsCode).execute();
    if (input.memberships.length > 0)
      await trx
        .insertInto("organisation_icb")
        .values(
          input.memberships.map((m) => ({
            ods_code: input.odsCode,
            icb_code: m.icbCode,
            valid_from: m.validFrom,
            valid_to: m.validTo,
          })),
        )
        .execute();
    const version = org.version + 1;
    await trx
      .updateTable("organisation")
      .set({ version, updated_at: new Date() })
      .where("ods_code", "=", input.odsCode)
      .execute();
    await writeAudit(trx, actor, {
      action: "organisation.icb_memberships",
      entity: "organisation",
      entityKey: input.odsCode,
      odsCode: input.odsCode,
      before,
      after: [...input.memberships].sort((a, b) => a.validFrom.localeCompare(b.validFrom)),
    });
    return { odsCode: input.odsCode, version };
  });
}

/** Every ICB, past and present, for the membership editor. */
export async function allIcbs(db: Kysely<DB>) {
  return db
    .selectFrom("icb")
    .select([
      "code",
      "name",
      "region",
      sql<string>`to_char(valid_from, 'YYYY-MM-DD')`.as("validFrom"),
      sql<string | null>`to_char(valid_to, 'YYYY-MM-DD')`.as("validTo"),
    ])
    .orderBy("name")
    .orderBy("valid_from")
    .execute();
}

export interface PeerGroupSetSummary {
  id: string;
  name: string;
  description: string;
  version: number;
  groups: number;
  members: number;
}

/** Peer group sets with their group and member counts. */
export async function listPeerGroupSets(db: Kysely<DB>): Promise<PeerGroupSetSummary[]> {
  const rows = await db
    .selectFrom("peer_group_set as s")
    .select((eb) => [
      "s.id",
      "s.name",
      "s.description",
      "s.version",
      eb
        .selectFrom("peer_group as g")
        .select(eb.fn.countAll<string>().as("n"))
        .whereRef("g.set_id", "=", "s.id")
        .as("groups"),
      eb
        .selectFrom("peer_group_member as m")
        .select(eb.fn.countAll<string>().as("n"))
        .whereRef("m.set_id", "=", "s.id")
        .as("members"),
    ])
    .orderBy("s.name")
    .execute();
  return rows.map((r) => ({ ...r, groups: Number(r.groups ?? 0), members: Number(r.members ?? 0) }));
}

export interface PeerGroupSetDetail {
  id: string;
  name: string;
  description: string;
  version: number;
  groups: Array<{ id: string; name: string; members: string[] }>;
}

/** One set with its groups and their members. */
export async function peerGroupSet(db: Kysely<DB>, id: string): Promise<PeerGroupSetDetail> {
  const set = await db
    .selectFrom("peer_group_set")
    .select(["id", "name", "description", "version"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!set) throw new NotFoundError(`No peer group set has the id ${id}`);
  const [groups, members] = await Promise.all([
    db.selectFrom("peer_group").select(["id", "name"]).where("set_id", "=", id).orderBy("name").execute(),
    db
      .selectFrom("peer_group_member")
      .select(["group_id", "ods_code"])
      .where("set_id", "=", id)
      .orderBy("ods_code")
      .execute(),
  ]);
  return {
    ...set,
    groups: groups.map((g) => ({
      ...g,
      members: members.filter((m) => m.group_id === g.id).map((m) => m.ods_code),
    })),
  };
}

/** The groups a trust sits in, one per set at most. */
export async function peerGroupsOf(db: Kysely<DB>, odsCode: string) {
  return db
    .selectFrom("peer_group_member as m")
    .innerJoin("peer_group as g", "g.id", "m.group_id")
    .innerJoin("peer_group_set as s", "s.id", "m.set_id")
    .select(["s.id as setId", "s.name as setName", "g.id as groupId", "g.name as groupName"])
    .where("m.ods_code", "=", odsCode)
    .orderBy("s.name")
    .execute();
}

export interface PeerGroupSetInput {
  id: string;
  name: string;
  description: string;
  /** 0 to create the set. */
  expectedVersion: number;
  groups: Array<{ id: string; name: string; members: string[] }>;
}

/**
 * Create or replace a peer group set with its groups and members. A trust may sit in one group of the set
 * only: checked here with a message naming the trust, and by the member table's key as the backstop.
 */
export async function savePeerGroupSet(db: Kysely<DB>, actor: Actor, input: PeerGroupSetInput) {
  const issues: Issue[] = [];
  const conflicts = peerGroupConflicts(input.groups.map((g) => ({ ...g, set: input.id })));
  for (const c of conflicts) {
    const i = input.groups.findIndex((g) => g.id === c.groupIds[1]);
    issues.push({
      path: ["groups", Math.max(i, 0), "members"],
      message: `${c.odsCode} is in more than one group of this set (${c.groupIds.join(", ")}); a trust sits in one group per set`,
    });
  }
  const seenIds = new Set<string>();
  input.groups.forEach((g, i) => {
    if (seenIds.has(g.id))
      issues.push({ path: ["groups", i, "id"], message: `Group id ${g.id} is used twice` });
    seenIds.add(g.id);
  });
  if (issues.length > 0) throw new ValidationError(issues);

  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("peer_group_set")
      .select(["id", "version"])
      .where("id", "=", input.id)
      .forUpdate()
      .executeTakeFirst();
    const currentVersion = existing?.version ?? 0;
    if (currentVersion !== input.expectedVersion) {
      throw new ConflictError(
        existing
          ? `Someone else changed peer group set ${input.id} (now version ${currentVersion}, you edited version ${input.expectedVersion}); reload it`
          : `Peer group set ${input.id} does not exist any more; reload the list`,
        existing ?? null,
      );
    }
    const allMembers = [...new Set(input.groups.flatMap((g) => g.members))];
    if (allMembers.length > 0) {
      const known = await trx
        .selectFrom("organisation")
        .select("ods_code")
        .where("ods_code", "in", allMembers)
        .execute();
      const knownSet = new Set(known.map((k) => k.ods_code));
      const unknown = allMembers.filter((c) => !knownSet.has(c));
      if (unknown.length > 0)
        throw new ValidationError([
          { path: ["groups"], message: `No trust has the ODS code ${unknown.join(", ")}` },
        ]);
    }
    const groupIds = input.groups.map((g) => g.id);
    if (groupIds.length > 0) {
      const taken = await trx
        .selectFrom("peer_group")
        .select(["id", "set_id"])
        .where("id", "in", groupIds)
        .where("set_id", "<>", input.id)
        .executeTakeFirst();
      if (taken)
        throw new ValidationError([
          { path: ["groups"], message: `Group id ${taken.id} is already used by set ${taken.set_id}` },
        ]);
    }
    const before = existing ? await peerGroupSet(trx, input.id) : null;
    const version = currentVersion + 1;
    if (existing) {
      await trx
        .updateTable("peer_group_set")
        .set({ name: input.name, description: input.description, version, updated_at: new Date() })
        .where("id", "=", input.id)
        .execute();
      await trx.deleteFrom("peer_group").where("set_id", "=", input.id).execute();
    } else {
      const nameTaken = await trx
        .selectFrom("peer_group_set")
        .select("id")
        .where("name", "=", input.name)
        .executeTakeFirst();
      if (nameTaken)
        throw new ValidationError([
          { path: ["name"], message: `A peer group set is already called ${input.name}` },
        ]);
      await trx
        .insertInto("peer_group_set")
        .values({ id: input.id, name: input.name, description: input.description, version })
        .execute();
    }
    if (input.groups.length > 0) {
      await trx
        .insertInto("peer_group")
        .values(input.groups.map((g) => ({ id: g.id, set_id: input.id, name: g.name })))
        .execute();
      const members = input.groups.flatMap((g) =>
        [...new Set(g.members)].map((ods) => ({ set_id: input.id, group_id: g.id, ods_code: ods })),
      );
      for (let i = 0; i < members.length; i += 500)
        await trx
          .insertInto("peer_group_member")
          .values(members.slice(i, i + 500))
          .execute();
    }
    await writeAudit(trx, actor, {
      action: existing ? "peer_group_set.update" : "peer_group_set.create",
      entity: "peer_group_set",
      entityKey: input.id,
      before,
      after: { id: input.id, name: input.name, description: input.description, groups: input.groups },
    });
    return { id: input.id, version };
  });
}

/** Remove a peer group set with its groups. */
export async function deletePeerGroupSet(db: Kysely<DB>, actor: Actor, id: string, expectedVersion: number) {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("peer_group_set")
      .select(["id", "version"])
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!existing) throw new NotFoundError(`No peer group set has the id ${id}`);
    if (existing.version !== expectedVersion)
      throw new ConflictError(`Someone else changed peer group set ${id}; reload it`, existing);
    const before = await peerGroupSet(trx, id);
    await trx.deleteFrom("peer_group_set").where("id", "=", id).execute();
    await writeAudit(trx, actor, {
      action: "peer_group_set.delete",
      entity: "peer_group_set",
      entityKey: id,
      before,
    });
    return { id };
  });
}
