import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createTestApp, type TestApp } from "../support/test-app.js";
import { databaseKind } from "../support/test-database.js";

const misspelt = `{ councils(first: 1) { nodez { name } } }`;
const introspection = `{ __schema { queryType { name } } }`;

describe("NODE_ENV and INTROSPECTION", () => {
  it("turns introspection off in production and on elsewhere, unless INTROSPECTION says otherwise", () => {
    expect(loadConfig({})).toMatchObject({ environment: "development", introspection: true });
    expect(loadConfig({ NODE_ENV: "production" })).toMatchObject({ environment: "production", introspection: false });
    expect(loadConfig({ NODE_ENV: "production", INTROSPECTION: "true" })).toMatchObject({ introspection: true });
    expect(loadConfig({ INTROSPECTION: "no" })).toMatchObject({ environment: "development", introspection: false });
  });
});

describe(`errors in production say nothing of the schema (${databaseKind})`, () => {
  let production: TestApp;
  let development: TestApp;
  beforeAll(async () => {
    production = await createTestApp({ seed: false, config: { environment: "production", introspection: false } });
    development = await createTestApp({ seed: false });
  });
  afterAll(async () => {
    await production.close();
    await development.close();
  });

  it("suggests field names while developing, and not in production", async () => {
    const developing = await development.execute(misspelt);
    expect(developing.errors?.[0]?.message).toContain('Did you mean "nodes"');
    const produced = await production.execute(misspelt);
    expect(produced.errors).toHaveLength(1);
    expect(produced.errors?.[0]?.message).not.toMatch(/Did you mean/);
    expect(produced.errors?.[0]?.extensions).toMatchObject({ reason: "request.validation_failed" });
  });

  it("answers introspection while developing and refuses it in production, with a coded error", async () => {
    expect((await development.execute(introspection)).data).toEqual({ __schema: { queryType: { name: "Query" } } });
    const produced = await production.execute(introspection);
    expect(produced.data).toBeNull();
    expect(produced.errors?.[0]?.extensions).toMatchObject({
      code: "GRAPHQL_VALIDATION_FAILED",
      reason: "request.validation_failed",
    });
  });
});
