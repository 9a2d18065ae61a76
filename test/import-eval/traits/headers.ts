/**
 * Column headings a council might print over each kind of column, in plain English. Written for
 * the generator from published plans' habits; deliberately not taken from the reader's vocabulary.
 */

export const columnKinds = [
  "reference",
  "theme",
  "recommendation",
  "action",
  "lead",
  "deadline",
  "status",
  "update",
] as const;
export type ColumnKind = (typeof columnKinds)[number];

export const headerSynonyms: Record<ColumnKind, readonly string[]> = {
  reference: ["No.", "Ref", "Ref.", "#", "Number", "Rec no.", "Item"],
  theme: ["Theme", "Area", "Priority area", "Workstream", "Focus area", "Heading"],
  recommendation: [
    "Recommendation",
    "Recommendations",
    "Peer recommendation",
    "LGA recommendation",
    "Peer team recommendation",
    "Key recommendation",
    "What the peer team said",
    "CPC recommendation",
  ],
  action: [
    "Action",
    "Actions",
    "Action(s)",
    "Proposed action",
    "What we will do",
    "Council response / action",
    "Key actions",
    "Activity",
    "Actions to be taken",
    "How we will respond",
  ],
  lead: [
    "Lead",
    "Lead officer",
    "Owner",
    "Responsible officer",
    "Who",
    "Action owner",
    "Responsibility",
    "Lead (officer/member)",
    "Officer responsible",
  ],
  deadline: [
    "Target date",
    "Deadline",
    "Timescale",
    "By when",
    "Due date",
    "Completion date",
    "When",
    "Target",
    "Timeframe",
    "Date",
  ],
  status: ["Status", "RAG", "RAG status", "Progress", "Current status", "Status (RAG)", "Rating"],
  update: ["Update", "Progress update", "Comments", "Progress to date", "Latest position", "Commentary"],
};

/** Labels written in front of a field inside a list item ("Lead: …"), for list and inline layouts. */
export const fieldLabels: Record<"lead" | "deadline" | "status" | "update", readonly string[]> = {
  lead: ["Lead", "Owner", "Lead officer", "Responsible", "Who"],
  deadline: ["Target", "Deadline", "Target date", "By when", "Timescale", "Due"],
  status: ["Status", "Progress", "RAG"],
  update: ["Update", "Progress update", "Comment"],
};
