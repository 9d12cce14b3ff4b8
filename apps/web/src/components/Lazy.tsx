import { Loading } from "@realise/ui";
import { type ComponentType, lazy, Suspense } from "react";

/** A page loaded on first visit, so its code (charts, form rules) stays out of the first download. */
export function lazyPage(load: () => Promise<{ default: ComponentType }>, what: string) {
  const Page = lazy(load);
  return (
    <Suspense fallback={<Loading what={what} />}>
      <Page />
    </Suspense>
  );
}
