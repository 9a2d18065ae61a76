import type { ViewProps } from "../app.js";
import { useQuery } from "../api/client.js";
import { PeerGroupView as PeerGroupViewQuery, type BenchmarkDimension } from "../api/generated.js";
import { rateColour, RateLegend, textColourOn } from "../components/rate-scale.js";
import { PeerGroupSelect, SelectField } from "../components/fields.js";
import { QueryStatus } from "../components/status.js";
import { percent } from "../format.js";

interface Figures {
  actions: number;
  withDeadline: number;
  overdue: number;
  overdueRate: number | null;
}

/** A heatmap cell: the rate as colour, the counts as text, and "no data" where nothing had a deadline. */
function Cell({ figures, label, theme }: { figures: Figures | undefined; label: string; theme: string }) {
  if (figures === undefined)
    return (
      <td data-theme={theme} className="cell empty" aria-label={`${label}: no actions`}>
        –
      </td>
    );
  if (figures.overdueRate === null)
    return (
      <td
        data-theme={theme}
        className="cell no-data"
        aria-label={`${label}: no data, ${figures.actions} actions without a deadline`}
      >
        <span className="counts">0/0</span>
        <span className="rate">no data</span>
      </td>
    );
  const background = rateColour(figures.overdueRate);
  return (
    <td data-theme={theme} className="cell" style={{ background, color: textColourOn(background) }}>
      <span className="counts">
        {figures.overdue}/{figures.withDeadline}
      </span>
      <span className="rate">{percent(figures.overdueRate)}</span>
    </td>
  );
}

type SortKey = string;

export function PeerGroupView({ params, asOf, update, navigate }: ViewProps) {
  const peerGroup = params.get("peerGroup") ?? "greater-essex";
  const dimension: BenchmarkDimension = params.get("by") === "THEME" ? "THEME" : "LGA_COMPONENT";
  const sort: SortKey = params.get("sort") ?? "council";
  const descending = params.get("dir") === "desc";
  const state = useQuery(PeerGroupViewQuery, { peerGroup, asOf, dimension });
  const data = state.data;

  const components = [...(data?.themes ?? [])].sort((a, b) => a.position - b.position);
  const columns =
    dimension === "THEME"
      ? components.flatMap((component) => [...component.children].sort((a, b) => a.position - b.position))
      : components;
  const cells = new Map<string, Figures>();
  for (const row of data?.cells.rows ?? []) {
    const code = (dimension === "THEME" ? row.theme : row.lgaComponent)?.code ?? "none";
    cells.set(`${row.council?.gssCode}|${code}`, row.measures);
  }
  const wholePlan = new Map((data?.wholePlan.rows ?? []).map((row) => [row.council?.gssCode ?? "", row.measures]));
  const members = [...(data?.peerGroup?.members ?? [])];
  const valueOf = (member: (typeof members)[number]): string | number | null => {
    if (sort === "council") return member.name;
    if (sort === "updated") return member.latestUpdateOn;
    if (sort === "plan") return wholePlan.get(member.gssCode)?.overdueRate ?? null;
    return cells.get(`${member.gssCode}|${sort}`)?.overdueRate ?? null;
  };
  members.sort((a, b) => {
    const [x, y] = [valueOf(a), valueOf(b)];
    // No data sorts last whichever the direction, as the API's orderBy does.
    if (x === null || y === null) return x === y ? a.name.localeCompare(b.name) : x === null ? 1 : -1;
    const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return (descending ? -order : order) || a.name.localeCompare(b.name);
  });

  const header = (key: SortKey, label: string, extra?: string) => {
    const active = sort === key;
    return (
      <th
        scope="col"
        key={key}
        className={extra}
        aria-sort={active ? (descending ? "descending" : "ascending") : "none"}
      >
        <button
          type="button"
          className="sort"
          onClick={() => update({ sort: key, dir: active && !descending ? "desc" : undefined })}
        >
          {label}
          <span aria-hidden="true">{active ? (descending ? " ▼" : " ▲") : ""}</span>
        </button>
      </th>
    );
  };

  return (
    <section aria-labelledby="peer-group-title">
      <h1 id="peer-group-title">
        {data?.peerGroup?.name ?? peerGroup}: overdue actions as of {asOf}
      </h1>
      <div className="controls">
        <PeerGroupSelect
          id="peer-group"
          value={peerGroup}
          groups={data?.peerGroups.nodes ?? []}
          onChange={(slug) => update({ peerGroup: slug })}
        />
        <SelectField
          id="dimension"
          label="Columns"
          value={dimension}
          options={[
            { value: "LGA_COMPONENT", label: "LGA components" },
            { value: "THEME", label: "Sub-themes" },
          ]}
          onChange={(value) => update({ by: value === "THEME" ? "THEME" : undefined, sort: undefined })}
        />
      </div>
      <QueryStatus state={state} what="the peer group" />
      {data && data.peerGroup === null && <p role="alert">No peer group has the slug {peerGroup}.</p>}
      {data?.peerGroup && (
        <>
          <RateLegend />
          <div className="table-scroll">
            <table className="heatmap" aria-describedby="heatmap-note">
              <caption>
                Each cell: overdue / with a deadline, and the overdue rate, per council and{" "}
                {dimension === "THEME" ? "sub-theme" : "LGA component"}. Sort by any column with its header.
              </caption>
              <thead>
                <tr>
                  {header("council", "Council")}
                  {header("plan", "Whole plan")}
                  {columns.map((theme) => header(theme.code, theme.name, "theme"))}
                  {header("updated", "Last update")}
                </tr>
              </thead>
              <tbody>
                {members.map((member) => {
                  const plan = wholePlan.get(member.gssCode);
                  return (
                    <tr key={member.gssCode} data-council={member.gssCode}>
                      <th scope="row">
                        <a
                          href={`/council?gss=${member.gssCode}&peerGroup=${peerGroup}&asOf=${asOf}`}
                          onClick={(event) => {
                            event.preventDefault();
                            navigate("council", { gss: member.gssCode, peerGroup, asOf });
                          }}
                        >
                          {member.name}
                        </a>
                      </th>
                      {plan === undefined ? (
                        <td className="no-plan" colSpan={columns.length + 1}>
                          {member.hasPeerChallenge ? "No actions: commitments only" : "No plan held"}
                        </td>
                      ) : (
                        <>
                          <Cell figures={plan} label={`${member.name}, whole plan`} theme="plan" />
                          {columns.map((theme) => (
                            <Cell
                              key={theme.code}
                              figures={cells.get(`${member.gssCode}|${theme.code}`)}
                              label={`${member.name}, ${theme.name}`}
                              theme={theme.code}
                            />
                          ))}
                        </>
                      )}
                      <td className="freshness">
                        {member.latestUpdateOn ?? "never"}
                        {member.isStale === true && <span className="badge stale">stale</span>}
                        {member.isStale === false && <span className="badge fresh">fresh</span>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">All members</th>
                  <Cell figures={data.wholePlan.totals} label="All members, whole plan" theme="plan" />
                  <td colSpan={columns.length + 1} className="note">
                    each action counted once
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
          <p id="heatmap-note" className="note">
            A council has no data under a theme when none of its actions there has a deadline, so no rate can be given;
            “–” is a theme with no actions. Freshness: the latest progress update on or before {asOf}, stale after six
            months.
          </p>
        </>
      )}
    </section>
  );
}
