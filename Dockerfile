# The CLI and this project (models, seeds, migrations, elt.yml) in one image:
#   docker build -t odoo-elt .
#   docker run --rm --env-file .env odoo-elt run
# TypeScript runs through tsx (a runtime dependency), so there is no build step.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# --omit=optional: no embedded PostgreSQL binaries (~60 MB, for `elt demo` and the tests only).
RUN npm ci --omit=dev --omit=optional --ignore-scripts && npm cache clean --force
COPY . .
USER node
ENTRYPOINT ["node", "bin/elt.mjs"]
CMD ["run"]
