import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/** The compiled export command (built once per test run by the globalSetup) on an embedded database of its own. */
const dataDir = mkdtempSync(path.join(tmpdir(), "themes-export-cli-"));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("npm run themes:export", () => {
  it("writes the seed database's hand classifications as one labelled JSON object a line", () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: dataDir, LOG_LEVEL: "silent" };
    delete env["DATABASE_URL"];
    const result = spawnSync(process.execPath, ["dist/src/cli/themes-export.cli.js"], {
      env,
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const lines = result.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { council: string; reference: string; source: string; text: string });
    // The seed import applies the two overrides as hand links; the file's entries carry them.
    expect(lines.map((l) => [l.council, l.reference, l.source])).toEqual([
      ["E07000070", "6", "overrides"],
      ["E07000068", "3", "overrides"],
    ]);
    expect(lines[1]?.text).toMatch(/^Introduce a monthly meeting of senior officers/);
  });
});
