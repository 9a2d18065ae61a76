import "reflect-metadata";
import type { GraphQLFormattedError } from "graphql";
import { createApp, type App } from "../../src/app/app.js";
import { seedDatabase } from "../../src/app/seed.js";
import { loadConfig, type AppConfig } from "../../src/config.js";
import { createLogger } from "../../src/shared/logger.js";
import { createTestDatabase, hasSeededTemplate, type TestDatabase } from "./test-database.js";

export const adminToken = "test-admin-token-0123456789";

export interface TestApp {
  app: App;
  database: TestDatabase;
  /** Runs one operation through Apollo with a fresh request context, as HTTP would. */
  execute<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    /** `admin` sends ADMIN_TOKEN; `authorization` sends that header as it is. */
    options?: { admin?: boolean; authorization?: string },
  ): Promise<{ data: T | null; errors: readonly GraphQLFormattedError[] | undefined }>;
  close(): Promise<void>;
}

/**
 * Rate limits are off unless a test sets them: suites that send many requests over HTTP from one
 * loopback address (the authorisation matrix's refused keys, repeated imports) test other things,
 * and test/app/rate-limit.test.ts sets small limits of its own.
 */
export const unlimited: Partial<AppConfig> = {
  rateLimitMutationsPerMinute: 0,
  rateLimitImportsPerHour: 0,
  rateLimitAuthFailuresPerMinute: 0,
  rateLimitCostPerMinute: 0,
};

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return { ...loadConfig({ ADMIN_TOKEN: adminToken, LOG_LEVEL: "silent" }), ...unlimited, ...overrides };
}

/** An app over a database of its own, seeded from seeds/ unless `seed: false`. */
export async function createTestApp(options: { seed?: boolean; config?: Partial<AppConfig> } = {}): Promise<TestApp> {
  const seeded = options.seed !== false;
  const database = await createTestDatabase({ seeded });
  const config = testConfig(options.config);
  const logger = createLogger("silent");
  const app = await createApp({ db: database.db, config, logger });
  if (seeded && !hasSeededTemplate()) {
    await seedDatabase({ repos: app.repositories, services: app.services, projectRoot: config.projectRoot, logger });
  }
  return {
    app,
    database,
    async execute<T>(
      query: string,
      variables?: Record<string, unknown>,
      opts: { admin?: boolean; authorization?: string } = {},
    ) {
      const authorization = opts.authorization ?? (opts.admin ? `Bearer ${adminToken}` : undefined);
      const response = await app.server.executeOperation(
        { query, ...(variables ? { variables } : {}) },
        { contextValue: await app.createContext({ authorization }) },
      );
      if (response.body.kind !== "single") throw new Error("unexpected incremental response");
      const { data, errors } = response.body.singleResult;
      return { data: (data ?? null) as T | null, errors };
    },
    async close() {
      await app.stop();
      await database.dispose();
    },
  };
}
