import { parseCsvRecords } from "../../shared/csv.js";
import type { NewCouncilRow } from "./council.table.js";

export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function numberOrNull(text: string): number | null {
  const value = Number(text);
  return text.trim() === "" || !Number.isFinite(value) ? null : value;
}

/**
 * The current English councils of mySociety's register (no end date, nation England): 332 rows,
 * principal councils plus combined authorities and the GLA. Pure: CSV text in, rows out.
 */
export function readCouncilRegister(csv: string): NewCouncilRow[] {
  const current = parseCsvRecords(csv).filter((r) => r["nation"] === "England" && (r["end-date"] ?? "") === "");
  const taken = new Set<string>();
  return current.map((r) => {
    const name = r["nice-name"] ?? "";
    let slug = slugify(name);
    // Names are unique today; the register code keeps a slug unique if a future row repeats one.
    if (taken.has(slug)) slug = `${slug}-${(r["local-authority-code"] ?? "").toLowerCase()}`;
    taken.add(slug);
    const population = numberOrNull(r["pop-2020"] ?? "");
    return {
      gssCode: r["gss-code"] ?? "",
      registerCode: r["local-authority-code"] ?? "",
      slug,
      officialName: r["official-name"] ?? name,
      name,
      typeCode: r["local-authority-type"] ?? "",
      typeName: r["local-authority-type-name"] ?? "",
      region: r["region"] ?? "",
      countyCode: r["county-la"] || null,
      combinedAuthorityCode: r["combined-authority"] || null,
      population: population === null ? null : Math.round(population),
      lat: numberOrNull(r["lat"] ?? ""),
      long: numberOrNull(r["long"] ?? ""),
    };
  });
}
