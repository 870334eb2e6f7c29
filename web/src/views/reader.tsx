/** The document reader: the text with every mention highlighted by entity type; hover tells, click opens. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { get, href, label } from '../api';
import type { Claim, Entity, StoredDocument } from '../api';
import { useLoad } from '../router';
import { Loaded, TypeTag } from './common';

interface Mention {
  start: number;
  end: number;
  entity: Entity;
}

/** Mentions in text order; one that overlaps an earlier, longer one is dropped so spans never nest. */
function mentionsOf(entities: Entity[]): Mention[] {
  const all = entities.flatMap((entity) => entity.mentions.map((m) => ({ ...m, entity })));
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Mention[] = [];
  for (const m of all) if (!out.length || m.start >= out[out.length - 1]!.end) out.push(m);
  return out;
}

/** The claims whose sentence holds the mention, with their sources. */
function claimsAt(doc: StoredDocument, m: Mention): { claim: Claim; grade: string; source: string }[] {
  const sources = new Map(doc.extraction.sources.map((s) => [s.id, s]));
  return doc.extraction.claims
    .filter((c) => c.evidence.start <= m.start && m.end <= c.evidence.end)
    .map((claim) => {
      const s = claim.source ? sources.get(claim.source) : undefined;
      return {
        claim,
        grade: `${s?.reliability ?? '?'}${claim.credibility}`,
        source: s ? `${s.text} (${s.kind})` : 'the outlet',
      };
    });
}

export function Reader({ id }: { id: string }) {
  const doc = useLoad(() => get<StoredDocument>(`/api/documents/${encodeURIComponent(id)}`), [id]);
  const [hover, setHover] = useState<Mention | null>(null);
  return (
    <Loaded {...doc}>
      {(d) => {
        const mentions = mentionsOf(d.extraction.entities);
        const parts: ComponentChildren[] = [];
        let at = 0;
        for (const m of mentions) {
          parts.push(d.text.slice(at, m.start));
          const key = m.entity.key;
          parts.push(
            <a
              class={`mention t-${m.entity.type}`}
              data-entity={m.entity.name}
              href={key ? href.entity(key) : undefined}
              onMouseEnter={() => setHover(m)}
              onFocus={() => setHover(m)}
            >
              {d.text.slice(m.start, m.end)}
            </a>,
          );
          at = m.end;
        }
        parts.push(d.text.slice(at));
        return (
          <article class="reader">
            <h1>{d.title ?? '(untitled)'}</h1>
            <p class="muted">
              {[d.published, d.outlet].filter(Boolean).join(' · ')}{' '}
              {d.url ? <span class="url">{d.url}</span> : null}
            </p>
            <div class="legend">
              {['person', 'group', 'organization', 'location', 'other'].map((t) => (
                <TypeTag type={t} />
              ))}
            </div>
            <div class="layout">
              <div class="text" id="doc-text">
                {parts}
              </div>
              <aside class="hover-panel" aria-live="polite">
                {hover ? <HoverInfo doc={d} m={hover} /> : <p class="muted">Point at a highlighted name.</p>}
                <h3>Events</h3>
                <ul>
                  {d.extraction.events.map((ev) => (
                    <li>
                      {ev.date.start ?? 'undated'} · {label(ev.type)} · {ev.fatalities?.min ?? '?'} killed ·{' '}
                      {ev.modality}
                    </li>
                  ))}
                </ul>
              </aside>
            </div>
          </article>
        );
      }}
    </Loaded>
  );
}

function HoverInfo({ doc, m }: { doc: StoredDocument; m: Mention }) {
  const claims = claimsAt(doc, m);
  return (
    <div class="hover-info">
      <h3>
        {m.entity.name} <TypeTag type={m.entity.type} />
      </h3>
      {m.entity.aliases.length ? <p>Also: {m.entity.aliases.join(', ')}</p> : null}
      {m.entity.kbId ? <p>KB: {m.entity.kbId}</p> : null}
      {claims.length ? (
        <ul>
          {claims.map((c) => (
            <li>
              <b class="grade">{c.grade}</b> {c.claim.modality} — source: {c.source}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">No claim in this sentence.</p>
      )}
    </div>
  );
}
