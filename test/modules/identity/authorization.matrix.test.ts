import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callers,
  createMatrix,
  describeCell,
  rootField,
  type Matrix,
  type MatrixRow,
  type Outcome,
} from "../../support/authorization-matrix.js";
import { databaseKind } from "../../support/test-database.js";
import { actionRows } from "../action/action.authorization-rows.js";
import { auditRows } from "../audit/audit.authorization-rows.js";
import { draftRows } from "../draft/draft.authorization-rows.js";
import { importRows } from "../import/import.authorization-rows.js";
import { peerGroupRows } from "../peer-group/peer-group.authorization-rows.js";
import { recommendationRows } from "../recommendation/recommendation.authorization-rows.js";
import { apiKeyRows } from "./api-key.authorization-rows.js";

/** Every row of the matrix; test/support/authorization-matrix.ts says how to add one. */
const rows: MatrixRow[] = [
  ...apiKeyRows,
  ...importRows,
  ...peerGroupRows,
  ...actionRows,
  ...recommendationRows,
  ...draftRows,
  ...auditRows,
];

/**
 * Reads that hand out what not everyone may see, by root field. `drafts` and `auditEvents` answer
 * "nothing of yours" with an empty list, so their rows are refused "empty" rather than with a reason.
 * Mutations need no list: every one in the schema must have a row. A protected read reached through
 * node(id:) is listed as "node".
 */
const protectedReads = ["apiKeys", "node", "drafts", "auditEvents"];

describe(`authorisation matrix (${databaseKind})`, () => {
  let matrix: Matrix;
  const unexpectedAllows: Outcome[] = [];
  beforeAll(async () => {
    matrix = await createMatrix();
  });
  afterAll(async () => {
    await matrix.close();
    // One failure naming every cell that let through what it should have refused.
    if (unexpectedAllows.length > 0)
      throw new Error(
        `${unexpectedAllows.length} unexpected allow(s):\n` +
          unexpectedAllows.map((o) => `  ${o.row} × ${o.caller}: expected ${o.expected}; got ${o.got}`).join("\n"),
      );
  });

  it("has a row for every mutation in the schema and every protected read", () => {
    const covered = new Set(rows.map((r) => rootField(r.document)));
    const mutations = Object.keys(matrix.world.t.app.schema.getMutationType()?.getFields() ?? {});
    expect([...mutations, ...protectedReads].filter((field) => !covered.has(field))).toEqual([]);
  });

  for (const matrixRow of rows) {
    describe(matrixRow.name, () => {
      for (const caller of callers) {
        it(describeCell(matrixRow, caller), async () => {
          const outcome = await matrix.run(matrixRow, caller);
          if (outcome.unexpectedAllow) unexpectedAllows.push(outcome);
          const verdict = outcome.unexpectedAllow ? "UNEXPECTED ALLOW" : "wrong answer";
          expect(outcome.ok, `${verdict}: expected ${outcome.expected}; got ${outcome.got}`).toBe(true);
        });
      }
    });
  }
});
