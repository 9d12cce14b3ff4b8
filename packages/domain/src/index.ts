/**
 * @realise/domain: the national EPR adoption framework as data, and the pure rules that score it.
 * No I/O; zod is the only runtime dependency.
 */

// organisation
export { icbOn, membershipIssues, noIcbWarning, overlappingMemberships } from "./organisation/icb.js";
export type { IcbValidity, MembershipEntry } from "./organisation/icb.js";
export { eprIssues, supplierNameIssues } from "./organisation/epr.js";
export type { EprDetails } from "./organisation/epr.js";
export { peerGroupConflicts, peerGroupOf, peerGroupSetIssues } from "./organisation/peer-groups.js";
export type { PeerGroupEntry } from "./organisation/peer-groups.js";
export {
  EprStatusSchema,
  IcbMembershipSchema,
  OdsCodeSchema,
  OrganisationSchema,
  PeerGroupSchema,
  RegionSchema,
  TRUST_TYPES,
  TrustTypeSchema,
} from "./organisation/schema.js";
export type {
  EprStatus,
  IcbMembership,
  OdsCode,
  Organisation,
  PeerGroup,
  Region,
  TrustType,
} from "./organisation/schema.js";

// adoption
export { checkClaim, effectiveLevel, isClaimFlagged, measuresFromInput } from "./adoption/claim.js";
export type { ClaimCheck } from "./adoption/claim.js";
export { deriveAdoptionLevel } from "./adoption/derive-level.js";
export {
  assertAppliesTo,
  assertEditedVersion,
  changedAdoptionFields,
  EDITED_ADOPTION_FIELDS,
  editedFunctionality,
  SYSTEM_REPORTED_FIELDS,
  scoreAdoptionEdit,
  tierFunctionalityCodes,
  validationStateOnEdit,
} from "./adoption/edit.js";
export type { AdoptionEditOutcome, EditOrigin } from "./adoption/edit.js";
export type { LevelDerivation } from "./adoption/derive-level.js";
export {
  ADOPTION_LEVEL_LABELS,
  ADOPTION_LEVELS,
  AdoptionInputSchema,
  AdoptionLevelSchema,
  AdoptionMeasuresSchema,
  AdoptionRecordSchema,
  EvidenceLinkSchema,
  ValidationStateSchema,
  toAdoptionLevel,
} from "./adoption/schema.js";
export type {
  AdoptionInput,
  AdoptionLevel,
  AdoptionMeasures,
  AdoptionRecord,
  EvidenceLink,
  ValidationState,
} from "./adoption/schema.js";
export { formatPct, usagePct } from "./adoption/usage.js";

// framework
export { defaultFramework } from "./framework/default-framework.js";
export { diffFrameworks, valueChanges } from "./framework/diff.js";
export type { FrameworkDiff, ValueChange } from "./framework/diff.js";
export {
  BenefitClassSchema,
  BenefitTypeSchema,
  DirectionSchema,
  FrameworkSchema,
  FrameworkStatusSchema,
  FunctionalityCodeSchema,
  FunctionalitySchema,
  RoadmapMilestoneSchema,
  TierCriterionSchema,
  TierSchema,
} from "./framework/schema.js";
export type {
  BenefitClass,
  BenefitType,
  Direction,
  Framework,
  FrameworkStatus,
  Functionality,
  RoadmapMilestone,
  Tier,
  TierCriterion,
} from "./framework/schema.js";
export {
  canChangeStatus,
  defaultCrosswalk,
  draftNextVersion,
  functionalityByCode,
  isEditable,
} from "./framework/versions.js";
export { applyDraftEdit, reconcileCrosswalk } from "./framework/draft-edits.js";
export type { DraftEdit, EditedDraft } from "./framework/draft-edits.js";
export {
  checkDraftWritable,
  checkNoOtherDraft,
  checkPreviewable,
  checkRetirable,
  crosswalkIssues,
} from "./framework/draft-checks.js";
export type { VersionState } from "./framework/draft-checks.js";
export {
  carriedChanges,
  describeRecordCounts,
  draftEffect,
  rederiveLevel,
} from "./framework/draft-effect.js";
export type {
  CarriedSource,
  DraftEffect,
  EffectByType,
  RecordCounts,
  TrustToday,
} from "./framework/draft-effect.js";

// tiers
export { applicableCriteria, applicableOptions, requiredUnits } from "./tiers/applicable.js";
export { assessTrust, latestRecords } from "./tiers/assess.js";
export { buildGap, measureGaps } from "./tiers/gaps.js";
export {
  type CriterionExplanation,
  type CriterionOption,
  explainTiers,
  type TierExplanation,
} from "./tiers/explain.js";
export {
  FunctionalityViewSchema,
  GapSchema,
  MeasureGapSchema,
  TierStatusSchema,
  TrustAssessmentSchema,
} from "./tiers/schema.js";
export type {
  AssessableRecord,
  FunctionalityView,
  Gap,
  MeasureGap,
  TierStatus,
  TrustAssessment,
} from "./tiers/schema.js";

