import { adoptionRouter } from "./routers/adoption.js";
import { benefitsRouter } from "./routers/benefits.js";
import { collectionsRouter } from "./routers/collections.js";
import { plansRouter } from "./routers/plans.js";
import { frameworkRouter } from "./routers/framework.js";
import { frameworksRouter } from "./routers/frameworks.js";
import { registryAdminRouter } from "./routers/registry-admin.js";
import { accountsRouter } from "./routers/accounts.js";
import { returnsRouter } from "./routers/returns.js";
import { nationalRouter } from "./routers/national.js";
import { snapshotsRouter } from "./routers/snapshots.js";
import { registryRouter } from "./routers/registry.js";
import { organisationsRouter } from "./routers/organisations.js";
import { sessionRouter } from "./routers/session.js";
import { systemClientsRouter } from "./routers/system-clients.js";
import { accountRouter } from "./routers/account.js";
import { teamRouter } from "./routers/team.js";
import { auditRouter } from "./routers/audit.js";
import { assignmentsRouter, handoffRouter } from "./routers/work.js";
import { securityRouter } from "./routers/security.js";
import { router } from "./trpc.js";

export const appRouter = router({
  adoption: adoptionRouter,
  benefits: benefitsRouter,
  collections: collectionsRouter,
  plans: plansRouter,
  framework: frameworkRouter,
  frameworks: frameworksRouter,
  registryAdmin: registryAdminRouter,
  accounts: accountsRouter,
  organisations: organisationsRouter,
  returns: returnsRouter,
  national: nationalRouter,
  snapshots: snapshotsRouter,
  registry: registryRouter,
  session: sessionRouter,
  systemClients: systemClientsRouter,
  account: accountRouter,
  team: teamRouter,
  audit: auditRouter,
  assignments: assignmentsRouter,
  handoff: handoffRouter,
  security: securityRouter,
});

/** The API's type: the apps import this (type only) and get end-to-end types. */
export type AppRouter = typeof appRouter;
