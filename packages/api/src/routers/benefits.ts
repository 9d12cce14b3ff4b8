import { access } from "@realise/domain";
import {
  BenefitsCommitImportInput,
  BenefitsCreateInput,
  BenefitsExportCsvInput,
  BenefitsGetInput,
  BenefitsImportTemplateInput,
  BenefitsListInput,
  BenefitsNationalInput,
  BenefitsPreviewImportInput,
  BenefitsRecordActualInput,
  BenefitsUpdateInput,
  BenefitsHistoryInput,
  BenefitsWithdrawInput,
} from "../contracts/benefits.js";
import {
  actualsTemplateCsv,
  benefitLine,
  benefitRegister,
  benefitsCsv,
  commitActualsImport,
  createBenefitLine,
  nationalBenefits,
  previewActualsImport,
  recordBenefitActual,
  updateBenefitLine,
  benefitHistory,
  withdrawBenefitLine,
} from "../services/benefits/index.js";
import { procedure, router } from "../trpc.js";

export const benefitsRouter = router({
  /** The trust's register: lines with progress, flags, and totals with double counting removed. */
  list: procedure(access.trustRead)
    .input(BenefitsListInput)
    .query(({ ctx, input }) => benefitRegister(ctx.database.db, input)),

  /** One line with its actuals and progress. */
  get: procedure(access.trustRead)
    .input(BenefitsGetInput)
    .query(({ ctx, input }) => benefitLine(ctx.database.db, input)),

  /** Add a line to the register. */
  create: procedure(access.trustWrite)
    .input(BenefitsCreateInput)
    .mutation(({ ctx, input }) => createBenefitLine(ctx.database.db, input, ctx.principal)),

  /** Change a line at the version read; a stale version gets CONFLICT. */
  update: procedure(access.trustWrite)
    .input(BenefitsUpdateInput)
    .mutation(({ ctx, input }) => updateBenefitLine(ctx.database.db, input, ctx.principal)),

  /** Record (or re-record) a line's actual for a period. */
  recordActual: procedure(access.trustWrite)
    .input(BenefitsRecordActualInput)
    .mutation(({ ctx, input }) => recordBenefitActual(ctx.database.db, input, ctx.principal)),

  /** Check an actuals CSV: every row's result, each bad row with its field and reason; writes nothing. */
  previewImport: procedure(access.trustWrite)
    .input(BenefitsPreviewImportInput)
    .mutation(({ ctx, input }) => previewActualsImport(ctx.database.db, input)),

  /** Re-check the CSV and write every row, or nothing when any row is bad. */
  commitImport: procedure(access.trustWrite)
    .input(BenefitsCommitImportInput)
    .mutation(({ ctx, input }) => commitActualsImport(ctx.database.db, input, ctx.principal)),

  /** A CSV template for actuals: one row per line being tracked, for the period now due. */
  importTemplate: procedure(access.trustRead)
    .input(BenefitsImportTemplateInput)
    .query(({ ctx, input }) => actualsTemplateCsv(ctx.database.db, input)),

  /** The register as CSV text. */
  exportCsv: procedure(access.trustRead)
    .input(BenefitsExportCsvInput)
    .query(({ ctx, input }) => benefitsCsv(ctx.database.db, input)),

  /** Benefits across trusts by type, class, region, ICB and supplier, double counting removed. */
  national: procedure(access.oversightRead, { fairUse: "view" })
    .input(BenefitsNationalInput)
    .query(({ ctx }) => nationalBenefits(ctx.database.db, ctx.scope)),

  /** Withdraw a line at the version read: kept in the history, out of every total and forecast. */
  withdraw: procedure(access.trustWrite)
    .input(BenefitsWithdrawInput)
    .mutation(({ ctx, input }) => withdrawBenefitLine(ctx.database.db, input, ctx.principal)),

  /** Every change to the register's lines and actuals (or one line's), before → after in words. */
  history: procedure(access.trustRead)
    .input(BenefitsHistoryInput)
    .query(({ ctx, input }) => benefitHistory(ctx.database.db, input)),
});
