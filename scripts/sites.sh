#!/usr/bin/env bash
# The docs-site suites (test/sites/, `npm run test:sites`) read the HTML of two real site builds:
# sites/docusaurus (Docusaurus 3, container-argv/remark) and sites/vitepress (VitePress,
# container-argv/markdown-it). Each site has its own package.json and lockfile, so the library's
# own install stays lean.
#
#   bash scripts/sites.sh install   npm ci in each site folder
#   bash scripts/sites.sh build     build the library (npm run build:dist), `npm pack` it, install
#                                   the tarball into each site (--no-save: the lockfiles stay as
#                                   committed), build each site
#
# The sites import the packed tarball, so they test what users get from the registry (exports map,
# `files`, the default exports), not src/.
set -euo pipefail
cd "$(dirname "$0")/.."
SITES=(docusaurus vitepress)
started=$SECONDS
say() { printf '[sites %ss] %s\n' "$((SECONDS - started))" "$*"; }

install() {
  for site in "${SITES[@]}"; do
    say "npm ci in sites/$site"
    (cd "sites/$site" && npm ci --no-audit --no-fund --loglevel=error)
  done
}

build() {
  say "npm run build:dist (the library; reused when DIST_BUILT is set)"
  npm run build:dist --silent >/dev/null
  local pack tarballs tarball
  pack="$(mktemp -d)"
  npm pack --silent --pack-destination "$pack" >/dev/null
  tarballs=("$pack"/container-argv-*.tgz)
  tarball="${tarballs[0]}"
  for site in "${SITES[@]}"; do
    say "install ${tarball##*/} into sites/$site"
    (cd "sites/$site" && npm install --no-save --no-audit --no-fund --loglevel=error "$tarball")
    say "build sites/$site"
    (cd "sites/$site" && npm run build --silent)
  done
  rm -rf "$pack"
  say "done"
}

case "${1:-}" in
  install) install ;;
  build) build ;;
  *) echo "usage: bash scripts/sites.sh install|build" >&2; exit 2 ;;
esac
