import type { HttpBindings } from "@hono/node-server";
import type { RequestIdVariables } from "hono/request-id";

/** What every handler of the edge can read: Node's request/response and what earlier middleware found. */
export interface EdgeEnv {
  Bindings: HttpBindings;
  Variables: RequestIdVariables & {
    /** The signed-in user, once tRPC's context has resolved the session (for the access log). */
    userId?: string;
    /** The status of an answer written straight to Node's response (the open-data bridge). */
    sentStatus?: number;
    alreadySent?: boolean;
  };
}
