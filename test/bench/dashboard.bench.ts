import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { chromiumPath } from "../browser/browser.js";

/**
 * The dashboard's bundle sizes and the time to its first usable view on loopback: the built
 * service on a freshly seeded embedded database, Debian's headless Chromium, the Greater Essex
 * heatmap of 2026-11-22 from navigation to its first figure on screen. Figures, not verdicts.
 * Run with `npm run bench:dashboard` (it builds first).
 */

const webDir = path.resolve("dist", "web");

/** The assets a page loads before it runs: its scripts, styles and module preloads. */
function initialAssets(page: string): string[] {
  const html = readFileSync(path.join(webDir, page), "utf8");
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => path.join(webDir, m[1] ?? ""));
}

function sizes(files: string[]): { raw: number; gzip: number } {
  return files.reduce(
    (sum, file) => ({ raw: sum.raw + statSync(file).size, gzip: sum.gzip + gzipSync(readFileSync(file)).length }),
    { raw: 0, gzip: 0 },
  );
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
for (const [name, page] of [
  ["dashboard", "index.html"],
  ["explorer", "explorer.html"],
] as const) {
  const { raw, gzip } = sizes(initialAssets(page));
  process.stdout.write(`${name}: ${kib(raw)} (${kib(gzip)} gzipped) loaded before it runs\n`);
}

async function startService(): Promise<{ base: string; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cpc-graph-bench-"));
  const child = spawn(process.execPath, ["dist/src/main.js"], {
    env: { PATH: process.env["PATH"], TZ: "UTC", PORT: "0", PGLITE_DATA_DIR: dataDir },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  const base = await new Promise<string>((resolve, reject) => {
    child.stderr.on("data", (chunk: Buffer) => {
      log += chunk.toString();
      const serving = /"url":"(http:\/\/localhost:\d+)\/graphql"/.exec(log);
      if (serving?.[1]) resolve(serving[1]);
    });
    child.once("exit", () => reject(new Error(`the service stopped:\n${log}`)));
  });
  return {
    base,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const service = await startService();
const runs = 7;
const cold: number[] = [];
const warm: number[] = [];
try {
  for (let run = 0; run < runs; run++) {
    const profile = mkdtempSync(path.join(tmpdir(), "cpc-graph-bench-chromium-"));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    });
    const page = await context.newPage();
    for (const into of [cold, warm]) {
      const started = performance.now();
      await page.goto(`${service.base}/?asOf=2026-11-22`);
      await page.locator('tr[data-council="E07000073"] td[data-theme="plan"] .counts').waitFor();
      into.push(performance.now() - started);
    }
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
} finally {
  await service.stop();
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
process.stdout.write(
  `first usable view (Greater Essex heatmap, 2026-11-22), median of ${runs}: ` +
    `${median(cold).toFixed(0)} ms with an empty cache, ${median(warm).toFixed(0)} ms on a second visit ` +
    `(range ${Math.min(...cold).toFixed(0)}–${Math.max(...cold).toFixed(0)} ms cold)\n`,
);
