// The one logger's output as the lines it writes (JSON), for tests that check what reaches the log
// and what never may. Swaps the destination's write for the test's duration; `restore` puts it back.
import pino from "pino";
import { logger } from "@/server/logger";

type Writable = { write(line: string): unknown };

export function captureLogLines(level: pino.LevelWithSilent): { lines: string[]; restore: () => void } {
  const stream = (logger as unknown as Record<symbol, Writable>)[pino.symbols.streamSym]!;
  const write = stream.write;
  const previous = logger.level;
  const lines: string[] = [];
  stream.write = (line: string) => lines.push(line);
  logger.level = level;
  return {
    lines,
    restore: () => {
      stream.write = write;
      logger.level = previous;
    },
  };
}
