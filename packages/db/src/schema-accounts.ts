// Types of the tables behind teams, sign-in, security and the audit chain (migrations 0010 and 0011), split from schema.ts
// by what they hold; schema.test.ts reads both files.
import type { Role } from "@realise/domain";
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** An invitation to join a trust's team (migration 0011); the one-time token is kept as a hash. */
export interface InvitationTable {
  id: string;
  token_hash: string;
  email: string;
  ods_code: string;
  role: Role;
  invited_by: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: NullableTimestamp;
  user_id: string | null;
}

/** A password reset link (migration 0011), by the hash of its token; single-use, expiring. */
export interface PasswordResetTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

/** Who a tier, functionality, benefit line or plan item of a trust is assigned to (migration 0011). */
export interface AssignmentTable {
  ods_code: string;
  subject_kind: string;
  subject_key: string;
  assignee_user_id: string;
  assigned_by: string;
  assigned_at: Timestamp;
}

/** A tier (or the whole trust, tier 0) an editor marked ready for approval for a period (migration 0011). */
export interface HandoffTable {
  ods_code: string;
  period: string;
  tier: number;
  marked_by: string;
  marked_at: Timestamp;
}

/** Failed sign-ins per (account, address) pair and per address (migration 0010). */
export interface SignInThrottleTable {
  scope: "account_address" | "address";
  key: string;
  failures: ColumnType<number, number | undefined, number>;
  first_failed_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_failed_at: ColumnType<Date, Date | string | undefined, Date | string>;
  blocked_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** Security events the national team reviews: throttling, accounts under attack (migration 0010). */
export interface SecurityEventTable {
  id: Generated<string>;
  at: ColumnType<Date, Date | string | undefined, never>;
  event: string;
  account: string | null;
  address: string | null;
  detail: ColumnType<Record<string, unknown>, string | undefined, never>;
}

/** The head of the audit chain: its last sequence number and hash (migration 0010). */
export interface AuditChainHeadTable {
  id: number;
  seq: string;
  hash: string;
}

/** Each run of `pnpm audit:verify` and what it found (migration 0010). */
export interface AuditVerificationTable {
  id: Generated<string>;
  at: ColumnType<Date, Date | string | undefined, never>;
  ok: boolean;
  rows_checked: ColumnType<string, number | string, never>;
  head_seq: ColumnType<string | null, number | string | null, never>;
  head_hash: string | null;
  first_bad_id: string | null;
  problem: string | null;
}

/** Requests counted in the current window of one key: an address on an auth path, or a client on a view (0017). */
export interface RateLimitTable {
  key: string;
  window_start: ColumnType<Date, Date | string, Date | string>;
  hits: number;
}

/** A published snapshot's whole-nation open-data answer, as served (migration 0018). */
export interface SnapshotAnswerTable {
  key: string;
  period: string;
  body: string;
  created_at: ColumnType<Date, Date | string, Date | string>;
}

/** The account version's one counter (migration 0022). */
export interface AuthVersionTable {
  id: number;
  /** int8, which the drivers return as text. */
  version: ColumnType<string, string | undefined, string>;
}

/** One of the counters whose sum is the data version (migration 0019). */
export interface DataVersionTable {
  slot: number;
  /** int8, which the drivers return as text. */
  version: ColumnType<string, string | undefined, string>;
}
