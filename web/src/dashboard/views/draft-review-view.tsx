import { useState } from "react";
import type { ViewProps } from "../app.js";
import { request, useQuery } from "../api/client.js";
import { DiscardDraft, DraftReview, EditDraftAction, PublishDraft, type DraftReviewQuery } from "../api/generated.js";
import { SelectField } from "../components/fields.js";
import { QueryStatus } from "../components/status.js";
import { statusName } from "../format.js";

type Draft = DraftReviewQuery["drafts"][number];
type DraftAction = Draft["recommendations"][number]["actions"][number];

/** The reader lists a field for a person to check under this confidence (reader/field.evidence.ts's threshold). */
const lowBelow = 0.6;

/**
 * The key stays in this tab's session storage, never in the URL: a shared link must not carry it.
 */
const keyStorage = "cpc-graph.editor-key";

function KeyForm({ onKey }: { onKey: (key: string | undefined) => void }) {
  const [draft, setDraft] = useState("");
  return (
    <form
      className="controls"
      onSubmit={(event) => {
        event.preventDefault();
        onKey(draft.trim() || undefined);
      }}
    >
      <span className="field">
        <label htmlFor="editor-key">Editor&apos;s key</label>
        <input
          id="editor-key"
          type="password"
          autoComplete="off"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
      </span>
      <button type="submit">Use key</button>
    </form>
  );
}

/** A value the reader was unsure of is marked in words and by outline, never by colour alone. */
function Read({ value, confidence, label }: { value: string; confidence: number; label: string }) {
  const low = confidence < lowBelow;
  return (
    <span className={low ? "low-confidence" : undefined}>
      {value}
      {low && (
        <span className="badge low">
          low confidence in {label}: {Math.round(confidence * 100)}%
        </span>
      )}
    </span>
  );
}

