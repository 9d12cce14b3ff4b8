import type { RouteObject } from "react-router";
import { OrganisationEdit } from "./OrganisationEdit";
import { PeerGroupSetEdit } from "./PeerGroupSetEdit";
import { PeerGroupSets } from "./PeerGroupSets";
import { RegistrySearch } from "./RegistrySearch";

/** The organisation registry pages, under /admin/registry. */
export const registryRoutes: RouteObject[] = [
  { path: "registry", element: <RegistrySearch /> },
  { path: "registry/peer-groups", element: <PeerGroupSets /> },
  { path: "registry/peer-groups/:id", element: <PeerGroupSetEdit /> },
  { path: "registry/:odsCode", element: <OrganisationEdit /> },
];
