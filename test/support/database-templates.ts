import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { createRepositories, createServices } from "../../src/app/app.js";
import { seedDatabase } from "../../src/app/seed.js";
import { loadConfig } from "../../src/config.js";
import { openDatabase, type DatabaseHandle } from "../../src/shared/database/database.js";
import { createLogger } from "../../src/shared/logger.js";
import { serverUrl } from "./test-database.js";

const projectRoot = process.cwd();
const common = { statementTimeoutMs: 30_000, projectRoot };

async function seed(handle: DatabaseHandle): Promise<void> {
  const config = loadConfig({ LOG_LEVEL: "silent" }, projectRoot);
  const repos = createRepositories(handle.db);
  await seedDatabase({
    repos,
    services: createServices(repos, config, createLogger("silent")),
    projectRoot,
    logger: createLogger("silent"),
  });
}

let teardownTemplates: (() => Promise<void>) | null = null;

/**
 * vitest globalSetup. Starting PGlite (initdb), migrating and seeding cost seconds per test file
 * on 2 cores; done once here, each file then loads an archive (PGlite) or is created from a
 * template (PostgreSQL) and still gets a database of its own.
 */
export async function setup(project: TestProject): Promise<void> {
  if (!serverUrl) {
    const folder = mkdtempSync(path.join(tmpdir(), "cpc-test-templates-"));
    const handle = await openDatabase({ ...common, databaseUrl: null, pgliteDataDir: "memory://" });
    try {
      const dump = async (name: string) => {
        if (!handle.snapshot) throw new Error("an embedded database can always be archived");
        const file = path.join(folder, `${name}.tar`);
        writeFileSync(file, Buffer.from(await (await handle.snapshot()).arrayBuffer()));
        return file;
      };
      await handle.migrate();
      const migrated = await dump("migrated");
      await seed(handle);
      const seeded = await dump("seeded");
      project.provide("databaseTemplates", { kind: "pglite", migrated, seeded });
    } finally {
      await handle.close();
    }
    teardownTemplates = () => Promise.resolve(rmSync(folder, { recursive: true, force: true }));
    return;
  }

  const server = serverUrl;
  const stem = `cpc_tpl_${process.pid}_${randomBytes(4).toString("hex")}`;
  const migrated = `${stem}_migrated`;
  const seeded = `${stem}_seeded`;
  const admin = postgres(server, { max: 1, onnotice: () => undefined });
  teardownTemplates = async () => {
    await admin.unsafe(`drop database if exists "${seeded}" with (force)`);
    await admin.unsafe(`drop database if exists "${migrated}" with (force)`);
    await admin.end();
  };
  const urlOf = (name: string) => {
    const url = new URL(server);
    url.pathname = `/${name}`;
    return url.toString();
  };
  await admin.unsafe(`create database "${migrated}"`);
  const first = await openDatabase({ ...common, databaseUrl: urlOf(migrated), pgliteDataDir: "memory://" });
  await first.migrate().finally(() => first.close());
  // A template must have no open connections while it is copied, hence close before each copy.
  await admin.unsafe(`create database "${seeded}" template "${migrated}"`);
  const second = await openDatabase({ ...common, databaseUrl: urlOf(seeded), pgliteDataDir: "memory://" });
  await seed(second).finally(() => second.close());
  project.provide("databaseTemplates", { kind: "postgres", migrated, seeded });
}

export async function teardown(): Promise<void> {
  await teardownTemplates?.();
}
