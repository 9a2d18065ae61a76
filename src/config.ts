import path from "node:path";

/** Everything the service reads from its environment, validated once at start. */
export interface AppConfig {
  /** PostgreSQL connection string; null selects embedded PGlite. */
  databaseUrl: string | null;
  /** PGlite data folder (or "memory://") when no DATABASE_URL is set. */
  pgliteDataDir: string;
  host: string | undefined;
  port: number;
  /** Bearer token that unlocks mutations; null refuses every mutation. */
  adminToken: string | null;
  /** Longest one SQL statement may run; defaults to the request deadline, so no statement outlives its request. */
  statementTimeoutMs: number;
  /** Longest an HTTP request may take: past it the client gets 503 `request.timeout` and its SQL is cancelled. */
  requestDeadlineMs: number;
  /** How long /readyz waits for the database before answering 503. */
  readinessTimeoutMs: number;
  /** PostgreSQL connections the service keeps in its pool. */
  poolSize: number;
  /** Most SQL statements one request runs at once, so that one request cannot take the whole pool. */
  connectionsPerRequest: number;
  /** How long to wait for PostgreSQL to accept a connection, at start and for each new pool connection. */
  databaseConnectTimeoutMs: number;
  /** On SIGTERM/SIGINT, how long in-flight requests may take to finish before their connections are cut. */
  shutdownGraceMs: number;
  maxQueryDepth: number;
  /** Most lexical tokens one GraphQL document may hold: parsing stops there, before any validation runs. */
  maxQueryTokens: number;
  /** Most estimated cost (rows and batched reads, lists multiplied through) one operation may ask for; see query-cost.ts. */
  maxQueryCost: number;
  /** Most root fields (each alias counted) one operation may select. */
  maxRootFields: number;
  /** Most benchmark computations (benchmark and series fields, distinct comparisons) one operation may ask for. */
  maxBenchmarks: number;
  /** "production" hides schema details from errors and turns introspection off unless INTROSPECTION says otherwise. */
  environment: "production" | "development";
  /** Whether clients may introspect the schema (__schema, __type). */
  introspection: boolean;
  bodyLimitBytes: number;
  /** Largest document `importPlan` and the import command accept, in bytes (the original, before any reading). */
  importMaxDocumentBytes: number;
  /** Months after which a council's latest progress update counts as stale. */
  staleAfterMonths: number;
  /** Mutation fields one API key (or one address, without a key) may run per minute; 0 turns the limit off. */
  rateLimitMutationsPerMinute: number;
  /** `importPlan` calls per key (or address) per hour; imports are the heaviest requests. */
  rateLimitImportsPerHour: number;
  /** Refused credentials one client address may present per minute before its keyed requests get 429. */
  rateLimitAuthFailuresPerMinute: number;
  /** Estimated query cost one key (or address) may spend per minute; 0 turns the budget off. */
  rateLimitCostPerMinute: number;
  /** Most subjects (keys, addresses) the in-memory limiter holds; the least recently seen go first. */
  rateLimitMaxSubjects: number;
  /** Proxies in front of the service that append to X-Forwarded-For; 0 takes the socket's address. */
  trustProxyHops: number;
  seedOnStart: boolean;
  /** Whether GET /graphql from a browser (Accept: text/html) gets the bundled GraphiQL explorer. */
  explorer: boolean;
  /** Whether / and the other dashboard pages are served. */
  dashboard: boolean;
  /** Folder of the built pages (dist/web, written by `npm run build`). */
  webDir: string;
  logLevel: LogLevel;
  /** Folder holding migrations (drizzle/) and seeds (seeds/). */
  projectRoot: string;
}

