// Mail replies carry the conversation they answer below them ("On Mon, Ada wrote:" and lines
// starting with ">"). The message shows what is new and folds the quoted tail away.

const ATTRIBUTION = /^(on .{4,200}wrote:|-{2,}\s*original message\s*-{2,})$/i;

/** The message without its trailing quoted block (and that block's attribution line), and the block. */
export function splitQuotedTail(body: string): { main: string; quoted: string | null } {
  const lines = body.replace(/\s+$/, "").split("\n");
  let start = lines.length;
  // Walk up over quoted (or blank) lines from the end.
  while (start > 0 && (/^\s*>/.test(lines[start - 1]!) || (lines[start - 1]!.trim() === "" && start < lines.length))) start--;
  while (start < lines.length && lines[start]!.trim() === "") start++;
  if (start === lines.length) return { main: body, quoted: null };
  const attribution = start > 0 && ATTRIBUTION.test(lines[start - 1]!.trim()) ? start - 1 : start;
  const main = lines.slice(0, attribution).join("\n").trimEnd();
  // A message that is nothing but a quote stays as it is.
  if (!main) return { main: body, quoted: null };
  return { main, quoted: lines.slice(attribution).join("\n") };
}
