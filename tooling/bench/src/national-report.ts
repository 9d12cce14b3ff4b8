/** The national quarterly report PDF (issue 16), built at bench scale through HTTP as a national analyst. */
export interface NationalReportTiming {
  /** Median of the builds, request to last byte. */
  ms: number;
  /** Slowest build. */
  maxMs: number;
  builds: number;
  bytes: number;
}

/**
 * GET /reports/national.pdf (the latest published period) `builds` times, after one warm-up build, and
 * time each whole answer: the figures are read from the frozen period, charts rendered, the PDF written.
 */
export async function measureNationalReport(
  appUrl: string,
  cookie: string,
  builds = 3,
): Promise<NationalReportTiming> {
  const once = async () => {
    const started = performance.now();
    const response = await fetch(`${appUrl}/reports/national.pdf`, { headers: { cookie } });
    const body = Buffer.from(await response.arrayBuffer());
    const ms = performance.now() - started;
    if (response.status !== 200 || !body.subarray(0, 5).toString("latin1").startsWith("%PDF-"))
      throw new Error(`The national report answered ${response.status}: ${body.toString("utf8", 0, 300)}`);
    return { ms, bytes: body.length };
  };
  await once();
  const runs: { ms: number; bytes: number }[] = [];
  for (let i = 0; i < builds; i++) runs.push(await once());
  const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
  return {
    ms: Math.round(sorted[Math.floor(sorted.length / 2)]!),
    maxMs: Math.round(sorted.at(-1)!),
    builds,
    bytes: runs.at(-1)!.bytes,
  };
}
