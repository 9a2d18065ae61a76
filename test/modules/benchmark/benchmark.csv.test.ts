import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpServer } from "../../../src/app/http-server.js";
import { httpRoutes } from "../../../src/app/routes.js";
import { csvField } from "../../../src/modules/benchmark/benchmark-csv.writer.js";
import { parseCsv } from "../../../src/shared/csv.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { databaseKind } from "../../support/test-database.js";

const measureColumns = [
  "actions",
  "with_deadline",
  "no_deadline",
  "complete",
  "in_progress",
  "not_started",
  "ongoing",
  "unknown",
  "overdue",
  "overdue_rate",
  "completion_rate",
  "median_days_overdue",
  "p90_days_overdue",
  "max_days_overdue",
  "due_in_next_90_days",
  "last_updated_on",
];

describe(`GET /export/benchmark.csv (${databaseKind})`, () => {
  let t: TestApp;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp();
    server = createHttpServer(t.app, httpRoutes);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    await t.close();
  });

  /*
   * Greater Essex × LGA component on 2026-11-22, worked out from seeds/plans/*.txt (the README's
   * matrix): [council, component number, actions, with deadline, overdue]. Every dated action's
   * deadline is before 2026-11-22, so none is due in the next 90 days. lastUpdatedOn is the day
   * each plan's statuses were recorded (seeds/plans/manifest.json); Braintree's plan prints no
   * statuses, so it has no update at all and every action is UNKNOWN.
   */
  const councils: Record<string, [gss: string, lastUpdatedOn: string]> = {
    Braintree: ["E07000067", ""],
    Brentwood: ["E07000068", "2024-06-30"],
    Chelmsford: ["E07000070", "2025-05-02"],
    Harlow: ["E07000073", "2023-06-30"],
  };
  const components: Record<number, [code: string, name: string]> = {
    1: ["priorities-outcomes", "Local priorities and outcomes"],
    2: ["leadership", "Organisational and place leadership"],
    3: ["governance-culture", "Governance and culture"],
    4: ["finance", "Financial planning and management"],
    5: ["capacity", "Capacity for improvement"],
  };
  const matrix: [council: string, component: number, actions: number, withDeadline: number, overdue: number][] = [
    ["Braintree", 1, 5, 0, 0],
    ["Braintree", 2, 9, 0, 0],
    ["Braintree", 3, 3, 0, 0],
    ["Braintree", 4, 6, 0, 0],
    ["Braintree", 5, 16, 0, 0],
    ["Brentwood", 1, 2, 2, 2],
    ["Brentwood", 2, 3, 3, 2],
    ["Brentwood", 3, 1, 1, 0],
    ["Brentwood", 4, 2, 2, 1],
    ["Brentwood", 5, 2, 2, 2],
    ["Chelmsford", 1, 1, 1, 1],
    ["Chelmsford", 2, 2, 1, 1],
    ["Chelmsford", 3, 6, 4, 3],
    ["Chelmsford", 5, 1, 0, 0],
    ["Harlow", 1, 19, 18, 14],
    ["Harlow", 2, 20, 17, 15],
    ["Harlow", 3, 15, 14, 13],
    ["Harlow", 4, 15, 15, 14],
    ["Harlow", 5, 17, 15, 14],
  ];

  it("exports the council × component matrix worked out by hand, with a header row, CRLF, GSS codes and ISO dates", async () => {
    const response = await fetch(
      `${base}/export/benchmark.csv?asOf=2026-11-22&groupBy=COUNCIL,LGA_COMPONENT&peerGroup=greater-essex`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="benchmark-2026-11-22.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    // No byte-order mark unless asked for: the file starts with the first header name.
    expect(new TextDecoder().decode(bytes.slice(0, 11))).toBe("council_gss");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);

    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([
      "council_gss",
      "council_name",
      "lga_component_number",
      "lga_component_code",
      "lga_component_name",
      "as_of",
      ...measureColumns,
    ]);
    const column = (name: string) => measureColumns.indexOf(name) + 6;
    const picked = ["actions", "with_deadline", "no_deadline", "overdue", "due_in_next_90_days", "last_updated_on"];
    expect(rows.map((r) => [...r.slice(0, 6), ...picked.map((c) => r[column(c)])])).toEqual(
      matrix.map(([council, number, actions, withDeadline, overdue]) => {
        const [gss, lastUpdatedOn] = councils[council] ?? ["", ""];
        const [code, name] = components[number] ?? ["", ""];
        const counts = [actions, withDeadline, actions - withDeadline, overdue, 0].map(String);
        return [gss, council, String(number), code, name, "2026-11-22", ...counts, lastUpdatedOn];
      }),
    );
    // overdue ÷ withDeadline, empty where no action has a deadline.
    expect(rows.map((r) => r[column("overdue_rate")])).toEqual(
      matrix.map(([, , , withDeadline, overdue]) => (withDeadline === 0 ? "" : String(overdue / withDeadline))),
    );
    // Braintree's rows whole: every action UNKNOWN, so complete 0 of n, and no days overdue.
    expect(rows[0]).toEqual([
      "E07000067",
      "Braintree",
      "1",
      "priorities-outcomes",
      "Local priorities and outcomes",
      "2026-11-22",
      ...["5", "0", "5", "0", "0", "0", "0", "5", "0", "", "0", "", "", "", "0", ""],
    ]);
    /*
     * Harlow × capacity (R4, R11, R12, R13; statuses from harlow.expected.json): R4 U U; R11 U U U (two
     * "Ongoing"); R12 U N N N N; R13 C U U N N N N. 17 actions, 15 with a deadline, 2 without,
     * COMPLETE 1, NOT_STARTED 8, UNKNOWN 8, overdue 15 − 1 = 14.
     */
    expect(rows.find((r) => r[0] === "E07000073" && r[3] === "capacity")?.slice(6, 15)).toEqual([
      "17",
      "15",
      "2",
      "1",
      "0",
      "8",
      "0",
      "8",
      "14",
    ]);
  });

  it("starts the file with a UTF-8 byte-order mark when bom=true, for Excel", async () => {
    const response = await fetch(`${base}/export/benchmark.csv?asOf=2026-11-22&groupBy=COUNCIL&bom=true`);
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.slice(3, 14))).toBe("council_gss");
  });

  it("writes no byte-order mark when bom=false", async () => {
    const response = await fetch(`${base}/export/benchmark.csv?asOf=2026-11-22&groupBy=COUNCIL&bom=false`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 11))).toBe("council_gss");
  });

  it("takes having, orderBy and first from the query string", async () => {
    const response = await fetch(
      `${base}/export/benchmark.csv?asOf=2026-11-22&groupBy=COUNCIL&peerGroup=greater-essex&having=OVERDUE:gte:1&orderBy=OVERDUE_RATE:desc&first=2`,
    );
    const [, ...rows] = parseCsv(await response.text());
    // Overdue rates: Harlow 52/59, Chelmsford 4/5, Brentwood 7/9; Braintree has no overdue action.
    expect(rows.map((r) => r[1])).toEqual(["Harlow", "Chelmsford"]);
  });

  it("writes financial periods and statuses as text and their bounds as ISO dates", async () => {
    const response = await fetch(
      `${base}/export/benchmark.csv?asOf=2026-11-22&groupBy=DEADLINE_QUARTER,STATUS&filter.councils=E07000070`,
    );
    const [header, ...rows] = parseCsv(await response.text());
    expect(header?.slice(0, 5)).toEqual([
      "deadline_quarter",
      "deadline_quarter_start",
      "deadline_quarter_end",
      "status",
      "as_of",
    ]);
    // Chelmsford: 2025-01-31 COMPLETE; 2025-04-30 and 2025-05-31 ONGOING; 2025-09-30 UNKNOWN; 2025-11-30 ONGOING; 4 undated ONGOING.
    expect(rows.map((r) => [...r.slice(0, 4), r[5]])).toEqual([
      ["2024/25 Q4", "2025-01-01", "2025-03-31", "COMPLETE", "1"],
      ["2025/26 Q1", "2025-04-01", "2025-06-30", "ONGOING", "2"],
      ["2025/26 Q2", "2025-07-01", "2025-09-30", "UNKNOWN", "1"],
      ["2025/26 Q3", "2025-10-01", "2025-12-31", "ONGOING", "1"],
      ["", "", "", "ONGOING", "4"],
    ]);
  });

  it.each([
    ["peerGroup=nowhere", 400, "NOT_FOUND", "peer_group.not_found", "peerGroup"],
    ["groupBy=COUNTY", 400, "BAD_USER_INPUT", "benchmark.bad_parameter", "groupBy"],
    ["asOf=2026-02-30", 400, "BAD_USER_INPUT", "input.invalid_date", "asOf"],
    ["first=10001", 400, "BAD_USER_INPUT", "benchmark.first_out_of_range", "first"],
    ["having=OVERDUE:above:3", 400, "BAD_USER_INPUT", "benchmark.bad_parameter", "having[0]"],
    ["orderBy=OVERDUE:sideways", 400, "BAD_USER_INPUT", "benchmark.bad_parameter", "orderBy[0]"],
    ["groupby=COUNCIL", 400, "BAD_USER_INPUT", "benchmark.bad_parameter", "groupby"],
    ["filter.councils=E07999999", 400, "NOT_FOUND", "council.not_found", "filter.councils[0]"],
    ["filter.overdue=maybe", 400, "BAD_USER_INPUT", "benchmark.bad_parameter", "filter.overdue"],
    ["bom=yes", 400, "BAD_USER_INPUT", "benchmark.bad_parameter", "bom"],
    ["bom=true&bom=false", 400, "BAD_USER_INPUT", "benchmark.bad_parameter", "bom"],
  ])(
    "answers ?%s with HTTP %i and a JSON body naming %s (%s) and %s",
    async (search, status, code, reason, argument) => {
      const response = await fetch(`${base}/export/benchmark.csv?${search}`);
      expect(response.status).toBe(status);
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
      const body = (await response.json()) as {
        errors: { message: string; extensions: { code: string; reason: string; argument: string } }[];
      };
      expect(body.errors[0]?.extensions).toEqual({ code, reason, argument });
      expect(body.errors[0]?.message.length).toBeGreaterThan(0);
    },
  );

  it("quotes fields as RFC 4180 asks and defuses text that looks like a formula", () => {
    expect(csvField("Southend-on-Sea", true)).toBe("Southend-on-Sea");
    expect(csvField('A "quoted", listed\r\nname', true)).toBe('"A ""quoted"", listed\r\nname"');
    expect(csvField("=HYPERLINK(1)", true)).toBe("'=HYPERLINK(1)");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(null)).toBe("");
  });
});
