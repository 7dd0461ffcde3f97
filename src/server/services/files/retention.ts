// How long stored files are kept. Exports hold customer data outside the app, so they go first;
// uploaded sources and rejected-rows files stay long enough to fix and re-run an import.
const DAY_MS = 24 * 60 * 60 * 1000;

// An attachment's files wait a day to be sent with a message; once sent they live as long as it
// does (no expiry), and go when it goes (trigger attachments_release_files).
export const FILE_RETENTION_DAYS = { export: 7, import: 30, "import-rejects": 30, attachment: 1 } as const;

export type FilePurpose = keyof typeof FILE_RETENTION_DAYS;

/** When a file of this purpose, created now, expires (downloads refuse it; the purge removes it). */
export function fileExpiry(purpose: FilePurpose, now = new Date()): Date {
  return new Date(now.getTime() + FILE_RETENTION_DAYS[purpose] * DAY_MS);
}
