/** The review queue: the audit trail of corrections (who, when, before, after), with undo; and contradictions. */
import { get, href, post } from '../api';
import type { Correction } from '../api';
import { useLoad } from '../router';
import { Loaded } from './common';

/** One side of a recorded disagreement: what a document says, and the words it says it in. */
interface Side {
  docId: string;
  docTitle: string | null;
  published: string | null;
  value: string;
  evidence: { text: string }[];
}

interface Contradiction {
  id: number;
  kind: string;
  fusedId: string | null;
  subject: { key: string; name: string } | null;
  a: Side;
  b: Side;
  note: string;
}

function SideView({ side }: { side: Side }) {
  return (
    <span class="side">
      <strong>{side.value}</strong> in{' '}
      <a href={href.doc(side.docId)}>{side.docTitle ?? side.docId.slice(0, 12)}</a>
      {side.published ? ` (${side.published})` : ''}
      {side.evidence[0] ? <q>{side.evidence[0].text.slice(0, 200)}</q> : null}
    </span>
  );
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
        Independent reports that disagree — figures, perpetrators, claimants, place, date, alive vs dead. Both
        sides are kept as their documents say them; nothing is overwritten.
      </p>
      <Loaded {...contra}>
        {(d) =>
          d.items.length ? (
            <ul class="contradictions">
              {d.items.map((c) => (
                <li data-kind={c.kind}>
                  <span class="kind">{c.kind}</span>
                  {c.subject ? (
                    <>
                      {' '}
                      <a href={href.entity(c.subject.key)}>{c.subject.name}</a>:
                    </>
                  ) : null}{' '}
                  <SideView side={c.a} /> vs <SideView side={c.b} />
                  {c.note ? <span class="muted"> — {c.note}</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">No contradictions between stored reports.</p>
          )
        }
      </Loaded>
    </section>
  );
}
