// A stand-in model for the browser tests and for trying AI assist locally without a provider:
// an OpenAI-compatible chat completions server (plain and streamed) that answers the triage and
// reply-draft agents from the request itself. Deterministic and offline.
//   node e2e/fake-ai-server.mjs 3101   then   AI_BASE_URL=http://127.0.0.1:3101/v1 AI_MODEL=fake npm run dev
import { createServer } from "node:http";

const port = Number(process.argv[2] ?? process.env.FAKE_AI_PORT ?? 3101);

const textOf = (content) => (typeof content === "string" ? content : Array.isArray(content) ? content.map((p) => p.text ?? "").join("") : "");

/** A line "Label: value" of the prompt. */
const line = (prompt, label) => new RegExp(`^${label}: (.*)$`, "m").exec(prompt)?.[1]?.trim() ?? null;
/** The "- item" lines under a heading of the prompt. */
const list = (prompt, heading) => {
  const block = new RegExp(`${heading}:\\n((?:- .*\\n?)*)`).exec(prompt)?.[1] ?? "";
  return block.split("\n").map((l) => l.replace(/^- /, "").trim()).filter(Boolean);
};

function answer(system, prompt) {
  if (system.includes("You triage")) {
    const title = line(prompt, "Title") ?? "the case";
    const urgent = /down|outage|broken|fire|urgent/i.test(prompt);
    const category = list(prompt, "Categories")[urgent ? 2 : 0] ?? list(prompt, "Categories")[0] ?? null;
    return {
      category: { value: category, confidence: 0.82, reason: urgent ? "Reads like something is broken" : "The closest category" },
      businessUnit: { value: list(prompt, "Business units")[0] ?? null, confidence: 0.55, reason: "The first unit that fits" },
      priority: { value: urgent ? "URGENT" : "HIGH", confidence: 0.9, reason: urgent ? "A service is down for the customer" : "The customer is waiting on it" },
      tags: { value: urgent ? ["outage"] : ["follow-up"], confidence: 0.7, reason: "The main topic" },
      language: "en",
      sentiment: urgent ? "negative" : "neutral",
      summary: `The customer writes about: ${title}`.slice(0, 200),
    };
  }
  if (system.includes("You draft")) {
    const customer = line(prompt, "Customer");
    const agent = line(prompt, "Agent");
    const title = line(prompt, "Case") ?? "your request";
    return { reply: `Hello ${customer ?? "there"},\n\nThank you for writing about "${title}". We are on it and will update you today.\n\nBest regards,\n${agent ?? "Support"}` };
  }
  if (system.includes("You summarise")) {
    const title = /^Case: (.*) \(status/m.exec(prompt)?.[1] ?? "the case";
    const notes = (prompt.match(/\[internal note\]/g) ?? []).length;
    return {
      summary: `The customer needs help with "${title}"; the team has replied and is working on it.`,
      keyPoints: [`${(prompt.match(/^\[(customer|agent|system|internal note)\]/gm) ?? []).length} messages so far`, ...(notes ? [`${notes} internal note(s) in the thread`] : [])],
      nextStep: "Reply to the customer's last message",
    };
  }
  return { answer: "ok" };
}

const server = createServer((req, res) => {
  let raw = "";
  req.on("data", (c) => (raw += c));
  req.on("end", () => {
    if (req.method === "GET") return void res.writeHead(200).end("ok");
    if (!req.url?.endsWith("/chat/completions")) return void res.writeHead(404).end();
    const body = JSON.parse(raw);
    const system = body.messages.filter((m) => m.role === "system").map((m) => textOf(m.content)).join("\n");
    const prompt = textOf(body.messages.find((m) => m.role === "user")?.content);
    const content = JSON.stringify(answer(system, prompt));
    const usage = { prompt_tokens: Math.ceil(raw.length / 4), completion_tokens: Math.ceil(content.length / 4), total_tokens: Math.ceil((raw.length + content.length) / 4) };
    const base = { id: "chatcmpl-fake", created: Math.floor(Date.now() / 1000), model: body.model };
    if (!body.stream) {
      res.writeHead(200, { "content-type": "application/json" });
      return void res.end(JSON.stringify({ ...base, object: "chat.completion", choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }], usage }));
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const chunk = (data) => res.write(`data: ${JSON.stringify({ ...base, object: "chat.completion.chunk", ...data })}\n\n`);
    const pieces = content.match(/.{1,12}/gs) ?? [];
    let i = 0;
    // Word by word, as a model writes: a draft visibly streams in.
    const timer = setInterval(() => {
      if (i < pieces.length) return void chunk({ choices: [{ index: 0, delta: { content: pieces[i++] }, finish_reason: null }] });
      clearInterval(timer);
      chunk({ choices: [{ index: 0, delta: {}, finish_reason: "stop" }] });
      chunk({ choices: [], usage });
      res.end("data: [DONE]\n\n");
    }, 15);
    res.on("close", () => clearInterval(timer));
  });
});
server.listen(port, "127.0.0.1", () => console.log(`fake AI provider on http://127.0.0.1:${port}/v1`));
