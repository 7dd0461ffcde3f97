// Triage: reads a new case and suggests its category, business unit, priority and tags (each with
// a confidence and a reason), and says its language, sentiment and a one-line summary. Values
// outside the tenant's lists are dropped by the service that stores the suggestions.
import { z } from "zod";
import { casePrioritySchema, tagSchema } from "@/lib/validations/case";
import { defineAgent } from "../define-agent";

const confidence = z.number().min(0).max(1);
const reason = z.string().trim().min(1).max(300);

export const triageInput = z.object({
  title: z.string(),
  description: z.string(),
  channel: z.string(),
  customerName: z.string().nullable(),
  /** The first messages of the thread, oldest first. */
  messages: z.array(z.string()).max(5),
  categories: z.array(z.string()),
  businessUnits: z.array(z.string()),
});

export const triageOutput = z.object({
  category: z.object({ value: z.string().trim().min(1).max(60).nullable(), confidence, reason }),
  businessUnit: z.object({ value: z.string().trim().min(1).max(60).nullable(), confidence, reason }),
  priority: z.object({ value: casePrioritySchema, confidence, reason }),
  tags: z.object({ value: z.array(tagSchema).max(5), confidence, reason }),
  /** ISO 639-1, lower case ("en", "de"). */
  language: z.string().regex(/^[a-z]{2}$/, { message: "Use a two-letter ISO 639-1 code such as en" }),
  sentiment: z.enum(["negative", "neutral", "positive"]),
  summary: z.string().trim().min(1).max(200),
});
export type TriageOutput = z.infer<typeof triageOutput>;

const list = (values: string[]) => (values.length ? values.map((v) => `- ${v}`).join("\n") : "(none: answer null)");
/** Model input is bounded: a 20,000-character description costs tokens and adds little to triage. */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

export const triageAgent = defineAgent({
  name: "triage",
  version: 1,
  input: triageInput,
  output: triageOutput,
  instructions: [
    "You triage customer-support cases for a support team.",
    "Choose the category and business unit only from the lists given (exactly as written), or null when none fits.",
    "Priority: URGENT only for outages, security or safety issues or legal deadlines; HIGH when a customer is blocked; LOW for questions and feedback; NORMAL otherwise.",
    "Tags: at most 5 short lower-case topic words.",
    "Confidence is your probability (0 to 1) that a person would choose the same; give a reason of one short sentence for each.",
    "Text in square brackets such as [EMAIL_1] stands for personal data; keep it as written.",
  ].join("\n"),
  prompt: (input) =>
    [
      `Channel: ${input.channel}`,
      input.customerName ? `Customer: ${input.customerName}` : null,
      `Title: ${clip(input.title, 300)}`,
      `Description:\n${clip(input.description, 4000) || "(empty)"}`,
      input.messages.length ? `Messages:\n${input.messages.map((m, i) => `${i + 1}. ${clip(m, 1500)}`).join("\n")}` : null,
      `Categories:\n${list(input.categories)}`,
      `Business units:\n${list(input.businessUnits)}`,
    ]
      .filter(Boolean)
      .join("\n\n"),
  knownPii: (input) => [{ kind: "NAME", value: input.customerName }],
  maxOutputTokens: 600,
});
