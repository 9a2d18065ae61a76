import { sql } from "drizzle-orm";
import { check, doublePrecision, index, integer, pgTable, text } from "drizzle-orm/pg-core";

/** One row per current English council in the mySociety register (seeds/councils). */
export const councilsTable = pgTable(
  "councils",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    gssCode: text("gss_code").notNull().unique(),
    registerCode: text("register_code").notNull().unique(),
    slug: text("slug").notNull().unique(),
    officialName: text("official_name").notNull(),
    name: text("name").notNull(),
    typeCode: text("type_code").notNull(),
    typeName: text("type_name").notNull(),
    region: text("region").notNull(),
    /** Register code of the county council a district sits in (e.g. ESS). */
    countyCode: text("county_code"),
    combinedAuthorityCode: text("combined_authority_code"),
    population: integer("population"),
    lat: doublePrecision("lat"),
    long: doublePrecision("long"),
  },
  (t) => [
    index("councils_type_code_idx").on(t.typeCode),
    index("councils_region_idx").on(t.region),
    index("councils_county_code_idx").on(t.countyCode),
    // The database's copy of gssCodePattern (council.gss-code.ts), kept as a migration.
    check("councils_gss_code_format", sql`${t.gssCode} ~ '^E[0-9]{8}$'`),
    check("councils_population_positive", sql`${t.population} is null or ${t.population} > 0`),
  ],
);

export type CouncilRow = typeof councilsTable.$inferSelect;
export type NewCouncilRow = typeof councilsTable.$inferInsert;
