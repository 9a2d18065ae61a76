// Written by `npm run web:codegen` from schema/schema.graphql and api/operations/*.graphql: do not edit.
/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** Narrows a list of actions; conditions combine with AND. Status and overdue conditions are judged as of the query's asOf. */
export type ActionFilter = {
  /** Councils by GSS code (E07000073); any of them. */
  councils?: Array<string> | null | undefined;
  /** Deadline on or after this day. */
  deadlineFrom?: string | null | undefined;
  /** Deadline on or before this day. */
  deadlineTo?: string | null | undefined;
  /** true: only actions with a deadline; false: only ongoing or unknown targets. */
  hasDeadline?: boolean | null | undefined;
  /** true: only actions overdue as of asOf (deadline before it, not complete on it); false: only those that are not. */
  overdue?: boolean | null | undefined;
  /** Members of this peer group, by slug (greater-essex). */
  peerGroup?: string | null | undefined;
  /** Case-insensitive text search in the action's text and lead. */
  search?: string | null | undefined;
  /** Statuses as of asOf; any of them. */
  statuses?: Array<ActionStatus> | null | undefined;
  /** Theme codes of the action's recommendation; a component code stands for all its sub-themes. */
  themes?: Array<string> | null | undefined;
};

/** An action's normalised status (DOMAIN.md). */
export type ActionStatus =
  /** Complete, delivered, done, achieved. */
  | 'COMPLETE'
  /** Under way. */
  | 'IN_PROGRESS'
  /** Not started. */
  | 'NOT_STARTED'
  /** "Introduced and ongoing", "move to BAU": continuing work. */
  | 'ONGOING'
  /** Nothing printed, or no update on or before the date asked. */
  | 'UNKNOWN';

/** What a benchmark groups its actions by. Combine any of them; each row is one combination with at least one action. */
export type BenchmarkDimension =
  /** The council whose plan holds the action. */
  | 'COUNCIL'
  /** The council's type (NMD, UA, MD, LBO, CTY, …). */
  | 'COUNCIL_TYPE'
  /** The financial quarter holding the deadline (years from 1 April: "2025/26 Q3" is October-December 2025). Actions without a deadline form a row with a null quarter. */
  | 'DEADLINE_QUARTER'
  /** The financial year (1 April to 31 March) holding the deadline ("2025/26"). Actions without a deadline form a row with a null year. */
  | 'DEADLINE_YEAR'
  /** The LGA component (level-1 theme) of the action's recommendation. An action under two components counts once under each; under two sub-themes of one component, once for it. Actions whose recommendation has no theme form a row with a null component. */
  | 'LGA_COMPONENT'
  /** The peer challenge the action answers. */
  | 'PEER_CHALLENGE'
  /** The council's English region. */
  | 'REGION'
  /** The action's status as of asOf (its latest progress update on or before it; UNKNOWN when none). */
  | 'STATUS'
  /** The sub-theme (level-2 theme) of the action's recommendation. An action whose recommendation has two sub-themes counts once under each (totals count it once). Unclassified actions form a row with a null theme. */
  | 'THEME';

/** How precisely a document states a date. */
export type DatePrecision =
  /** The exact day is known. */
  | 'DAY'
  /** Only the month is known; the date is the first of it. */
  | 'MONTH'
  /** No date is known. */
  | 'UNKNOWN'
  /** Only the year is known; the date is 1 January. */
  | 'YEAR';

/** Where a draft is in review. */
export type DraftStatus =
  /** Discarded: nothing of it will count. */
  | 'DISCARDED'
  /** Imported, waiting for review: nothing of it counts yet. */
  | 'OPEN'
  /** Published: its kept rows were written by the importer's rules and now count. */
  | 'PUBLISHED';

/** A draft, and the version it was read at. */
export type DraftVersionInput = {
  /** The draft's version as read (PlanDraft.version); write.conflict if it moved on. */
  expectedVersion: number;
  /** The draft's global ID (PlanDraft.id). */
  id: string | number;
};

/** A Corporate Peer Challenge or its follow-up progress review. */
export type PeerChallengeKind =
  /** The Corporate Peer Challenge itself. */
  | 'CPC'
  /** The progress review, about ten months later. */
  | 'PROGRESS_REVIEW';

/** How a peer group was formed. */
export type PeerGroupKind =
  /** A county council with the districts in its area. */
  | 'COUNTY'
  /** A seeded, named group such as Greater Essex. */
  | 'NAMED'
  /** Every council in one English region. */
  | 'REGION'
  /** Every council of one type (all non-metropolitan districts). */
  | 'TYPE'
  /** A group a user defined. */
  | 'USER';

