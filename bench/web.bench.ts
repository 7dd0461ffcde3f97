// The front end's weight, as a visitor's browser receives it: a production build (its own folder,
// .next-web) served by `next start` on the embedded demo database, each page loaded in Chromium
// with an empty cache. Per page: JavaScript transferred (gzip, what `next start` sends) against the
// targets, the largest chunks, and the main thread's long tasks during load (blocking time: the sum
// of each long task's time past 50 ms), unthrottled and again with the CPU slowed 4× as in
// Lighthouse's mobile preset, whose "total blocking time" is of that order. Rows are load times
// (navigation start to the end of the load event), pages in rotation.
//   npm run bench -- --only web            (builds first: a few minutes)
//   WEB_BENCH_SKIP_BUILD=1 npm run bench -- --only web   (reuses .next-web)
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../e2e/browser.mjs";
import { summarize } from "./lib/measure";
import { buildNext, freePort, spawnNext, stopNext } from "./lib/next-process";
import type { BenchModule, BenchRow } from "./lib/types";

const DIST_DIR = ".next-web";
const KB = 1024;
/** The budgets: first-load JavaScript per page, gzip. */
const BUDGET_KB = { default: 170, "/sign-in": 120 } as const;
const FLOOR_PATH = "/no-such-page";

interface PageLoad {
  jsBytes: number;
  chunks: { name: string; bytes: number; decoded: number }[];
  blockingMs: number;
  loadMs: number;
}

async function waitReady(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms`);
}

/** Long tasks are observed from the first script on, before the page's own. */
const OBSERVE_LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
    .observe({ type: "longtask", buffered: true });
`;

/** Lighthouse's mobile preset slows the CPU 4×: the blocking time it scores is of that order. */
const MOBILE_CPU_SLOWDOWN = 4;

async function loadPage(context: BrowserContext, url: string, cpuSlowdown = 1): Promise<PageLoad> {
  const page = await context.newPage();
  try {
    if (cpuSlowdown > 1) await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
    await page.goto(url, { waitUntil: "load" });
    // Hydration and the first queries settle after the load event.
    await page.waitForLoadState("networkidle").catch(() => {});
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const scripts = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter(
        (e) => e.initiatorType === "script" || /\.js(\?|$)/.test(e.name),
      );
      const long = (window as unknown as { __longTasks: number[] }).__longTasks;
      return {
        jsBytes: scripts.reduce((n, e) => n + e.encodedBodySize, 0),
        chunks: scripts
          .map((e) => ({ name: new URL(e.name).pathname.split("/").pop() ?? e.name, bytes: e.encodedBodySize, decoded: e.decodedBodySize }))
          .sort((a, b) => b.bytes - a.bytes)
          .slice(0, 5),
        blockingMs: long.reduce((n, d) => n + Math.max(0, d - 50), 0),
        loadMs: nav.loadEventEnd,
      };
    });
  } finally {
    await page.close();
  }
}

export const webBench: BenchModule = {
  name: "web",
  title: "web — JavaScript per page and load time of the production build",
  optIn: true,
  async run(ctx) {
    if (process.env.WEB_BENCH_SKIP_BUILD !== "1") {
      ctx.log("web: next build (a few minutes)");
      buildNext(DIST_DIR);
    }
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const dataDir = mkdtempSync(path.join(tmpdir(), "caseboard-web-bench-"));
    const server = spawnNext("start", {
      port,
      distDir: DIST_DIR,
      dataDir,
      stdout: "ignore",
      env: { SEED_DEMO: "true", APP_ENV: "test", NEXTAUTH_URL: base, LOG_LEVEL: "warn" },
    });
    let browser: Browser | null = null;
    try {
      await waitReady(`${base}/api/health/ready`, server, 180_000);
      browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
      // A signed-in member's cookies, reused by every signed-in load; the cache stays empty per load.
      const signedIn = await browser.newContext();
      const page = await signedIn.newPage();
      await page.goto(`${base}/sign-in`);
      await page.getByLabel("Email").fill("agent@acme.test");
      await page.getByLabel("Password").fill("caseboard-demo");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/t\/acme\/cases/);
      const firstCase = await page.locator("table a[href*='/cases/']").first().getAttribute("href");
      await page.close();
      const cookies = await signedIn.storageState();
      await signedIn.close();

      const pages = [
        { path: "/sign-in", signedIn: false },
        { path: "/t/acme/cases", signedIn: true },
        { path: firstCase ?? "/t/acme/cases/1", signedIn: true },
        { path: "/t/acme", signedIn: true },
        // The floor: a page that does not exist loads the framework (React, Next's router) and the
        // root layout only. Whatever a page sends beyond this row is the app's own code.
        { path: FLOOR_PATH, signedIn: false },
      ];
      const rounds = ctx.quick ? 2 : 5;
      const loads = new Map<string, PageLoad[]>(pages.map((p) => [p.path, []]));
      const slowed = new Map<string, PageLoad[]>(pages.map((p) => [p.path, []]));
      for (let round = 0; round < rounds; round++) {
        for (const p of pages) {
          for (const [into, slowdown] of [[loads, 1], [slowed, MOBILE_CPU_SLOWDOWN]] as const) {
            const context = await browser.newContext(p.signedIn ? { storageState: cookies } : {});
            await context.addInitScript(OBSERVE_LONG_TASKS);
            into.get(p.path)!.push(await loadPage(context, `${base}${p.path}`, slowdown));
            await context.close();
          }
        }
      }

      const rows: BenchRow[] = [];
      const notes: string[] = [];
      for (const p of pages) {
        const all = loads.get(p.path)!;
        rows.push({ label: `${p.path} · load`, baseline: p.path === "/sign-in", stats: summarize(all.map((l) => l.loadMs)) });
        const js = Math.max(...all.map((l) => l.jsBytes));
        const budget = p.path === "/sign-in" ? BUDGET_KB["/sign-in"] : BUDGET_KB.default;
        const blocking = summarize(all.map((l) => l.blockingMs)).p50;
        const blockingSlowed = summarize(slowed.get(p.path)!.map((l) => l.blockingMs)).p50;
        const chunks = all[0]!.chunks.map((c) => `${c.name} ${(c.bytes / KB).toFixed(0)} kB (${(c.decoded / KB).toFixed(0)} kB raw)`).join(", ");
        const blockingText = `blocking ${blocking.toFixed(0)} ms (p50, unthrottled), ${blockingSlowed.toFixed(0)} ms with the CPU ${MOBILE_CPU_SLOWDOWN}× slower`;
        if (p.path === FLOOR_PATH) {
          notes.push(`framework floor (${p.path}, a 404): ${(js / KB).toFixed(0)} kB of JavaScript (gzip), ${blockingText}; largest: ${chunks}`);
          continue;
        }
        notes.push(
          `${p.path}: ${(js / KB).toFixed(0)} kB of JavaScript (gzip; budget ${budget} kB: ${js / KB <= budget ? "within" : "OVER"}), ` +
            `${blockingText}; largest: ${chunks}`,
        );
      }
      return { subtitle: `production build in ${DIST_DIR}, next start on the embedded demo database, Chromium with an empty cache per load`, rows, notes };
    } finally {
      await browser?.close();
      await stopNext(server);
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
