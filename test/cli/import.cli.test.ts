import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * Runs the import command on a throwaway embedded database: the compiled command (dist/, built once
 * per test run by the globalSetup), which starts in a fraction of tsx's time; `npm run import` and
 * the package's bin, which run the same code through tsx, are tested below as invoked.
 */
function runImport(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: "memory://", LOG_LEVEL: "silent", ...extraEnv };
  delete env["DATABASE_URL"];
  const result = spawnSync(process.execPath, ["dist/src/cli/import.cli.js", ...args], {
    env,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each test spawns the CLI (tsx, a database, migrations): seconds alone, much longer on a loaded machine; the timeout only catches a hang.
describe("npm run import", { timeout: 120_000 }, () => {
  it("prints one JSON object per file with the plan in the API's field names and the report", () => {
    const { status, stdout } = runImport([
      "seeds/plans/brentwood.txt",
      "seeds/plans/harlow.txt",
      "--council",
      "E07000073",
      "--dry-run",
      "--json",
    ]);
    expect(status).toBe(0);
    const lines = stdout
      .trim()
      .split("\n")
      .map(
        (line) =>
          JSON.parse(line) as {
            plan: {
              recommendations: {
                reference: string;
                actions: {
                  text: string;
                  lead: string | null;
                  target: { raw: string | null; deadline: string | null; precision: string };
                  status: { status: string } | null;
                }[];
              }[];
            };
            report: { outcome: string; dryRun: boolean; actions: number };
          },
      );
    expect(lines).toHaveLength(2);
    const [brentwood, harlow] = lines;
    expect(brentwood?.plan.recommendations).toHaveLength(9);
    expect(brentwood?.plan.recommendations[0]?.actions[0]).toMatchObject({
      lead: "Chief Executive",
      target: { raw: "Oct 24", deadline: "2024-10-31", precision: "MONTH" },
      status: { status: "IN_PROGRESS" },
    });
    // Harlow's own plan was seeded into the empty database first, so a dry run of it changes nothing.
    expect(harlow?.report).toMatchObject({ outcome: "UNCHANGED", dryRun: true, actions: 66 });
  });

  // Each run seeds a database of its own first: seconds, more while the rest of the suite runs.
  it(
    "reads the file's bytes and reports their format, hash and the reader's confidence in JSON",
    { timeout: 120_000 },
    () => {
      const file = "seeds/plans/brentwood.txt";
      const json = runImport([file, "--council", "E07000068", "--dry-run", "--json"]);
      expect(json.status).toBe(0);
      const { plan, report } = JSON.parse(json.stdout) as {
        plan: { format: string; confidence: { overall: number; reasons: string[] }; lowConfidence: unknown[] };
        report: Record<string, unknown>;
      };
      expect(report).toMatchObject({
        filename: "brentwood.txt",
        format: "TEXT",
        // The seed imported the same bytes: the hash is theirs, whichever way they arrive.
        outcome: "UNCHANGED",
        contentHash: createHash("sha256").update(readFileSync(file)).digest("hex"),
        confidence: plan.confidence.overall,
        confidenceReasons: plan.confidence.reasons,
        lowConfidence: plan.lowConfidence,
      });
      expect(plan.format).toBe("TEXT");
    },
  );

  it("prints the format and the confidence in its report in words", { timeout: 120_000 }, () => {
    const words = runImport(["seeds/plans/brentwood.txt", "--council", "E07000068", "--dry-run"]);
    expect(words.status).toBe(0);
    expect(words.stdout).toContain("brentwood.txt: UNCHANGED (dry run, nothing written) — TEXT, FLATTENED_TABLE,");
    expect(words.stdout).toMatch(/\n {2}confidence [01]\.\d\d/);
  });

  it("refuses a file over IMPORT_MAX_DOCUMENT_BYTES before reading it", { timeout: 120_000 }, () => {
    const big = path.join(mkdtempSync(path.join(tmpdir(), "cpc-cli-")), "big.txt");
    // Above the seed plans (the empty database is seeded first, through the same limit).
    writeFileSync(big, "x".repeat(10_001));
    const { status, stderr } = runImport([big, "--council", "E07000073"], { IMPORT_MAX_DOCUMENT_BYTES: "10000" });
    expect(status).toBe(1);
    expect(stderr).toContain("import.too_large: The document is 10001 bytes; at most 10000");
  });

  it("reports a file it cannot read with its code and line, and exits non-zero", () => {
    // Text with a NUL byte: a binary file, not a plan, whatever its name says.
    const binary = path.join(mkdtempSync(path.join(tmpdir(), "cpc-cli-")), "plan.txt");
    writeFileSync(binary, Buffer.from([0x41, 0x42, 0x0a, 0x00, 0x00, 0x00, 0x41, 0x42]));
    const { status, stderr } = runImport([binary, "--council", "E07000073"]);
    expect(status).toBe(1);
    // 0x0a ends line 1, so the first NUL byte is at line 2, column 1.
    expect(stderr).toContain("import.binary_content (line 2, column 1)");
  });

  it("imports a manifest's documents for several councils in one run, failing a missing file alone, with a summary", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "cpc-cli-manifest-"));
    cpSync("seeds/plans/harlow.txt", path.join(folder, "harlow.txt"));
    cpSync("seeds/plans/brentwood.txt", path.join(folder, "brentwood.txt"));
    const manifest = path.join(folder, "plans.csv");
    writeFileSync(
      manifest,
      "file,council,recorded_on\nharlow.txt,E07000073,2024-06-01\nmissing.txt,E07000073,\nbrentwood.txt,E07000068,2024-06-30\n",
    );
    const { status, stdout, stderr } = runImport(["--manifest", manifest, "--dry-run"]);
    expect(status).toBe(1);
    // Each document read for its own council; the missing one did not stop the one after it.
    expect(stdout).toMatch(/^harlow\.txt: /m);
    expect(stdout).toMatch(/^brentwood\.txt: /m);
    expect(stderr).toContain(`${path.join(folder, "missing.txt")}: import.file_not_found`);
    expect(stderr).toContain(
      `imported 2 of 3 documents; failed:\n  ${path.join(folder, "missing.txt")} (import.file_not_found)`,
    );
  });

  it("refuses a manifest it cannot use before importing anything, naming the line", () => {
    const manifest = path.join(mkdtempSync(path.join(tmpdir(), "cpc-cli-manifest-")), "plans.csv");
    writeFileSync(manifest, "file,council,when\nharlow.txt,E07000073,2024-06-01\n");
    const { status, stdout, stderr } = runImport(["--manifest", manifest]);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(`${manifest}: import.bad_manifest (line 2): Unknown manifest field "when"`);
  });

  it("explains its usage when the council is missing", () => {
    const { status, stderr } = runImport(["seeds/plans/harlow.txt"]);
    expect(status).toBe(2);
    expect(stderr).toContain("--council is required");
  });
});