/** Corrections to one action of an open draft. Fields left out are left as they are. */
export type UpdateDraftActionInput = {
  /** True drops it from publishing; false keeps it. */
  dropped?: boolean | null | undefined;
  /** The draft's version as read (PlanDraft.version); write.conflict if it moved on. */
  expectedVersion: number;
  /** The row's global ID (DraftAction.id). */
  id: string | number;
  /** The lead/owner; null or empty clears it. */
  lead?: string | null | undefined;
  /** The status as it would be printed ("Complete", "In progress", "Amber"), read by the importer's own rules; null records no status. */
  status?: string | null | undefined;
  /** The target as it would be printed ("March 2026", "Q3 2025/26", "Ongoing"), read by the importer's own rules into a deadline; null clears it. */
  target?: string | null | undefined;
  /** The text; it cannot be empty. */
  text?: string | null | undefined;
};

export type CouncilViewQueryVariables = Exact<{
  gssCode?: string;
  peerGroup?: string;
  asOf?: string | null | undefined;
  from?: string;
  to?: string;
}>;


export type CouncilViewQuery = { council: { gssCode: string, name: string, typeName: string, region: string, latestUpdateOn: string | null, isStale: boolean | null, peerGroups: Array<{ slug: string, name: string }>, comparison: { councilIsMember: boolean, peerGroup: { slug: string, name: string }, overall: { rank: number | null, percentile: number | null, membersWithData: number, measures: { overdue: number, withDeadline: number, overdueRate: number | null }, groupMedian: { overdueRate: number | null } }, components: Array<{ rank: number | null, percentile: number | null, membersWithData: number, theme: { code: string, name: string } | null, measures: { overdue: number, withDeadline: number, overdueRate: number | null }, groupMedian: { overdueRate: number | null } }> }, peerChallenges: Array<{ id: string, title: string, kind: PeerChallengeKind, heldOn: string | null, heldOnPrecision: DatePrecision, actionPlanDueBy: string | null, actionPlanPublishedOn: string | null, actionPlanOnTime: boolean | null, progressReviewDueBy: string | null, progressReviewOn: string | null, progressReviewOnTime: boolean | null, recommendations: Array<{ id: string, reference: string, title: string | null, text: string, accountable: string | null, responsible: string | null, themes: Array<{ code: string, name: string }>, actions: Array<{ id: string, order: number, text: string, lead: string | null, status: ActionStatus, statusText: string | null, isOverdue: boolean, daysOverdue: number | null, target: { raw: string | null, deadline: string | null }, source: { line: number, text: string | null, document: { filename: string } } | null }> }> }> } | null, councils: { nodes: Array<{ gssCode: string, name: string }> }, peerGroups: { nodes: Array<{ slug: string, name: string }> }, groupTrend: { points: Array<{ period: { label: string, asOf: string }, rows: Array<{ council: { gssCode: string } | null, measures: { overdueRate: number | null } }> }> }, councilTrend: { points: Array<{ period: { label: string, asOf: string }, totals: { overdue: number, withDeadline: number, overdueRate: number | null } }> } };

export type DraftReviewQueryVariables = Exact<{
  council?: string;
  status?: DraftStatus | null | undefined;
}>;


export type DraftReviewQuery = { drafts: Array<{ id: string, filename: string, status: DraftStatus, version: number, createdAt: string, createdBy: string, recordedOn: string, confidence: number, confidenceReasons: Array<string>, sourceText: string, lowConfidence: Array<{ reference: string, order: number | null, field: string, confidence: number, reason: string, line: number }>, recommendations: Array<{ id: string, reference: string, line: number, title: string | null, text: string, dropped: boolean, confidence: { reference: number, text: number }, actions: Array<{ id: string, order: number, line: number, text: string, lead: string | null, status: ActionStatus | null, statusText: string | null, dropped: boolean, reviewed: Array<string>, target: { raw: string | null, deadline: string | null }, confidence: { text: number, lead: number, target: number, status: number } }> }> }>, councils: { nodes: Array<{ gssCode: string, name: string }> } };

export type EditDraftActionMutationVariables = Exact<{
  input: UpdateDraftActionInput;
}>;


export type EditDraftActionMutation = { updateDraftAction: { id: string, version: number } };

export type PublishDraftMutationVariables = Exact<{
  input: DraftVersionInput;
}>;


export type PublishDraftMutation = { publishDraft: { draft: { id: string, status: DraftStatus }, report: { outcome: string, addedActions: number, statusChanges: number } } };

export type DiscardDraftMutationVariables = Exact<{
  input: DraftVersionInput;
}>;


export type DiscardDraftMutation = { discardDraft: { id: string, status: DraftStatus } };

