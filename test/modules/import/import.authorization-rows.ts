import { and, eq } from "drizzle-orm";
import { peerChallengesTable } from "../../../src/modules/peer-challenge/peer-challenge.table.js";
import { row, type MatrixRow } from "../../support/authorization-matrix.js";

/** Two recommendations, three actions: small enough for one request per cell. */
const plan = [
  "Ref,Recommendation,Action,Owner,Timeframe,RAG",
  '1,"Refresh the medium term financial strategy","Publish a three-year MTFS",Section 151 Officer,Q3 2025/26,Amber',
  ',,"Report reserves position to Cabinet quarterly",,Ongoing,Green',
  '2,"Strengthen overview and scrutiny","Adopt a scrutiny work programme",Monitoring Officer,end of March 2025,Complete',
].join("\n");

export const importRows: MatrixRow[] = [
  row({
    name: "importPlan",
    document: `mutation($input: ImportPlanInput!) { importPlan(input: $input) { outcome } }`,
    // A challenge held on a day of its own: each cell creates its own plan and sees no other's.
    arrange: (world) => Promise.resolve({ heldOn: world.freshDay() }),
    variables: (world, { heldOn }) => ({
      input: {
        text: plan,
        filename: "plan.csv",
        council: world.council.gss,
        challenge: heldOn,
        recordedOn: "2025-04-15",
      },
    }),
    // Admin-only until editors' imports become drafts.
    allowed: ["adminKey", "adminToken"],
    refused: "auth.admin_required",
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
