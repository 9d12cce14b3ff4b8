import type { RouterOutputs } from "@realise/api";

/** The signed-in user, or null. */
export type Me = RouterOutputs["session"]["me"];
/** Everything the trust dashboard shows, in one answer. */
export type DashboardData = RouterOutputs["adoption"]["forOrganisation"];
export type AdoptionRecordRow = DashboardData["records"][number];
export type FrameworkFunctionality = DashboardData["framework"]["functionalities"][number];
export type AuditRow = RouterOutputs["adoption"]["history"][number];
export type Collection = RouterOutputs["collections"]["list"][number];
export type ReturnRow = DashboardData["returns"][number];
export type Checklist = RouterOutputs["returns"]["checklist"];
export type ChecklistItem = Checklist["items"][number];
