#!/usr/bin/env node
// The import command for `npx cpc-graph-import`: nothing but the command's own output reaches stdout
// (npm run prints its banner there), and no build step is needed, as with `npm run import`.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

// tsx must read the project's tsconfig (legacy decorators for type-graphql) whatever the current folder.
register({ tsconfig: fileURLToPath(import.meta.resolve("../tsconfig.json")) });
await import("../src/cli/import.cli.ts");
