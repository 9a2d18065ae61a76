import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/** The compiled keys command (built once per test run by the globalSetup) on an embedded database of its own. */
const dataDir = mkdtempSync(path.join(tmpdir(), "keys-cli-"));
function runKeys(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: dataDir, LOG_LEVEL: "silent" };
  delete env["DATABASE_URL"];
  const result = spawnSync(process.execPath, ["dist/src/cli/keys.cli.js", ...args], {
    env,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// Each test spawns the CLI against its own database; the timeout only catches a hang, not slowness.
describe("npm run keys", { timeout: 120_000 }, () => {
  it("creates a key shown once, lists it by prefix and council, and revokes it", () => {
    const created = runKeys([
      "create",
      "--role",
      "editor",
      "--council",
      "E07000073",
      "--name",
      "Harlow performance team",
    ]);
    expect(created.status).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^cpcg_[0-9A-Za-z]{36}$/);
    const listed = runKeys(["list"]);
    expect(listed.status).toBe(0);
    const row = listed.stdout.split("\n").find((line) => line.startsWith("1\t"));
    expect(row?.split("\t")).toEqual([
      "1",
      token.slice(0, 13),
      "editor",
      "Harlow performance team",
      "E07000073",
      "no expiry",
      "never used",
    ]);
    expect(listed.stdout).not.toContain(token);
    const revoked = runKeys(["revoke", token.slice(0, 13)]);
    expect(revoked.status).toBe(0);
    expect(revoked.stdout).toMatch(/\trevoked 20\d\d-/);
  });

  it("refuses a bad request with the code and the argument, exit status 2", () => {
    const result = runKeys(["create", "--role", "editor", "--name", "No council"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("input.invalid (council)");
  });
});
