import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";

/**
 * A throwaway PostgreSQL cluster of the fault suite's own, made with the machine's PostgreSQL
 * binaries on a free loopback port, so a test may stop and start a database without touching the
 * shared server. As root the binaries run as the `postgres` user (initdb refuses root).
 */
export interface PrivateCluster {
  url: string;
  port: number;
  stop(): void;
  start(): void;
  destroy(): void;
}

function binDir(): string {
  return execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function createPrivateCluster(): Promise<PrivateCluster> {
  const bin = binDir();
  const root = mkdtempSync(path.join(tmpdir(), "cpc-graph-cluster-"));
  chmodSync(root, 0o777);
  const dataDir = path.join(root, "data");
  const log = path.join(root, "postgres.log");
  const asRoot = userInfo().uid === 0;
  const run = (program: string, args: string[]) => {
    const command = asRoot ? "runuser" : path.join(bin, program);
    const argv = asRoot ? ["-u", "postgres", "--", path.join(bin, program), ...args] : args;
    const result = spawnSync(command, argv, { encoding: "utf8", timeout: 60_000 });
    if (result.status !== 0) {
      throw new Error(`${program} ${args.join(" ")} failed (${result.status}): ${result.stderr}${result.stdout}`);
    }
  };
  run("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const port = await freePort();
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const start = () => run("pg_ctl", ["-D", dataDir, "-o", options, "-l", log, "-w", "-t", "60", "start"]);
  const stop = () => run("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "-t", "60", "stop"]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    destroy() {
      spawnSync(asRoot ? "runuser" : path.join(bin, "pg_ctl"), [
        ...(asRoot ? ["-u", "postgres", "--", path.join(bin, "pg_ctl")] : []),
        "-D",
        dataDir,
        "-m",
        "immediate",
        "-w",
        "stop",
      ]);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
