// The one schema object drizzle and drizzle-kit see: every module's tables, re-exported.
export * from "../../modules/council/council.table.js";
export * from "../../modules/peer-group/peer-group.table.js";
export * from "../../modules/theme/theme.table.js";
export * from "../../modules/peer-challenge/peer-challenge.table.js";
export * from "../../modules/import/source-document.table.js";
export * from "../../modules/recommendation/recommendation.table.js";
export * from "../../modules/action/action.table.js";
export * from "../../modules/action/progress-update.table.js";
export * from "../../modules/action/action-revision.table.js";
export * from "../../modules/recommendation/recommendation-revision.table.js";
export * from "../../modules/audit/audit-event.table.js";
export * from "../../modules/identity/api-key.table.js";
export * from "../../modules/draft/plan-draft.table.js";
