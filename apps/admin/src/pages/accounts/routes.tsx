import type { RouteObject } from "react-router";
import { Accounts, CreateAccount, EditAccount } from "./Accounts";

/** Account administration, under /admin/accounts. */
export const accountRoutes: RouteObject[] = [
  { path: "accounts", element: <Accounts /> },
  { path: "accounts/new", element: <CreateAccount /> },
  { path: "accounts/:userId", element: <EditAccount /> },
];
