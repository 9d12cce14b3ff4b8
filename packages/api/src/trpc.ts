import {
  type Access,
  type AppError,
  type AppErrorCode,
  decide,
  type FairUseKind,
  fairUseClient,
  isAppError,
  type Principal,
} from "@realise/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import { TRPC_ERROR_CODES_BY_KEY, type TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import superjson from "superjson";
import { ZodError, ZodRealError } from "zod";
import type { Context } from "./context.js";
import { classifyFailure } from "./http/errors.js";
import { logProcedureEvent } from "./security/procedure-events.js";
import { oversightScopeOf } from "./services/guards/oversight-scope.js";

export interface Meta {
  access: Access;
  /** Expensive answers are limited per client (issue 18); the kind names the rule. */
  fairUse?: FairUseKind;
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

// A view kept per data version (services/versioned.ts) is one shared object, answered to every request
// until the data changes: its superjson form is made once, not per request (the heatmap's is 700 kB at
// 2,000 trusts). Keyed weakly by the object, so it goes when the view does.
const serialised = new WeakMap<object, unknown>();
function serialiseOnce(value: unknown): unknown {
  if (value === null || typeof value !== "object") return superjson.serialize(value);
  let out = serialised.get(value);
  if (out === undefined) {
    out = superjson.serialize(value);
    serialised.set(value, out);
  }
  return out;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: {
      input: {
        serialize: (value: unknown) => superjson.serialize(value),
        // Input that is JSON but not superjson is the client's mistake: a 400, not a 500.
        deserialize: (value: unknown) => {
          try {
            return superjson.deserialize(value as never);
          } catch (cause) {
            throw new TRPCError({ code: "BAD_REQUEST", message: "The input is not valid superjson", cause });
          }
        },
      },
      output: {
        serialize: serialiseOnce,
        deserialize: (value: unknown) => superjson.deserialize(value as never),
      },
    },
    errorFormatter({ shape, error, ctx }) {
      // What is not a deliberate tRPC error goes through the edge's one mapping: the database being away
      // is a 503, input the database cannot store a 400, anything else a 500 that shows no internals.
      if (error.code === "INTERNAL_SERVER_ERROR") {
        const failure = classifyFailure(error.cause, ctx?.requestId);
        const code: TRPC_ERROR_CODE_KEY =
          failure.status === 503
            ? "SERVICE_UNAVAILABLE"
            : failure.status === 400
              ? "BAD_REQUEST"
              : failure.status === 409
                ? "CONFLICT"
                : "INTERNAL_SERVER_ERROR";
        const { stack: _stack, ...data } = shape.data;
        return {
          ...shape,
          code: TRPC_ERROR_CODES_BY_KEY[code],
          message: failure.message,
          data: { ...data, code, httpStatus: failure.status, fieldErrors: null, conflict: null },
        };
      }
      const zod =
        error.cause instanceof ZodError
          ? describeZodError(error.cause)
          : isAppError(error.cause) && error.cause.issues.length > 0
            ? describeZodError(
                new ZodError(
                  error.cause.issues.map((i) => ({ ...i, code: "custom" as const, input: undefined })),
                ),
              )
            : null;
      const conflict =
        isAppError(error.cause) && error.cause.code === "CONFLICT"
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

/** The one mapping from the domain's error codes to tRPC's (and so to HTTP statuses). */
const TRPC_CODE: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

/** An AppError becomes a TRPCError with the same message; its issues and conflict travel as the cause. */
export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: TRPC_CODE[error.code], message: error.message, cause: error });
}

/**
 * Every procedure runs inside this: whatever a service or repository throws as an AppError reaches the
 * client with its own code and message, so no router has to remember to translate errors.
 */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isAppError(result.error.cause)) throw toTRPCError(result.error.cause);
  return result;
});

