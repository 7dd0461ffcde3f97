// One file up to the widget API: the raw file as the body (not multipart: the server streams it
// to storage as it arrives), its name in the query. XMLHttpRequest rather than fetch, because only
// it reports upload progress and can be stopped halfway on every browser the widget supports.
import { MAX_TRIES, networkError, retryAfterSeconds, retryDelayMs, toWidgetApiError, WidgetApiError } from "./widget-api-errors";

export interface UploadHandle<T> {
  /** The server's answer; a WidgetApiError when refused, unreachable or cancelled (see isCancelled). */
  done: Promise<T>;
  /** Stops the upload (or its wait before a retry). */
  abort(): void;
}

const CANCELLED = "CANCELLED";
export const isCancelled = (error: unknown) => error instanceof WidgetApiError && error.code === CANCELLED;

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
    return null;
  }
}

export function uploadAttachment<T>(
  url: string,
  { file, token, onProgress }: { file: File; token: string; onProgress: (loaded: number, total: number) => void },
): UploadHandle<T> {
  const target = `${url}?${new URLSearchParams({ filename: file.name }).toString()}`;
  let current: XMLHttpRequest | null = null;
  let wait: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let fail: (error: WidgetApiError) => void = () => {};

  const done = new Promise<T>((resolve, reject) => {
    fail = reject;
    const attempt = (tries: number) => {
      const xhr = new XMLHttpRequest();
      current = xhr;
      xhr.open("POST", target);
      xhr.setRequestHeader("accept", "application/json");
      xhr.setRequestHeader("x-visitor-token", token);
      xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
      xhr.onerror = () => reject(networkError());
      xhr.onload = () => {
        const body = parse(xhr.responseText);
        if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
        const retryAfter = xhr.getResponseHeader("retry-after");
        // A 503 comes before the file is kept (the instance busy, its database away): worth sending again.
        if (xhr.status === 503 && tries < MAX_TRIES && !stopped) {
          onProgress(0, file.size);
          wait = setTimeout(() => attempt(tries + 1), retryDelayMs(retryAfterSeconds(retryAfter)));
          return;
        }
        reject(toWidgetApiError(xhr.status, body, retryAfter));
      };
      xhr.send(file);
    };
    attempt(1);
  });

  return {
    done,
    abort() {
      if (stopped) return;
      stopped = true;
      clearTimeout(wait);
      current?.abort();
      fail(new WidgetApiError(0, CANCELLED, "Upload cancelled"));
    },
  };
}
