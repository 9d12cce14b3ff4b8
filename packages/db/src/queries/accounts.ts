import type { Role } from "@realise/domain";
import type { Kysely } from "kysely";
import { ConflictError, NotFoundError, StateError, ValidationError } from "../errors.js";
import type { DB } from "../schema.js";
import { type Actor, writeAudit } from "../repositories/audit.js";

export interface AccountRow {
  userId: string;
  email: string;
  name: string;
  role: string;
  odsCode: string | null;
  trustName: string | null;
  createdAt: Date;
}

/** Every account with its role and trust binding, ordered by email. */
export async function listAccounts(
  db: Kysely<DB>,
  filter: { search?: string | undefined } = {},
): Promise<AccountRow[]> {
  let q = db
    .selectFrom("user as u")
    .innerJoin("user_role as r", "r.user_id", "u.id")
    .leftJoin("organisation as o", "o.ods_code", "r.ods_code")
    .select([
      "u.id as userId",
      "u.email",
      "u.name",
      "r.role",
      "r.ods_code as odsCode",
      "o.name as trustName",
      "u.createdAt as createdAt",
    ])
    .orderBy("u.email");
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb("u.email", "ilike", pattern),
        eb("u.name", "ilike", pattern),
        eb("r.ods_code", "ilike", pattern),
      ]),
    );
  }
  return q.execute();
}

/** Checks a new account's binding against the registry before it is created. */
export async function checkNewAccount(
  db: Kysely<DB>,
  account: { email: string; role: string; odsCode: string | null },
): Promise<void> {
  const issues: Array<{ path: string[]; message: string }> = [];
  const taken = await db
    .selectFrom("user")
    .select("id")
    .where("email", "=", account.email.toLowerCase())
    .executeTakeFirst();
  if (taken) issues.push({ path: ["email"], message: `An account already uses ${account.email}` });
  issues.push(...(await bindingIssues(db, account.role, account.odsCode)));
  if (issues.length > 0) throw new ValidationError(issues);
}

async function bindingIssues(db: Kysely<DB>, role: string, odsCode: string | null) {
  const issues: Array<{ path: string[]; message: string }> = [];
  if (role.startsWith("trust_")) {
    if (!odsCode) issues.push({ path: ["odsCode"], message: "A trust role needs the trust's ODS code" });
    else {
      const org = await db
        .selectFrom("organisation")
        .select("ods_code")
        .where("ods_code", "=", odsCode)
        .executeTakeFirst();
      if (!org) issues.push({ path: ["odsCode"], message: `No trust has the ODS code ${odsCode}` });
    }
  } else if (odsCode) {
    issues.push({
      path: ["odsCode"],
      message: "A national role is not bound to a trust; leave the trust empty",
    });
  }
  return issues;
}

/** Record that an account was created (the account itself is created through better-auth). */
export async function auditAccountCreated(
  db: Kysely<DB>,
  actor: Actor,
  account: { userId: string; email: string; name: string; role: string; odsCode: string | null },
) {
  await writeAudit(db, actor, {
    action: "account.create",
    entity: "user",
    entityKey: account.userId,
    odsCode: account.odsCode,
    after: { email: account.email, name: account.name, role: account.role, odsCode: account.odsCode },
  });
}

export interface BindingChange {
  userId: string;
  /** What the editor saw, so a concurrent change is refused rather than overwritten. */
  expected: { role: string; odsCode: string | null };
  role: string;
  odsCode: string | null;
}

/**
 * Change an account's role and trust. The last national admin cannot be demoted, or nobody could
 * administer the service.
 */
export async function changeAccountBinding(db: Kysely<DB>, actor: Actor, change: BindingChange) {
  const issues = await bindingIssues(db, change.role, change.odsCode);
  if (issues.length > 0) throw new ValidationError(issues);
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("user_role")
      .select(["user_id", "role", "ods_code"])
      .where("user_id", "=", change.userId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new NotFoundError("No account has that id");
    if (current.role !== change.expected.role || current.ods_code !== change.expected.odsCode) {
      throw new ConflictError("Someone else changed this account's role since you opened it; reload it", {
        role: current.role,
        odsCode: current.ods_code,
      });
    }
    if (current.role === "national_admin" && change.role !== "national_admin") {
      const admins = await trx
        .selectFrom("user_role")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("role", "=", "national_admin")
        .executeTakeFirstOrThrow();
      if (Number(admins.n) <= 1)
        throw new StateError("This is the last national admin account; make another admin first");
    }
    await trx
      .updateTable("user_role")
      .set({ role: change.role as Role, ods_code: change.odsCode })
      .where("user_id", "=", change.userId)
      .execute();
    await writeAudit(trx, actor, {
      action: "account.binding",
      entity: "user",
      entityKey: change.userId,
      odsCode: change.odsCode ?? current.ods_code,
      before: { role: current.role, odsCode: current.ods_code },
      after: { role: change.role, odsCode: change.odsCode },
    });
    return { userId: change.userId, role: change.role, odsCode: change.odsCode };
  });
}