/** Password, role, binding and account changes are security events: logged once the call succeeded. */
const logSecurityEvents = t.middleware(async ({ ctx, path, next, getRawInput }) => {
  const result = await next();
  if (result.ok) logProcedureEvent(ctx.logger, path, await getRawInput(), ctx.principal, result.data);
  return result;
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

/** Who a procedure with this rule sees as the caller: anyone for public ones, a signed-in principal otherwise. */
type CallerOf<R extends Access> = R extends { kind: "public" } ? Principal | null : Principal;

/**
 * A procedure that declares who may call it, and whether its answers are limited per client. Both are
 * kept in the procedure's meta, so the access and fair-use tests can enumerate every procedure from the
 * router and pin them.
 */
export function procedure<R extends Access>(rule: R, options: { fairUse?: FairUseKind } = {}) {
  const builder = t.procedure
    .meta({ access: rule, ...options })
    .use(mapAppErrors)
    .use(logSecurityEvents)
    .use(async ({ ctx, path, next, getRawInput }) => {
      const odsCode = rule.kind === "trust" ? await rawOdsCode(getRawInput) : undefined;
      // An ICB or region viewer's trusts, as at today's membership: one lookup serves the rule and the view.
      const scope = rule.kind === "public" ? null : await oversightScopeOf(ctx.database.db, ctx.principal);
      const outcome = decide(rule, ctx.principal, odsCode, scope?.odsCodes);
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
      // Counted only once the caller may ask at all: a refused caller never fills anyone's window.
      if (options.fairUse && ctx.fairUse)
        await ctx.fairUse.enforce(
          fairUseClient(ctx.principal, ctx.clientAddress),
          path,
          options.fairUse,
          ctx.sessionCookie,
        );
      // Past the rule, a non-public procedure always has a principal: narrow the type so services get one.
      return next({ ctx: { ...ctx, principal: ctx.principal as CallerOf<R>, scope } });
    });
  // Every input schema is followed by the unknown-field check, whatever its nested objects say,
  // and no text may carry control characters (NUL, escape…) that PostgreSQL refuses or a reader cannot see.
  const input: typeof builder.input = (schema) =>
    builder.input(schema).use(rejectStrippedKeys).use(rejectControlCharacters) as never;
  return { ...builder, input } as typeof builder;
}

/**
 * Keys of the raw input that the parsed input dropped, as paths. A nested z.object() strips unknown keys
 * silently; the house rule is that a misspelt or unexpected field is an error, so it is refused here for
 * every procedure rather than trusted to each schema. Only objects that stay objects are compared, so
 * transforms that reshape a value are left alone.
 */
function strippedKeys(raw: unknown, parsed: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(raw) && Array.isArray(parsed) && raw.length === parsed.length) {
    return raw.flatMap((item, i) => strippedKeys(item, parsed[i], [...path, i]));
  }
  if (!isPlainObject(raw) || !isPlainObject(parsed)) return [];
  return Object.keys(raw).flatMap((key) =>
    key in parsed ? strippedKeys(raw[key], parsed[key], [...path, key]) : [[...path, key]],
  );
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype;

const rejectStrippedKeys = t.middleware(async ({ next, getRawInput, input }) => {
  const stripped = strippedKeys(await getRawInput(), input);
  if (stripped.length > 0) {
    const issues = stripped.map((path) => ({
      code: "custom" as const,
      path: path.slice(0, -1),
      message: `Unknown field: ${String(path[path.length - 1])}`,
      input: undefined,
    }));
    throw new TRPCError({ code: "BAD_REQUEST", message: "Unknown field", cause: new ZodRealError(issues) });
  }
  return next();
});

/** C0 controls and DEL, except tab, line feed and carriage return, which text and CSV uploads use. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Paths of the strings in a raw input that carry a control character. */
function controlCharacterPaths(raw: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof raw === "string") return CONTROL_CHARACTER.test(raw) ? [path] : [];
  if (Array.isArray(raw)) return raw.flatMap((item, i) => controlCharacterPaths(item, [...path, i]));
  if (!isPlainObject(raw)) return [];
  return Object.entries(raw).flatMap(([key, value]) => controlCharacterPaths(value, [...path, key]));
}

const rejectControlCharacters = t.middleware(async ({ next, getRawInput }) => {
  const found = controlCharacterPaths(await getRawInput());
  if (found.length > 0) {
    const issues = found.map((path) => ({
      code: "custom" as const,
      path,
      message: "Control characters (such as NUL) are not allowed in text",
      input: undefined,
    }));
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "Control character",
      cause: new ZodRealError(issues),
    });
  }
  return next();
});
