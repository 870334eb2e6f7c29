/** The event filters shared by the table, the map and the timeline. */
import { useState } from 'preact/hooks';
import { EVENT_TYPES, label } from '../api';

/** Filter values as query parameters. */
export type EventFilters = Record<string, string>;

export function FilterBar({ onChange }: { onChange: (f: EventFilters) => void }) {
  const [f, setF] = useState<EventFilters>({});
  const set = (k: string) => (e: Event) => setF({ ...f, [k]: (e.currentTarget as HTMLInputElement).value });
  return (
    <form
      class="filters"
      onSubmit={(e) => {
        e.preventDefault();
        onChange(f);
      }}
    >
      <select name="type" onChange={set('type')} value={f.type ?? ''}>
        <option value="">any type</option>
        {Object.entries(EVENT_TYPES).map(([cat, subs]) => (
          <optgroup label={label(cat)}>
            <option value={cat}>all {label(cat)}</option>
            {subs.map((s) => (
              <option value={s}>{label(s)}</option>
            ))}
          </optgroup>
        ))}
      </select>
      <input name="actor" placeholder="actor" value={f.actor ?? ''} onInput={set('actor')} />
      <input name="place" placeholder="place or country code" value={f.place ?? ''} onInput={set('place')} />
      <input name="since" type="date" value={f.since ?? ''} onInput={set('since')} />
      <input name="until" type="date" value={f.until ?? ''} onInput={set('until')} />
      <input name="bbox" placeholder="bbox: W,S,E,N" value={f.bbox ?? ''} onInput={set('bbox')} />
      <button type="submit">Filter</button>
    </form>
  );
}
