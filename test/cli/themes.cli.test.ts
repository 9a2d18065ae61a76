import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/** The compiled export command (built once per test run by the globalSetup) on an embedded database of its own. */
const dataDir = mkdtempSync(path.join(tmpdir(), "themes-export-cli-"));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function run(command: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: dataDir, LOG_LEVEL: "silent" };
  delete env["DATABASE_URL"];
  return spawnSync(process.execPath, [`dist/src/cli/${command}.cli.js`], { env, encoding: "utf8", timeout: 120_000 });
}

describe("npm run themes:export and themes:reclassify", () => {
  it(
    "writes the seed database's hand classifications as one labelled JSON object a line",
    () => {
      const result = run("themes-export");
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
    },
    120_000 /* the first command seeds the embedded database: about 25 s on a loaded machine */,
  );

  it("reclassifies the 46 recommendations without hand links, which these rules classified already", () => {
    const result = run("themes-reclassify");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("examined 46, changed 0\n");
  });
});
