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
ENV NEXT_TELEMETRY_DISABLED=1 SKIP_ENV_VALIDATION=1 BUILD_STANDALONE=1
RUN npm run build

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
