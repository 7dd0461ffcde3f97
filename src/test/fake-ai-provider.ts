// A local model server for tests: speaks the OpenAI-compatible chat completions protocol (plain and
// streamed), answers from a script each test writes, and keeps every request it received so a
// test can check what left the server (no personal data, no other tenant's case).
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { configureAiProvider } from "@/server/ai/provider";

export type FakeAnswer =
  /** The assistant's text (a JSON object is serialised); a function answers from what was asked. */
  | { content: string | object | ((request: ReceivedRequest) => string | object); tokensIn?: number; tokensOut?: number; delayMs?: number }
  /** An HTTP error, e.g. 429 with { "retry-after": "1" }. */
  | { status: number; headers?: Record<string, string>; body?: string }
  /** Never answers (until the client gives up). */
  | { hang: true };

export interface ReceivedRequest {
  model: string;
  stream: boolean;
  messages: { role: string; content: string }[];
  /** Everything sent, as one string: for "this never reached the provider" checks. */
  raw: string;
}

export interface FakeAiProvider {
  readonly url: string;
  readonly received: ReceivedRequest[];
  /** Queues answers, served in order; with none queued the server answers 500. */
  script(...answers: FakeAnswer[]): void;
  /** Points the app's AI at this server. */
  use(): void;
  reset(): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

const textOf = (content: unknown): string =>
  typeof content === "string" ? content : Array.isArray(content) ? content.map((p: { text?: string }) => p.text ?? "").join("") : "";

export async function startFakeAiProvider(): Promise<FakeAiProvider> {
  const queue: FakeAnswer[] = [];
  const received: ReceivedRequest[] = [];
  const hanging = new Set<() => void>();
  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.parse(raw) as { model: string; stream?: boolean; messages: { role: string; content: unknown }[] };
    received.push({ model: body.model, stream: body.stream === true, messages: body.messages.map((m) => ({ role: m.role, content: textOf(m.content) })), raw });
    const answer = queue.shift() ?? { status: 500, body: JSON.stringify({ error: { message: "no scripted answer" } }) };
    if ("hang" in answer) {
      const end = () => res.destroy();
      hanging.add(end);
      res.on("close", () => hanging.delete(end));
      return;
    }
    if ("status" in answer) {
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      res.end(answer.body ?? JSON.stringify({ error: { message: `scripted ${answer.status}`, type: "server_error" } }));
      return;
    }
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    const given = typeof answer.content === "function" ? answer.content(received.at(-1)!) : answer.content;
    const content = typeof given === "string" ? given : JSON.stringify(given);
    const usage = { prompt_tokens: answer.tokensIn ?? 100, completion_tokens: answer.tokensOut ?? 20, total_tokens: (answer.tokensIn ?? 100) + (answer.tokensOut ?? 20) };
    const base = { id: "chatcmpl-fake", created: Math.floor(Date.now() / 1000), model: body.model };
    if (!body.stream) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ...base, object: "chat.completion", choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }], usage }));
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const chunk = (data: object) => res.write(`data: ${JSON.stringify({ ...base, object: "chat.completion.chunk", ...data })}\n\n`);
    // A few pieces, as a real model streams.
    const size = Math.max(1, Math.ceil(content.length / 5));
    chunk({ choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] });
    for (let i = 0; i < content.length; i += size) chunk({ choices: [{ index: 0, delta: { content: content.slice(i, i + size) }, finish_reason: null }] });
    chunk({ choices: [{ index: 0, delta: {}, finish_reason: "stop" }] });
    chunk({ choices: [], usage });
    res.end("data: [DONE]\n\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    script: (...answers) => queue.push(...answers),
    use: () => configureAiProvider({ kind: "openai-compatible", baseURL: `${url}/v1`, apiKey: "test-key", model: "fake-model" }),
    reset: () => {
      queue.length = 0;
      received.length = 0;
    },
    close: async () => {
      for (const end of hanging) end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      configureAiProvider(null);
    },
  };
}
