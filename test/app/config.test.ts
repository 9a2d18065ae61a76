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

  it("waits 10 s for in-flight requests and for PostgreSQL's connection unless told otherwise", () => {
    expect(loadConfig({})).toMatchObject({ shutdownGraceMs: 10_000, databaseConnectTimeoutMs: 10_000 });
    expect(loadConfig({ SHUTDOWN_GRACE_MS: "0", DATABASE_CONNECT_TIMEOUT_MS: "2500" })).toMatchObject({
      shutdownGraceMs: 0,
      databaseConnectTimeoutMs: 2500,
    });
    expect(() => loadConfig({ SHUTDOWN_GRACE_MS: "-1" })).toThrow(/SHUTDOWN_GRACE_MS must be an integer from 0/);
    expect(() => loadConfig({ DATABASE_CONNECT_TIMEOUT_MS: "soon" })).toThrow(/DATABASE_CONNECT_TIMEOUT_MS/);
  });
});
