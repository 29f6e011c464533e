# labelworks: build stage compiles src/ to dist/; the runtime stage has dist/, production dependencies, the font and
# the templates, and runs as the unprivileged `node` user. docs/deployment.md explains the settings.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles its native module when no prebuilt binary fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/var/lib/labelworks
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json .env.example ./
COPY bin ./bin
COPY fonts ./fonts
COPY templates ./templates
RUN mkdir -p /var/lib/labelworks && chown node:node /var/lib/labelworks
USER node
VOLUME /var/lib/labelworks
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node is PID 1 and handles SIGTERM itself (docker stop): it stops taking requests, lets those in flight and print
# attempts end, and exits.
CMD ["node", "dist/server.js"]
