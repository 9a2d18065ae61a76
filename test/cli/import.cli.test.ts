import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Runs `npm run import -- …` the way an analyst does, on a throwaway embedded database. */
function runImport(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: "memory://", LOG_LEVEL: "silent" };
  delete env["DATABASE_URL"];
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/import.cli.ts", ...args], {
    env,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run import", () => {
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

  it("reports a file it cannot read with its code and line, and exits non-zero", () => {
    const binary = path.join(mkdtempSync(path.join(tmpdir(), "cpc-cli-")), "plan.docx");
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x0a, 0x00, 0x00, 0x00, 0x41, 0x42]));
    const { status, stderr } = runImport([binary, "--council", "E07000073"]);
    expect(status).toBe(1);
    // 0x0a ends line 1, so the first NUL byte is at line 2, column 1.
    expect(stderr).toContain("import.binary_content (line 2, column 1)");
  });

  it("explains its usage when the council is missing", () => {
    const { status, stderr } = runImport(["seeds/plans/harlow.txt"]);
    expect(status).toBe(2);
    expect(stderr).toContain("--council is required");
  });
});
