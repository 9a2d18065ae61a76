import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";

/** Debian's Chromium (.ci/run installs it when missing): never a browser download. */
export const chromiumPath = "/usr/bin/chromium";

export interface Browser {
  context: BrowserContext;
  /** Requests to anywhere but the service, each refused: a page that works offline leaves this empty. */
  refused: string[];
  close(): Promise<void>;
}

/**
 * A headless Chromium on a fresh profile in which every request that is not to `base` is aborted,
 * as on a network with no way out.
 */
export async function launchOffline(base: string): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), "cpc-graph-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1280, height: 900 },
    reducedMotion: "reduce",
  });
  const refused: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${base}/`) || url === base) return route.continue();
    refused.push(url);
    return route.abort("internetdisconnected");
  });
  return {
    context,
    refused,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core's serious and critical violations on the page as it is now. Its source is evaluated
 * through the DevTools protocol, which the pages' Content-Security-Policy (scripts from 'self'
 * only) does not govern, so the policy stays on while it runs.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  // In-page code is given as text: this project's tsconfig has no DOM types.
  const violations = await page.evaluate<AxeViolation[]>(
    `axe.run(document, { resultTypes: ["violations"] }).then((result) => result.violations)`,
  );
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
}

/**
 * Presses Tab until focus comes back round, and answers which of the page's enabled controls it
 * never reached: every one of them must be reachable from the keyboard.
 */
export async function controlsTabSkips(page: Page): Promise<string[]> {
  const count = await page.evaluate<number>(`(() => {
    const controls = [...document.querySelectorAll("a[href], button, input, select, textarea, summary")].filter(
      (element) => !element.disabled && element.getClientRects().length > 0,
    );
    controls.forEach((element, index) => element.setAttribute("data-control", String(index)));
    return controls.length;
  })()`);
  expect(count).toBeGreaterThan(3);
  const reached = new Set<string>();
  await page.evaluate(`document.activeElement?.blur()`);
  for (let press = 0; press < count + 20; press++) {
    await page.keyboard.press("Tab");
    const index = await page.evaluate<string | null>(`document.activeElement?.getAttribute("data-control") ?? null`);
    if (index !== null) reached.add(index);
    if (reached.size === count) break;
  }
  return page.evaluate<string[]>(
    `[...document.querySelectorAll("[data-control]")]
      .filter((element) => !${JSON.stringify([...reached])}.includes(element.getAttribute("data-control")))
      .map((element) => element.outerHTML.slice(0, 120))`,
  );
}

/**
 * Writes a screenshot of the page to test-results/screenshots (the folder CI keeps) and, when
 * UPDATE_SCREENSHOTS=1, to docs/screenshots, which the README shows.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const folders = [
    "test-results/screenshots",
    ...(process.env["UPDATE_SCREENSHOTS"] === "1" ? ["docs/screenshots"] : []),
  ];
  for (const folder of folders) {
    if (!existsSync(folder)) mkdirSync(folder, { recursive: true });
    // The page from the top, cut at 2,000 pixels: a whole plan of 66 actions is a scroll, not a picture.
    const height = Math.min(2000, await page.evaluate<number>(`document.documentElement.scrollHeight`));
    await page.screenshot({
      path: path.join(folder, `${name}.png`),
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height },
    });
  }
}
