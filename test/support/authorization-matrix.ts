/*
 * The authorisation matrix: every mutation and every protected read, run over HTTP as every kind of
 * caller, each cell against objects made for it alone, asserting the allowed set exactly.
 *
 * HOW TO ADD A ROW
 * Rows live beside their module, in test/modules/<module>/<module>.authorization-rows.ts, and are
 * listed in test/modules/identity/authorization.matrix.test.ts. A row says:
 *   - name        how the cell is named in the test output;
 *   - document    the GraphQL operation, with variables;
 *   - arrange     (optional) makes this cell's own objects, as an admin, through the services;
 *                 it runs once per cell, so no cell sees what another did;
 *   - variables   builds the operation's variables from the world and what arrange made;
 *   - allowed     the identities that may do it: exactly these, every other live one is refused;
 *   - refused     the extensions.reason a refused caller gets: one reason for all, or per identity
 *                 with `otherwise` for the rest ("not yours" must be the module's *.not_found);
 *                 or "empty", for a list read that answers "nothing of yours" with an empty list:
 *                 the refused caller must then get HTTP 200, no error, and no protected object;
 *   - absent      (optional) variables naming nothing: a refusal must then answer exactly as they do;
 *   - observe     whether the operation's effect is there: the change in the database for a
 *                 mutation, the protected object in the answer for a read. The harness demands it
 *                 true for every allowed cell and false for every refused one, so a refusal that
 *                 still wrote something counts as an unexpected allow.
 * Revoked, expired and malformed keys need no saying: every row must answer them HTTP 401 with
 * auth.key_revoked, auth.key_expired and auth.invalid_key, and have no effect.
 *
 * Worked example, a row for a hypothetical `retireAction(input: {id, expectedVersion})`:
 *
 *   export const actionRows: MatrixRow[] = [
 *     row({
 *       name: "retireAction",
 *       document: `mutation($input: RetireActionInput!) { retireAction(input: $input) { id } }`,
 *       arrange: (w) => makeAction(w, w.council.id),            // a fresh action on the council
 *       variables: (_w, action) => ({ input: { id: toGlobalId("Action", action.id), expectedVersion: 1 } }),
 *       allowed: ["editorOfThisCouncil", "adminKey", "adminToken"],
 *       refused: { anonymous: "auth.required", otherwise: "action.not_found" },
 *       observe: async ({ world, fixture }) => (await retiredOn(world, fixture.id)) !== null,
 *     }),
 *   ];
 *
 * then add `...actionRows` to the list in authorization.matrix.test.ts. Anything needing a rate
 * limit, a clock or other configuration goes in `matrixAppConfig` below, never in a row.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { Kind, parse, type OperationDefinitionNode } from "graphql";
import { createHttpServer } from "../../src/app/http-server.js";
import { httpRoutes } from "../../src/app/routes.js";
import type { AppConfig } from "../../src/config.js";
import { apiKeysTable } from "../../src/modules/identity/api-key.table.js";
import { bootstrapAdmin } from "../../src/modules/identity/identity.js";
import { adminToken, createTestApp, type TestApp } from "./test-app.js";

/** Every kind of caller the matrix tries, in the order its output lists them. */
export const callers = [
  "anonymous",
  "editorOfThisCouncil",
  "editorOfAnotherCouncil",
  "analyst",
  "adminKey",
  "adminToken",
  "revokedKey",
  "expiredKey",
  "malformedKey",
] as const;
export type Caller = (typeof callers)[number];

/** The callers whose requests reach GraphQL at all; the others are turned away at the door. */
export type LiveCaller = Exclude<Caller, "revokedKey" | "expiredKey" | "malformedKey">;

const describeCaller: Record<Caller, string> = {
  anonymous: "anonymous",
  editorOfThisCouncil: "editor of this council",
  editorOfAnotherCouncil: "editor of another council",
  analyst: "analyst",
  adminKey: "admin key",
  adminToken: "ADMIN_TOKEN",
  revokedKey: "revoked admin key",
  expiredKey: "expired admin key",
  malformedKey: "admin key with a bad checksum",
};

/** A key that cannot be used is answered 401 with its own code before any resolver runs. */
const refusedAtTheDoor: Record<Exclude<Caller, LiveCaller>, string> = {
  revokedKey: "auth.key_revoked",
  expiredKey: "auth.key_expired",
  malformedKey: "auth.invalid_key",
};

/**
 * Configuration of the matrix's app: the rate limits are off (0) in it.
 */
export const matrixAppConfig: Partial<AppConfig> = {
  // The matrix asks who may do what, not how often: every cell comes from one address, and the
  // refused-credential cells alone would spend the brute-force budget. Rate limits have their own tests.
  rateLimitMutationsPerMinute: 0,
  rateLimitImportsPerHour: 0,
  rateLimitAuthFailuresPerMinute: 0,
};

export interface CouncilFixture {
  gss: string;
  id: number;
}

