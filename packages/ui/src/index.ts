export { BarChart, type BarSeries, NHS_COLOURS } from "./charts/BarChart";
export * from "./forms";
export * from "./labels";
export { Layout, type NavItem } from "./Layout";
export { Empty, LoadError, Loading } from "./states";
export { RealiseProviders, TRPCProvider, useTRPC, useTRPCClient } from "./trpc";
export { formatDate, formatDateTime } from "./dates";
export {
  PageTitle,
  type RouteHandle,
  type RouteTitle,
  useFocusHeadingOnNavigation,
  usePageTitle,
  useRouteTitle,
} from "./page-title";
export { NETWORK_PROBLEM, readableMessage, SERVER_PROBLEM } from "./messages";
export { RouteError } from "./RouteError";
