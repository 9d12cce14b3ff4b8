import type { ReactNode } from "react";
import { useMe } from "./session";

/**
 * Write controls only for national administrators: an analyst reads the page and is told who can change it,
 * instead of meeting a button that then fails. Nothing is shown while the session is still loading.
 */
export function AdminOnly({ children, what }: { children: ReactNode; what: string }) {
  const me = useMe();
  if (me.isPending) return null;
  if (me.data?.role === "national_admin") return <>{children}</>;
  return <p className="nhsuk-body realise-read-only-note">Only a national administrator can {what}.</p>;
}
