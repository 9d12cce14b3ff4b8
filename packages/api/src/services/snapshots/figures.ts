import type { SnapshotCounts } from "@realise/db";
import { EPR_STATUSES } from "@realise/domain";

/** The figures a snapshot holds, or would hold if frozen now. */
export interface SnapshotFigures {
  period: string;
  /** `provisional`: what a freeze would publish now (nothing kept); otherwise the stored snapshot's status. */
  status: "provisional" | "preview" | "published";
  frameworkVersion: number;
  frozenAt: Date | null;
  frozenBy: string | null;
  trusts: number;
  adoptionRecords: number;
  validatedRecords: number;
  tierCounts: number[];
  eprStatus: { status: string; count: number }[];
  byTrustType: { trustType: string; trusts: number; tierCounts: number[] }[];
  /** Returns for the period by state, so the team sees how much is validated before freezing. */
  returns: { status: string; count: number }[];
}

/** A snapshot's counts as the national team reads them: every EPR status listed, even at zero. */
export function snapshotFigures(
  header: Pick<SnapshotFigures, "period" | "status" | "frameworkVersion" | "frozenAt" | "frozenBy">,
  counts: SnapshotCounts,
  returns: SnapshotFigures["returns"],
): SnapshotFigures {
  return {
    ...header,
    trusts: counts.trusts,
    adoptionRecords: counts.adoptionRecords,
    validatedRecords: counts.validatedRecords,
    tierCounts: counts.tierCounts,
    eprStatus: EPR_STATUSES.map((status) => ({ status, count: counts.eprStatus.get(status) ?? 0 })),
    byTrustType: counts.byTrustType,
    returns,
  };
}
