import type { FieldIssue } from "../errors/app-error.js";
import type { Framework } from "../framework/schema.js";
import type { TrustType } from "../organisation/schema.js";
import type { PlanItem } from "./schema.js";

/**
 * Whether a trust may plan a functionality: it must be in the framework in force and apply to the trust's
 * type. Paths are relative to the item.
 */
export function planItemIssues(
  framework: Pick<Framework, "version" | "functionalities">,
  trustType: TrustType | string,
  item: Pick<PlanItem, "functionalityCode">,
): FieldIssue[] {
  const f = framework.functionalities.find((x) => x.code === item.functionalityCode);
  if (!f) {
    return [
      {
        path: ["functionalityCode"],
        message: `Functionality ${item.functionalityCode} is not in framework version ${framework.version}`,
      },
    ];
  }
  if (!f.appliesTo.includes(trustType as TrustType)) {
    return [
      {
        path: ["functionalityCode"],
        message: `${f.name} does not apply to ${trustType.replace("_", " ")} trusts`,
      },
    ];
  }
  return [];
}

/** A new item (no id yet) is written at expected version 0; anything else is a mistaken edit. */
export function newPlanItemIssues(expectedVersion: number): FieldIssue[] {
  return expectedVersion === 0
    ? []
    : [{ path: ["expectedVersion"], message: "A new plan item has expected version 0" }];
}

const dateInWords = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const inWords = (iso: string) => {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : dateInWords.format(d);
};

type ItemFacts = Pick<PlanItem, "functionalityCode" | "targetLevel" | "targetDate" | "status">;

/**
 * The plan's own rules for an item being added (no `before`) or changed: a new or moved target date is
 * not in the past; a new or changed target level is above the level the functionality is at now; and a
 * plan holds one open (not done) item per functionality and level. Each message names the field and
 * says what to do, in a trust lead's words. Paths are relative to the item.
 *
 * Why: an item already reached or already late plans nothing, and two open items for one step make the
 * forecast count the same work twice.
 */
export function planItemRuleIssues(args: {
  item: ItemFacts;
  /** The item as stored, when it is being changed. */
  before?: (ItemFacts & { id: string }) | null;
  functionalityName: string;
  currentLevel: number;
  /** Today, an ISO date. */
  today: string;
  /** The trust's other plan items. */
  others: ReadonlyArray<ItemFacts & { id: string }>;
}): FieldIssue[] {
  const { item, before, functionalityName, currentLevel, today } = args;
  const issues: FieldIssue[] = [];
  if (item.targetDate < today && (!before || before.targetDate !== item.targetDate)) {
    issues.push({
      path: ["targetDate"],
      message: `Target date ${inWords(item.targetDate)} is in the past; enter today (${inWords(today)}) or a later date`,
    });
  }
  if (
    item.targetLevel <= currentLevel &&
    (!before ||
      before.targetLevel !== item.targetLevel ||
      before.functionalityCode !== item.functionalityCode)
  ) {
    issues.push({
      path: ["targetLevel"],
      message: `${functionalityName} is already at L${currentLevel}; the target level must be above L${currentLevel}`,
    });
  }
  if (item.status !== "done") {
    const twin = args.others.find(
      (o) =>
        o.id !== before?.id &&
        o.status !== "done" &&
        o.functionalityCode === item.functionalityCode &&
        o.targetLevel === item.targetLevel,
    );
    if (twin) {
      issues.push({
        path: ["functionalityCode"],
        message: `The plan already has an open item taking ${functionalityName} to L${item.targetLevel} (by ${inWords(twin.targetDate)}); change that item instead of adding another`,
      });
    }
  }
  return issues;
}
