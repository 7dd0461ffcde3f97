// trpc-to-openapi gathers query parameters into a plain object, so a parameter named like an
// Object.prototype member (toString, constructor, __proto__) collides with the inherited one and
// the adapter throws: a 500 for any URL with ?toString=1. No operation has such a parameter, and
// unknown parameters are ignored anyway, so these are dropped before the adapter sees them.
export function withoutReservedQuery(req: Request): Request {
  const url = new URL(req.url);
  const reserved = [...new Set(url.searchParams.keys())].filter((key) => key in Object.prototype);
  if (reserved.length === 0) return req;
  for (const key of reserved) url.searchParams.delete(key);
  return new Request(url, req);
}
