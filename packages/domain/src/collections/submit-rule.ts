import { AppError } from "../errors/app-error.js";
import { collectionPhase } from "./collection.js";

/**
 * Whether a trust may submit a return for a period, given its collection.
 *
 * Why: returns exist only for quarters the national team has opened; a return for any other period (a
 * typing slip, a quarter nobody asked for) would lock the trust's records for nothing.
 */
export function assertCollectionOpen(
  period: string,
  collection: { opensOn: string; dueOn: string } | undefined,
  today: string,
): void {
  if (!collection)
    throw AppError.state(
      `No collection is open for ${period}: returns are only for quarters the national team has opened`,
    );
  if (collectionPhase(collection, today) === "upcoming")
    throw AppError.state(`The collection for ${period} opens on ${collection.opensOn}: submit from then`);
}