export type OverdueListQueryVariables = Exact<{
  asOf?: string | null | undefined;
  filter?: ActionFilter;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OverdueListQuery = { actions: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, text: string, lead: string | null, status: ActionStatus, daysOverdue: number | null, target: { raw: string | null, deadline: string | null }, recommendation: { reference: string, themes: Array<{ code: string, name: string }>, peerChallenge: { council: { gssCode: string, name: string } } } }> }, peerGroups: { nodes: Array<{ slug: string, name: string }> }, themes: Array<{ code: string, name: string, children: Array<{ code: string, name: string }> }> };

export type PeerGroupViewQueryVariables = Exact<{
  peerGroup?: string;
  asOf?: string | null | undefined;
  dimension?: BenchmarkDimension;
}>;


export type PeerGroupViewQuery = { peerGroup: { slug: string, name: string, members: Array<{ gssCode: string, name: string, hasPeerChallenge: boolean, latestUpdateOn: string | null, isStale: boolean | null }> } | null, peerGroups: { nodes: Array<{ slug: string, name: string, kind: PeerGroupKind }> }, themes: Array<{ code: string, name: string, position: number, children: Array<{ code: string, name: string, position: number }> }>, cells: { asOf: string, rows: Array<{ council: { gssCode: string } | null, lgaComponent: { code: string } | null, theme: { code: string } | null, measures: { actions: number, withDeadline: number, overdue: number, overdueRate: number | null } }> }, wholePlan: { rows: Array<{ council: { gssCode: string } | null, measures: { actions: number, withDeadline: number, overdue: number, overdueRate: number | null } }>, totals: { actions: number, withDeadline: number, overdue: number, overdueRate: number | null } } };

