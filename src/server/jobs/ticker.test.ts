import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineJob } from "./define";
import { cancelJob, enqueue } from "./queue";
import { registerJob } from "./registry";
import { FAST_TIMING, readJob, sleep, uniqueType } from "./test-kit";
import { startInProcessTicker } from "./ticker";

describe("in-process ticker", () => {
  it("runs jobs on its own, is started once however often it is asked, and stops", async () => {
    const type = registerJob(defineJob({ type: uniqueType("ticked"), scope: "system", payload: z.object({}), handler: async () => "ticked" })).type;
    const ticker = startInProcessTicker({ intervalMs: 20, timing: FAST_TIMING });
    try {
      expect(startInProcessTicker()).toBe(ticker);
      const id = await enqueue(type, {});
      for (let i = 0; i < 200 && (await readJob(id)).status !== "SUCCEEDED"; i++) await sleep(20);
      expect(await readJob(id)).toMatchObject({ status: "SUCCEEDED", result: "ticked" });
    } finally {
      await ticker.stop();
    }
    const after = await enqueue(type, {});
    await sleep(100);
    expect((await readJob(after)).status).toBe("PENDING");
    await cancelJob(after);
    expect(startInProcessTicker({ intervalMs: 60_000 })).not.toBe(ticker);
    await startInProcessTicker().stop();
  });
});
