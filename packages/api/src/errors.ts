import { ConflictError, NotFoundError, StateError, ValidationError } from "@realise/db";
import { TRPCError } from "@trpc/server";

/** Turn the data layer's refusals into API errors with the same message. */
export async function mapDataErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ConflictError)
      throw new TRPCError({ code: "CONFLICT", message: error.message, cause: error });
    if (error instanceof StateError)
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: error.message, cause: error });
    if (error instanceof ValidationError)
      throw new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
    if (error instanceof NotFoundError)
      throw new TRPCError({ code: "NOT_FOUND", message: error.message, cause: error });
    throw error;
  }
}
