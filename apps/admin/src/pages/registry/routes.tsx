import type { Params, RouteObject } from "react-router";
import { OrganisationEdit } from "./OrganisationEdit";
import { PeerGroupSetEdit } from "./PeerGroupSetEdit";
import { PeerGroupSets } from "./PeerGroupSets";
import { RegistrySearch } from "./RegistrySearch";

/** The organisation registry pages, under /admin/registry. */
export const registryRoutes: RouteObject[] = [
  { path: "registry", element: <RegistrySearch />, handle: { title: "Organisation registry" } },
  { path: "registry/peer-groups", element: <PeerGroupSets />, handle: { title: "Peer groups" } },
  {
    path: "registry/peer-groups/:id",
    element: <PeerGroupSetEdit />,
    handle: { title: "Edit a peer group set" },
  },
  {
    path: "registry/:odsCode",
    element: <OrganisationEdit />,
    handle: { title: ({ odsCode }: Params) => `Organisation ${odsCode ?? ""}` },
  },
];
