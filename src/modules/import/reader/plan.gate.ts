/**
 * Whether what a segmentation found is an action plan at all. A README, a news page or a corporate
 * plan has headings, lists and even tables, and any of them can be segmented into "recommendations";
 * only plan-shaped evidence lets one through, so a document with no plan never updates a council.
 */
import type { Candidate } from "./plan.builder.js";
import { isPlanProse, mentionsCouncilWork } from "./field.evidence.js";
import { planMentions } from "./reader.lexicon.js";

export interface PlanEvidence {
  accepted: boolean;
  /** 0–1: how plan-like the reading is, folded into the plan's overall confidence. */
  strength: number;
  reasons: string[];
}

/** Items weighed per share: a plan's nature shows in a few hundred of its items, spread through it. */
const sampled = 400;

const share = <T>(items: readonly T[], test: (item: T) => boolean): number => {
  if (items.length === 0) return 0;
  const step = Math.max(1, Math.floor(items.length / sampled));
  let seen = 0;
  let passed = 0;
  for (let i = 0; i < items.length; i += step) {
    seen++;
    if (test(items[i]!)) passed++;
  }
  return passed / seen;
};

export function weighPlanEvidence(candidate: Candidate, documentText: string): PlanEvidence {
  const recs = candidate.recommendations;
  const actions = recs.flatMap((r) => r.actions);
  const items = [...recs.map((r) => r.text), ...actions.map((a) => a.text)];
  const prose = share(items, isPlanProse);
  const council = share(items, mentionsCouncilWork);
  const fields = share(
    actions,
    (a) =>
      a.lead !== null ||
      a.target.deadline !== null ||
      (a.status !== null && (a.status.status !== "UNKNOWN" || a.status.rag !== null)),
  );
  const numbered = recs.length === 0 ? 0 : candidate.evidence.numbered / recs.length;
  const strong = planMentions.strong.test(documentText);
  const weak = planMentions.weak.test(documentText);
  const headerRoles = candidate.evidence.headerRoles;

  const reasons: string[] = [];
  if (recs.length === 0) return { accepted: false, strength: 0, reasons: ["no recommendation was found"] };
  if (prose < 0.6)
    reasons.push(`only ${Math.round(prose * 100)}% of the items read as prose (code, markup or fragments)`);
  if (council < 0.4) reasons.push(`only ${Math.round(council * 100)}% of the items speak of a council's business`);
  const structured = headerRoles >= 2 && (fields >= 0.3 || weak);
  const mentioned = strong && (fields >= 0.2 || numbered >= 0.5 || council >= 0.6);
  const fielded = weak && fields >= 0.5;
  if (!structured && !mentioned && !fielded)
    reasons.push(
      "no plan-shaped evidence: no plan table header, no mention of a peer challenge or action plan with numbered items, and few leads, dates or statuses",
    );
  // A table whose header names no plan column and whose cells hold no leads, dates or statuses is
  // any table of prose (a list of documents, a glossary), not a plan.
  // Names alone do not make one either: a list of the peer team is names and posts.
  const datedOrStatused = share(
    actions,
    (a) =>
      a.target.deadline !== null || (a.status !== null && (a.status.status !== "UNKNOWN" || a.status.rag !== null)),
  );
  const anonymousTable = candidate.layout === "TABLE" && headerRoles < 2 && datedOrStatused < 0.3;
  if (anonymousTable) reasons.push("a table with no plan header and almost no dates or statuses");
  // A header of three or more plan columns over rows with leads, dates or statuses is a plan table
  // however terse its wording ("Do one", "X", "June 2025").
  const planTable = headerRoles >= 3 && fields >= 0.5;
  const accepted =
    planTable || (prose >= 0.6 && council >= 0.4 && !anonymousTable && (structured || mentioned || fielded));
  const strength =
    Math.min(1, 0.5 + 0.2 * Math.min(1, headerRoles / 3) + 0.15 * fields + 0.1 * numbered + (strong ? 0.1 : 0)) *
    Math.min(1, prose + 0.2);
  return { accepted, strength, reasons };
}
