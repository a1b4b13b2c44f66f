# syntax=docker/dockerfile:1
# Gesprekswijzer's container image: build stage (npm ci, type check, `npm run build`), then a
# runtime stage with only the production build, production dependencies and a non-root user.
# NOTE: written and checked offline (scripts/check-container.mjs); no image was built on the
# development machines, which reach no image registry. See docs/operations.md.
ARG NODE_VERSION=24

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles its native module when no prebuilt binary is available for the platform.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# Dependencies first, so this layer is cached until package-lock.json changes. `npm ci` also
# generates the Prisma clients (postinstall), which need the schemas and their configs.
COPY package.json package-lock.json .npmrc ./
COPY scripts/generate-clients.mjs ./scripts/
COPY prisma.config.ts prisma.postgres.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY . .
# The same two commands CI runs (.ci/run): the strict type check, then the production build.
RUN npm run typecheck && npm run build
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3978 \
    HOST=0.0.0.0 \
    DATABASE_URL=file:/data/gesprekswijzer.db
WORKDIR /app
# pg_dump and pg_restore, for `npm run cli:prod -- backup|restore` against PostgreSQL in the container
# (Debian bookworm's client tools are PostgreSQL 15, as compose.yaml's server; a newer server needs
# tools at least as new: run the backup from a host that has them, docs/operations.md).
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client \
 && rm -rf /var/lib/apt/lists/*
# Owned by root and read-only for the service user: the code cannot be changed by the process.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# SQLite's database lives on a volume; the service user (node, uid 1000) owns it.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3978
# Liveness: the process serves HTTP (/readyz, which also needs the database, is for load balancers).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself (not npm) is PID 1's child-free process, so SIGTERM reaches the service directly.
CMD ["node", "dist/bot/main.js"]
