import { eq } from "drizzle-orm";
import {
  planDraftsTable,
  draftActionsTable,
  draftRecommendationsTable,
} from "../../../src/modules/draft/plan-draft.table.js";
import { bootstrapAdmin } from "../../../src/modules/identity/identity.js";
import { toGlobalId } from "../../../src/shared/graphql/global-id.js";
import { row, type MatrixRow, type MatrixWorld } from "../../support/authorization-matrix.js";
import { matrixPlan } from "../import/import.authorization-rows.js";

export interface DraftFixture {
  draftId: number;
  recommendationId: number;
  actionId: number;
}

/** An open draft of its own: a plan for a challenge on a day no other cell uses, imported by an admin. */
export async function makeDraft(world: MatrixWorld): Promise<DraftFixture> {
  const drafts = world.t.app.services.draft;
  const { draftId } = await drafts.importPlan(
    bootstrapAdmin,
    {
      content: new TextEncoder().encode(matrixPlan),
      filename: "plan.csv",
      councilGss: world.council.gss,
      challengeHeldOn: world.freshDay(),
      recordedOn: "2025-04-15",
    },
    false,
  );
  if (draftId === null) throw new Error("the matrix's import opened no draft");
  const [rec] = await drafts.recommendationsOf(draftId);
  const [action] = await drafts.actionsOf([rec!.id]);
  return { draftId, recommendationId: rec!.id, actionId: action!.id };
}

const draftStatus = async (world: MatrixWorld, id: number) =>
  (
    await world.t.database.db
      .select({ status: planDraftsTable.status })
      .from(planDraftsTable)
      .where(eq(planDraftsTable.id, id))
  )[0]?.status;

export const editors = ["editorOfThisCouncil", "adminKey", "adminToken"] as const;
const draftRefusal = { anonymous: "auth.required", otherwise: "draft.not_found" };

export const draftRows: MatrixRow[] = [
  row({
    name: "updateDraftRecommendation",
    document: `mutation($input: UpdateDraftRecommendationInput!) { updateDraftRecommendation(input: $input) { version } }`,
    arrange: makeDraft,
    variables: (_world, f) => ({
      input: {
        id: toGlobalId("DraftRecommendation", f.recommendationId),
        expectedVersion: 1,
        title: "Checked by the matrix",
      },
    }),
    allowed: editors,
    refused: draftRefusal,
    observe: async ({ world, fixture }) =>
      (
        await world.t.database.db
          .select({ title: draftRecommendationsTable.title })
          .from(draftRecommendationsTable)
          .where(eq(draftRecommendationsTable.id, fixture.recommendationId))
      )[0]?.title === "Checked by the matrix",
  }),
  row({
    name: "updateDraftAction",
    document: `mutation($input: UpdateDraftActionInput!) { updateDraftAction(input: $input) { version } }`,
    arrange: makeDraft,
    variables: (_world, f) => ({
      input: { id: toGlobalId("DraftAction", f.actionId), expectedVersion: 1, lead: "Checked by the matrix" },
    }),
    allowed: editors,
    refused: draftRefusal,
    observe: async ({ world, fixture }) =>
      (
        await world.t.database.db
          .select({ lead: draftActionsTable.lead })
          .from(draftActionsTable)
          .where(eq(draftActionsTable.id, fixture.actionId))
      )[0]?.lead === "Checked by the matrix",
  }),
  row({
    name: "publishDraft",
    document: `mutation($input: DraftVersionInput!) { publishDraft(input: $input) { draft { status } } }`,
    arrange: makeDraft,
    variables: (_world, f) => ({ input: { id: toGlobalId("PlanDraft", f.draftId), expectedVersion: 1 } }),
    allowed: editors,
    refused: draftRefusal,
    observe: async ({ world, fixture }) => (await draftStatus(world, fixture.draftId)) === "PUBLISHED",
  }),
  row({
    name: "discardDraft",
    document: `mutation($input: DraftVersionInput!) { discardDraft(input: $input) { status } }`,
    arrange: makeDraft,
    variables: (_world, f) => ({ input: { id: toGlobalId("PlanDraft", f.draftId), expectedVersion: 1 } }),
    allowed: editors,
    refused: draftRefusal,
    observe: async ({ world, fixture }) => (await draftStatus(world, fixture.draftId)) === "DISCARDED",
  }),
  row({
    name: "node(id:) on a PlanDraft",
    document: `query($id: ID!) { node(id: $id) { id ... on PlanDraft { status recommendations { text } } } }`,
    arrange: makeDraft,
    variables: (_world, f) => ({ id: toGlobalId("PlanDraft", f.draftId) }),
    allowed: editors,
    refused: "node.not_found",
    observe: ({ data }) => data?.["node"] != null,
  }),
  row({
    name: "node(id:) on a DraftAction",
    document: `query($id: ID!) { node(id: $id) { id ... on DraftAction { text } } }`,
    arrange: makeDraft,
    variables: (_world, f) => ({ id: toGlobalId("DraftAction", f.actionId) }),
    allowed: editors,
    refused: "node.not_found",
    observe: ({ data }) => data?.["node"] != null,
  }),
  row({
    name: "drafts(council:)",
    document: `query($council: String!) { drafts(council: $council) { id } }`,
    arrange: makeDraft,
    variables: (world) => ({ council: world.council.gss }),
    allowed: editors,
    // To anyone who may not see the council's drafts the list is empty, not an error.
    refused: "empty",
    observe: ({ data, fixture }) =>
      ((data?.["drafts"] ?? []) as { id: string }[]).some((d) => d.id === toGlobalId("PlanDraft", fixture.draftId)),
  }),
];
