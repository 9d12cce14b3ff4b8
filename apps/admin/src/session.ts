import { useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";

/** Who is signed in (null when nobody), so a page offers only what the server will allow. */
export function useMe() {
  const trpc = useTRPC();
  return useQuery(trpc.session.me.queryOptions());
}

/** Whether the signed-in user is the national admin: only they open collections and freeze figures. */
export function useIsNationalAdmin() {
  return useMe().data?.role === "national_admin";
}

/** Whether the signed-in user is an ICB or region viewer: they see their trusts, read-only. */
export function useIsOverseer() {
  const role = useMe().data?.role;
  return role === "icb_viewer" || role === "region_viewer";
}