export const logLevels = ["debug", "info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof logLevels)[number];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

/**
 * Parses the environment, collecting every problem before failing so that one start-up
 * reports all of them. The only place in the service that reads `process.env`.
 */
export function loadConfig(env: Env = process.env, projectRoot: string = process.cwd()): AppConfig {
  const problems: string[] = [];
  const text = (name: string): string | null => {
    const value = env[name]?.trim();
    return value ? value : null;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === null) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const raw = text(name)?.toLowerCase();
    if (raw === undefined || raw === null) return fallback;
    if (["1", "true", "yes"].includes(raw)) return true;
    if (["0", "false", "no"].includes(raw)) return false;
    problems.push(`${name} must be true or false, got "${raw}"`);
    return fallback;
  };

  const databaseUrl = text("DATABASE_URL");
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push(`DATABASE_URL must start with postgres:// or postgresql://`);
  }
  const adminToken = text("ADMIN_TOKEN");
  if (adminToken !== null && adminToken.length < 16) {
    problems.push("ADMIN_TOKEN must be at least 16 characters");
  }
  const logLevel = (text("LOG_LEVEL") ?? "info") as LogLevel;
  if (!logLevels.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${logLevels.join(", ")}, got "${logLevel}"`);
  }
  const dataDir = text("PGLITE_DATA_DIR") ?? ".data";
  // NODE_ENV as Node tools spell it; anything but "production" is a developer's machine or a test.
  const environment = text("NODE_ENV") === "production" ? "production" : "development";

  const requestDeadlineMs = integer("REQUEST_DEADLINE_MS", 10_000, 100, 600_000);
  const config: AppConfig = {
    databaseUrl,
    pgliteDataDir: dataDir.startsWith("memory://") ? dataDir : path.resolve(projectRoot, dataDir),
    host: text("HOST") ?? undefined,
    port: integer("PORT", 4000, 0, 65535),
    adminToken,
    statementTimeoutMs: integer("STATEMENT_TIMEOUT_MS", requestDeadlineMs, 100, 600_000),
    requestDeadlineMs,
    readinessTimeoutMs: integer("READINESS_TIMEOUT_MS", 1_000, 50, 60_000),
    poolSize: integer("DATABASE_POOL_SIZE", 10, 1, 1_000),
    connectionsPerRequest: integer("DATABASE_CONNECTIONS_PER_REQUEST", 3, 1, 1_000),
    // Short: while PostgreSQL is unreachable a request should fail fast with 503, not wait out postgres.js's 30 s.
    databaseConnectTimeoutMs: integer("DATABASE_CONNECT_TIMEOUT_MS", 2_000, 100, 600_000),
    shutdownGraceMs: integer("SHUTDOWN_GRACE_MS", 10_000, 0, 600_000),
    maxQueryDepth: integer("MAX_QUERY_DEPTH", 12, 2, 50),
    maxQueryTokens: integer("MAX_QUERY_TOKENS", 5_000, 100, 1_000_000),
    maxQueryCost: integer("MAX_QUERY_COST", 50_000, 100, 100_000_000),
    maxRootFields: integer("MAX_ROOT_FIELDS", 50, 1, 10_000),
    maxBenchmarks: integer("MAX_BENCHMARKS_PER_REQUEST", 20, 1, 10_000),
    environment,
    introspection: flag("INTROSPECTION", environment !== "production"),
    bodyLimitBytes: integer("BODY_LIMIT_BYTES", 1024 * 1024, 1024, 50 * 1024 * 1024),
    importMaxDocumentBytes: integer("IMPORT_MAX_DOCUMENT_BYTES", 10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    staleAfterMonths: integer("STALE_AFTER_MONTHS", 6, 1, 120),
    rateLimitMutationsPerMinute: integer("RATE_LIMIT_MUTATIONS_PER_MINUTE", 60, 0, 1_000_000),
    rateLimitImportsPerHour: integer("RATE_LIMIT_IMPORTS_PER_HOUR", 20, 0, 1_000_000),
    rateLimitAuthFailuresPerMinute: integer("RATE_LIMIT_AUTH_FAILURES_PER_MINUTE", 10, 0, 1_000_000),
    rateLimitCostPerMinute: integer("RATE_LIMIT_COST_PER_MINUTE", 500_000, 0, 1_000_000_000),
    rateLimitMaxSubjects: integer("RATE_LIMIT_MAX_SUBJECTS", 100_000, 100, 10_000_000),
    trustProxyHops: integer("TRUST_PROXY_HOPS", 0, 0, 10),
    seedOnStart: flag("SEED_ON_START", true),
    // Off in production by default, like introspection: without it the explorer can neither complete nor document.
    explorer: flag("EXPLORER", environment !== "production"),
    dashboard: flag("DASHBOARD", true),
    webDir: path.resolve(projectRoot, "dist", "web"),
    logLevel: logLevels.includes(logLevel) ? logLevel : "info",
    projectRoot,
  };
  if (config.rateLimitCostPerMinute > 0 && config.rateLimitCostPerMinute < config.maxQueryCost) {
    // A query the cost limit allows could then never be afforded: GCRA refuses a cost over the whole budget.
    problems.push(
      `RATE_LIMIT_COST_PER_MINUTE (${config.rateLimitCostPerMinute}) must be 0 or at least MAX_QUERY_COST (${config.maxQueryCost})`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
