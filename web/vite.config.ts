import { readFileSync } from "node:fs";
import path from "node:path";
import { defineConfig, type Plugin } from "vite";
import { readmeQueries } from "./readme-queries.js";

const root = import.meta.dirname;
const projectRoot = path.resolve(root, "..");

/**
 * The explorer's tabs are the README's example queries, read at build time so that the two never
 * drift apart: `virtual:readme-queries` exports them.
 */
function readmeQueriesPlugin(): Plugin {
  const id = "virtual:readme-queries";
  const readme = path.join(projectRoot, "README.md");
  return {
    name: "readme-queries",
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(loaded) {
      if (loaded !== `\0${id}`) return undefined;
      this.addWatchFile(readme);
      return `export const readmeQueries = ${JSON.stringify(readmeQueries(readFileSync(readme, "utf8")))};`;
    },
  };
}

export default defineConfig({
  root,
  base: "/",
  // Everything the pages need is in the bundle: no CDN, no fonts or scripts fetched at run time.
  build: {
    outDir: path.join(projectRoot, "dist", "web"),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: { dashboard: path.join(root, "index.html"), explorer: path.join(root, "explorer.html") },
      // framer-motion (GraphiQL's) marks modules "use client" for React Server Components, which a bundle has no use for.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
  esbuild: { jsx: "automatic" },
  plugins: [readmeQueriesPlugin()],
});
