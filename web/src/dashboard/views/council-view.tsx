import { useMemo } from "react";
import type { ViewProps } from "../app.js";
import { useQuery } from "../api/client.js";
import { CouncilView as CouncilViewQuery } from "../api/generated.js";
import { ComparisonChart, TrendChart, type ComparisonBar, type TrendPoint } from "../components/comparison-chart.js";
import { DateField, HeaderRow, PeerGroupSelect, SelectField } from "../components/fields.js";
import { QueryStatus } from "../components/status.js";
import { percent, rankText, statusName, yesNo } from "../format.js";

/**
 * The median of the members' rates, over the members with data, as `comparison` defines its group
 * median: the series gives each member's rate per quarter, and the one figure it does not give is this.
 */
function medianOf(rates: (number | null)[]): number | null {
  const known = rates.filter((rate): rate is number => rate !== null).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const middle = Math.floor(known.length / 2);
  return known.length % 2 === 1 ? (known[middle] ?? null) : ((known[middle - 1] ?? 0) + (known[middle] ?? 0)) / 2;
}

export function CouncilView({ params, asOf, update }: ViewProps) {
  const gssCode = params.get("gss") ?? "E07000073";
  const peerGroup = params.get("peerGroup") ?? "greater-essex";
  const from = params.get("from") ?? "2023-01-01";
  const state = useQuery(CouncilViewQuery, { gssCode, peerGroup, asOf, from, to: asOf < from ? from : asOf });
  const data = state.data;
  const council = data?.council;
  const comparison = council?.comparison;

  const bars: ComparisonBar[] = useMemo(
    () =>
      (comparison?.components ?? []).map((row) => ({
        component: row.theme?.name ?? "No theme",
        rate: row.measures.overdueRate,
        median: row.groupMedian.overdueRate,
        standing:
          row.rank === null
            ? "no data"
            : `rank ${rankText(row.rank, row.membersWithData)} · ${percent(row.percentile)} percentile`,
      })),
    [comparison],
  );
  const trend: TrendPoint[] = useMemo(() => {
    const own = new Map(
      (data?.councilTrend.points ?? []).map((point) => [point.period.asOf, point.totals.overdueRate]),
    );
    return (data?.groupTrend.points ?? []).map((point) => ({
      label: point.period.label,
      asOf: point.period.asOf,
      council: own.get(point.period.asOf) ?? null,
      median: medianOf(point.rows.map((row) => row.measures.overdueRate)),
    }));
  }, [data]);
  const members = data?.councils.nodes ?? [];
  const councilOptions =
    council && !members.some((m) => m.gssCode === council.gssCode) ? [council, ...members] : members;

  return (
    <section aria-labelledby="council-title">
      <h1 id="council-title">
        {council?.name ?? gssCode}: plan and comparison as of {asOf}
      </h1>
      <div className="controls">
        <SelectField
          id="council"
          label="Council"
          value={gssCode}
          options={councilOptions.map((option) => ({ value: option.gssCode, label: option.name }))}
          onChange={(gss) => update({ gss })}
        />
        <PeerGroupSelect
          id="compare-with"
          value={peerGroup}
          groups={data?.peerGroups.nodes ?? []}
          onChange={(slug) => update({ peerGroup: slug })}
        />
        <DateField id="trend-from" label="Trend from" value={from} onChange={(day) => day && update({ from: day })} />
      </div>
      <QueryStatus state={state} what="the council" />
      {data && council === null && <p role="alert">No English council has the GSS code {gssCode}.</p>}
      {council && comparison && (
        <>
          <p className="summary">
            {council.typeName}, {council.region}. Latest progress update: {council.latestUpdateOn ?? "none"}
            {council.isStale === true && <span className="badge stale">stale</span>}
            {council.isStale === false && <span className="badge fresh">fresh</span>}
            {!comparison.councilIsMember && ` Not a member of ${comparison.peerGroup.name}: ranked as if it were.`}
          </p>

          <h2>Against {comparison.peerGroup.name}</h2>
          <ComparisonChart bars={bars} council={council.name} />
          <table className="figures" id="comparison-table">
            <caption>
              Rank 1 is the lowest overdue rate; percentile is the share of the other members with data that have a
              higher rate. Medians are over the members with data.
            </caption>
            <HeaderRow
              labels={["Component", "Overdue / with deadline", "Overdue rate", "Rank", "Percentile", "Group median"]}
            />
            <tbody>
              {[{ ...comparison.overall, theme: { code: "plan", name: "Whole plan" } }, ...comparison.components].map(
                (row) => (
                  <tr key={row.theme?.code ?? "none"} data-theme={row.theme?.code ?? "none"}>
                    <th scope="row">{row.theme?.name ?? "No theme"}</th>
                    <td>
                      {row.measures.overdue}/{row.measures.withDeadline}
                    </td>
                    <td>{percent(row.measures.overdueRate)}</td>
                    <td className="rank">{rankText(row.rank, row.membersWithData)}</td>
                    <td>{row.percentile === null ? "no data" : percent(row.percentile)}</td>
                    <td>{percent(row.groupMedian.overdueRate)}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>

          <h2>Quarterly trend</h2>
          <TrendChart points={trend} council={council.name} />
          <details>
            <summary>The trend as a table</summary>
            <table className="figures">
              <HeaderRow labels={["Quarter", "As of", council.name, "Group median"]} />
              <tbody>
                {trend.map((point) => (
                  <tr key={point.asOf}>
                    <th scope="row">{point.label}</th>
                    <td>{point.asOf}</td>
                    <td>{percent(point.council)}</td>
                    <td>{percent(point.median)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>

          <h2>CPC timetable</h2>
          <table className="figures" id="timetable">
            <HeaderRow
              labels={[
                "Challenge",
                "Held",
                "Action plan due by",
                "Published",
                "On time",
                "Progress review due by",
                "Held on",
                "On time",
              ]}
            />
            <tbody>
              {council.peerChallenges.map((challenge) => (
                <tr key={challenge.id}>
                  <th scope="row">{challenge.title}</th>
                  <td>
                    {challenge.heldOn ?? "unknown"}
                    {challenge.heldOn &&
                      challenge.heldOnPrecision !== "DAY" &&
                      ` (${challenge.heldOnPrecision.toLowerCase()})`}
                  </td>
                  <td>{challenge.actionPlanDueBy ?? "—"}</td>
                  <td>{challenge.actionPlanPublishedOn ?? "—"}</td>
                  <td>{yesNo(challenge.actionPlanOnTime)}</td>
                  <td>{challenge.progressReviewDueBy ?? "—"}</td>
                  <td>{challenge.progressReviewOn ?? "—"}</td>
                  <td>{yesNo(challenge.progressReviewOnTime)}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <h2>The plan on {asOf}</h2>
          {council.peerChallenges.length === 0 && <p>No peer challenge is held for this council.</p>}
          {council.peerChallenges.map((challenge) => (
            <article key={challenge.id} className="plan">
              <h3>{challenge.title}</h3>
              {challenge.recommendations.map((recommendation) => (
                <div key={recommendation.id} className="recommendation">
                  <h4>
                    {recommendation.reference}. {recommendation.title ?? recommendation.text}
                  </h4>
                  {recommendation.title && <p>{recommendation.text}</p>}
                  <p className="meta">
                    {recommendation.accountable && <>Accountable: {recommendation.accountable}. </>}
                    {recommendation.responsible && <>Responsible: {recommendation.responsible}. </>}
                    Themes: {recommendation.themes.map((theme) => theme.name).join(", ") || "unclassified"}
                  </p>
                  {recommendation.actions.length > 0 && (
                    <table className="actions">
                      <HeaderRow labels={["Action", "Lead", "Target", `Status on ${asOf}`, "Read from"]} />
                      <tbody>
                        {recommendation.actions.map((action) => (
                          <tr key={action.id}>
                            <td>{action.text}</td>
                            <td>{action.lead ?? "—"}</td>
                            <td>
                              {action.target.raw ?? "—"}
                              {action.target.deadline && <span className="deadline"> ({action.target.deadline})</span>}
                            </td>
                            <td>
                              {statusName(action.status)}
                              {action.statusText && action.statusText !== statusName(action.status) && (
                                <span className="status-text"> “{action.statusText}”</span>
                              )}
                              {action.isOverdue && (
                                <span className="badge overdue">overdue {action.daysOverdue} days</span>
                              )}
                            </td>
                            <td className="source">
                              {action.source
                                ? `${action.source.document.filename}, line ${action.source.line}${action.source.text ? `: ${action.source.text}` : ""}`
                                : "—"}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </div>
              ))}
            </article>
          ))}
        </>
      )}
    </section>
  );
}
