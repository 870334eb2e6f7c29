/** The review queue: the audit trail of corrections (who, when, before, after), with undo; and contradictions. */
import { get, href, post } from '../api';
import type { Correction } from '../api';
import { useLoad } from '../router';
import { Loaded } from './common';

interface Contradiction {
  category: string;
  date: string;
  place: { key: string; name: string };
  reports: { docId: string; fatalities: number }[];
}

export function ReviewPage() {
  const log = useLoad(() => get<{ items: Correction[] }>('/api/corrections'), []);
  const contra = useLoad(() => get<{ items: Contradiction[] }>('/api/contradictions'), []);
  const revert = async (id: number) => {
    await post(`/api/corrections/${id}/revert`, {});
    log.reload();
  };
  return (
    <section>
      <h1>Review</h1>
      <h2>Corrections</h2>
      <Loaded {...log}>
        {(d) =>
          d.items.length ? (
            <table class="corrections">
              <thead>
                <tr>
                  <th>#</th>
                  <th>When</th>
                  <th>Who</th>
                  <th>What</th>
                  <th>Before</th>
                  <th>After</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {d.items.map((c) => (
                  <tr class={c.revertedAt ? 'reverted' : ''}>
                    <td>{c.id}</td>
                    <td>{c.at.slice(0, 19).replace('T', ' ')}</td>
                    <td>{c.author}</td>
                    <td>
                      {c.action.kind}
                      {c.note ? ` — ${c.note}` : ''}
                    </td>
                    <td>
                      <code>{JSON.stringify(c.before).slice(0, 160)}</code>
                    </td>
                    <td>
                      <code>{JSON.stringify(c.after).slice(0, 160)}</code>
                    </td>
                    <td>
                      {c.revertedAt ? (
                        `reverted by ${c.revertedBy ?? '?'}`
                      ) : (
                        <button onClick={() => void revert(c.id)}>Undo</button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p class="muted">
              No corrections yet. Edit an event in Events, or review an entity from its profile.
            </p>
          )
        }
      </Loaded>
      <h2>Contradictions</h2>
      <p class="muted">
        Reports of one event (same category, day and place) that give different death tolls.
      </p>
      <Loaded {...contra}>
        {(d) => (
          <ul>
            {d.items.map((c) => (
              <li>
                {c.date} · {c.category} · <a href={href.entity(c.place.key)}>{c.place.name}</a>:{' '}
                {c.reports.map((r) => (
                  <a href={href.doc(r.docId)}>{r.fatalities} </a>
                ))}
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </section>
  );
}
