import { useEffect, useState } from "react";
import type { ViewProps } from "../app.js";
import { useQuery } from "../api/client.js";
import { OverdueList, type ActionFilter, type ActionStatus } from "../api/generated.js";
import { DateField, HeaderRow, PeerGroupSelect, SelectField } from "../components/fields.js";
import { QueryStatus } from "../components/status.js";
import { statusName } from "../format.js";

const statuses: ActionStatus[] = ["COMPLETE", "IN_PROGRESS", "NOT_STARTED", "ONGOING", "UNKNOWN"];
const pageSize = 25;
/** Stands for "no cursor" in the URL's list of the pages before this one. */
const firstPage = "-";

/** The same filter as the list, in the CSV export's parameters (`filter.*`), counted by council and component. */
function csvLink(asOf: string, peerGroup: string, filter: ActionFilter): string {
  const query = new URLSearchParams({ asOf, groupBy: "COUNCIL,LGA_COMPONENT", peerGroup });
  if (filter.overdue !== undefined && filter.overdue !== null) query.set("filter.overdue", String(filter.overdue));
  if (filter.themes?.length) query.set("filter.themes", filter.themes.join(","));
  if (filter.statuses?.length) query.set("filter.statuses", filter.statuses.join(","));
  if (filter.search) query.set("filter.search", filter.search);
  if (filter.deadlineFrom) query.set("filter.deadlineFrom", filter.deadlineFrom);
  if (filter.deadlineTo) query.set("filter.deadlineTo", filter.deadlineTo);
  return `/export/benchmark.csv?${query.toString()}`;
}

/** A text field that applies on Enter or leaving it, so that the URL (and the request) follows whole words. */
function SearchField({ value, onApply }: { value: string; onApply: (value: string) => void }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <span className="field">
      <label htmlFor="search">Text contains</label>
      <input
        id="search"
        type="search"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => draft !== value && onApply(draft)}
        onKeyDown={(event) => event.key === "Enter" && onApply(draft)}
      />
    </span>
  );
}

export function OverdueView({ params, asOf, update }: ViewProps) {
  const peerGroup = params.get("peerGroup") ?? "greater-essex";
  const overdue = params.get("overdue") !== "any";
  const theme = params.get("theme") ?? "";
  const chosen = (params.get("status") ?? "")
    .split(",")
    .filter((s): s is ActionStatus => (statuses as string[]).includes(s));
  const search = params.get("search") ?? "";
  const deadlineFrom = params.get("from") ?? "";
  const deadlineTo = params.get("to") ?? "";
  const after = params.get("after") ?? undefined;
  const back = (params.get("back") ?? "").split(",").filter((cursor) => cursor !== "");
  const filter: ActionFilter = {
    peerGroup,
    ...(overdue ? { overdue: true } : {}),
    ...(theme ? { themes: [theme] } : {}),
    ...(chosen.length ? { statuses: chosen } : {}),
    ...(search ? { search } : {}),
    ...(deadlineFrom ? { deadlineFrom } : {}),
    ...(deadlineTo ? { deadlineTo } : {}),
  };
  const state = useQuery(OverdueList, { asOf, filter, first: pageSize, ...(after ? { after } : {}) });
  const data = state.data;
  // Any change of filter starts again at the first page.
  const refilter = (patch: Record<string, string | undefined>) =>
    update({ ...patch, after: undefined, back: undefined });
  const page = back.length + 1;
  const total = data?.actions.totalCount ?? 0;

  return (
    <section aria-labelledby="overdue-title">
      <h1 id="overdue-title">Actions across a peer group as of {asOf}</h1>
      <form className="controls" onSubmit={(event) => event.preventDefault()} aria-label="Filters">
        <PeerGroupSelect
          id="overdue-group"
          value={peerGroup}
          groups={data?.peerGroups.nodes ?? []}
          onChange={(slug) => refilter({ peerGroup: slug })}
        />
        <span className="field">
          <input
            id="only-overdue"
            type="checkbox"
            checked={overdue}
            onChange={(event) => refilter({ overdue: event.target.checked ? undefined : "any" })}
          />
          <label htmlFor="only-overdue">Overdue only</label>
        </span>
        <SelectField
          id="theme"
          label="Theme"
          value={theme}
          options={[
            { value: "", label: "Any" },
            ...(data?.themes ?? []).flatMap((component) => [
              { value: component.code, label: component.name },
              ...component.children.map((theme) => ({ value: theme.code, label: `— ${theme.name}` })),
            ]),
          ]}
          onChange={(code) => refilter({ theme: code || undefined })}
        />
        <fieldset className="statuses">
          <legend>Status on the day</legend>
          {statuses.map((status) => (
            <span key={status} className="field">
              <input
                id={`status-${status}`}
                type="checkbox"
                checked={chosen.includes(status)}
                onChange={(event) => {
                  const next = event.target.checked ? [...chosen, status] : chosen.filter((s) => s !== status);
                  refilter({ status: next.join(",") || undefined });
                }}
              />
              <label htmlFor={`status-${status}`}>{statusName(status)}</label>
            </span>
          ))}
        </fieldset>
        <SearchField value={search} onApply={(value) => refilter({ search: value || undefined })} />
        <DateField
          id="deadline-from"
          label="Deadline from"
          value={deadlineFrom}
          onChange={(day) => refilter({ from: day })}
        />
        <DateField id="deadline-to" label="Deadline to" value={deadlineTo} onChange={(day) => refilter({ to: day })} />
      </form>
      <p>
        <a href={csvLink(asOf, peerGroup, filter)} download>
          Download CSV
        </a>{" "}
        (the same filter, counted by council and LGA component: <code>/export/benchmark.csv</code>)
      </p>
      <QueryStatus state={state} what="the actions" />
      {data && (
        <>
          <p role="status" id="overdue-count">
            {total} actions; page {page} of {Math.max(1, Math.ceil(total / pageSize))}
          </p>
          <table className="figures" id="overdue-table">
            <HeaderRow labels={["Council", "Rec.", "Action", "Lead", "Target", "Status", "Days overdue", "Themes"]} />
            <tbody>
              {data.actions.nodes.map((action) => (
                <tr key={action.id}>
                  <td>{action.recommendation.peerChallenge.council.name}</td>
                  <td>{action.recommendation.reference}</td>
                  <td>{action.text}</td>
                  <td>{action.lead ?? "—"}</td>
                  <td>
                    {action.target.raw ?? "—"}
                    {action.target.deadline && ` (${action.target.deadline})`}
                  </td>
                  <td>{statusName(action.status)}</td>
                  <td className="number">{action.daysOverdue ?? "—"}</td>
                  <td>{action.recommendation.themes.map((t) => t.name).join(", ") || "unclassified"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav aria-label="Pages" className="pager">
            <button
              type="button"
              disabled={back.length === 0}
              onClick={() => {
                const previous = back.at(-1);
                update({
                  after: previous === firstPage ? undefined : previous,
                  back: back.slice(0, -1).join(",") || undefined,
                });
              }}
            >
              Previous page
            </button>
            <button
              type="button"
              disabled={!data.actions.pageInfo.hasNextPage}
              onClick={() =>
                update({
                  after: data.actions.pageInfo.endCursor ?? undefined,
                  back: [...back, after ?? firstPage].join(","),
                })
              }
            >
              Next page
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
