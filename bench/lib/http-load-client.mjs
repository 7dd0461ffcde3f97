// A load generator in its own process, so the callers' work (fetch, JSON) does not share the
// event loop of the server being measured: on a small host that sharing, not the server, would
// set the latency at 100 callers. Plain JavaScript, started with `node`.
//   node bench/lib/http-load-client.mjs '<json: { url, headers, callers, durationMs }>'
// Prints one JSON line: { samples: number[] (ms of answered calls), shed: number, errors: string[],
// timings: { [phase]: total ms } } from the Server-Timing headers of answered calls.
const { url, headers, callers, durationMs } = JSON.parse(process.argv[2]);

const samples = [];
const errors = [];
const timings = {};
let shed = 0;
const deadline = performance.now() + durationMs;

function addTimings(header) {
  for (const part of (header ?? "").split(",")) {
    const [name, ...params] = part.trim().split(";");
    const dur = params.map((p) => p.trim()).find((p) => p.startsWith("dur="));
    if (name && dur) timings[name] = (timings[name] ?? 0) + Number(dur.slice(4));
  }
}

async function caller() {
  while (performance.now() < deadline) {
    const t0 = performance.now();
    let response;
    try {
      response = await fetch(url, { headers });
    } catch (error) {
      errors.push(String(error));
      continue;
    }
    if (response.status === 503) {
      shed++;
      await response.body?.cancel();
      // A well-behaved client comes back after Retry-After.
      await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get("retry-after") ?? "1") * 1000));
      continue;
    }
    const text = await response.text();
    if (!response.ok) {
      errors.push(`${response.status}: ${text.slice(0, 200)}`);
      continue;
    }
    samples.push(performance.now() - t0);
    addTimings(response.headers.get("server-timing"));
  }
}

await Promise.all(Array.from({ length: callers }, caller));
process.stdout.write(`${JSON.stringify({ samples, shed, errors: errors.slice(0, 5), timings })}\n`);
