/** Calls one tRPC request may batch. The server refuses more (each call runs its own middleware
 *  chain, so an unbounded batch would multiply the work one request can cause); the app's and the
 *  example script's clients split larger batches at this size. */
export const MAX_BATCH_CALLS = 20;
