/** 0.8813… → "88%"; null (no deadline to be overdue against) → "no data". */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? "no data" : `${Math.round(rate * 100)}%`;
}

/** Ranks and percentiles as the API gives them: null when the council has no data there. */
export function rankText(rank: number | null, membersWithData: number): string {
  return rank === null ? "no data" : `${rank} of ${membersWithData}`;
}

const statusNames: Record<string, string> = {
  COMPLETE: "Complete",
  IN_PROGRESS: "In progress",
  NOT_STARTED: "Not started",
  ONGOING: "Ongoing",
  UNKNOWN: "Unknown",
};
export function statusName(status: string): string {
  return statusNames[status] ?? status;
}

/** true/false/null as "yes", "no" and "—" (not known). */
export function yesNo(value: boolean | null): string {
  return value === null ? "—" : value ? "yes" : "no";
}
