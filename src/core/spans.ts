import type { Span } from './records.js';

/** A span from start and end, for readability at call sites. */
export function span(start: number, end: number): Span {
  return { start, end };
}

/** The surface text of a span. */
export function surface(text: string, s: Span): string {
  return text.slice(s.start, s.end);
}

/** True when the span is non-empty and lies inside a text of the given length. */
export function isValidSpan(s: Span, length: number): boolean {
  return (
    Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end > s.start && s.end <= length
  );
}

/** True when two spans share at least one code unit. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** True when `outer` contains `inner`. */
export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Orders spans by start, then longer first. */
export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end;
}
