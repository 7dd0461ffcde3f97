// "Draft reply" over HTTP as the browser's EventSource gets it: server-sent previews, then the
// validated draft; a refusal arrives as an error event in the one error shape.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAiSettings } from "@/test/ai-settings";
import { callerFor, createTestApiKey, createTestTenant, type TestTenant } from "@/test/factories";
import { startFakeAiProvider, type FakeAiProvider } from "@/test/fake-ai-provider";
import { GET } from "./route";

let fake: FakeAiProvider;
let tenant: TestTenant;
let key: string;
let caseId: string;

/** Every server-sent event until the stream ends (or the deadline passes). */
async function events(input: unknown, ms = 10_000): Promise<{ event?: string; data?: unknown }[]> {
  const url = new URL("http://caseboard.test/api/trpc/ai.draftReply");
  url.searchParams.set("input", JSON.stringify({ json: input }));
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  const res = await GET(new Request(url, { headers: { authorization: `Bearer ${key}` }, signal: controller.signal }));
  const text = await res.text().catch(() => "");
  clearTimeout(timer);
  return text
    .split("\n\n")
    .filter(Boolean)
    .map((block) => {
      const out: { event?: string; data?: unknown } = {};
      for (const line of block.split("\n")) {
        const [field, ...rest] = line.split(": ");
        if (field === "event") out.event = rest.join(": ");
        else if (field === "data" && rest.length) out.data = JSON.parse(rest.join(": ") || "null");
      }
      return out;
    });
}

beforeAll(async () => {
  fake = await startFakeAiProvider();
  fake.use();
  tenant = await createTestTenant("ai-sse");
  await setAiSettings(tenant, { triageNewCases: false });
  key = await createTestApiKey(tenant);
  caseId = (await (await callerFor(tenant.users.AGENT, tenant.slug)).cases.create({ title: "Parcel lost", description: "Where is it?" })).id;
});
afterAll(() => fake.close());

describe("ai.draftReply over HTTP", () => {
  it("streams previews and ends with the draft", async () => {
    fake.script({ content: { reply: "We are tracing your parcel now and will write back today." } });
    const received = await events({ caseId });
    const data = received.map((e) => (e.data as { json?: { type?: string; text?: string; reply?: string } } | undefined)?.json).filter(Boolean);
    expect(data.at(-1)).toEqual({ type: "done", reply: "We are tracing your parcel now and will write back today.", runId: expect.any(String) });
    expect(data.slice(0, -1).every((d) => d!.type === "text")).toBe(true);
    expect(received.some((e) => e.event === "return")).toBe(true);
  });

  it("sends a refusal as an error event with code and request id", async () => {
    await setAiSettings(tenant, { enabled: false });
    try {
      const received = await events({ caseId });
      const error = received.find((e) => e.event === "serialized-error");
      expect(error?.data).toMatchObject({ json: { data: { code: "FORBIDDEN", details: { reason: "AI_DISABLED" }, requestId: expect.any(String) } } });
    } finally {
      await setAiSettings(tenant, { enabled: true });
    }
  });
});
