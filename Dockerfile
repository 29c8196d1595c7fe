# The CLI and this project (models, seeds, migrations, elt.yml) in one image:
#   docker build -t odoo-elt .
#   docker run --rm --env-file .env odoo-elt run
# The first stage compiles the TypeScript (npm run build: dist/); the image runs that,
# with the runtime dependencies only (no tsx, no TypeScript).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=optional --ignore-scripts
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# --omit=optional: no embedded PostgreSQL binaries (~60 MB, for `elt demo` and the tests only).
RUN npm ci --omit=dev --omit=optional --ignore-scripts && npm cache clean --force
COPY . .
# Without src/ the bin runs the compiled dist/.
RUN rm -rf src examples scripts
COPY --from=build /app/dist ./dist
USER node
ENTRYPOINT ["node", "bin/elt.mjs"]
CMD ["run"]