/** What every row may use: the app, the councils the editors hold, and fresh names and days. */
export interface MatrixWorld {
  t: TestApp;
  /** The council the editor of this council holds (Harlow): rows act on it. */
  council: CouncilFixture;
  /** The council the editor of another council holds (Braintree). */
  otherCouncil: CouncilFixture;
  /** The key id of each caller that has one, for rows about objects a key owns. */
  keyIds: Partial<Record<Caller, number>>;
  /** A string no other call in this run returns: for names and slugs. */
  unique(prefix: string): string;
  /** A day (YYYY-MM-DD) no other call in this run returns: for challenges held on a fresh date. */
  freshDay(): string;
}

export interface Cell<F> {
  world: MatrixWorld;
  fixture: F;
  caller: Caller;
  /** The answer's `data`, null when refused. */
  data: Record<string, unknown> | null;
}

export interface MatrixRow<F = unknown> {
  name: string;
  document: string;
  arrange?: (world: MatrixWorld) => Promise<F>;
  variables?: (world: MatrixWorld, fixture: F) => Record<string, unknown>;
  allowed: readonly LiveCaller[];
  /** An error reason, or "empty" for a list that shows a refused caller nothing rather than an error. */
  refused: string | (Partial<Record<LiveCaller, string>> & { otherwise: string });
  observe: (cell: Cell<F>) => Promise<boolean> | boolean;
  /**
   * (Optional) variables naming an object that does not exist. Every refusal of a live caller must
   * then be the very answer that caller gets for the missing object ("not yours" = "not found"),
   * the IDs in the message aside.
   */
  absent?: (world: MatrixWorld) => Record<string, unknown>;
}

/** Keeps a row's fixture type between arrange, variables and observe, and erases it for the list. */
export function row<F>(definition: MatrixRow<F>): MatrixRow {
  return definition as unknown as MatrixRow;
}

/** The root field an operation runs: the field whose answer is nulled when it is refused. */
export function rootField(document: string): string {
  const operation = parse(document).definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const field = operation?.selectionSet.selections[0];
  if (field?.kind !== Kind.FIELD) throw new Error(`no root field in ${document}`);
  return field.name.value;
}

export interface Outcome {
  row: string;
  caller: Caller;
  expected: string;
  got: string;
  /** The cell is refused by the rules but was let through, or left its effect. */
  unexpectedAllow: boolean;
  ok: boolean;
}

export interface Matrix {
  world: MatrixWorld;
  /** Runs one cell from scratch: arranges its objects, sends the request, observes the effect. */
  run(row: MatrixRow, caller: Caller): Promise<Outcome>;
  close(): Promise<void>;
}

export function describeCell(row: MatrixRow, caller: Caller): string {
  return `${row.name} × ${describeCaller[caller]}: ${describeExpected(expectation(row, caller))}`;
}

type Expected =
  { allowed: true } | { allowed: false; status: 200 | 401; reason: string } | { allowed: false; empty: true };

/** The refusal of a list read that answers "nothing of yours" with an empty list, not an error. */
const emptyAnswer = "empty";

function expectation(row: MatrixRow, caller: Caller): Expected {
  if (caller === "revokedKey" || caller === "expiredKey" || caller === "malformedKey")
    return { allowed: false, status: 401, reason: refusedAtTheDoor[caller] };
  if (row.allowed.includes(caller)) return { allowed: true };
  const reason = typeof row.refused === "string" ? row.refused : (row.refused[caller] ?? row.refused.otherwise);
  if (reason === emptyAnswer) return { allowed: false, empty: true };
  return { allowed: false, status: 200, reason };
}

function describeExpected(expected: Expected): string {
  if (expected.allowed) return "allowed";
  if ("empty" in expected) return "refused, an empty answer";
  return `refused, ${expected.status === 401 ? "HTTP 401 " : ""}${expected.reason}`;
}

