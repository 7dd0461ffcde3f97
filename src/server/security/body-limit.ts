// The largest request body the proxy lets through. Next buffers the body of every request the
// proxy sees and silently cuts it at `experimental.proxyClientMaxBodySize`, so a larger one would
// reach the route truncated (and fail as a "bad request" far from the cause). next.config.mjs sets
// Next's limit from this number, and the proxy answers 413 to any request announcing more.
// The CSV upload is outside the proxy and has its own limit (IMPORT_MAX_BYTES).
export const PROXY_BODY_LIMIT_BYTES = 10 * 1024 * 1024;