/**
 * Runs a command with its standard output on a pipe, as `… --json | jq` does, and collects what
 * arrives. The reader starts late (when the command exits, or after `holdMs`), so the pipe fills and
 * the command's last writes wait in its queue: ending with process.exit() then lost them, while a
 * command that waits for its writes simply waits for the reader.
 */
function runPiped(command: string, args: string[], dataDir: string, holdMs = 0) {
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: dataDir, LOG_LEVEL: "silent" };
  delete env["DATABASE_URL"];
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.pause();
  let reading = false;
  const read = () => {
    if (reading) return;
    reading = true;
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stdout.resume();
  };
  const hold = setTimeout(read, holdMs);
  child.on("exit", () => {
    clearTimeout(hold);
    read();
  });
  child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status) =>
      resolve({ status, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }),
    );
  });
}

/** Every line of `stdout` is one JSON report of a dry run: nothing else, nothing cut off. */
function reportsIn(stdout: string): { filename: string; dryRun: boolean }[] {
  expect(stdout.endsWith("\n")).toBe(true);
  return stdout
    .slice(0, -1)
    .split("\n")
    .map((line) => (JSON.parse(line) as { report: { filename: string; dryRun: boolean } }).report);
}

describe("the import command's --json output on a pipe", () => {
  const args = ["seeds/plans/harlow.txt", "seeds/plans/brentwood.txt", "--council", "E07000073", "--dry-run", "--json"];
  const expected = [
    { filename: "harlow.txt", dryRun: true },
    { filename: "brentwood.txt", dryRun: true },
  ];
  const root = mkdtempSync(path.join(tmpdir(), "cpc-cli-pipe-"));
  // Whichever test runs first seeds the embedded database in this folder; the others find it seeded.
  const dataDir = path.join(root, "data");
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("writes a file it cannot import as a JSON line in the API's error shape", { timeout: 300_000 }, async () => {
    const { status, stdout } = await runPiped(
      process.execPath,
      ["bin/cpc-graph-import.js", "seeds/plans/nowhere.txt", "--council", "E07000073", "--json"],
      dataDir,
    );
    expect(status).toBe(1);
    expect(
      stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual([
      {
        file: "seeds/plans/nowhere.txt",
        errors: [
          {
            message: "No such file: seeds/plans/nowhere.txt",
            extensions: { code: "BAD_USER_INPUT", reason: "import.file_not_found", argument: "file" },
          },
        ],
      },
    ]);
  });

  it("is pure JSON lines through the package's bin and through npm run -s", { timeout: 300_000 }, async () => {
    const viaNpx = await runPiped("npx", ["--no-install", "cpc-graph-import", ...args], dataDir);
    expect(viaNpx.stderr).toBe("");
    expect(viaNpx.status).toBe(0);
    expect(reportsIn(viaNpx.stdout)).toMatchObject(expected);
    const viaNpm = await runPiped("npm", ["run", "-s", "import", "--", ...args], dataDir);
    expect(viaNpm.status).toBe(0);
    expect(reportsIn(viaNpm.stdout)).toMatchObject(expected);
  });

  it("arrives whole in each of 6 runs of the built command", { timeout: 300_000 }, async () => {
    // One plan, then 5,000 missing files: over a megabyte of JSON lines written in a burst at the
    // end of the run, far more than a pipe holds, which is when process.exit() used to cut it off.
    const missing = Array.from({ length: 5000 }, (_, i) => `seeds/plans/missing-${i}.txt`);
    const burst = ["seeds/plans/harlow.txt", ...missing, "--council", "E07000073", "--dry-run", "--json"];
    const seeding = ["bin/cpc-graph-import.js", "seeds/plans/harlow.txt", "--council", "E07000073", "--dry-run"];
    expect((await runPiped(process.execPath, seeding, dataDir)).status).toBe(0);
    // One data folder per concurrent run: PGlite serves one process per folder.
    // The built command (dist/, compiled once per test run by the globalSetup) starts in a fraction of
    // tsx's time; the code that writes and exits is the same.
    const workers = 2;
    const runsEach = 3;
    const results = await Promise.all(
      Array.from({ length: workers }, async (_, w) => {
        const copy = path.join(root, `worker-${w}`);
        cpSync(dataDir, copy, { recursive: true });
        const outcomes = [];
        for (let i = 0; i < runsEach; i += 1) {
          outcomes.push(await runPiped(process.execPath, ["dist/src/cli/import.cli.js", ...burst], copy, 1000));
        }
        return outcomes;
      }),
    );
    const runs = results.flat();
    expect(runs).toHaveLength(6);
    for (const run of runs) {
      expect(run.status).toBe(1);
      expect(run.stdout.endsWith("\n")).toBe(true);
      const lines = run.stdout
        .slice(0, -1)
        .split("\n")
        .map((line) => JSON.parse(line) as { report?: { filename: string }; file?: string });
      expect(lines).toHaveLength(5001);
      expect(lines[0]?.report?.filename).toBe("harlow.txt");
      expect(lines.slice(1).map((line) => line.file)).toEqual(missing);
    }
  });
});
