import type { AppRouter } from "@realise/api";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;

/** The signed-in user, or null. */
export type Me = Outputs["session"]["me"];
/** Everything the trust dashboard shows, in one answer. */
export type DashboardData = Outputs["adoption"]["forOrganisation"];
export type AdoptionRecordRow = DashboardData["records"][number];
export type FrameworkFunctionality = DashboardData["framework"]["functionalities"][number];
export type AuditRow = Outputs["adoption"]["history"][number];
