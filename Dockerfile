# syntax=docker/dockerfile:1

# ---- build: full dependencies, native sqlite3 compiled, TypeScript compiled ----
FROM node:20-slim AS build
WORKDIR /app
# sqlite3 falls back to compiling from source when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
# The page's files sit beside the compiled web adapter, where it looks for them.
RUN npm run build && cp -r src/adapters/web/public dist/src/adapters/web/public && npm prune --omit=dev

# ---- runtime: production dependencies and compiled code only, as a non-root user ----
FROM node:20-slim
ENV NODE_ENV=production \
    QUESTIONS_DIR=/app/questions \
    STORE_URL=/data/recall.sqlite
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
# The bank ships with the image; mount your own over /app/questions to replace it.
COPY --chown=node:node questions ./questions
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
CMD ["node", "dist/src/main.js"]
