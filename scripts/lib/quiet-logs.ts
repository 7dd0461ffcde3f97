// Imported first by scripts that print their own output, before anything reads the env module:
// the app's info logs (database ready, demo data seeded) would interleave with it as JSON lines.
// An explicit LOG_LEVEL still wins.
process.env.LOG_LEVEL ??= "warn";
export {};
