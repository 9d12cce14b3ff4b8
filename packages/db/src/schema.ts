import type {
  BenefitClass,
  BenefitStatusSchema,
  ConfidenceSchema,
  Direction,
  EprStatus,
  FrameworkStatus,
  PlanStatus,
  Region,
  Role,
  TrustType,
  ValidationState,
} from "@realise/domain";
import type { ColumnType, Generated } from "kysely";
import type {
  AssignmentTable,
  AuditChainHeadTable,
  AuditVerificationTable,
  HandoffTable,
  InvitationTable,
  PasswordResetTable,
  SecurityEventTable,
  AuthVersionTable,
  DataVersionTable,
  RateLimitTable,
  SnapshotAnswerTable,
  SignInThrottleTable,
} from "./schema-accounts.js";

/** Timestamps come back as Date and go in as Date or ISO string. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** Calendar dates are kept as ISO strings (a date has no time zone). */
type DateText = ColumnType<string, string, string>;
type NullableDateText = ColumnType<string | null, string | null | undefined, string | null>;
/** A column with a database default: optional on insert. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

/** The domain exports these value lists as schemas only; the union is the schema's options. */
type Confidence = (typeof ConfidenceSchema)["options"][number];
type BenefitStatus = (typeof BenefitStatusSchema)["options"][number];
/** A trust return's workflow state (migration 0003's CHECK); the domain has no union for it yet. */
export type ReturnStatus = "submitted" | "accepted" | "returned" | "unlocked" | "withdrawn";
/** An official snapshot's state (migration 0003's CHECK). */
export type SnapshotStatus = "preview" | "published";

export interface RegionTable {
  name: Region;
}

export interface IcbTable {
  code: string;
  name: string;
  region: Region;
  valid_from: DateText;
  valid_to: NullableDateText;
  predecessor_codes: ColumnType<string[], string[] | undefined, string[]>;
}

export interface EprSupplierTable {
  name: string;
}

export interface OrganisationTable {
  ods_code: string;
  name: string;
  trust_type: TrustType;
  region: Region;
  epr_status: EprStatus;
  epr_supplier: string | null;
  epr_product: string | null;
  version: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
}

export interface OrganisationIcbTable {
  ods_code: string;
  icb_code: string;
  valid_from: DateText;
  valid_to: NullableDateText;
}

export interface FrameworkVersionTable {
  version: number;
  name: string;
  status: FrameworkStatus;
  effective_from: DateText;
  document: ColumnType<unknown, string, string>;
  crosswalk: ColumnType<unknown | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  row_version: ColumnType<number, number | undefined, number>;
  /** md5 of the document, kept by the database (migration 0021). */
  digest: ColumnType<string, never, never>;
}

