import { type DB, emailInUse, icbExists, insertAccount, organisationExists, writeAudit } from "@realise/db";
import { AppError, bindingNeedsTrust, newAccountIssues, type Principal } from "@realise/domain";
import type { Kysely } from "kysely";
import type { AccountCredentials } from "../../auth/accounts.js";
import { passwordProblem } from "../../auth/password-policy.js";
import type { AccountsCreate } from "../../contracts/accounts.js";

/**
 * Create an account with an initial password, bound to a role (and a trust for trust roles, an ICB or a
 * region for ICB and region viewers). The user, its
 * credential, its role binding and its audit row commit together or not at all.
 */
export async function registerAccount(
  db: Kysely<DB>,
  input: AccountsCreate,
  actor: Principal,
  credentials: AccountCredentials,
): Promise<{ userId: string; email: string }> {
  const email = input.email.toLowerCase();
  const account = { ...input, email };
  return db.transaction().execute(async (trx) => {
    const trustExists = bindingNeedsTrust(account) ? await organisationExists(trx, account.odsCode) : false;
    const icbKnown = account.icbCode ? await icbExists(trx, account.icbCode) : false;
    const issues = newAccountIssues(account, await emailInUse(trx, email), trustExists, icbKnown);
    // The initial password meets the one policy every password path uses (strength, common passwords).
    const weak = passwordProblem(input.password, [email, input.name]);
    if (weak) issues.push({ path: ["password"], message: weak });
    if (issues.length > 0) throw AppError.invalid(issues);
    const userId = credentials.newId("user");
    await insertAccount(trx, {
      userId,
      credentialId: credentials.newId("account"),
      email,
      name: input.name,
      passwordHash: await credentials.hashPassword(input.password),
      role: input.role,
      odsCode: input.odsCode,
      icbCode: input.icbCode ?? null,
      region: input.region ?? null,
    });
    await writeAudit(trx, actor, {
      action: "account.create",
      entity: "user",
      entityKey: userId,
      odsCode: input.odsCode,
      after: {
        email,
        name: input.name,
        role: input.role,
        odsCode: input.odsCode,
        ...(input.icbCode ? { icbCode: input.icbCode } : {}),
        ...(input.region ? { region: input.region } : {}),
      },
    });
    return { userId, email };
  });
}
