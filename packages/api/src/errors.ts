/**
 * Kept while routers move to services: errors are now mapped once, in trpc.ts, for every procedure.
 * @deprecated call the service or repository directly.
 */
export async function mapDataErrors<T>(work: () => Promise<T>): Promise<T> {
  return work();
}
