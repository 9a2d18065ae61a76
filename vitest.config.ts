import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS and ESM entries; type-graphql and Apollo must see the same realm.
    alias: { graphql: require.resolve("graphql") },
  },
  test: {
    env: { TZ: "UTC" },
    // Only catches a hang: no test relies on it to find slowness (those count work instead).
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    // vitest's default (cores − 1) is one worker on 2 cores, which idles while a file waits on
    // PostgreSQL, tsc or a spawned CLI: two workers take the suite from ~107 s to ~73 s there.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Builds the migrated and the seeded database once per run; each file copies its own.
    globalSetup: ["test/support/database-templates.ts"],
    // One project per suite, each with its own npm script (README, "Development"): `npm test`
    // runs "fast"; slower suites (fault injection, browser, large property runs) get a folder
    // under test/ excluded here and a project and script of their own.
    projects: [
      {
        extends: true,
        test: { name: "fast", include: ["test/**/*.test.ts"] },
      },
    ],
  },
});
