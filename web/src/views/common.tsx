/** Small shared pieces of the views. */
import type { ComponentChildren } from 'preact';

/** A loading / error / content switch. */
export function Loaded<T>({
  data,
  error,
  children,
}: {
  data: T | null;
  error: string | null;
  children: (d: T) => ComponentChildren;
}) {
  if (error)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (data === null) return <p class="muted">Loading…</p>;
  return <>{children(data)}</>;
}

/** A search snippet: \u0002…\u0003 mark matches; every part is rendered as text. */
export function Snippet({ text }: { text: string }) {
  // The API marks matches with the control characters STX/ETX, which article text cannot contain.
  // eslint-disable-next-line no-control-regex
  const parts = text.split(/([\u0002\u0003])/);
  let on = false;
  const out: ComponentChildren[] = [];
  for (const p of parts) {
    if (p === '\u0002') on = true;
    else if (p === '\u0003') on = false;
    else if (p) out.push(on ? <mark>{p}</mark> : p);
  }
  return <span class="snippet">{out}</span>;
}

/** An entity type as a coloured tag. */
export const TypeTag = ({ type }: { type: string }) => <span class={`tag t-${type}`}>{type}</span>;
