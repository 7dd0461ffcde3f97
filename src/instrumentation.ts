// Runs once when the server starts: opens (and on the embedded database, migrates and seeds) the
// database before the first request, so the first page does not pay for it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDatabase } = await import("@/server/db/database");
  await getDatabase();
}
