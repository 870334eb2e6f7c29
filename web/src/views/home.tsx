/** The start page: documents, newest first, and a form to add one. */
import { useState } from 'preact/hooks';
import { get, href, post, qs } from '../api';
import type { DocumentSummary } from '../api';
import { useLoad } from '../router';
import { Loaded } from './common';

export function Home() {
  const [offset, setOffset] = useState(0);
  const docs = useLoad(
    () => get<{ total: number; items: DocumentSummary[] }>(`/api/documents${qs({ limit: 50, offset })}`),
    [offset],
  );
  return (
    <section>
      <h1>Documents</h1>
      <Loaded {...docs}>
        {(d) => (
          <>
            <p class="muted">{d.total} documents</p>
            <table class="docs">
              <thead>
                <tr>
                  <th>Published</th>
                  <th>Title</th>
                  <th>Outlet</th>
                  <th>Entities</th>
                  <th>Events</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((doc) => (
                  <tr>
                    <td>{doc.published ?? ''}</td>
                    <td>
                      <a href={href.doc(doc.id)}>{doc.title ?? '(untitled)'}</a>
                    </td>
                    <td>{doc.outlet ?? ''}</td>
                    <td>{doc.entityCount}</td>
                    <td>{doc.eventCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p>
              <button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - 50))}>
                Newer
              </button>{' '}
              <button disabled={offset + 50 >= d.total} onClick={() => setOffset(offset + 50)}>
                Older
              </button>
            </p>
          </>
        )}
      </Loaded>
      <AddDocument onAdded={docs.reload} />
    </section>
  );
}

function AddDocument({ onAdded }: { onAdded: () => void }) {
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [msg, setMsg] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      const r = await post<{ id: string; entities: number; events: number }>('/api/documents', {
        text,
        ...(title ? { title } : {}),
      });
      setMsg(`Stored: ${r.entities} entities, ${r.events} events.`);
      setText('');
      onAdded();
      location.hash = href.doc(r.id);
    } catch (err) {
      setMsg(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <form class="add" onSubmit={(e) => void submit(e)}>
      <h2>Add an article</h2>
      <input placeholder="Title" value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      <textarea
        rows={5}
        placeholder="Paste article text"
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <button type="submit" disabled={!text.trim()}>
        Extract and store
      </button>{' '}
      <span>{msg}</span>
    </form>
  );
}
