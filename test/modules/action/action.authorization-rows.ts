import { and, eq } from "drizzle-orm";
import { actionsTable } from "../../../src/modules/action/action.table.js";
import { progressUpdatesTable } from "../../../src/modules/action/progress-update.table.js";
import { bootstrapAdmin } from "../../../src/modules/identity/identity.js";
import { peerChallengesTable } from "../../../src/modules/peer-challenge/peer-challenge.table.js";
import { recommendationsTable } from "../../../src/modules/recommendation/recommendation.table.js";
import { toGlobalId } from "../../../src/shared/graphql/global-id.js";
import { row, type MatrixRow, type MatrixWorld } from "../../support/authorization-matrix.js";

const editors = ["editorOfThisCouncil", "adminKey", "adminToken"] as const;

/** A recommendation of the editor's council (Harlow), for actions made fresh per cell. */
async function recommendationHere(world: MatrixWorld): Promise<number> {
  const [rec] = await world.t.database.db
    .select({ id: recommendationsTable.id })
    .from(recommendationsTable)
    .innerJoin(peerChallengesTable, eq(peerChallengesTable.id, recommendationsTable.peerChallengeId))
    .where(eq(peerChallengesTable.councilId, world.council.id))
    .limit(1);
  if (rec === undefined) throw new Error("the matrix's council has no recommendation");
  return rec.id;
}

/** An action of this cell's own, at version 1. */
async function freshAction(world: MatrixWorld) {
  return world.t.app.services.actionEdit.add(
    bootstrapAdmin,
    { recommendationId: await recommendationHere(world), text: world.unique("matrix action"), target: "March 2025" },
    "2026-01-01",
  );
}

async function actionRow(world: MatrixWorld, id: number) {
  return (await world.t.database.db.select().from(actionsTable).where(eq(actionsTable.id, id)))[0];
}

export const actionRows: MatrixRow[] = [
  row({
    name: "recordProgress",
    document: `mutation($input: RecordProgressInput!) { recordProgress(input: $input) { id } }`,
    arrange: freshAction,
    variables: (_world, action) => ({
      input: {
        action: toGlobalId("Action", action.id),
        expectedVersion: 1,
        status: "COMPLETE",
        recordedOn: "2025-01-01",
      },
    }),
    allowed: editors,
    refused: { anonymous: "auth.required", otherwise: "action.not_found" },
    observe: async ({ world, fixture }) =>
      (
        await world.t.database.db
          .select({ id: progressUpdatesTable.id })
          .from(progressUpdatesTable)
          .where(and(eq(progressUpdatesTable.actionId, fixture.id), eq(progressUpdatesTable.source, "EDITOR")))
      ).length > 0,
  }),
  row({
    name: "updateAction",
    document: `mutation($input: UpdateActionInput!) { updateAction(input: $input) { id } }`,
    arrange: freshAction,
    variables: (_world, action) => ({
      input: { action: toGlobalId("Action", action.id), expectedVersion: 1, text: "corrected by the matrix" },
    }),
    allowed: editors,
    refused: { anonymous: "auth.required", otherwise: "action.not_found" },
    observe: async ({ world, fixture }) => (await actionRow(world, fixture.id))?.text === "corrected by the matrix",
  }),
  row({
    name: "retireAction",
    document: `mutation($input: RetireActionInput!) { retireAction(input: $input) { id } }`,
    arrange: freshAction,
    variables: (_world, action) => ({
      input: { action: toGlobalId("Action", action.id), expectedVersion: 1, retiredOn: "2025-06-01", reason: "matrix" },
    }),
    allowed: editors,
    refused: { anonymous: "auth.required", otherwise: "action.not_found" },
    observe: async ({ world, fixture }) => (await actionRow(world, fixture.id))?.retiredOn != null,
  }),
  row({
    name: "addAction",
    document: `mutation($input: AddActionInput!) { addAction(input: $input) { id } }`,
    arrange: async (world) => ({ recommendationId: await recommendationHere(world), text: world.unique("added") }),
    variables: (_world, { recommendationId, text }) => ({
      input: { recommendation: toGlobalId("Recommendation", recommendationId), text, target: "March 2025" },
    }),
    allowed: editors,
    refused: { anonymous: "auth.required", otherwise: "recommendation.not_found" },
    observe: async ({ world, fixture }) =>
      (await world.t.database.db.select().from(actionsTable).where(eq(actionsTable.text, fixture.text))).length > 0,
  }),
];
