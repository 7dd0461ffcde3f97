// The test configuration StrykerJS runs (stryker.config.mjs): the usual one, narrowed to the test
// files that guard the module being mutated (MUTATION_TESTS, comma-separated, set by
// scripts/mutation.mjs).
import base from "./vitest.config";

const tests = (process.env.MUTATION_TESTS ?? "").split(",").filter(Boolean);

const config = { ...base, test: { ...base.test, include: tests.length > 0 ? tests : base.test?.include } };

export default config;
