import { ConflictError, ValidationError } from "@realise/db";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { type Access, decide } from "./access.js";
import type { Context } from "./context.js";

export interface Meta {
  access: Access;
}

/** Name the field in every validation message, e.g. "coveragePct: Coverage must be between 0 and 100". */
function describeZodError(error: ZodError) {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "(input)";
    fieldErrors[path] ??= issue.message;
  }
  const message = Object.entries(fieldErrors)
    .map(([field, msg]) => `${field}: ${msg}`)
    .join("; ");
  return { fieldErrors, message };
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const zod =
        error.cause instanceof ZodError
          ? describeZodError(error.cause)
          : error.cause instanceof ValidationError
            ? describeZodError(
                new ZodError(
                  error.cause.issues.map((i) => ({ ...i, code: "custom" as const, input: undefined })),
                ),
              )
            : null;
      const conflict =
        error.cause instanceof ConflictError
          ? { current: error.cause.current, changedFields: error.cause.changedFields }
          : null;
      // Stacks stay on the server.
      const { stack: _stack, ...data } = shape.data;
      return {
        ...shape,
        message: zod ? zod.message : shape.message,
        data: { ...data, fieldErrors: zod?.fieldErrors ?? null, conflict },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/** Read the trust a call is about before the input parser runs, so access is decided first. */
async function rawOdsCode(getRawInput: () => Promise<unknown>): Promise<string | undefined> {
  const raw = await getRawInput();
  if (raw && typeof raw === "object" && "odsCode" in raw && typeof raw.odsCode === "string") {
    return raw.odsCode.trim().toUpperCase();
  }
  return undefined;
}

/**
 * A procedure that declares who may call it. The declaration is kept in the procedure's meta, so the
 * access test can enumerate every procedure from the router and check it against every role.
 */
export function procedure(rule: Access) {
  return t.procedure.meta({ access: rule }).use(async ({ ctx, next, getRawInput }) => {
    const odsCode = rule.kind === "trust" ? await rawOdsCode(getRawInput) : undefined;
    const outcome = decide(rule, ctx.principal, odsCode);
    if (outcome === "UNAUTHORIZED")
      throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
    if (outcome === "FORBIDDEN") {
      throw new TRPCError({
        code: "FORBIDDEN",
        message:
          rule.kind === "trust" && odsCode
            ? `Your account cannot ${rule.nationalRoles.length ? "see" : "change"} trust ${odsCode}`
            : "Your role does not allow this",
      });
    }
    return next({ ctx });
  });
}

/** The principal of a call whose procedure requires a signed-in user. */
export function requirePrincipal(ctx: Context) {
  if (!ctx.principal) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
  return ctx.principal;
}
