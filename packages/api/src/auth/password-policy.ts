import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";

/** Shortest and longest password accepted (the longest bounds scrypt's work per sign-in). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
/** zxcvbn's score runs 0–4; 3 is "safely unguessable: moderate protection from offline attacks". */
const MIN_SCORE = 3;

let checker: ZxcvbnFactory | undefined;
/** The dictionaries are large; load them once, on first use, not at import. */
function zxcvbn(): ZxcvbnFactory {
  checker ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return checker;
}

/**
 * Why a password would be refused, in words a trust lead understands, or null when it is strong enough.
 * `personal` holds what an attacker knows of the account (email, name, trust) so passwords built from it fail.
 */
export function passwordProblem(password: string, personal: readonly string[] = []): string | null {
  if (password.length < PASSWORD_MIN_LENGTH)
    return `Password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH)
    return `Password must be at most ${PASSWORD_MAX_LENGTH} characters`;
  // Each part of a name or address, and the parts run together ("janesmith"), count as known words.
  const words = ["realise", "nhs", "epr"];
  for (const item of personal) {
    const parts =
      item
        .toLowerCase()
        .split("@")[0]
        ?.split(/[^a-z0-9]+/) ?? [];
    words.push(...parts, parts.join(""), ...item.toLowerCase().split(/[^a-z0-9]+/));
  }
  const result = zxcvbn().check(
    password,
    words.filter((w) => w.length >= 3),
  );
  if (result.score >= MIN_SCORE) return null;
  const why = result.feedback.warning ?? "it is easy to guess";
  const tip = result.feedback.suggestions[0] ?? "Use a few uncommon words together.";
  return `Password is too easy to guess: ${why.replace(/\.$/, "").toLowerCase()}. ${tip}`;
}
