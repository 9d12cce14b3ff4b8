import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from "react";
import { type Params, useLocation, useMatches } from "react-router";

/** A route's title: fixed, or made from its URL parameters (e.g. the trust's ODS code). */
export type RouteTitle = string | ((params: Params) => string);

/** What a route declares in `handle`, read by the layout for the page's `<title>`. */
export interface RouteHandle {
  title: RouteTitle;
}

/** The deepest matched route's title, if any route declares one. */
export function useRouteTitle(): string | undefined {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i--) {
    const match = matches[i]!;
    const title = (match.handle as Partial<RouteHandle> | undefined)?.title;
    if (typeof title === "string") return title;
    if (typeof title === "function") return title(match.params);
  }
  return undefined;
}

type SetTitle = (pathname: string, title: string) => void;
const PageTitleContext = createContext<SetTitle>(() => {});

/**
 * A page names itself more precisely than its route can once its data has loaded, e.g. "Adoption dashboard:
 * Leeds Teaching Hospitals NHS Trust". Nothing (undefined) keeps the route's title.
 */
export function usePageTitle(title: string | null | undefined) {
  const set = useContext(PageTitleContext);
  const { pathname } = useLocation();
  useEffect(() => {
    if (title) set(pathname, title);
  }, [set, pathname, title]);
}

/** The document's title: "<page> – <service>" from the page, else its route, else the service alone. */
export function PageTitle({ serviceName, children }: { serviceName: string; children: ReactNode }) {
  const { pathname } = useLocation();
  const routeTitle = useRouteTitle();
  const [fromPage, setFromPage] = useState<{ pathname: string; title: string } | null>(null);
  const set = useCallback<SetTitle>((path, title) => setFromPage({ pathname: path, title }), []);
  const page = fromPage?.pathname === pathname ? fromPage.title : routeTitle;
  useEffect(() => {
    document.title = page ? `${page} – ${serviceName}` : serviceName;
  }, [page, serviceName]);
  return <PageTitleContext.Provider value={set}>{children}</PageTitleContext.Provider>;
}

/**
 * After a navigation inside the app (not the first load), move focus to the main heading so that a screen
 * reader announces the new page and the next Tab starts from it. Pages that load their data show their `<h1>`
 * later: the heading is focused when it appears.
 */
export function useFocusHeadingOnNavigation(mainId = "maincontent") {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById(mainId);
    if (!main) return;
    const focusHeading = () => {
      const h1 = main.querySelector("h1");
      if (!h1) return false;
      if (!h1.hasAttribute("tabindex")) h1.setAttribute("tabindex", "-1");
      h1.focus();
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [pathname, mainId]);
}