// roll-ups
export { quantiles } from "./rollup/quantiles.js";
export { rollUp } from "./rollup/roll-up.js";
export type { RollUpOptions } from "./rollup/roll-up.js";
export { QuantilesSchema, RollUpGroupSchema, TierCountsSchema } from "./rollup/schema.js";
export type { Quantiles, RollUpGroup, TierCounts } from "./rollup/schema.js";
export {
  countTiers,
  EPR_STATUSES,
  groupsBy,
  milestoneProgress,
  nationalOverviewOf,
  progressOf,
  toBrief,
} from "./rollup/national.js";
export type {
  GroupDimension,
  MilestoneProgress,
  NationalGroupRow,
  NationalOverview,
  NationalTrust,
  ProgressQuartiles,
  TrustBrief,
} from "./rollup/national.js";
export {
  HEATMAP_SORTS,
  type HeatmapSort,
  heatmapFunctionalities,
  levelMatrix,
  sortHeatmapTrusts,
} from "./rollup/heatmap.js";
export { peerGroupLabel, tierDistribution } from "./rollup/peers.js";
export type { TierDistribution } from "./rollup/peers.js";

// benefits
export { lineKey, totalsWithoutDoubleCounting } from "./benefits/double-count.js";
export type { BenefitTotals } from "./benefits/double-count.js";
export { benefitFlags, benefitMeasuredFor } from "./benefits/flags.js";
export type {
  BenefitFlag,
  DoubleCountFlag,
  EnablersNotLiveFlag,
  L4WithoutBenefitFlag,
  OverdueActualFlag,
} from "./benefits/flags.js";
export { benefitProgress, latestActual, plannedValueAt } from "./benefits/progress.js";
export type { BenefitProgress } from "./benefits/progress.js";
export { BenefitLineSchema, BenefitStatusSchema, ConfidenceSchema } from "./benefits/schema.js";
export type { BenefitLine } from "./benefits/schema.js";
export { lineReferenceIssues, normaliseLineFields } from "./benefits/fields.js";
export type { BenefitLineFields } from "./benefits/fields.js";
export { actualIssues, actualsDuePeriod, periodNotStarted } from "./benefits/actuals.js";
export {
  ACTUALS_CSV_COLUMNS,
  checkActualsImport,
  importRefusal,
  MAX_IMPORT_ROWS,
} from "./benefits/actuals-import.js";
export type {
  ActualsFile,
  ImportableLine,
  ImportPreview,
  ImportRow,
  ImportRowError,
} from "./benefits/actuals-import.js";
export { expectedValueGbp, withProgress } from "./benefits/value.js";
export { BENEFIT_CLASS_LABELS } from "./benefits/class-labels.js";
export { benefitRollUp, registerTotals } from "./benefits/roll-up.js";
export type { BenefitRollUpRow, BenefitRollUpTrust } from "./benefits/roll-up.js";
export { levelWithBenefitMeasured } from "./benefits/measured.js";
export type { RemeasurableRecord } from "./benefits/measured.js";

// plans
export { forecastTiers } from "./plans/forecast.js";
export { type PlanShortfall, planShortfalls } from "./plans/shortfall.js";
export { PlanItemSchema, PlanStatusSchema, PlanTargetDateInputSchema } from "./plans/schema.js";
export type { PlanItem, PlanStatus, TierForecast } from "./plans/schema.js";
export { milestoneSlippage, trustMilestoneInput } from "./plans/slippage.js";
export type { MilestoneSlippage, MilestoneTrustInput } from "./plans/slippage.js";
export { itemProgress } from "./plans/progress.js";
export type { PlanItemProgress } from "./plans/progress.js";
export { newPlanItemIssues, planItemIssues, planItemRuleIssues } from "./plans/item-checks.js";
export { milestonePositions } from "./plans/milestone-positions.js";
export { type MilestoneTrust, milestoneInputs } from "./plans/milestone-inputs.js";
export type { MilestonePosition } from "./plans/milestone-positions.js";
export { nationalPlanRollUp } from "./plans/national.js";
export type { GroupSlippage, PlanRollUpTrust } from "./plans/national.js";

// periods
export {
  comparePeriods,
  listQuarters,
  nextPeriod,
  periodKind,
  periodOf,
  periodRange,
  previousPeriod,
} from "./periods/periods.js";
export { PeriodSchema, formatPeriod, parsePeriod } from "./periods/schema.js";
export type { ParsedPeriod, Period } from "./periods/schema.js";

