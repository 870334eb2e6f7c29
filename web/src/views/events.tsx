/** The event table with filters, and inline editing of an event (stored as an audited correction). */
import { useState } from 'preact/hooks';
import { EVENT_TYPES, get, href, label, patch, qs } from '../api';
import type { StoredEvent } from '../api';
import { useLoad } from '../router';
import { Loaded } from './common';
import { FilterBar } from './filters';
import type { EventFilters } from './filters';

export function EventsPage() {
  const [filters, setFilters] = useState<EventFilters>({});
  const events = useLoad(
    () => get<{ items: StoredEvent[] }>(`/api/events${qs({ ...filters, limit: 300 })}`),
    [JSON.stringify(filters)],
  );
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section>
      <h1>Events</h1>
      <FilterBar onChange={setFilters} />
      <Loaded {...events}>
        {(d) => (
          <table class="events">
            <thead>
              <tr>
                <th>Date</th>
                <th>Type</th>
                <th>Location</th>
                <th>Perpetrators</th>
                <th>Targets</th>
                <th>Killed</th>
                <th>Modality</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {d.items.map((e) => {
                const id = `${e.docId}#${e.event.id}`;
                return editing === id ? (
                  <EditRow
                    e={e}
                    onDone={() => {
                      setEditing(null);
                      events.reload();
                    }}
                  />
                ) : (
                  <tr data-event={id}>
                    <td>
                      <a href={href.doc(e.docId)}>{e.event.date.start ?? '?'}</a>
                    </td>
                    <td>
                      <span class={`cat c-${e.event.category}`}>{label(e.event.type)}</span>
                    </td>
                    <td>
                      {e.locationName ?? ''}
                      {e.point && e.point.featureClass !== 'city' ? (
                        <span class="muted"> ({e.point.featureClass})</span>
                      ) : null}
                    </td>
                    <td>{e.perpetratorNames.join(', ')}</td>
                    <td>{e.targetNames.join(', ')}</td>
                    <td class="killed">{e.event.fatalities?.min ?? ''}</td>
                    <td>{e.event.modality}</td>
                    <td>
                      <button class="edit" onClick={() => setEditing(id)}>
                        Edit
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Loaded>
    </section>
  );
}

function EditRow({ e, onDone }: { e: StoredEvent; onDone: () => void }) {
  const [type, setType] = useState(e.event.type);
  const [date, setDate] = useState(e.event.date.start ?? '');
  const [killed, setKilled] = useState(e.event.fatalities?.min?.toString() ?? '');
  const [note, setNote] = useState('');
  const [msg, setMsg] = useState('');
  const save = async () => {
    const fields: Record<string, unknown> = { type };
    if (date && date !== e.event.date.start) fields.date = { start: date, end: date, precision: 'day' };
    fields.fatalities = killed === '' ? null : Number(killed);
    try {
      await patch(`/api/events/${encodeURIComponent(e.docId)}/${encodeURIComponent(e.event.id)}`, {
        fields,
        ...(note ? { note } : {}),
      });
      onDone();
    } catch (err) {
      setMsg(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <tr class="editing">
      <td>
        <input type="date" value={date} onInput={(ev) => setDate(ev.currentTarget.value)} />
      </td>
      <td>
        <select name="edit-type" value={type} onChange={(ev) => setType(ev.currentTarget.value)}>
          {Object.values(EVENT_TYPES)
            .flat()
            .map((t) => (
              <option value={t}>{label(t)}</option>
            ))}
        </select>
      </td>
      <td colSpan={3}>
        <input
          name="note"
          placeholder="why (kept in the audit trail)"
          value={note}
          onInput={(ev) => setNote(ev.currentTarget.value)}
        />
      </td>
      <td>
        <input
          name="edit-killed"
          type="number"
          min={0}
          value={killed}
          onInput={(ev) => setKilled(ev.currentTarget.value)}
        />
      </td>
      <td colSpan={2}>
        <button class="save" onClick={() => void save()}>
          Save
        </button>{' '}
        <button onClick={onDone}>Cancel</button> <span class="error">{msg}</span>
      </td>
    </tr>
  );
}
