import { and, eq } from "drizzle-orm";
import { peerChallengesTable } from "../../../src/modules/peer-challenge/peer-challenge.table.js";
import { planDraftsTable } from "../../../src/modules/draft/plan-draft.table.js";
import { row, type MatrixRow, type MatrixWorld } from "../../support/authorization-matrix.js";

/** Two recommendations, three actions: small enough for one request per cell. */
export const matrixPlan = [
  "Ref,Recommendation,Action,Owner,Timeframe,RAG",
  '1,"Refresh the medium term financial strategy","Publish a three-year MTFS",Section 151 Officer,Q3 2025/26,Amber',
  ',,"Report reserves position to Cabinet quarterly",,Ongoing,Green',
  '2,"Strengthen overview and scrutiny","Adopt a scrutiny work programme",Monitoring Officer,end of March 2025,Complete',
].join("\n");

/** importPlan's input for a challenge held on a day of its own: each cell sees no other's plan. */
const input = (world: MatrixWorld, heldOn: string, publish: boolean) => ({
  input: {
    text: matrixPlan,
    filename: "plan.csv",
    council: world.council.gss,
    challenge: heldOn,
    recordedOn: "2025-04-15",
    ...(publish ? { publish } : {}),
  },
});

export const importRows: MatrixRow[] = [
  row({
    name: "importPlan (opens a draft)",
    document: `mutation($input: ImportPlanInput!) { importPlan(input: $input) { draftId } }`,
    arrange: (world) => Promise.resolve({ heldOn: world.freshDay() }),
    variables: (world, { heldOn }) => input(world, heldOn, false),
    allowed: ["editorOfThisCouncil", "adminKey", "adminToken"],
    // Councils are public: a key that may not edit one is told so, not that it is missing.
    refused: { anonymous: "auth.required", otherwise: "auth.forbidden" },
    observe: async ({ world, fixture }) =>
      (
        await world.t.database.db
          .select({ id: planDraftsTable.id })
          .from(planDraftsTable)
          .where(
            and(eq(planDraftsTable.councilId, world.council.id), eq(planDraftsTable.challengeHeldOn, fixture.heldOn)),
          )
      ).length > 0,
  }),
  row({
    name: "importPlan (publish: true, the admins' direct path)",
    document: `mutation($input: ImportPlanInput!) { importPlan(input: $input) { outcome } }`,
    arrange: (world) => Promise.resolve({ heldOn: world.freshDay() }),
    variables: (world, { heldOn }) => input(world, heldOn, true),
    allowed: ["adminKey", "adminToken"],
    refused: { anonymous: "auth.required", otherwise: "auth.forbidden" },
    observe: async ({ world, fixture }) =>
      (
        await world.t.database.db
          .select({ id: peerChallengesTable.id })
          .from(peerChallengesTable)
          .where(
            and(eq(peerChallengesTable.councilId, world.council.id), eq(peerChallengesTable.heldOn, fixture.heldOn)),
          )
      ).length > 0,
  }),
];
