/** Default limits for reading files and fetching URLs; every reader and fetcher enforces one. */

/** Largest file or stdin input `readInput` accepts, in bytes. */
export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Largest response body the safe fetcher accepts, counted after decompression. */
export const DEFAULT_MAX_FETCH_BYTES = 5 * 1024 * 1024;

/** Total time allowed for one fetch including redirects. */
export const DEFAULT_FETCH_TIMEOUT_MS = 20_000;

/** Time allowed to open a connection, and the longest silence while reading. */
export const DEFAULT_IDLE_TIMEOUT_MS = 10_000;

/** Redirect hops followed before giving up. */
export const DEFAULT_MAX_REDIRECTS = 5;
