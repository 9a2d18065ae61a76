/**
 * The action domain's closed vocabularies (DOMAIN.md, "Dates, statuses and overdue"): the database
 * enums, the GraphQL enums and the importer's normalisers all take their values from here.
 */

/** How exactly a deadline phrase names its period. */
export const deadlinePrecisions = [
  "DAY",
  "MONTH",
  "QUARTER",
  "SEASON",
  "FINANCIAL_YEAR",
  "YEAR",
  /** Starts at a date (or now) and has no end: never overdue. */
  "ONGOING",
  /** Nothing usable: TBC, empty, unparseable. */
  "UNKNOWN",
] as const;
export type DeadlinePrecisionValue = (typeof deadlinePrecisions)[number];

export const actionStatuses = ["COMPLETE", "IN_PROGRESS", "NOT_STARTED", "ONGOING", "UNKNOWN"] as const;
export type ActionStatusValue = (typeof actionStatuses)[number];

export const ragColours = ["RED", "AMBER", "GREEN"] as const;
export type RagColourValue = (typeof ragColours)[number];

/** Where a progress update came from. */
export const progressUpdateSources = ["DOCUMENT", "IMPORT", "EDITOR"] as const;
export type ProgressUpdateSourceValue = (typeof progressUpdateSources)[number];
