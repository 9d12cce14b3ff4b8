import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Target, TargetOptions } from "./target.js";

/** Start the target in its own Node process and talk to it over IPC, with the same interface as inline. */
export async function startRemoteTarget(options: TargetOptions): Promise<Target> {
  const child: ChildProcess = fork(fileURLToPath(new URL("./target-child.js", import.meta.url)), [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let nextId = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on("message", (m: { id: number; result?: unknown; error?: string }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error) p.reject(new Error(m.error));
    else p.resolve(m.result);
  });
  child.on("exit", (code) => {
    for (const p of pending.values()) p.reject(new Error(`Bench server process exited (${code})`));
    pending.clear();
  });
  const call = (method: string, ...args: unknown[]) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ id, method, args });
    });
  await call("start", options);
  return {
    info: () => call("info") as ReturnType<Target["info"]>,
    bareSql: (name, load) => call("bareSql", name, load) as ReturnType<Target["bareSql"]>,
    bareUpdates: (load) => call("bareUpdates", load) as ReturnType<Target["bareUpdates"]>,
    check: () => call("check") as ReturnType<Target["check"]>,
    startFairUseInstance: () => call("startFairUseInstance") as ReturnType<Target["startFairUseInstance"]>,
    close: async () => {
      await call("close").catch(() => undefined);
      if (child.exitCode === null) child.kill();
    },
  };
}
