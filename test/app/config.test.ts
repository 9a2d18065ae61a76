import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("configuration", () => {
  it("defaults to embedded PGlite in ./.data on port 4000", () => {
    const config = loadConfig({}, "/srv/app");
    expect(config).toMatchObject({
      databaseUrl: null,
      pgliteDataDir: "/srv/app/.data",
      port: 4000,
      adminToken: null,
      staleAfterMonths: 6,
    });
  });

  it("reports every problem at once", () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", ADMIN_TOKEN: "short", LOG_LEVEL: "loud" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems).toHaveLength(4);
  });

  it("waits 10 s for in-flight requests and 2 s for PostgreSQL's connection unless told otherwise", () => {
    expect(loadConfig({})).toMatchObject({ shutdownGraceMs: 10_000, databaseConnectTimeoutMs: 2_000 });
    expect(loadConfig({ SHUTDOWN_GRACE_MS: "0", DATABASE_CONNECT_TIMEOUT_MS: "2500" })).toMatchObject({
      shutdownGraceMs: 0,
      databaseConnectTimeoutMs: 2500,
    });
    expect(() => loadConfig({ SHUTDOWN_GRACE_MS: "-1" })).toThrow(/SHUTDOWN_GRACE_MS must be an integer from 0/);
    expect(() => loadConfig({ DATABASE_CONNECT_TIMEOUT_MS: "soon" })).toThrow(/DATABASE_CONNECT_TIMEOUT_MS/);
  });

  it("gives each request a 10 s deadline, and each statement the request's deadline unless told otherwise", () => {
    expect(loadConfig({})).toMatchObject({ requestDeadlineMs: 10_000, statementTimeoutMs: 10_000 });
    expect(loadConfig({ REQUEST_DEADLINE_MS: "3000" })).toMatchObject({
      requestDeadlineMs: 3000,
      statementTimeoutMs: 3000,
    });
    expect(loadConfig({ REQUEST_DEADLINE_MS: "3000", STATEMENT_TIMEOUT_MS: "60000" })).toMatchObject({
      requestDeadlineMs: 3000,
      statementTimeoutMs: 60_000,
    });
    expect(() => loadConfig({ REQUEST_DEADLINE_MS: "50" })).toThrow(/REQUEST_DEADLINE_MS must be an integer from 100/);
  });

  it("serves the explorer except in production unless EXPLORER says otherwise, and the dashboard unless DASHBOARD=false", () => {
    expect(loadConfig({}, "/srv/app")).toMatchObject({ explorer: true, dashboard: true, webDir: "/srv/app/dist/web" });
    expect(loadConfig({ NODE_ENV: "production" })).toMatchObject({ explorer: false, dashboard: true });
    expect(loadConfig({ NODE_ENV: "production", EXPLORER: "true" })).toMatchObject({ explorer: true });
    expect(loadConfig({ EXPLORER: "no", DASHBOARD: "false" })).toMatchObject({ explorer: false, dashboard: false });
    expect(() => loadConfig({ EXPLORER: "maybe" })).toThrow(/EXPLORER must be true or false/);
  });

  it("is documented setting by setting in .env.example and the README, with the defaults loadConfig uses", () => {
    // Every name loadConfig looks up, whatever its value: the environment it is given records them.
    const read = new Set<string>();
    const env = new Proxy<Record<string, string | undefined>>(
      {},
      {
        get(_target, name) {
          if (typeof name === "string") read.add(name);
          return undefined;
        },
      },
    );
    const defaults = loadConfig(env, "/srv/app");
    const example = readFileSync(".env.example", "utf8");
    const listed = new Map(
      [...example.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1] ?? "", m[2] ?? ""] as const),
    );
    expect([...listed.keys()].sort()).toEqual([...read].sort());
    // Uncommented lines state a default: it must be the one the service falls back to.
    const loadedFromExample = loadConfig(
      Object.fromEntries(
        [...example.matchAll(/^([A-Z][A-Z0-9_]+)=(.*)$/gm)].map((m): [string, string] => [m[1] ?? "", m[2] ?? ""]),
      ),
      "/srv/app",
    );
    expect(loadedFromExample).toEqual(defaults);
    const readme = readFileSync("README.md", "utf8");
    for (const name of read) expect(readme).toContain(`\`${name}\``);
  });
});