function ActionEditor({
  action,
  onSave,
  onCancel,
}: {
  action: DraftAction;
  onSave: (fields: { text: string; lead: string; target: string; status: string }) => void;
  onCancel: () => void;
}) {
  const [fields, setFields] = useState({
    text: action.text,
    lead: action.lead ?? "",
    target: action.target.raw ?? "",
    status: action.statusText ?? "",
  });
  const input = (name: keyof typeof fields, label: string) => (
    <span className="field">
      <label htmlFor={`${action.id}-${name}`}>{label}</label>
      <input
        id={`${action.id}-${name}`}
        value={fields[name]}
        onChange={(event) => setFields({ ...fields, [name]: event.target.value })}
      />
    </span>
  );
  return (
    <form
      className="controls"
      aria-label={`Correct action ${action.order}`}
      onSubmit={(event) => {
        event.preventDefault();
        onSave(fields);
      }}
    >
      {input("text", "Text")}
      {input("lead", "Lead")}
      {input("target", "Target")}
      {input("status", "Status")}
      <button type="submit">Save correction</button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}

function DraftPanel({
  draft,
  editorKey,
  onChanged,
}: {
  draft: Draft;
  editorKey: string;
  onChanged: (message: string) => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const lines = draft.sourceText.split("\n");
  const lowLines = new Set(draft.lowConfidence.map((field) => field.line));
  const act = (work: Promise<unknown>, done: string) =>
    work.then(
      () => {
        setProblem(null);
        setEditing(null);
        onChanged(done);
      },
      (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
    );
  const version = { id: draft.id, expectedVersion: draft.version };
  return (
    <article aria-labelledby={`draft-${draft.id}`}>
      <h2 id={`draft-${draft.id}`}>
        {draft.filename}: {Math.round(draft.confidence * 100)}% confidence, version {draft.version}
      </h2>
      <p className="meta">
        Imported {draft.createdAt.slice(0, 10)} by {draft.createdBy}; statuses as of {draft.recordedOn}.{" "}
        {draft.confidenceReasons.join(" ")}
      </p>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <p className="controls">
        <button
          type="button"
          onClick={() => void act(request(PublishDraft, { input: version }, editorKey), `Published ${draft.filename}.`)}
        >
          Publish
        </button>
        <button
          type="button"
          onClick={() => void act(request(DiscardDraft, { input: version }, editorKey), `Discarded ${draft.filename}.`)}
        >
          Discard
        </button>
      </p>
      <div className="draft-review">
        <section aria-label="Source document">
          <h3>Source, as read</h3>
          <pre className="source-text" tabIndex={0} aria-label={`Text of ${draft.filename}`}>
            {lines.map((line, index) => (
              <div key={index} className={lowLines.has(index + 1) ? "highlight" : undefined} data-line={index + 1}>
                <span className="line-number">{String(index + 1).padStart(4)} </span>
                {line}
              </div>
            ))}
          </pre>
        </section>
        <section aria-label="Draft plan">
          <h3>Plan, as read</h3>
          {draft.recommendations.map((recommendation) => (
            <div key={recommendation.id} className="recommendation">
              <h4>
                <Read
                  value={recommendation.reference}
                  confidence={recommendation.confidence.reference}
                  label="reference"
                />
                {". "}
                <Read
                  value={recommendation.title ?? recommendation.text}
                  confidence={recommendation.confidence.text}
                  label="text"
                />
                <span className="meta"> (line {recommendation.line})</span>
              </h4>
              <ol>
                {recommendation.actions.map((action) => (
                  <li key={action.id} value={action.order}>
                    <Read value={action.text} confidence={action.confidence.text} label="text" />
                    <br />
                    Lead: <Read value={action.lead ?? "—"} confidence={action.confidence.lead} label="lead" />; target:{" "}
                    <Read value={action.target.raw ?? "—"} confidence={action.confidence.target} label="target" />
                    {action.target.deadline && ` (${action.target.deadline})`}; status:{" "}
                    <Read
                      value={action.status ? statusName(action.status) : "—"}
                      confidence={action.confidence.status}
                      label="status"
                    />
                    <span className="meta"> (line {action.line})</span>
                    {action.reviewed.length > 0 && (
                      <span className="badge fresh">corrected: {action.reviewed.join(", ")}</span>
                    )}{" "}
                    {editing === action.id ? (
                      <ActionEditor
                        action={action}
                        onCancel={() => setEditing(null)}
                        onSave={(fields) =>
                          void act(
                            request(
                              EditDraftAction,
                              { input: { id: action.id, expectedVersion: draft.version, ...fields } },
                              editorKey,
                            ),
                            `Saved the correction of action ${recommendation.reference}.${action.order}.`,
                          )
                        }
                      />
                    ) : (
                      <button type="button" onClick={() => setEditing(action.id)}>
                        Edit action {recommendation.reference}.{action.order}
                      </button>
                    )}
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </section>
      </div>
    </article>
  );
}

export function DraftReviewView({ params, update }: ViewProps) {
  const council = params.get("gss") ?? "E07000073";
  const [editorKey, setEditorKey] = useState<string | undefined>(() => sessionStorage.getItem(keyStorage) ?? undefined);
  const [refresh, setRefresh] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const state = useQuery(DraftReview, { council }, { authorization: editorKey, refresh });
  const chooseKey = (key: string | undefined) => {
    if (key === undefined) sessionStorage.removeItem(keyStorage);
    else sessionStorage.setItem(keyStorage, key);
    setEditorKey(key);
  };
  return (
    <section aria-labelledby="drafts-title">
      <h1 id="drafts-title">Draft review</h1>
      <p className="note">
        An import opens a draft; an editor of the council checks it against its source, corrects what the reader got
        wrong, then publishes or discards it. Fields the reader was unsure of (under {lowBelow * 100}%) are marked.
      </p>
      {editorKey === undefined ? (
        <KeyForm onKey={chooseKey} />
      ) : (
        <p className="controls">
          Using an editor&apos;s key.{" "}
          <button type="button" onClick={() => chooseKey(undefined)}>
            Forget the key
          </button>
        </p>
      )}
      <div className="controls">
        <SelectField
          id="draft-council"
          label="Council"
          value={council}
          options={(state.data?.councils.nodes ?? []).map((option) => ({ value: option.gssCode, label: option.name }))}
          onChange={(gss) => update({ gss })}
        />
      </div>
      {message && <p role="status">{message}</p>}
      <QueryStatus state={state} what="the drafts" />
      {state.data && state.data.drafts.length === 0 && (
        <p>
          No open draft {editorKey === undefined ? "can be shown without a key" : "that this key may see"} for this
          council.
        </p>
      )}
      {editorKey !== undefined &&
        state.data?.drafts.map((draft) => (
          <DraftPanel
            key={draft.id}
            draft={draft}
            editorKey={editorKey}
            onChanged={(done) => {
              setMessage(done);
              setRefresh((n) => n + 1);
            }}
          />
        ))}
    </section>
  );
}
