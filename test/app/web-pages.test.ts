import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpServer } from "../../src/app/http-server.js";
import { httpRoutes } from "../../src/app/routes.js";
import { resolveInside } from "../../src/shared/http/static-files.js";
import { createTestApp, type TestApp } from "../support/test-app.js";
import { databaseKind } from "../support/test-database.js";

/** A stand-in for dist/web, so that these tests need no Vite build: the files' roles are what count. */
function fakeWebDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cpc-graph-web-"));
  mkdirSync(path.join(dir, "assets"));
  writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>dashboard</title>");
  writeFileSync(path.join(dir, "explorer.html"), "<!doctype html><title>explorer</title>");
  writeFileSync(path.join(dir, "assets", "app-abc123.js"), "export const answer = 42;\n");
  writeFileSync(path.join(dir, "assets", "app-abc123.css"), "body { color: black }\n");
  writeFileSync(path.join(dir, "secret.txt"), "outside assets");
  return dir;
}

describe(`the dashboard and explorer pages over HTTP (${databaseKind})`, () => {
  const webDir = fakeWebDir();
  const servers: { t: TestApp; server: Server; base: string }[] = [];
  const start = async (config: { explorer: boolean; dashboard: boolean }) => {
    const t = await createTestApp({ seed: false, config: { ...config, webDir } });
    const server = createHttpServer(t.app, httpRoutes);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const entry = { t, server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
    servers.push(entry);
    return entry.base;
  };
  let base: string;
  let off: string;
  beforeAll(async () => {
    base = await start({ explorer: true, dashboard: true });
    off = await start({ explorer: false, dashboard: false });
  });
  afterAll(async () => {
    for (const { t, server } of servers) {
      await new Promise((resolve) => server.close(resolve));
      await t.close();
    }
    rmSync(webDir, { recursive: true, force: true });
  });

  const html = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };

  it("gives a browser opening /graphql the bundled explorer, same-origin only, revalidated", async () => {
    const response = await fetch(`${base}/graphql`, { headers: html });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("content-security-policy")).toContain("connect-src 'self'");
    expect(await response.text()).toContain("<title>explorer</title>");
  });

  it("still answers GraphQL GET requests and JSON clients at /graphql", async () => {
    const get = await fetch(`${base}/graphql?query=${encodeURIComponent("{ __typename }")}`, {
      headers: { ...html, "apollo-require-preflight": "true" },
    });
    expect(get.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await get.json()).toMatchObject({ data: { __typename: "Query" } });
    const post = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(await post.json()).toMatchObject({ data: { __typename: "Query" } });
  });

  it("serves the dashboard at each of its paths", async () => {
    for (const page of ["/", "/council", "/overdue", "/drafts"]) {
      const response = await fetch(`${base}${page}?asOf=2026-11-22`);
      expect(response.status, page).toBe(200);
      expect(await response.text()).toContain("<title>dashboard</title>");
    }
  });

  it("serves hashed assets with their content type, cached for a year, and answers a revalidation with 304", async () => {
    const js = await fetch(`${base}/assets/app-abc123.js`);
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(js.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await js.text()).toBe("export const answer = 42;\n");
    const css = await fetch(`${base}/assets/app-abc123.css`);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    const again = await fetch(`${base}/assets/app-abc123.js`, {
      headers: { "if-none-match": js.headers.get("etag") ?? "" },
    });
    expect(again.status).toBe(304);
  });

  it("never leaves the assets folder, however the path is spelled", async () => {
    for (const attempt of [
      "/assets/../secret.txt",
      "/assets/%2e%2e/secret.txt",
      "/assets/..%2fsecret.txt",
      "/assets/%2e%2e%5csecret.txt",
      "/assets/.hidden",
      "/assets/%zz",
      "/assets/",
    ]) {
      const response = await fetch(`${base}${attempt}`);
      expect(response.status, attempt).toBe(404);
      expect(await response.text(), attempt).not.toContain("outside assets");
    }
    expect(resolveInside("/srv/web", "/assets/a.js")).toBe("/srv/web/assets/a.js");
    expect(resolveInside("/srv/web", "/assets/..%2F..%2Fetc/passwd")).toBeNull();
    expect(resolveInside("/srv/web", "/assets/a%00.js")).toBeNull();
  });

  it("serves neither when turned off: /graphql is Apollo's JSON refusal and / is a coded 404", async () => {
    const explorer = await fetch(`${off}/graphql`, { headers: html });
    expect(explorer.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await explorer.text()).not.toContain("<title>");
    const page = await fetch(`${off}/`);
    expect(page.status).toBe(404);
    expect(await page.json()).toMatchObject({ errors: [{ extensions: { reason: "request.not_found" } }] });
    expect((await fetch(`${off}/assets/app-abc123.js`)).status).toBe(404);
  });
});