/** Builds the app, its HTTP server and one key per caller; rows then run against it cell by cell. */
export async function createMatrix(): Promise<Matrix> {
  const t = await createTestApp({ config: matrixAppConfig });
  const server: Server = createHttpServer(t.app, httpRoutes);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

  const [harlow, braintree] = await t.app.services.council.requireByGss(["E07000073", "E07000067"], "council");
  const keys = t.app.services.apiKey;
  const make = (role: string, name: string, councils: string[] = []) =>
    keys.create({ role, name, councils, expiresOn: null }, bootstrapAdmin);
  const editorHere = await make("editor", "Matrix: Harlow editor", [harlow!.gssCode]);
  const editorThere = await make("editor", "Matrix: Braintree editor", [braintree!.gssCode]);
  const analyst = await make("analyst", "Matrix: analyst");
  const admin = await make("admin", "Matrix: admin");
  const revoked = await make("admin", "Matrix: revoked admin");
  await keys.revoke(String(revoked.key.id), bootstrapAdmin);
  // Made live, then moved into the past: a key cannot be created already expired.
  const expired = await make("admin", "Matrix: expired admin");
  await t.database.db
    .update(apiKeysTable)
    .set({ expiresAt: new Date("2020-01-01T00:00:00Z") })
    .where(eq(apiKeysTable.id, expired.key.id));
  // The admin key with one checksum character changed: a typo must not fall back to anything.
  const last = admin.token.at(-1);
  const malformed = admin.token.slice(0, -1) + (last === "0" ? "1" : "0");

  const headers: Record<Caller, string | undefined> = {
    anonymous: undefined,
    editorOfThisCouncil: `Bearer ${editorHere.token}`,
    editorOfAnotherCouncil: `Bearer ${editorThere.token}`,
    analyst: `Bearer ${analyst.token}`,
    adminKey: `Bearer ${admin.token}`,
    adminToken: `Bearer ${adminToken}`,
    revokedKey: `Bearer ${revoked.token}`,
    expiredKey: `Bearer ${expired.token}`,
    malformedKey: `Bearer ${malformed}`,
  };

  let counter = 0;
  const world: MatrixWorld = {
    t,
    council: { gss: harlow!.gssCode, id: harlow!.id },
    otherCouncil: { gss: braintree!.gssCode, id: braintree!.id },
    keyIds: {
      editorOfThisCouncil: editorHere.key.id,
      editorOfAnotherCouncil: editorThere.key.id,
      analyst: analyst.key.id,
      adminKey: admin.key.id,
    },
    unique: (prefix) => `${prefix}-${process.pid}-${++counter}`,
    freshDay() {
      // Days from 1901 on: far before any seeded challenge, one per call.
      const day = new Date(Date.UTC(1901, 0, 1) + ++counter * 86_400_000);
      return day.toISOString().slice(0, 10);
    },
  };

  async function send(document: string, variables: Record<string, unknown>, caller: Caller) {
    const authorization = headers[caller];
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query: document, variables }),
    });
    const body = (await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: { message: string; extensions?: { reason?: string; code?: string } }[];
    };
    return { status: response.status, data: body.data ?? null, errors: body.errors ?? [] };
  }

  return {
    world,
    async run(row, caller) {
      const fixture = row.arrange ? await row.arrange(world) : undefined;
      const variables = row.variables ? row.variables(world, fixture) : {};
      const answer = await send(row.document, variables, caller);
      const field = rootField(row.document);
      const effect = await row.observe({ world, fixture, caller, data: answer.data });
      const reasons = answer.errors.map((e) => e.extensions?.reason ?? "(no reason)");
      const got =
        reasons.length === 0
          ? `HTTP ${answer.status}, no error, effect ${effect ? "seen" : "not seen"}`
          : `HTTP ${answer.status}, ${reasons.join(" + ")}, effect ${effect ? "seen" : "not seen"}`;
      const expected = expectation(row, caller);
      const described = describeExpected(expected);
      if (expected.allowed) {
        const ok = answer.status === 200 && reasons.length === 0 && effect;
        return { row: row.name, caller, expected: described, got, unexpectedAllow: false, ok };
      }
      const answered = answer.data?.[field] ?? null;
      if ("empty" in expected) {
        // Refused without an error: the field answers, and what it answers holds nothing protected.
        const ok = answer.status === 200 && reasons.length === 0 && answered !== null && !effect;
        return { row: row.name, caller, expected: described, got, unexpectedAllow: effect, ok };
      }
      const refusedProperly =
        answer.status === expected.status &&
        reasons.length === 1 &&
        reasons[0] === expected.reason &&
        answered === null;
      // Let through: no error at all, an answer for the field, or the effect left behind.
      const unexpectedAllow = effect || reasons.length === 0 || answered !== null;
      let likeAbsent = true;
      if (row.absent && expected.status === 200 && refusedProperly) {
        const absentVariables = row.absent(world);
        const missing = await send(row.document, absentVariables, caller);
        const shape = (errors: typeof answer.errors, vars: Record<string, unknown>) =>
          JSON.stringify(
            errors.map(({ message, extensions }) => ({ message: withoutValues(message, vars), extensions })),
          );
        likeAbsent = shape(answer.errors, variables) === shape(missing.errors, absentVariables);
      }
      const verdict = likeAbsent ? got : `${got}, unlike the answer for a missing object`;
      return {
        row: row.name,
        caller,
        expected: described,
        got: verdict,
        unexpectedAllow,
        ok: refusedProperly && !effect && likeAbsent,
      };
    },
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await t.close();
    },
  };
}

/** The message with every string the variables carry (IDs, names) blanked, so two answers compare by shape. */
function withoutValues(message: string, variables: unknown): string {
  if (typeof variables === "string") return variables === "" ? message : message.split(variables).join("…");
  if (variables === null || typeof variables !== "object") return message;
  return Object.values(variables).reduce<string>((m, v) => withoutValues(m, v), message);
}
