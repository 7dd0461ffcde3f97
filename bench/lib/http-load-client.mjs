// A load generator in its own process, so the callers' work (HTTP, JSON) does not share the
// event loop of the server being measured: on a small host that sharing, not the server, would
// set the latency at 100 callers. Plain JavaScript, started with `node`.
//   node bench/lib/http-load-client.mjs '<json: { url, headers, callers, durationMs }>'
// Prints one JSON line: { samples: number[] (ms of answered calls), shed: number, errors: string[],
// timings: { [phase]: total ms }, clientCpuMs: number } with the Server-Timing totals of answered
// calls and the CPU time this process spent.
//
// node:http with a keep-alive agent, not fetch: on this host fetch spent 320–420 µs of CPU per
// call against node:http's ~100 µs (a 25-row page, 10 callers), CPU taken from the server being
// measured on the same two cores. Lean clients (wrk, autocannon, a proxy) are what production sees.
import http from "node:http";

const { url, headers, callers, durationMs } = JSON.parse(process.argv[2]);
const agent = new http.Agent({ keepAlive: true, maxSockets: callers });

const samples = [];
const errors = [];
const timings = {};
let shed = 0;

function addTimings(header) {
  for (const part of (header ?? "").split(",")) {
    const [name, ...params] = part.trim().split(";");
    const dur = params.map((p) => p.trim()).find((p) => p.startsWith("dur="));
    if (name && dur) timings[name] = (timings[name] ?? 0) + Number(dur.slice(4));
  }
}

/** One GET: resolves with the status, the headers and the whole body as text. */
function get() {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

const cpuAtStart = process.cpuUsage();
const deadline = performance.now() + durationMs;

async function caller() {
  while (performance.now() < deadline) {
    const t0 = performance.now();
    let response;
    try {
      response = await get();
    } catch (error) {
      errors.push(String(error));
      continue;
    }
    if (response.status === 503) {
      shed++;
      // A well-behaved client comes back after Retry-After.
      await new Promise((resolve) => setTimeout(resolve, Number(response.headers["retry-after"] ?? "1") * 1000));
      continue;
    }
    if (response.status < 200 || response.status >= 300) {
      errors.push(`${response.status}: ${response.body.slice(0, 200)}`);
      continue;
    }
    samples.push(performance.now() - t0);
    addTimings(response.headers["server-timing"]);
  }
}

await Promise.all(Array.from({ length: callers }, caller));
const cpu = process.cpuUsage(cpuAtStart);
agent.destroy();
process.stdout.write(`${JSON.stringify({ samples, shed, errors: errors.slice(0, 5), timings, clientCpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
