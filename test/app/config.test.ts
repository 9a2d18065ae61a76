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
});
