import { Loading } from "@realise/ui";
import { lazy, Suspense } from "react";
import type { Params, RouteObject } from "react-router";

const CollectionsPage = lazy(() => import("./CollectionsPage"));
const CollectionStatus = lazy(() => import("./CollectionStatus"));

/** The quarters opened for returns, and each one's trusts by state. */
export const collectionRoutes: RouteObject[] = [
  {
    path: "collections",
    handle: { title: "Collections" },
    element: (
      <Suspense fallback={<Loading what="collections" />}>
        <CollectionsPage />
      </Suspense>
    ),
  },
  {
    path: "collections/:period",
    handle: { title: ({ period }: Params) => `Collection ${period ?? ""}` },
    element: (
      <Suspense fallback={<Loading what="the collection" />}>
        <CollectionStatus />
      </Suspense>
    ),
  },
];
