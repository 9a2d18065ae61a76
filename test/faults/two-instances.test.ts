import { readFileSync } from "node:fs";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServiceDatabase, startEntryPoint, type EntryPoint } from "../support/entry-point.js";
import { report, send } from "./support/load.js";

const adminToken = "two-instances-admin-token-0123456789";
const admin = { authorization: `Bearer ${adminToken}` };
// Each test is a client of its own (the instances trust one proxy hop), so that no test spends another's budget.
const importer = { "x-forwarded-for": "10.0.0.1" };
const reader = { "x-forwarded-for": "10.0.0.2" };

/**
 * Two instances of the service on one PostgreSQL database, started at the same moment: they
 * behave as one service. Start-up takes turns (one migrates and seeds), imports of one council
 * serialise on its advisory lock whichever instance takes them, and rate limits are per instance.
 */
describe("two instances behind one PostgreSQL", () => {
  let database: Awaited<ReturnType<typeof createServiceDatabase>>;
  let instances: (EntryPoint & { base: string })[] = [];
  let sql: postgres.Sql;
  beforeAll(async () => {
    database = await createServiceDatabase();
    const env = { ...database.env, ADMIN_TOKEN: adminToken, RATE_LIMIT_COST_PER_MINUTE: "0", TRUST_PROXY_HOPS: "1" };
    instances = await Promise.all([
      startEntryPoint({ ...env, RATE_LIMIT_MUTATIONS_PER_MINUTE: "0", RATE_LIMIT_IMPORTS_PER_HOUR: "0" }),
      startEntryPoint({ ...env, RATE_LIMIT_MUTATIONS_PER_MINUTE: "5", RATE_LIMIT_IMPORTS_PER_HOUR: "0" }),
    ]);
    sql = postgres(String(database.env["DATABASE_URL"]), { max: 1, onnotice: () => undefined });
  }, 240_000);
  afterAll(async () => {
    for (const instance of instances) instance.child.kill("SIGTERM");
    await Promise.all(instances.map((instance) => instance.exited));
    await sql?.end();
    await database?.dispose();
  });

  it("start together on an empty database: one seeds, both serve the same 332 councils", async () => {
    const seeded = instances.filter((instance) =>
      instance.lines().some((line) => line.message === "empty database: seeding"),
    );
    expect(seeded).toHaveLength(1);
    for (const instance of instances) {
      const outcome = await fetch(`${instance.base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ councils { totalCount } }" }),
      });
      expect(await outcome.json()).toMatchObject({ data: { councils: { totalCount: 332 } } });
      expect((await fetch(`${instance.base}/readyz`)).status).toBe(200);
    }
    expect(Number((await sql`select count(*)::int as n from councils`)[0]?.["n"])).toBe(332);
  });

  it("serialise ten concurrent imports of one new plan across both: one creates it, nine find it unchanged", async () => {
    const [council, reference] = (
      await sql`select gss_code from councils c where not exists (select 1 from peer_challenges p where p.council_id = c.id) order by gss_code limit 2`
    ).map((r) => String(r["gss_code"]));
    const text = readFileSync("seeds/plans/harlow.txt", "utf8");
    const mutation = `mutation($input: ImportPlanInput!) { importPlan(input: $input) { outcome recommendations actions } }`;
    const variables = { input: { council, text, recordedOn: "2026-06-01", publish: true } };
    const importOnce = (instance: number, input: typeof variables.input) =>
      fetch(`${instances[instance]?.base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...admin, ...importer },
        body: JSON.stringify({ query: mutation, variables: { input } }),
      });
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        importOnce(i % 2, variables.input).then(async (response) => {
          const body = (await response.json()) as {
            data?: { importPlan: { outcome: string; recommendations: number; actions: number } };
          };
          return body.data?.importPlan ?? { outcome: JSON.stringify(body), recommendations: 0, actions: 0 };
        }),
      ),
    );
    report(`two instances, ten imports: ${outcomes.map((o) => o.outcome).join(", ")}`);
    const created = outcomes.filter((o) => o?.outcome === "CREATED");
    expect(created).toHaveLength(1);
    expect(outcomes.filter((o) => o?.outcome === "UNCHANGED")).toHaveLength(9);
    // Held once, not once per instance: the plan's rows are what one import alone writes (replayed on another council).
    expect((await importOnce(0, { ...variables.input, council: reference })).status).toBe(200);
    const state = (gss: string) => sql`
      select count(distinct r.id)::int as recommendations, count(a.id)::int as actions, max(p.plan_version)::int as version,
             count(distinct p.id)::int as challenges
      from councils c join peer_challenges p on p.council_id = c.id
      join recommendations r on r.peer_challenge_id = p.id left join actions a on a.recommendation_id = r.id
      where c.gss_code = ${gss}`;
    const [held] = await state(council ?? "");
    const [alone] = await state(reference ?? "");
    expect(held).toEqual(alone);
    expect(held).toMatchObject({
      recommendations: created[0]?.recommendations,
      actions: created[0]?.actions,
      challenges: 1,
    });
  });

  it("count rate limits per instance: the second's 5 mutations a minute do not spend the first's", async () => {
    const mutation = { query: `mutation { createPeerGroup(input: { name: "x", councils: ["E07000073"] }) { id } }` };
    const limited = await Promise.all(
      Array.from({ length: 6 }, () => send(instances[1]?.base ?? "", mutation, { headers: reader })),
    );
    // Anonymous: refused for want of a key, but each call spends the address's budget first.
    expect(limited.map((o) => o.status).sort()).toEqual([200, 200, 200, 200, 200, 429]);
    const other = await send(instances[0]?.base ?? "", mutation, { headers: reader });
    expect(other.status).toBe(200);
    report(
      `two instances: rate-limit statuses on the limited instance ${limited.map((o) => o.status).join(",")}, on the other ${other.status}`,
    );
  });
});
