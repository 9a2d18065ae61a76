import { slugify } from "../council/council.register.js";
import type { NewCouncilRow } from "../council/council.table.js";
import type { NewPeerGroupRow } from "./peer-group.table.js";

/** A peer group to store, with its members' GSS codes. */
export interface PeerGroupSeed {
  group: NewPeerGroupRow;
  members: string[];
}

/**
 * The built-in peer groups the register implies: one per council type, one per region, and one
 * per county area (the county council and the districts in it). Pure: the register in, groups out.
 */
export function builtInPeerGroups(councils: readonly NewCouncilRow[]): PeerGroupSeed[] {
  const groups: PeerGroupSeed[] = [];
  const byKey = <K extends string>(key: (c: NewCouncilRow) => K | null) => {
    const map = new Map<K, string[]>();
    for (const c of councils) {
      const k = key(c);
      if (k !== null) map.set(k, [...(map.get(k) ?? []), c.gssCode]);
    }
    return map;
  };
  for (const [type, members] of byKey((c) => c.typeCode)) {
    const typeName = councils.find((c) => c.typeCode === type)?.typeName ?? type;
    groups.push({
      group: {
        slug: `type-${type.toLowerCase()}`,
        name: `${typeName}s`,
        kind: "TYPE",
        description: `Every current English council of type ${type} (${typeName}).`,
      },
      members,
    });
  }
  for (const [region, members] of byKey((c) => c.region)) {
    groups.push({
      group: {
        slug: `region-${slugify(region)}`,
        name: region,
        kind: "REGION",
        description: `Every current English council in the ${region} region.`,
      },
      members,
    });
  }
  for (const county of councils.filter((c) => c.typeCode === "CTY")) {
    const members = [
      county.gssCode,
      ...councils.filter((c) => c.countyCode === county.registerCode).map((c) => c.gssCode),
    ];
    groups.push({
      group: {
        slug: `county-${county.registerCode.toLowerCase()}`,
        name: `${county.name} county area`,
        kind: "COUNTY",
        description: `${county.officialName} and the district councils in its area.`,
      },
      members,
    });
  }
  return groups;
}
