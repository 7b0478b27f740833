# One image for the API (which serves the portal) and the worker; the command picks the role.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Production talks to a real Temporal cluster: no dev-server binaries needed.
ENV KESOS_SKIP_TOOLS=1
RUN npm ci
COPY . .
RUN npm run build:admin && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
# BIND_ADDRESS: every interface of the container (production's default too, said here explicitly).
ENV NODE_ENV=production KESOS_SKIP_TOOLS=1 BIND_ADDRESS=0.0.0.0
COPY --from=build /app /app
USER node
EXPOSE 3000
CMD ["node_modules/.bin/tsx", "api/main.ts"]
