import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./src/shared/database/database.schema.ts",
  out: "./drizzle",
});
