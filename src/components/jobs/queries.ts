// Inputs of the jobs page's queries, shared by the page's prefetch (a server component) and the
// client components that read them: a constant exported from a "use client" module reaches a
// server component as a client reference, not as the value.
export const JOBS_LIST_INPUT = { limit: 50 } as const;
export const PAST_EXPORTS_INPUT = { limit: 10 } as const;
