/** An entity's profile: aliases, affiliations, relations, graded claims, timeline, a map of its places, review actions. */
import { useState } from 'preact/hooks';
import { get, href, label, post } from '../api';
import type { EntityProfile, EntityType } from '../api';
import { useLoad } from '../router';
import { Loaded, TypeTag } from './common';
import { WorldMap } from './world-map';

export function EntityPage({ entityKey }: { entityKey: string }) {
  const p = useLoad(() => get<EntityProfile>(`/api/entities/${encodeURIComponent(entityKey)}`), [entityKey]);
  return (
    <Loaded {...p}>
      {(e) => (
        <section class="entity">
          <h1>
            {e.name} <TypeTag type={e.type} />
          </h1>
          <p class="muted">
            {e.documents} documents · {e.mentions} mentions {e.kbId ? `· KB ${e.kbId}` : ''}
          </p>
          {e.aliases.length ? <p>Aliases: {e.aliases.join(' · ')}</p> : null}
          <div class="cols">
            <div>
              <h2>Affiliations</h2>
              <Relations items={e.affiliations} />
              <h2>Relations</h2>
              <Relations items={e.relations} />
              <h2>Claims</h2>
              <table>
                <thead>
                  <tr>
                    <th>Grade</th>
                    <th>Modality</th>
                    <th>Claim</th>
                    <th>Source</th>
                  </tr>
                </thead>
                <tbody>
                  {e.claims.map((c) => (
                    <tr>
                      <td class="grade">{c.grade}</td>
                      <td>{c.modality}</td>
                      <td>
                        <a href={href.doc(c.docId)}>{c.text}</a>
                      </td>
                      <td>{c.source ? `${c.source.text} (${c.source.kind})` : 'outlet'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div>
              <h2>Places</h2>
              <WorldMap
                points={e.places.map((pl) => ({
                  lat: pl.lat,
                  lon: pl.lon,
                  precision: pl.featureClass,
                  title: `${pl.name} (${pl.link})`,
                  color: '#1f77b4',
                }))}
              />
              <h2>Timeline</h2>
              <ol class="timeline">
                {e.timeline.map((t) => (
                  <li>
                    <a href={href.doc(t.docId)}>{t.date.start ?? 'undated'}</a> · {t.role} · {label(t.type)}{' '}
                    {t.locationName ? `in ${t.locationName}` : ''}{' '}
                    {t.fatalities !== null ? `· ${t.fatalities} killed` : ''}
                  </li>
                ))}
              </ol>
            </div>
          </div>
          <Review profile={e} onDone={p.reload} />
        </section>
      )}
    </Loaded>
  );
}

function Relations({ items }: { items: EntityProfile['relations'] }) {
  if (!items.length) return <p class="muted">None found.</p>;
  return (
    <ul>
      {items.map((r) => (
        <li>
          {r.direction === 'out' ? label(r.type) : `${label(r.type)} (by)`}{' '}
          <a href={href.entity(r.other.key)}>{r.other.name}</a>{' '}
          <span class="muted">
            ×{r.count} {r.modalities.join('/')}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Review actions: correct the type, merge into another entity, split documents off. */
function Review({ profile, onDone }: { profile: EntityProfile; onDone: () => void }) {
  const [type, setType] = useState<EntityType>(profile.type);
  const [into, setInto] = useState('');
  const [split, setSplit] = useState<string[]>([]);
  const [msg, setMsg] = useState('');
  const act = async (action: Record<string, unknown>, after?: string) => {
    try {
      await post('/api/corrections', { action });
      setMsg('Saved (see Review for the audit trail).');
      if (after) location.hash = href.entity(after);
      else onDone();
    } catch (err) {
      setMsg(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <details class="review">
      <summary>Review this entity</summary>
      <p>
        <label>
          Type{' '}
          <select
            id="entity-type"
            value={type}
            onChange={(e) => setType(e.currentTarget.value as EntityType)}
          >
            {['person', 'group', 'organization', 'location', 'other'].map((t) => (
              <option value={t}>{t}</option>
            ))}
          </select>
        </label>{' '}
        <button id="save-type" onClick={() => void act({ kind: 'entity_type', key: profile.key, type })}>
          Correct type
        </button>
      </p>
      <p>
        <label>
          Merge into entity key <input value={into} onInput={(e) => setInto(e.currentTarget.value)} />
        </label>{' '}
        <button
          disabled={!into}
          onClick={() => void act({ kind: 'merge_entities', from: profile.key, into }, into)}
        >
          Merge
        </button>
      </p>
      <fieldset>
        <legend>Split these documents off into a new entity</legend>
        {profile.recentDocuments.map((d) => (
          <label class="block">
            <input
              type="checkbox"
              checked={split.includes(d.id)}
              onChange={(e) =>
                setSplit(e.currentTarget.checked ? [...split, d.id] : split.filter((x) => x !== d.id))
              }
            />{' '}
            {d.published} {d.title}
          </label>
        ))}
        <button
          disabled={!split.length}
          onClick={() => void act({ kind: 'split_entity', key: profile.key, docIds: split })}
        >
          Split
        </button>
      </fieldset>
      <p role="status">{msg}</p>
    </details>
  );
}
