import { execFileSync } from "node:child_process";

/**
 * vitest globalSetup: compiles dist/ once per run, as `npm start` does, so that the test files
 * starting the real entry point never run tsc side by side. Incremental: a no-op when nothing changed.
 */
export function setup(): void {
  execFileSync("npm", ["run", "-s", "build"], { stdio: "inherit" });
}
