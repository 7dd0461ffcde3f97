// What an agent is: a name, a versioned prompt, zod schemas for what it is given and what it must
// answer, model parameters and a time limit. Agents live one per file in ./agents; run-agent.ts
// runs any of them the same way.
import { z } from "zod";

export interface AgentDefinition<Input, Output> {
  /** Lower-case, stable: runs are recorded and counted under it. */
  readonly name: string;
  /** Bumped whenever the prompt or the output schema changes, so runs say which one they used. */
  readonly version: number;
  readonly input: z.ZodType<Input>;
  readonly output: z.ZodType<Output>;
  /** The task; the output's JSON Schema is appended by the runner. */
  readonly instructions: string;
  /** The request from the input (personal data is redacted by the runner, not here). */
  prompt(input: Input): string;
  /** Names to hide from the model besides what is recognisable by shape (e-mails, phones…). */
  knownPii?(input: Input): { kind: "NAME"; value: string | null | undefined }[];
  readonly temperature?: number;
  readonly maxOutputTokens?: number;
  /** One model call's limit (default AI_TIMEOUT_MS). */
  readonly timeoutMs?: number;
}

export function defineAgent<Input, Output>(agent: AgentDefinition<Input, Output>): AgentDefinition<Input, Output> & { readonly schemaText: string } {
  // Computed once: the JSON Schema the model is told to follow (zod's own conversion).
  const schemaText = JSON.stringify(z.toJSONSchema(agent.output, { io: "input", unrepresentable: "any" }));
  return { ...agent, schemaText };
}

export type AnyAgent = ReturnType<typeof defineAgent<never, unknown>>;