/** An operation's text, carrying its result and variables types. */
export type Operation<Result, Variables> = string & { readonly __result?: Result; readonly __variables?: Variables };
export const CouncilView: Operation<CouncilViewQuery, CouncilViewQueryVariables> = "query CouncilView(\n  $gssCode: String! = \"E07000073\"\n  $peerGroup: String! = \"greater-essex\"\n  $asOf: LocalDate = \"2026-11-22\"\n  $from: LocalDate! = \"2023-01-01\"\n  $to: LocalDate! = \"2026-11-22\"\n) {\n  council(gssCode: $gssCode) {\n    gssCode\n    name\n    typeName\n    region\n    latestUpdateOn(asOf: $asOf)\n    isStale(asOf: $asOf)\n    peerGroups {\n      slug\n      name\n    }\n    comparison(peerGroup: $peerGroup, asOf: $asOf) {\n      councilIsMember\n      peerGroup {\n        slug\n        name\n      }\n      overall {\n        rank\n        percentile\n        membersWithData\n        measures {\n          overdue\n          withDeadline\n          overdueRate\n        }\n        groupMedian {\n          overdueRate\n        }\n      }\n      components {\n        theme {\n          code\n          name\n        }\n        rank\n        percentile\n        membersWithData\n        measures {\n          overdue\n          withDeadline\n          overdueRate\n        }\n        groupMedian {\n          overdueRate\n        }\n      }\n    }\n    peerChallenges {\n      id\n      title\n      kind\n      heldOn\n      heldOnPrecision\n      actionPlanDueBy\n      actionPlanPublishedOn\n      actionPlanOnTime\n      progressReviewDueBy\n      progressReviewOn\n      progressReviewOnTime\n      recommendations {\n        id\n        reference\n        title\n        text\n        accountable\n        responsible\n        themes {\n          code\n          name\n        }\n        actions {\n          id\n          order\n          text\n          lead\n          target {\n            raw\n            deadline\n          }\n          status(asOf: $asOf)\n          statusText(asOf: $asOf)\n          isOverdue(asOf: $asOf)\n          daysOverdue(asOf: $asOf)\n          source {\n            line\n            text\n            document {\n              filename\n            }\n          }\n        }\n      }\n    }\n  }\n  councils(filter: { peerGroup: $peerGroup }, first: 100) {\n    nodes {\n      gssCode\n      name\n    }\n  }\n  peerGroups(first: 100) {\n    nodes {\n      slug\n      name\n    }\n  }\n  groupTrend: benchmarkSeries(from: $from, to: $to, interval: QUARTER, groupBy: [COUNCIL], peerGroup: $peerGroup) {\n    points {\n      period {\n        label\n        asOf\n      }\n      rows {\n        council {\n          gssCode\n        }\n        measures {\n          overdueRate\n        }\n      }\n    }\n  }\n  councilTrend: benchmarkSeries(\n    from: $from\n    to: $to\n    interval: QUARTER\n    groupBy: [COUNCIL]\n    filter: { councils: [$gssCode] }\n  ) {\n    points {\n      period {\n        label\n        asOf\n      }\n      totals {\n        overdue\n        withDeadline\n        overdueRate\n      }\n    }\n  }\n}" as Operation<CouncilViewQuery, CouncilViewQueryVariables>;
export const DraftReview: Operation<DraftReviewQuery, DraftReviewQueryVariables> = "query DraftReview($council: String! = \"E07000073\", $status: DraftStatus = OPEN) {\n  drafts(council: $council, status: $status) {\n    id\n    filename\n    status\n    version\n    createdAt\n    createdBy\n    recordedOn\n    confidence\n    confidenceReasons\n    sourceText\n    lowConfidence {\n      reference\n      order\n      field\n      confidence\n      reason\n      line\n    }\n    recommendations {\n      id\n      reference\n      line\n      title\n      text\n      dropped\n      confidence {\n        reference\n        text\n      }\n      actions {\n        id\n        order\n        line\n        text\n        lead\n        status\n        statusText\n        dropped\n        reviewed\n        target {\n          raw\n          deadline\n        }\n        confidence {\n          text\n          lead\n          target\n          status\n        }\n      }\n    }\n  }\n  councils(filter: { hasPeerChallenge: true }, first: 100) {\n    nodes {\n      gssCode\n      name\n    }\n  }\n}" as Operation<DraftReviewQuery, DraftReviewQueryVariables>;
export const EditDraftAction: Operation<EditDraftActionMutation, EditDraftActionMutationVariables> = "mutation EditDraftAction($input: UpdateDraftActionInput!) {\n  updateDraftAction(input: $input) {\n    id\n    version\n  }\n}" as Operation<EditDraftActionMutation, EditDraftActionMutationVariables>;
export const PublishDraft: Operation<PublishDraftMutation, PublishDraftMutationVariables> = "mutation PublishDraft($input: DraftVersionInput!) {\n  publishDraft(input: $input) {\n    draft {\n      id\n      status\n    }\n    report {\n      outcome\n      addedActions\n      statusChanges\n    }\n  }\n}" as Operation<PublishDraftMutation, PublishDraftMutationVariables>;
export const DiscardDraft: Operation<DiscardDraftMutation, DiscardDraftMutationVariables> = "mutation DiscardDraft($input: DraftVersionInput!) {\n  discardDraft(input: $input) {\n    id\n    status\n  }\n}" as Operation<DiscardDraftMutation, DiscardDraftMutationVariables>;
export const OverdueList: Operation<OverdueListQuery, OverdueListQueryVariables> = "query OverdueList(\n  $asOf: LocalDate = \"2026-11-22\"\n  $filter: ActionFilter! = { peerGroup: \"greater-essex\", overdue: true }\n  $first: Int = 25\n  $after: String\n) {\n  actions(filter: $filter, asOf: $asOf, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      text\n      lead\n      target {\n        raw\n        deadline\n      }\n      status(asOf: $asOf)\n      daysOverdue(asOf: $asOf)\n      recommendation {\n        reference\n        themes {\n          code\n          name\n        }\n        peerChallenge {\n          council {\n            gssCode\n            name\n          }\n        }\n      }\n    }\n  }\n  peerGroups(first: 100) {\n    nodes {\n      slug\n      name\n    }\n  }\n  themes {\n    code\n    name\n    children {\n      code\n      name\n    }\n  }\n}" as Operation<OverdueListQuery, OverdueListQueryVariables>;
export const PeerGroupView: Operation<PeerGroupViewQuery, PeerGroupViewQueryVariables> = "query PeerGroupView(\n  $peerGroup: String! = \"greater-essex\"\n  $asOf: LocalDate = \"2026-11-22\"\n  $dimension: BenchmarkDimension! = LGA_COMPONENT\n) {\n  peerGroup(slug: $peerGroup) {\n    slug\n    name\n    members {\n      gssCode\n      name\n      hasPeerChallenge\n      latestUpdateOn(asOf: $asOf)\n      isStale(asOf: $asOf)\n    }\n  }\n  peerGroups(first: 100) {\n    nodes {\n      slug\n      name\n      kind\n    }\n  }\n  themes {\n    code\n    name\n    position\n    children {\n      code\n      name\n      position\n    }\n  }\n  cells: benchmark(asOf: $asOf, peerGroup: $peerGroup, groupBy: [COUNCIL, $dimension]) {\n    asOf\n    rows {\n      council {\n        gssCode\n      }\n      lgaComponent {\n        code\n      }\n      theme {\n        code\n      }\n      measures {\n        actions\n        withDeadline\n        overdue\n        overdueRate\n      }\n    }\n  }\n  wholePlan: benchmark(asOf: $asOf, peerGroup: $peerGroup, groupBy: [COUNCIL]) {\n    rows {\n      council {\n        gssCode\n      }\n      measures {\n        actions\n        withDeadline\n        overdue\n        overdueRate\n      }\n    }\n    totals {\n      actions\n      withDeadline\n      overdue\n      overdueRate\n    }\n  }\n}" as Operation<PeerGroupViewQuery, PeerGroupViewQueryVariables>;
