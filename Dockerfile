# Production image: Next's standalone output on Node 20 (BUILD_STANDALONE=1 turns it on in
# next.config.mjs; `npm start` elsewhere serves a regular build with `next start`).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY scripts/prisma-generate.mjs ./scripts/prisma-generate.mjs
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
# The build validates the environment like any start (next.config.mjs loads src/env.ts); with no
# variables set here that gives the development defaults. It must not skip validation: modules
# evaluated while Next collects page data read their defaults at load (the logger its level),
# and without them the build fails.
ENV NEXT_TELEMETRY_DISABLED=1 BUILD_STANDALONE=1
RUN npm run build

# Dedicated job workers (`npm run jobs:work`; the worker service of docker-compose's "scale"
# profile). The standalone output below holds only what the server needs: no scripts/ and no tsx.
# A worker runs the TypeScript sources with tsx instead, from the full dependency tree of the deps
# stage (dev dependencies and the generated Prisma client included), without the Next build.
FROM deps AS worker
COPY tsconfig.json ./
COPY src ./src
COPY scripts ./scripts
ENV NODE_ENV=production APP_ENV=production NEXT_TELEMETRY_DISABLED=1
RUN useradd --system --uid 1001 caseboard
USER caseboard
CMD ["node_modules/.bin/tsx", "--conditions=react-server", "scripts/jobs-work.ts"]

# The app server. Last, so that it stays what a plain `docker build .` gives.
FROM node:20-bookworm-slim AS runner
WORKDIR /app
ENV NODE_ENV=production APP_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
RUN useradd --system --uid 1001 caseboard
COPY --from=build --chown=caseboard /app/.next/standalone ./
COPY --from=build --chown=caseboard /app/.next/static ./.next/static
COPY --from=build --chown=caseboard /app/public ./public
COPY --from=build --chown=caseboard /app/prisma ./prisma
USER caseboard
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "server.js"]
