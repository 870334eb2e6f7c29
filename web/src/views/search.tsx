/** Global search: entities whose names start with the query, and ranked documents with snippets. */
import { get, href, qs } from '../api';
import type { EntitySummary } from '../api';
import { useLoad } from '../router';
import { Loaded, Snippet, TypeTag } from './common';

interface Hit {
  docId: string;
  title: string | null;
  published: string | null;
  snippet: string;
}

export function SearchPage({ q }: { q: string }) {
  const r = useLoad(
    () =>
      q
        ? get<{ documents: Hit[]; entities: EntitySummary[] }>(`/api/search${qs({ q })}`)
        : Promise.resolve({ documents: [], entities: [] }),
    [q],
  );
  return (
    <section>
      <h1>Search: {q}</h1>
      <Loaded {...r}>
        {(d) => (
          <>
            <h2>Entities</h2>
            {d.entities.length ? (
              <ul class="entities">
                {d.entities.map((e) => (
                  <li>
                    <a href={href.entity(e.key)}>{e.name}</a> <TypeTag type={e.type} />{' '}
                    <span class="muted">
                      {e.aliases.slice(0, 4).join(', ')} · {e.documents} docs
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="muted">No entity name starts with that.</p>
            )}
            <h2>Documents</h2>
            {d.documents.length ? (
              <ol class="hits">
                {d.documents.map((h) => (
                  <li>
                    <a href={href.doc(h.docId)}>{h.title ?? '(untitled)'}</a>{' '}
                    <span class="muted">{h.published}</span>
                    <br />
                    <Snippet text={h.snippet} />
                  </li>
                ))}
              </ol>
            ) : (
              <p class="muted">No document matches.</p>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}
