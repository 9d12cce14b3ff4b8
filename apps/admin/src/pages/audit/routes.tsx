import { Loading } from "@realise/ui";
import { lazy, Suspense } from "react";
import type { RouteObject } from "react-router";

const AuditLog = lazy(() => import("./AuditLog"));

/** The national audit log, under /admin/audit. */
export const auditRoutes: RouteObject[] = [
  {
    path: "audit",
    handle: { title: "Audit log" },
    element: (
      <Suspense fallback={<Loading what="the audit log" />}>
        <AuditLog />
      </Suspense>
    ),
  },
];
