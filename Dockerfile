# The reference server (ouderstem-server) in a container: Node 24 (as .nvmrc), run as the
# unprivileged user `node`, on a read-only root file system: it writes only to /data (the PGlite
# folder, a volume; unused with DATABASE_URL). Content is mounted at /content; the image carries
# the demo content there so that it starts as it is. See server/README.md, "Container".
#
#   docker build -t ouderstem-server .
#   docker run --read-only -p 3000:3000 -e OUDERSTEM_PUBLIC_URL=http://localhost:3000 ouderstem-server

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY server/package.json server/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:widgets && npm run build -w ouderstem-server && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 OUDERSTEM_DATA=/data OUDERSTEM_CONTENT=/content
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/schemas schemas
COPY --from=build /app/dist dist
COPY --from=build /app/server/package.json server/
COPY --from=build /app/server/bin server/bin
COPY --from=build /app/server/dist/src server/dist/src
COPY --from=build /app/server/content/demo /content
RUN mkdir -m 700 /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server/bin/ouderstem-server.js", "serve", "--static", "dist"]
