// The request's id: the one the proxy stamped (or a caller sent, when well-formed), else a new one.
// Apart from the API context so light routes (liveness, method refusals) can use it cheaply.
import { randomUUID } from "node:crypto";

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get("x-request-id");
  return incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
}
