import type { Database } from "@realise/db";
import { type AccountBinding, createAccount } from "../auth/accounts.js";
import type { Auth } from "../auth/auth.js";

/** The demo password, published in the README; demo mode is off in production. */
export const DEMO_PASSWORD = "realise-demo";

/** Real trusts of different types that get demo staff accounts. */
export const DEMO_TRUSTS = [
  { odsCode: "RGT", note: "acute, Epic" },
  { odsCode: "RR8", note: "acute, in-house EPR" },
  { odsCode: "RXT", note: "mental health, Rio" },
  { odsCode: "RRU", note: "ambulance, Cleric" },
  { odsCode: "RY6", note: "community, SystmOne" },
  { odsCode: "RP4", note: "specialist, Epic" },
] as const;

export type DemoAccount = AccountBinding;

export function demoAccounts(): DemoAccount[] {
  return [
    { email: "admin@demo.realise", name: "National Admin (demo)", role: "national_admin", odsCode: null },
    {
      email: "analyst@demo.realise",
      name: "National Analyst (demo)",
      role: "national_analyst",
      odsCode: null,
    },
    // Oversight: NHS Central East ICB (Cambridge University Hospitals, RGT, is a member) and its region.
    {
      email: "icb@demo.realise",
      name: "ICB Viewer, NHS Central East ICB (demo)",
      role: "icb_viewer",
      odsCode: null,
      icbCode: "S1Y5D",
    },
    {
      email: "region@demo.realise",
      name: "Region Viewer, East of England (demo)",
      role: "region_viewer",
      odsCode: null,
      region: "East of England",
    },
    ...DEMO_TRUSTS.flatMap(({ odsCode }) => [
      {
        email: `editor.${odsCode.toLowerCase()}@demo.realise`,
        name: `Editor ${odsCode} (demo)`,
        role: "trust_editor" as const,
        odsCode,
      },
      {
        email: `approver.${odsCode.toLowerCase()}@demo.realise`,
        name: `Approver ${odsCode} (demo)`,
        role: "trust_approver" as const,
        odsCode,
      },
      {
        email: `viewer.${odsCode.toLowerCase()}@demo.realise`,
        name: `Viewer ${odsCode} (demo)`,
        role: "trust_viewer" as const,
        odsCode,
      },
    ]),
  ];
}

/** Create the demo accounts unless they exist; one hash serves them all (same published password). */
export async function seedDemoAccounts(database: Database, auth: Auth): Promise<number> {
  const existing = await database.db
    .selectFrom("user")
    .select("email")
    .where("email", "=", "admin@demo.realise")
    .executeTakeFirst()
    .catch(() => undefined);
  if (existing) return 0;
  const ctx = await auth.$context;
  const passwordHash = await ctx.password.hash(DEMO_PASSWORD);
  const accounts = demoAccounts();
  for (const account of accounts) {
    await createAccount(database, auth, { ...account, password: DEMO_PASSWORD, passwordHash });
  }
  return accounts.length;
}
