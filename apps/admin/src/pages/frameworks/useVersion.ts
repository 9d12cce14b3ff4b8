import { useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";

/** The framework version named in the route (`:version`). */
export function useVersion() {
  const trpc = useTRPC();
  const { version: param } = useParams();
  const version = Number(param);
  const valid = Number.isInteger(version) && version >= 1;
  const query = useQuery({
    ...trpc.frameworks.get.queryOptions({ version: valid ? version : 1 }),
    enabled: valid,
  });
  return { version, valid, query };
}