// returns
export {
  assertReturnVersion,
  assertSubmittable,
  RETURN_STATUSES,
  RETURN_TRANSITIONS,
  recordsOnDecision,
  stateOnAcceptance,
  returnTransition,
  ReturnStatusSchema,
} from "./returns/workflow.js";
export type { RecordsOnDecision, ReturnDecision, ReturnStatus } from "./returns/workflow.js";
export {
  assertRecordsEditable,
  LOCKING_STATUSES,
  lockingReturnOf,
  locksRecords,
  UNTIL_RETURNED,
  lockedDetail,
} from "./returns/locking.js";
export type { LockingReturn } from "./returns/locking.js";
export {
  comparedValues,
  compareReturnRecords,
  LARGE_CHANGE,
  largeChanges,
  previousRecords,
} from "./returns/compare.js";
export type {
  ComparableRecord,
  ComparedValues,
  PreviousSource,
  ReturnComparisonRow,
} from "./returns/compare.js";

// snapshots
export { assertFreezable, isSuppressed, membershipDate } from "./snapshots/freeze.js";
export { OPEN_DATA_DIMENSIONS, openDataGroups, withheldTrusts } from "./snapshots/open-data.js";
export type { OpenDataDimension, OpenDataGroup, OpenDataTrust } from "./snapshots/open-data.js";

// crosswalk
export { carryForward } from "./crosswalk/carry-forward.js";
export { crosswalkContradictions } from "./crosswalk/contradictions.js";
export type { CarriedRecord, CarryForwardResult } from "./crosswalk/carry-forward.js";
export { CrosswalkEntrySchema, CrosswalkSchema } from "./crosswalk/schema.js";
export type { Crosswalk, CrosswalkEntry } from "./crosswalk/schema.js";

// shared helpers
export { compareIsoDates, daysBetween } from "./common/schema.js";
export { boundedNumber, MAX_COUNT, MAX_MONEY_GBP } from "./common/schema.js";

// errors
export { AppError, isAppError } from "./errors/app-error.js";
export type { AppErrorCode, AppErrorOptions, FieldIssue } from "./errors/app-error.js";

// access
export {
  access,
  decide,
  isOversightRole,
  NATIONAL_ROLES,
  OVERSIGHT_ROLES,
  ROLES,
  TRUST_ROLES,
} from "./access/roles.js";
export type { Access, Principal, Role } from "./access/roles.js";
export {
  bindingIssues,
  bindingNeedsTrust,
  checkBindingChange,
  newAccountIssues,
  oversightBindingIssues,
} from "./access/account-binding.js";
export type { RoleBinding } from "./access/account-binding.js";
export {
  checkDisable,
  checkRoleChange,
  INVITATION_DAYS,
  isTeamRole,
  linkProblem,
  PASSWORD_RESET_HOURS,
  ROLE_LABELS,
  TEAM_ROLES,
} from "./access/team.js";
export type { AccountSubject, TeamRole } from "./access/team.js";

// collections and official returns
export { handoffState, WHOLE_TRUST } from "./collections/handoff.js";
export type { HandoffState } from "./collections/handoff.js";
export { canonicalJson } from "./collections/digest.js";
export { assertCollectionOpen } from "./collections/submit-rule.js";
export { submissionChecklist } from "./collections/checklist.js";
export type { ChecklistInput, ChecklistItem, ChecklistKind } from "./collections/checklist.js";
export {
  CollectionSchema,
  collectionIssues,
  collectionPhase,
  daysUntilDue,
  freezeRefusal,
  nothingToFreeze,
} from "./collections/collection.js";
export type { CollectionInput } from "./collections/collection.js";
export {
  NOT_SUBMITTED_STATES,
  TRUST_RETURN_STATE_LABELS,
  TRUST_RETURN_STATE_ORDER,
  TRUST_RETURN_STATES,
  trustReturnState,
} from "./collections/trust-state.js";
export type { TrustReturnState } from "./collections/trust-state.js";

// audit
export {
  changesInWords,
  describeAuditEntry,
  functionalityInWords,
  periodInWords,
} from "./audit/describe.js";
export type { AuditChange, AuditDescription, AuditEntry, AuditNames } from "./audit/describe.js";
// security
export {
  ACCOUNT_UNDER_ATTACK_ADDRESSES,
  pairKey,
  SIGN_IN_THROTTLE,
  signInDelaySeconds,
  type ThrottlePolicy,
  type ThrottleScope,
} from "./security/sign-in-throttle.js";
export { safeNextPath } from "./security/safe-next.js";
export {
  FAIR_USE_RULES,
  FAIR_USE_VIEW_BUDGET,
  type FairUseKind,
  type FairUseRule,
  fairUseClient,
  fairUseMessage,
} from "./security/fair-use.js";
// milestone status: one vocabulary on every page
export { MILESTONE_STATUS_LABELS, milestoneStatus } from "./plans/milestone-status.js";
export type { MilestoneStatus } from "./plans/milestone-status.js";
