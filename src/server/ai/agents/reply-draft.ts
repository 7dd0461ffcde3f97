// Reply draft: a reply to the customer grounded in the case's public thread and the customer's
// other recent cases. Internal notes are never given to it (a draft must not quote them to the
// customer). The member edits and sends it; nothing is sent by the agent.
import { z } from "zod";
import { defineAgent } from "../define-agent";

export const replyDraftInput = z.object({
  title: z.string(),
  description: z.string(),
  customerName: z.string().nullable(),
  agentName: z.string().nullable(),
  /** Public messages, oldest first: who wrote it and what. */
  thread: z.array(z.object({ from: z.enum(["customer", "agent", "system"]), body: z.string() })).max(20),
  otherCases: z.array(z.object({ number: z.number(), title: z.string(), status: z.string() })).max(5),
});

export const replyDraftOutput = z.object({
  reply: z.string().trim().min(1, { message: "Write the reply" }).max(5000),
});

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

export const replyDraftAgent = defineAgent({
  name: "reply-draft",
  version: 1,
  input: replyDraftInput,
  output: replyDraftOutput,
  instructions: [
    "You draft the next reply of a support agent to a customer, in the customer's language.",
    "Be brief, friendly and concrete; answer what the customer asked last; never promise what the thread does not support; ask for what is missing.",
    "Plain text or simple Markdown; no subject line; sign with the agent's name when given.",
    "Text in square brackets such as [NAME_1] or [EMAIL_1] stands for personal data; use it exactly as written where needed.",
  ].join("\n"),
  prompt: (input) =>
    [
      `Case: ${clip(input.title, 300)}`,
      `Description:\n${clip(input.description, 3000) || "(empty)"}`,
      input.customerName ? `Customer: ${input.customerName}` : null,
      input.agentName ? `Agent: ${input.agentName}` : null,
      input.thread.length ? `Thread (oldest first):\n${input.thread.map((m) => `[${m.from}] ${clip(m.body, 2000)}`).join("\n\n")}` : "Thread: (no messages yet)",
      input.otherCases.length ? `The customer's other recent cases:\n${input.otherCases.map((c) => `#${c.number} ${clip(c.title, 200)} (${c.status})`).join("\n")}` : null,
    ]
      .filter(Boolean)
      .join("\n\n"),
  knownPii: (input) => [
    { kind: "NAME", value: input.customerName },
    { kind: "NAME", value: input.agentName },
  ],
  temperature: 0.3,
  maxOutputTokens: 1200,
});
