import type { RouteObject } from "react-router";
import { Accounts, CreateAccount, EditAccount } from "./Accounts";

/** Account administration, under /admin/accounts. */
export const accountRoutes: RouteObject[] = [
  { path: "accounts", element: <Accounts />, handle: { title: "Accounts" } },
  { path: "accounts/new", element: <CreateAccount />, handle: { title: "Create an account" } },
  { path: "accounts/:userId", element: <EditAccount />, handle: { title: "Edit an account" } },
];
