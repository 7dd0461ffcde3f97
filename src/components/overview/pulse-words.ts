// The pulse's figures in words, apart from the component so they can be tested on their own.

/** How the last hour compares with the usual: "usual 4", "1.8× the usual 4" (amber), "3.0× the usual 4" (red). */
export function versusUsual(lastHour: number, usual: number): { text: string; tone?: "red" | "amber" } {
  const rounded = Math.round(usual * 10) / 10;
  if (usual === 0) return lastHour > 0 ? { text: "none usually", tone: "amber" } : { text: "none usually" };
  const ratio = lastHour / usual;
  if (ratio >= 3) return { text: `${ratio.toFixed(1)}× the usual ${rounded}`, tone: "red" };
  if (ratio >= 1.5) return { text: `${ratio.toFixed(1)}× the usual ${rounded}`, tone: "amber" };
  return { text: `usual ${rounded}` };
}
