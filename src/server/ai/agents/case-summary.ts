// Case summary: a long thread read for whoever picks the case up (a new assignee, a colleague
// covering): what the customer wants, what was done, what is next. Members only ever see it, so
// internal notes are part of what it reads.
import { z } from "zod";
import { defineAgent } from "../define-agent";

export const caseSummaryInput = z.object({
  title: z.string(),
  description: z.string(),
  status: z.string(),
  /** Oldest first; at most the last 40 messages. */
  thread: z.array(z.object({ from: z.enum(["customer", "agent", "system"]), note: z.boolean(), body: z.string() })).max(40),
});

export const caseSummaryOutput = z.object({
  summary: z.string().trim().min(1).max(600),
  keyPoints: z.array(z.string().trim().min(1).max(200)).max(5),
  nextStep: z.string().trim().min(1).max(200).nullable(),
});
export type CaseSummaryOutput = z.infer<typeof caseSummaryOutput>;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

export const caseSummaryAgent = defineAgent({
  name: "case-summary",
  version: 1,
  input: caseSummaryInput,
  output: caseSummaryOutput,
  instructions: [
    "You summarise a customer-support case for the agent who takes it over.",
    "Summary: what the customer wants and where things stand, in at most three sentences.",
    "Key points: facts a colleague must not miss (promises made, workarounds tried, deadlines), at most five.",
    "Next step: the one thing to do next, or null when the case needs nothing.",
    "Internal notes are marked; never present them as something the customer said.",
    "Text in square brackets such as [EMAIL_1] stands for personal data; keep it as written.",
  ].join("\n"),
  prompt: (input) =>
    [
      `Case: ${clip(input.title, 300)} (status ${input.status})`,
      `Description:\n${clip(input.description, 3000) || "(empty)"}`,
      `Thread (oldest first):\n${input.thread.map((m) => `[${m.note ? "internal note" : m.from}] ${clip(m.body, 1500)}`).join("\n\n")}`,
    ].join("\n\n"),
  maxOutputTokens: 700,
});
