import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, type AnyPgColumn } from "drizzle-orm/pg-core";

/** The fixed two-level taxonomy: level 1 are the five LGA components, level 2 their sub-themes. */
export const themesTable = pgTable(
  "themes",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    code: text("code").notNull().unique(),
    parentId: integer("parent_id").references((): AnyPgColumn => themesTable.id),
    level: integer("level").notNull(),
    /** LGA numbering for components; position within the component for sub-themes. */
    position: integer("position").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull(),
    legacyNames: text("legacy_names")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [
    index("themes_parent_idx").on(t.parentId),
    check("themes_level_range", sql`${t.level} in (1, 2)`),
    check("themes_parent_matches_level", sql`(${t.level} = 1) = (${t.parentId} is null)`),
  ],
);

export type ThemeRow = typeof themesTable.$inferSelect;