export interface AdoptionRecordTable {
  ods_code: string;
  functionality_code: string;
  coverage_pct: ColumnType<number | null, number | null | undefined, number | null>;
  usage_numerator: number | null;
  usage_denominator: number | null;
  window_start: NullableDateText;
  window_end: NullableDateText;
  paper_retired: boolean;
  benefit_measured: ColumnType<boolean, boolean | undefined, boolean>;
  planned_go_live: NullableDateText;
  claimed_level: number | null;
  claim_reason: string | null;
  evidence: ColumnType<{ label: string; url: string }[], string | undefined, string>;
  notes: ColumnType<string, string | undefined, string>;
  derived_level: number;
  level: number;
  rule: string;
  validation_state: Defaulted<ValidationState>;
  version: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface OrganisationTierTable {
  ods_code: string;
  framework_version: number;
  attained_tier: number;
  progress_to_next: number;
  updated_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Generated<Date>;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  entity: string;
  entity_key: string;
  ods_code: string | null;
  before: ColumnType<unknown | null, string | null | undefined, never>;
  after: ColumnType<unknown | null, string | null | undefined, never>;
  /**
   * The audit chain (migrations 0010, 0020): set by the database's triggers as the row's transaction
   * commits, never by the application. Null only inside the transaction that inserted the row.
   */
  chain_seq: ColumnType<string | null, never, never>;
  prev_hash: ColumnType<string | null, never, never>;
  row_hash: ColumnType<string | null, never, never>;
}

export interface TrustReturnTable {
  ods_code: string;
  period: string;
  status: ReturnStatus;
  framework_version: number;
  payload: ColumnType<unknown, string, string>;
  submitted_by: string | null;
  submitted_at: Timestamp;
  decided_by: string | null;
  decided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  comment: string | null;
  version: ColumnType<number, number | undefined, number>;
  /** The submission under review (migration 0008); null for returns from before copies were kept. */
  submission_seq: ColumnType<number | null, number | null | undefined, number | null>;
}

/** A quarter opened for returns by the national team (migration 0008). */
export interface CollectionTable {
  period: string;
  opens_on: DateText;
  due_on: DateText;
  framework_version: number;
  opened_by: string | null;
  opened_at: Timestamp;
}

/** One submission of a return as it was sent; immutable by trigger (migration 0008). */
export interface ReturnSubmissionTable {
  ods_code: string;
  period: string;
  seq: number;
  framework_version: number;
  content: ColumnType<unknown, string, never>;
  digest: string;
  submitted_by: string | null;
  submitted_at: Timestamp;
}

/** Emails waiting to be sent, written in the transaction of the decision that causes them (migration 0008). */
export interface MailOutboxTable {
  id: Generated<string>;
  created_at: Timestamp;
  kind: string;
  dedupe_key: string | null;
  recipients: ColumnType<string[], string[], string[]>;
  subject: string;
  body: string;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface SnapshotTable {
  period: string;
  status: SnapshotStatus;
  framework_version: number;
  frozen_at: Timestamp;
  frozen_by: string | null;
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Accepted / submitted / returned / missing returns when frozen (migration 0008); null before. */
  return_counts: ColumnType<Record<string, number> | null, string | null | undefined, string | null>;
}

export interface SnapshotAdoptionTable {
  period: string;
  ods_code: string;
  functionality_code: string;
  level: number;
  coverage_pct: number | null;
  usage_numerator: number | null;
  usage_denominator: number | null;
  validation_state: ValidationState;
}

export interface SnapshotOrganisationTable {
  period: string;
  ods_code: string;
  trust_type: TrustType;
  region: Region;
  icb_code: string | null;
  epr_status: EprStatus;
  epr_supplier: string | null;
  attained_tier: number;
  progress_to_next: number;
}

export interface UserRoleTable {
  user_id: string;
  role: Role;
  ods_code: string | null;
  /** Set when the account is disabled (migration 0011): sign-in refused, sessions ended. */
  disabled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** The ICB an ICB viewer is bound to. */
  icb_code: string | null;
  /** The region a region viewer is bound to. */
  region: Region | null;
}

/** better-auth's user table (created by its own migrations); read here to join accounts to role bindings. */
export interface AuthUserTable {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** A benefits register line (migration 0004): Green Book Box 9 fields plus tracking. */
export interface BenefitLineTable {
  id: string;
  ods_code: string;
  benefit_type_code: string;
  title: string;
  benefit_class: BenefitClass;
  is_disbenefit: boolean;
  owner: string;
  metric: string;
  unit: string;
  direction: Direction;
  baseline_value: number;
  baseline_date: DateText;
  baseline_source: string;
  target_value: number;
  target_date: DateText;
  trajectory: ColumnType<{ date: string; value: number }[], string | undefined, string>;
  confidence: Confidence;
  status: BenefitStatus;
  enabling_functionalities: ColumnType<string[], string | undefined, string>;
  full_year_value_gbp: number | null;
  attribution_pct: ColumnType<number, number | undefined, number>;
  double_count_group: string | null;
  evidence: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string | null;
  /** Withdrawn lines stay for the history and are out of every total (migration 0015). */
  withdrawn_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  withdrawn_by: ColumnType<string | null, string | null | undefined, string | null>;
  withdrawn_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One actual of a benefit line for a period (migration 0004). */
export interface BenefitActualTable {
  benefit_id: string;
  period: string;
  value: number;
  source: string | null;
  recorded_at: Timestamp;
  recorded_by: string | null;
}

/** One item of a trust's plan: a functionality to reach a level by a date (migration 0004). */
export interface PlanItemTable {
  id: string;
  ods_code: string;
  functionality_code: string;
  target_level: number;
  target_date: DateText;
  owner: string;
  status: PlanStatus;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface DB {
  user: AuthUserTable;
  region: RegionTable;
  icb: IcbTable;
  epr_supplier: EprSupplierTable;
  organisation: OrganisationTable;
  organisation_icb: OrganisationIcbTable;
  framework_version: FrameworkVersionTable;
  adoption_record: AdoptionRecordTable;
  organisation_tier: OrganisationTierTable;
  audit_log: AuditLogTable;
  trust_return: TrustReturnTable;
  snapshot: SnapshotTable;
  snapshot_adoption: SnapshotAdoptionTable;
  snapshot_organisation: SnapshotOrganisationTable;
  user_role: UserRoleTable;
  benefit_line: BenefitLineTable;
  benefit_actual: BenefitActualTable;
  plan_item: PlanItemTable;
  peer_group_set: PeerGroupSetTable;
  peer_group: PeerGroupTable;
  peer_group_member: PeerGroupMemberTable;
  organisation_levels: OrganisationLevelsTable;
  collection: CollectionTable;
  return_submission: ReturnSubmissionTable;
  mail_outbox: MailOutboxTable;
  system_client: SystemClientTable;
  system_token: SystemTokenTable;
  measure_report_receipt: MeasureReportReceiptTable;
  invitation: InvitationTable;
  password_reset: PasswordResetTable;
  assignment: AssignmentTable;
  handoff: HandoffTable;
  sign_in_throttle: SignInThrottleTable;
  rate_limit: RateLimitTable;
  auth_version: AuthVersionTable;
  data_version: DataVersionTable;
  snapshot_answer: SnapshotAnswerTable;
  security_event: SecurityEventTable;
  audit_chain_head: AuditChainHeadTable;
  audit_verification: AuditVerificationTable;
}

/** A trust's own system that sends MeasureReports (migration 0009); the secret is kept as a hash. */
export interface SystemClientTable {
  id: string;
  ods_code: string;
  name: string;
  secret_hash: string;
  created_by: string | null;
  created_at: Timestamp;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Set while the trust's approver has paused the feed (migration 0014). */
  paused_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** A bearer token of a system client, by the hash of the token. */
export interface SystemTokenTable {
  hash: string;
  client_id: string;
  expires_at: Timestamp;
}

/** A MeasureReport received, by its identifier: what it changed, and where it came from. */
export interface MeasureReportReceiptTable {
  identifier: string;
  client_id: string;
  ods_code: string;
  functionality_code: string;
  measure: string;
  period_start: DateText;
  period_end: DateText;
  received_at: Timestamp;
  outcome: ColumnType<unknown, string, never>;
}

/** Peer group sets defined by the national team (migration 0005); groups in a set are exclusive. */
export interface PeerGroupSetTable {
  id: string;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
}

export interface PeerGroupTable {
  id: string;
  set_id: string;
  name: string;
}

export interface PeerGroupMemberTable {
  set_id: string;
  group_id: string;
  ods_code: string;
}

/** Per trust, {functionality code: level}: maintained by triggers on adoption_record (migration 0007). */
export interface OrganisationLevelsTable {
  ods_code: string;
  levels: ColumnType<Record<string, number>, string | undefined, string>;
}
