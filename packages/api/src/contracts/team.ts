// Inputs of the team, account and assignment procedures: zod only, importable by the browser.
import { OdsCodeSchema, TEAM_ROLES } from "@realise/domain";
import { z } from "zod";

const EmailSchema = z
  .email({ message: "Email address must be a valid email address" })
  .max(200, "Email address must be at most 200 characters");
const UserIdSchema = z.string().trim().min(1, "Choose an account").max(100, "Account id is too long");
const TokenSchema = z
  .string()
  .trim()
  .min(20, "This link is not valid; check you copied the whole link")
  .max(200, "This link is not valid; check you copied the whole link");
/** The length limits only; strength is checked on the server (zxcvbn), with the account's own words. */
export const NewPasswordSchema = z
  .string()
  .min(10, "Password must be at least 10 characters")
  .max(128, "Password must be at most 128 characters");

export const TeamRoleSchema = z.enum(TEAM_ROLES, { error: "Role must be viewer, editor or approver" });

export const TeamListInput = z.object({ odsCode: OdsCodeSchema }).strict();
export const TeamInviteInput = z
  .object({ odsCode: OdsCodeSchema, email: EmailSchema, role: TeamRoleSchema })
  .strict();
export const TeamResendInput = z
  .object({ odsCode: OdsCodeSchema, invitationId: z.string().trim().min(1).max(100) })
  .strict();
export const TeamAcceptInput = z
  .object({
    token: TokenSchema,
    password: NewPasswordSchema,
    name: z
      .string()
      .trim()
      .min(1, "Enter your name")
      .max(200, "Name must be at most 200 characters")
      .optional(),
  })
  .strict();
export const TeamChangeRoleInput = z
  .object({ odsCode: OdsCodeSchema, userId: UserIdSchema, role: TeamRoleSchema })
  .strict();
export const TeamMemberInput = z.object({ odsCode: OdsCodeSchema, userId: UserIdSchema }).strict();

export const AccountRequestResetInput = z.object({ email: EmailSchema }).strict();
export const AccountResetPasswordInput = z
  .object({ token: TokenSchema, password: NewPasswordSchema })
  .strict();
export const AccountChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(128),
    newPassword: NewPasswordSchema,
  })
  .strict();

export const AccountsUserInput = z.object({ userId: UserIdSchema }).strict();
export const AccountsRenameInput = z
  .object({
    userId: UserIdSchema,
    name: z.string().trim().min(1, "Name is required").max(200, "Name must be at most 200 characters"),
  })
  .strict();

export type TeamInvite = z.infer<typeof TeamInviteInput>;
export type TeamAccept = z.infer<typeof TeamAcceptInput>;
export type TeamChangeRole = z.infer<typeof TeamChangeRoleInput>;
export type TeamMember = z.infer<typeof TeamMemberInput>;
export type AccountResetPassword = z.infer<typeof AccountResetPasswordInput>;
export type AccountChangePassword = z.infer<typeof AccountChangePasswordInput>;
