/**
 * What the plan reader knows about the words of action plans, kept as data so that a new council's
 * wording is a line here, not new code. The exact column vocabulary lives in parsers/columns.ts (it
 * is shared with the text layout parsers); this file holds the reader's looser evidence.
 */
import type { ColumnRole } from "../parsers/columns.js";

/**
 * Header cells no exact vocabulary entry names are read by keyword, first match wins, so the more
 * specific patterns come first ("Action owner" is a lead, "Progress update" an update, not a status).
 * A null role marks columns the plan does not hold (success measures, resources, risks).
 */
export const headerKeywords: readonly { pattern: RegExp; role: ColumnRole | null }[] = [
  { pattern: /\b(outcomes?|measures?|success|kpis?|resources?|costs?|budget|risks?|evidence of impact)\b/, role: null },
  {
    pattern: /\b(themes?|priority areas?|focus areas?|workstreams?|areas? of focus|category|categories)\b/,
    role: "themeLabel",
  },
  { pattern: /\b(updates?|comments?|commentary|notes?|progress to date|narrative|progress made)\b/, role: "update" },
  { pattern: /\b(rag|status)\b/, role: "status" },
  { pattern: /\baccountab/, role: "accountable" },
  { pattern: /\b(owners?|leads?|officers?|who|portfolio holders?|responsib\w*|by whom)\b/, role: "lead" },
  {
    pattern: /\b(dates?|deadlines?|timescales?|timeframes?|timelines?|when|due|targets?|completion|by)\b/,
    role: "target",
  },
  { pattern: /\bprogress\b/, role: "status" },
  {
    pattern: /\b(recommendations?|findings?|areas? for (improvement|development)|peer challenge)\b/,
    role: "recommendation",
  },
  {
    pattern:
      /\b(actions?|activit(y|ies)|responses?|deliverables?|tasks?|steps|what we will do|how we will|milestones?)\b/,
    role: "action",
  },
  { pattern: /^(no|ref|#|number|item|id|rec)\b/, role: "reference" },
];

/** A status cell holding only a colour ("Amber", "Blue", "Grey"): the colour is the status, read through the document's key. */
export const statusColourWords = /^\(?(?:red|amber|green|blue|grey|gray|purple|black)\)?\.?$/i;

/** "Recommendation 4", "Rec 4:", "R4 –", "4.", "4)", "(4)" at the start of a heading or paragraph. */
export const recommendationNumbering =
  /^\(?(?:(?:recommendation|rec\.?)\s*(?:no\.?\s*)?(\d+[a-z]?)|r\s?(\d+[a-z]?)|(\d{1,2}))\s*(?:[:.)\-–—]\s*|\s+(?=\S))(.*)$/iu;

/** "1.1", "A1.2", "R3.1:" before an action: its number under the recommendation, not its words. */
export const subNumbering = /^(?:[A-Z]{1,3}\s?)?\d{1,3}(?:\.\d{1,3})+[.:)]?\s+/u;

/** "a)", "(ii)", "b." printed before an action: a marker, not the action's words. */
export const actionMarker = /^(?:(?:[a-z]|[ivx]{1,4})[.)]|\((?:[a-z]|[ivx]{1,4}|\d{1,2})\))\s+/u;

/** A reference cell: "1", "1.", "R1", "Rec 1", "Recommendation 1", "1.2", "1a". */
export const referenceCell = /^\(?(?:(?:recommendation|rec\.?|r)\s*)?(\d{1,3}(?:\.\d{1,3})*[a-z]?)[.:)]?$/iu;

/**
 * Labels councils print before an action's fields, in list layouts ("Lead: Director of Resources",
 * "Target date – March 2025"). The label decides the field; what follows is the value.
 */
export const fieldLabels: readonly { pattern: RegExp; field: "lead" | "target" | "status" | "update" | "action" }[] = [
  {
    pattern:
      /^(?:lead(?: officer| member)?|owner|action owner|responsible(?: officer)?|accountable(?: officer)?|who)$/i,
    field: "lead",
  },
  {
    pattern: /^(?:target(?: date)?|deadline|due(?: date)?|by when|timescales?|timeframe|completion date|date|when)$/i,
    field: "target",
  },
  { pattern: /^(?:status|rag(?: status| rating)?|progress status|current status)$/i, field: "status" },
  {
    pattern: /^(?:update|progress(?: update)?|progress to date|comments?|commentary|latest update)$/i,
    field: "update",
  },
  { pattern: /^(?:action|actions|what we will do|response)$/i, field: "action" },
];

/** Blocks that are never part of a plan: site furniture, legal boilerplate, keys to colours. */
export const furniturePatterns: readonly RegExp[] = [
  /^skip to (main )?content$/i,
  /\bcookies?\b.*\b(accept|reject|settings|preferences|consent|we use|this (web)?site uses)\b/i,
  /^(accept|reject)( all)?( cookies)?$/i,
  /^(back to top|print( this page)?|share( this page)?|home|menu|search|contact us|sign in|log in|breadcrumb)$/i,
  /^(©|copyright\b)/i,
  /^page \d+( of \d+)?$/i,
  /^(key|colour key|rag key|legend)\s*[:\-–]?\s*$/i,
  /^(green|amber|red|blue|grey|gray)\s*[:=\-–]\s*\w/i,
  /^(last (updated|reviewed)|published|date published)\s*[:\-–]?\s*\d/i,
  /^was this page (useful|helpful)/i,
];

/** A heading that opens a section the plan does not live in (the peer team, contacts, related pages). */
export const furnitureSectionHeadings: readonly RegExp[] = [
  /^((the )?members of )?(the )?(lga |corporate )*(peer|review) (review |challenge )?team( members)?$/i,
  /^(related (pages|links|documents)|contact( us| details)?|useful links|documents|downloads|footer|site map)$/i,
  /^(key|colour key|rag key|legend|rag rating key)$/i,
];

/** Words that say a document is about a peer challenge's action plan at all. */
export const planMentions = {
  strong: /\b(peer (challenge|review)|action plan|improvement plan|progress review)\b/i,
  weak: /\b(recommendations?|actions?)\b/i,
};

/**
 * Local-government words a recommendation or action of a council's plan almost always uses; a
 * README or a news story about something else rarely does across most of its items.
 */
export const councilWork =
  /\b(council\w*|member|members|officer\w*|resident\w*|communit\w*|partner\w*|service\w*|strateg\w*|plan\w*|budget\w*|financ\w*|governance|scrutiny|leader\w*|workforce|staff|performance|deliver\w*|transform\w*|housing|econom\w*|cabinet|committee\w*|policy|policies|engage\w*|review\w*|develop\w*|improve\w*|capacity|culture|organis\w*|priorit\w*|outcome\w*|risk\w*|programme\w*|project\w*|digital|decision\w*|consult\w*|report\w*|implement\w*|establish\w*|ensure|agree\w*|manag\w*|revenue|capital|savings|mtfs|commission\w*|procure\w*|regenerat\w*|climate|health|wellbeing|place|town|city|district|borough|county|people|survey|training|recruit\w*|communicat\w*)\b/i;

/**
 * Marks of code or markup that plan prose does not carry: backticks, braces, arrows, file names,
 * command-line flags, camelCase, and Markdown syntax left in the text (headings, bold, links).
 */
export const codeMarks =
  /`|\{|\}|=>|<\/?[a-z]+[\s>]|\b[a-z]+\.[a-z]{2,4}\b(?!\.)|(^|\s)--?[a-z]|\b[a-z]+[A-Z][a-z]+\w*\b|::|\$\s|#!|^#{1,6}\s|\*\*|\]\(/;
