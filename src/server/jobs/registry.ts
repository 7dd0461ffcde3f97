// The job types this process can enqueue and run. The platform's own types are registered here
// from tasks/; features register theirs with registerJob. A runner claims only types it knows, so
// during a rolling deploy an old instance never claims a job type it has no handler for.
import { builtInJobs } from "./tasks";
import type { AnyJobDefinition, JobDefinition, JobScope, JobTransaction } from "./define";
import type { z } from "zod";

const definitions = new Map<string, AnyJobDefinition>();

export function registerJob<Schema extends z.ZodType, S extends JobScope, T extends JobTransaction>(
  definition: JobDefinition<Schema, S, T>,
): JobDefinition<Schema, S, T> {
  const existing = definitions.get(definition.type);
  // The development server re-evaluates an edited module (hot reload), so its job registers again
  // as a new object: the newer replaces the older there. Everywhere else two are a naming mistake.
  if (existing && existing !== (definition as unknown) && process.env.NODE_ENV !== "development") {
    throw new Error(`Job type "${definition.type}" is registered twice`);
  }
  definitions.set(definition.type, definition as unknown as AnyJobDefinition);
  return definition;
}

export function findJobDefinition(type: string): AnyJobDefinition | undefined {
  return definitions.get(type);
}

export function getJobDefinition(type: string): AnyJobDefinition {
  const definition = definitions.get(type);
  if (!definition) throw new Error(`Unknown job type "${type}": register it with registerJob first`);
  return definition;
}

export function registeredJobTypes(): string[] {
  return [...definitions.keys()];
}

for (const definition of builtInJobs) registerJob(definition);
