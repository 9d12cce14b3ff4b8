import {
  currentFrameworkVersion,
  type DB,
  findCollection,
  frameworkVersion,
  insertCollection,
  writeAudit,
} from "@realise/db";
import { AppError, type CollectionInput, collectionIssues, type Principal } from "@realise/domain";
import type { Kysely } from "kysely";
import { today } from "../clock.js";

/**
 * The national team opens a quarter for returns: from when, due by when, and against which framework
 * version. One collection per quarter; it is audited with the decision.
 */
export async function openCollection(db: Kysely<DB>, input: CollectionInput, actor: Principal) {
  const issues = collectionIssues(input, today());
  if (issues.length) throw AppError.invalid(issues);
  return db.transaction().execute(async (trx) => {
    const version = input.frameworkVersion ?? (await currentFrameworkVersion(trx));
    const framework = await frameworkVersion(trx, version).catch(() => {
      throw AppError.field("frameworkVersion", `Framework version ${version} does not exist`);
    });
    if (framework.status !== "published")
      throw AppError.field(
        "frameworkVersion",
        `Framework version ${version} is ${framework.status}: choose a published version`,
      );
    const inserted = await insertCollection(trx, {
      period: input.period,
      opensOn: input.opensOn,
      dueOn: input.dueOn,
      frameworkVersion: version,
      openedBy: actor.email,
    });
    if (!inserted) throw AppError.state(`A collection for ${input.period} is already open`);
    await writeAudit(trx, actor, {
      action: "collection.open",
      entity: "collection",
      entityKey: input.period,
      after: { opensOn: input.opensOn, dueOn: input.dueOn, frameworkVersion: version },
    });
    return (await findCollection(trx, input.period))!;
  });
}
