import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "vite";

/**
 * `npm run build` builds the pages only when what they are made of changed (the web/ sources, the
 * README's example queries, the locked dependencies), as tsc -b does for the server: `npm start`
 * and every test run call it, and a Vite build takes seconds the server's does not.
 */
const webRoot = import.meta.dirname;
const projectRoot = path.resolve(webRoot, "..");
const outDir = path.join(projectRoot, "dist", "web");
const stampFile = path.join(outDir, ".inputs-sha256");

function sourcesOf(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(folder, entry.name);
      return entry.isDirectory() ? sourcesOf(full) : [full];
    })
    .sort();
}

const hash = createHash("sha256");
for (const file of [
  ...sourcesOf(webRoot),
  path.join(projectRoot, "README.md"),
  path.join(projectRoot, "package-lock.json"),
]) {
  hash.update(path.relative(projectRoot, file)).update("\0").update(readFileSync(file)).update("\0");
}
const inputs = hash.digest("hex");
const force = process.argv.includes("--force");
const built =
  existsSync(stampFile) && readFileSync(stampFile, "utf8") === inputs && existsSync(path.join(outDir, "index.html"));
if (built && !force) {
  process.stdout.write("web: up to date (dist/web)\n");
} else {
  // Whoever runs the build (vitest sets NODE_ENV=test), the pages get React's production build.
  process.env["NODE_ENV"] = "production";
  await build({ configFile: path.join(webRoot, "vite.config.ts"), mode: "production", logLevel: "warn" });
  writeFileSync(stampFile, inputs);
  process.stdout.write("web: built dist/web\n");
}
