import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { configDefaults, defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

/**
 * Slower suites (fault injection, browser, large property runs): each is a folder test/<name>/,
 * left out of `npm test`, run as `vitest run --project <name>` by a script of its own.
 */
const slowSuites: string[] = ["faults", "browser"];

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
    // PostgreSQL, tsc or a spawned CLI: two workers took the suite from ~107 s to ~73 s (2026-12-01, same load).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Once per run: compiles dist/ for the entry-point tests, and builds the migrated and the seeded
    // database that each file copies for its own.
    globalSetup: ["test/support/build-once.ts", "test/support/database-templates.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "fast",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...slowSuites.map((name) => `test/${name}/**`)],
        },
      },
      // One file at a time: the fault suite measures answers against deadlines, which a second
      // suite's load on the same 2 cores would blur.
      ...slowSuites.map((name) => ({
        extends: true as const,
        test: {
          name,
          include: [`test/${name}/**/*.test.ts`],
          fileParallelism: false,
          // The fault suite is about PostgreSQL (outages, cancellation, advisory locks): the machine's
          // server unless TEST_DATABASE_URL names another; tests that stop a database use a private cluster.
          env: {
            TZ: "UTC",
            TEST_DATABASE_URL: process.env["TEST_DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/postgres",
          },
        },
      })),
    ],
  },
});
