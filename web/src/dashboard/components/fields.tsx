/** The dashboard's form controls: each a control with its visible label, as axe and screen readers need. */

export function SelectField({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  // A value the list does not hold (a council outside the group, a slug typed into the URL) stays choosable.
  const all = options.some((option) => option.value === value) ? options : [{ value, label: value }, ...options];
  return (
    <span className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {all.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </span>
  );
}

/** A day; clearing the field gives undefined, which drops the parameter from the URL. */
export function DateField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <span className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="date" value={value} onChange={(event) => onChange(event.target.value || undefined)} />
    </span>
  );
}

/** A labelled select of peer groups, by slug. */
export function PeerGroupSelect(props: {
  id: string;
  value: string;
  groups: readonly { slug: string; name: string }[];
  onChange: (slug: string) => void;
}) {
  return (
    <SelectField
      id={props.id}
      label="Peer group"
      value={props.value}
      options={props.groups.map((group) => ({ value: group.slug, label: group.name }))}
      onChange={props.onChange}
    />
  );
}

/** A table's column headers. */
export function HeaderRow({ labels }: { labels: readonly string[] }) {
  return (
    <thead>
      <tr>
        {labels.map((label) => (
          <th scope="col" key={label}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
