/**
 * Entry of the bench's server process: the data, the Realise server and the bare floor live here, so the
 * load generator in the parent never competes with them for the same event loop.
 */
import { startTarget, type Target, type TargetOptions } from "./target.js";

interface Call {
  id: number;
  method: keyof Target | "start";
  args: unknown[];
}

let target: Target | undefined;

process.on("message", async (message: Call) => {
  const reply = (body: { result?: unknown; error?: string }) => process.send?.({ id: message.id, ...body });
  try {
    if (message.method === "start") {
      target = await startTarget(message.args[0] as TargetOptions, (line) => console.log(line));
      return reply({ result: null });
    }
    if (!target) throw new Error("Target not started");
    const method = target[message.method] as (...args: unknown[]) => Promise<unknown>;
    const result = await method(...message.args);
    reply({ result: result ?? null });
    if (message.method === "close") process.exit(0);
  } catch (error) {
    reply({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
