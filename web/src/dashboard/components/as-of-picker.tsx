import { useEffect, useState } from "react";

/**
 * The day every figure is measured on. The field is applied on Enter or when it loses focus, not
 * on every keystroke, so typing a year does not fetch four intermediate days.
 */
export function AsOfPicker({ asOf, onChange }: { asOf: string; onChange: (day: string) => void }) {
  const [draft, setDraft] = useState(asOf);
  useEffect(() => setDraft(asOf), [asOf]);
  const apply = () => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(draft) && draft !== asOf) onChange(draft);
  };
  return (
    <form
      className="as-of"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <label htmlFor="as-of">As of</label>
      <input
        id="as-of"
        name="asOf"
        type="date"
        value={draft}
        required
        onChange={(event) => setDraft(event.target.value)}
        onBlur={apply}
      />
      <button type="submit">Show</button>
    </form>
  );
}
