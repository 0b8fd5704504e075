#!/usr/bin/env bash
# Builds the web app into web/dist, which Maven packs into the jar's static resources. Called by
# Maven (server/pom.xml, generate-resources); npm runs only at build time, never when Parley runs.
# Installs the locked packages only when package-lock.json changed, and builds only when a source
# is newer than the last build, so a repeated `mvn package` or `bin/parley` costs nothing here.
set -euo pipefail
cd "$(dirname "$0")"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
lock=$(sha256sum package-lock.json | cut -c1-64)
if [ ! -d node_modules ] || [ "$(cat node_modules/.parley-lock 2>/dev/null)" != "$lock" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock" > node_modules/.parley-lock
fi
# dist/index.html is written first and dist/widget.js last (package.json "build"): a build cut
# short leaves the widget missing or older than the sources, which builds again.
if [ ! -f dist/index.html ] || [ ! -f dist/widget.js ] || [ ! -f dist/widget/frame.html ] \
  || [ -n "$(find src public widget index.html package.json package-lock.json vite.config.ts vite.widget.config.ts tsconfig.json -newer dist/widget.js -print -quit)" ]; then
  npm run --silent build
  # Pre-compressed copies, which Parley serves to browsers that accept gzip (dev.parley.webapp):
  # the bundles shrink to about a third, with no compression work per request.
  find dist -type f \( -name '*.js' -o -name '*.css' -o -name '*.svg' -o -name '*.html' \) -size +1k \
    -exec gzip -9 -k -f {} \;
fi
