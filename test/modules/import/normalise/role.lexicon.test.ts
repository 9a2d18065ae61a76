import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maxSplitChars, roleLexicon, splitRoles } from "../../../../src/modules/import/normalise/role.lexicon.js";
import { matchTrailingStatus } from "../../../../src/modules/import/normalise/status.normaliser.js";
import { matchTrailingTarget } from "../../../../src/modules/import/normalise/target.normaliser.js";

describe("splitRoles", () => {
  it.each([
    ["Leader of the Council Chief Executive", ["Leader of the Council", "Chief Executive"]],
    ["Chief Executive Director of Policy & Transformation", ["Chief Executive", "Director of Policy & Transformation"]],
    [
      "Strategic Director & Deputy Chief Executive Director of Policy & Transformation",
      ["Strategic Director & Deputy Chief Executive", "Director of Policy & Transformation"],
    ],
    [
      "Chief Executive Interim Director of Resources (s151)",
      ["Chief Executive", "Interim Director of Resources (s151)"],
    ],
    ["Chief Executive Strategic Director", ["Chief Executive", "Strategic Director"]],
  ])("splits Brentwood's role run %j", (run, roles) => {
    expect(splitRoles(run)).toEqual(roles);
  });

  it("splits every accountable/responsible run in Brentwood's flattened rows into two roles", () => {
    const lines = readFileSync(new URL("../../../../seeds/plans/brentwood.txt", import.meta.url), "utf8").split("\n");
    // A flattened row ends "<accountable> <responsible> <timescale> <status>": peel from the right.
    const runs = lines.flatMap((line) => {
      const status = matchTrailingStatus(line);
      const target = status === null ? null : matchTrailingTarget(status.rest);
      return target === null ? [] : [target.rest];
    });
    expect(runs).toHaveLength(9);
    for (const run of runs) {
      expect(splitRoles(run), run).toHaveLength(2);
    }
  });

  it.each([
    ["Head of Democratic Services Monitoring Officer", ["Head of Democratic Services", "Monitoring Officer"]],
    [
      "Director of Finance & Deputy Chief Executive Head of Legal",
      ["Director of Finance & Deputy Chief Executive", "Head of Legal"],
    ],
    [
      "Director of Housing, Health and Communities, Chief Executive",
      ["Director of Housing, Health and Communities", "Chief Executive"],
    ],
    ["Management Team Human Resources", ["Management Team", "Human Resources"]],
    [
      "Chief Executive (Head of Paid Service) Cabinet Member for Finance and Resources",
      ["Chief Executive (Head of Paid Service)", "Cabinet Member for Finance and Resources"],
    ],
    ["Deputy Leader Section 151 Officer", ["Deputy Leader", "Section 151 Officer"]],
  ])("splits %j at the start of each new role", (run, roles) => {
    expect(splitRoles(run)).toEqual(roles);
  });

  it.each([
    "Director of Connected Chelmsford",
    "Simon Hill & Simon Freeman",
    "Management Team",
    "Chief Executive and team",
  ])("returns %j whole when it holds one role or none the lexicon knows", (text) => {
    expect(splitRoles(text)).toEqual([text]);
  });

  it("reads a title after up to three modifiers", () => {
    expect(splitRoles("Interim Acting Deputy Director of Finance Chief Executive")).toEqual([
      "Interim Acting Deputy Director of Finance",
      "Chief Executive",
    ]);
  });

  it("leaves text over the length limit whole: it is prose, not a run of role cells", () => {
    const run = `Chief Executive ${"Director of Policy & Transformation ".repeat(9)}`.trim();
    expect(run.length).toBeGreaterThan(maxSplitChars);
    expect(splitRoles(run)).toEqual([run]);
  });

  it("returns on 200 KB of modifiers", () => {
    const run = "Acting ".repeat(30_000).trim();
    expect(splitRoles(run)).toEqual([run]);
  });

  it("returns on a run of modifiers just under the length limit, splitting off the title after it", () => {
    const modifiers = "Acting ".repeat(40);
    expect(splitRoles(`${modifiers}Chief Executive`)).toEqual([
      modifiers.trim().split(" ").slice(0, -3).join(" "),
      "Acting Acting Acting Chief Executive",
    ]);
  });

  it("returns no roles for blank text", () => {
    expect(splitRoles("  ")).toEqual([]);
  });

  it("never throws, and its pieces are in order and cover every word", () => {
    const titles = roleLexicon.map((entry) => entry.title);
    const words = fc.oneof(
      fc.constantFrom(...titles),
      fc.constantFrom("&", "and", "of", "(s151)", ",", "Policy", "Transformation", "Interim", "(", ")"),
      fc.string(),
    );
    fc.assert(
      fc.property(
        fc.array(words, { maxLength: 10 }).map((parts) => parts.join(" ")),
        (text) => {
          const roles = splitRoles(text);
          const flatten = (s: string): string => s.replace(/[\s,;]+/g, "");
          expect(flatten(roles.join(" "))).toBe(flatten(text));
        },
      ),
    );
  });
});
