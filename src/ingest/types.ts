/** Public types of the ingest stage's file readers. */
import type { ErrorCode, IngestedDocument } from '../core/index.js';

/** Limits and caller-supplied metadata (CLI `--title` etc.) for reading files. */
export interface ReadOptions {
  /** Largest file (or JSONL line) accepted, in bytes; default 20 MB. */
  readonly maxBytes?: number;
  /** Overrides for a single file; defaults for every line of a JSONL file. */
  readonly title?: string;
  readonly url?: string;
  readonly published?: string;
  readonly outlet?: string;
}

/** One outcome of `readInputs`: a document, or why an input (file, JSONL line, skipped entry) gave none. */
export type InputResult =
  | { readonly ok: true; readonly doc: IngestedDocument }
  | {
      readonly ok: false;
      readonly origin: string;
      readonly code: ErrorCode;
      readonly message: string;
      /** True for a file of another type met while walking a folder: passed over, not a failure. */
      readonly skipped?: boolean;
      readonly line?: number;
    };
