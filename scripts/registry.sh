#!/usr/bin/env bash
# Local registries for the registry client's live suite (npm run test:registry).
#
#   bash scripts/registry.sh up       install (if missing), start, push the test images
#   bash scripts/registry.sh down     stop the registries started here
#   bash scripts/registry.sh status
#
# Three instances of Debian's docker-registry (distribution 2.8) on 127.0.0.1, plain http, one
# shared storage directory (images are pushed once, to the anonymous one):
#   5500  anonymous
#   5501  htpasswd Basic auth (user argv / password from $ROOT/registry.json)
#   5502  token auth: WWW-Authenticate Bearer with realm http://127.0.0.1:5503/token, a token
#         server that the live suite itself runs (RS256 JWTs signed with $ROOT/token.key, whose
#         self-signed certificate is the registry's rootcertbundle)
# The test images are OCI layouts and skopeo dir: trees written by scripts/registry/make-images.mjs
# and pushed with `skopeo copy` (--all for indexes, --format v2s2 for one conversion).
# $ROOT/registry.json tells the suite the ports, credentials and the image catalogue.
set -euo pipefail

ROOT=/tmp/container-argv-registry
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
HOST=127.0.0.1
ANON_PORT=5500
BASIC_PORT=5501
TOKEN_PORT=5502
REALM_PORT=5503
USER_NAME=argv
PASSWORD=argv-registry-password
SERVICE=container-argv-registry
ISSUER=container-argv-token-issuer
INSTANCES=(anon basic token)
APT_LOG=/tmp/container-argv-registry-apt.log  # read by lib/apt.sh

log() { printf '[registry] %s\n' "$*" >&2; }
die() { printf '[registry] ERROR: %s\n' "$*" >&2; exit 1; }

# shellcheck source=lib/apt.sh
source "$HERE/lib/apt.sh"

port_of() { case "$1" in anon) echo $ANON_PORT ;; basic) echo $BASIC_PORT ;; token) echo $TOKEN_PORT ;; esac; }

pid_of() {
  local f="$ROOT/$1.pid" pid
  [ -s "$f" ] || return 1
  pid="$(cat "$f")"
  kill -0 "$pid" 2>/dev/null && [ "$(cat /proc/"$pid"/comm 2>/dev/null)" = docker-registry ] || return 1
  echo "$pid"
}

# GET /v2/ answers 200 (anonymous) or 401 (auth) once the registry serves.
ready() {
  node -e 'fetch(process.argv[1]).then((r) => process.exit(r.status === 200 || r.status === 401 ? 0 : 1), () => process.exit(1))' "http://$HOST:$1/v2/"
}

write_config() {
  local name="$1" port; port="$(port_of "$1")"
  {
    echo 'version: 0.1'
    echo 'log:'
    echo '  level: warn'
    echo 'storage:'
    echo '  filesystem:'
    echo "    rootdirectory: $ROOT/storage"
    echo '  delete:'
    echo '    enabled: false'
    echo 'http:'
    echo "  addr: $HOST:$port"
    case "$name" in
      basic)
        echo 'auth:'
        echo '  htpasswd:'
        echo '    realm: container-argv-basic'
        echo "    path: $ROOT/htpasswd" ;;
      token)
        echo 'auth:'
        echo '  token:'
        echo "    realm: http://$HOST:$REALM_PORT/token"
        echo "    service: $SERVICE"
        echo "    issuer: $ISSUER"
        echo "    rootcertbundle: $ROOT/token.crt" ;;
    esac
  } > "$ROOT/$name.yml"
}

start() {
  local name="$1" port pid i
  port="$(port_of "$name")"
  if pid="$(pid_of "$name")" && ready "$port"; then
    log "$name registry already running (pid $pid, port $port)"
    return 0
  fi
  write_config "$name"
  docker-registry serve "$ROOT/$name.yml" >"$ROOT/$name.log" 2>&1 &
  echo $! > "$ROOT/$name.pid"
  for i in $(seq 1 100); do
    ready "$port" && { log "$name registry ready on $HOST:$port (pid $(cat "$ROOT/$name.pid"))"; return 0; }
    kill -0 "$(cat "$ROOT/$name.pid")" 2>/dev/null || { cat "$ROOT/$name.log" >&2; die "$name registry exited"; }
    sleep 0.1
  done
  die "$name registry not ready on port $port after 10 s (log: $ROOT/$name.log)"
}

secrets() {
  [ -s "$ROOT/htpasswd" ] || htpasswd -Bbn "$USER_NAME" "$PASSWORD" > "$ROOT/htpasswd"
  if [ ! -s "$ROOT/token.key" ] || [ ! -s "$ROOT/token.crt" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 -subj "/CN=$ISSUER" \
      -keyout "$ROOT/token.key" -out "$ROOT/token.crt" 2>/dev/null
  fi
  log "htpasswd and token signing key in $ROOT"
}

push_images() {
  node "$HERE/registry/make-images.mjs" "$ROOT" >&2
  local n
  n="$(node -e 'console.log(require(process.argv[1]).length)' "$ROOT/images.json")"
  node -e '
    for (const i of require(process.argv[1])) console.log([i.source, `docker://${process.argv[2]}/${i.repository}:${i.tag}`, ...i.copy].join("\t"));
  ' "$ROOT/images.json" "$HOST:$ANON_PORT" | while IFS=$'\t' read -r src dest extra; do
    # shellcheck disable=SC2086 # extra holds zero or more flags
    skopeo copy -q --dest-tls-verify=false $extra "$src" "$dest" >&2 || die "skopeo copy $src $dest failed"
  done
  log "pushed $n images to $HOST:$ANON_PORT"
}

write_info() {
  node -e '
    const [root, host, anon, basic, token, realm, user, password, service, issuer] = process.argv.slice(1);
    const info = {
      anonymous: `${host}:${anon}`,
      basic: `${host}:${basic}`,
      token: `${host}:${token}`,
      realm: { host, port: Number(realm), service, issuer, key: `${root}/token.key`, cert: `${root}/token.crt` },
      credentials: { username: user, password },
      images: require(`${root}/images.json`),
    };
    require("fs").writeFileSync(`${root}/registry.json`, JSON.stringify(info, null, 2) + "\n");
  ' "$ROOT" "$HOST" "$ANON_PORT" "$BASIC_PORT" "$TOKEN_PORT" "$REALM_PORT" "$USER_NAME" "$PASSWORD" "$SERVICE" "$ISSUER"
  log "suite info in $ROOT/registry.json"
}

up() {
  apt_install docker-registry skopeo apache2-utils openssl
  command -v node >/dev/null || die "node is required"
  mkdir -p "$ROOT/storage"
  secrets
  for name in "${INSTANCES[@]}"; do start "$name"; done
  push_images
  write_info
  log "up: $(skopeo --version), $(docker-registry --version 2>&1 | head -1)"
}

down() {
  local name pid
  for name in "${INSTANCES[@]}"; do
    if pid="$(pid_of "$name")"; then
      kill "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      log "stopped $name registry (pid $pid)"
    fi
    rm -f "$ROOT/$name.pid"
  done
}

status() {
  local name pid
  for name in "${INSTANCES[@]}"; do
    if pid="$(pid_of "$name")" && ready "$(port_of "$name")"; then echo "$name: running (pid $pid, $HOST:$(port_of "$name"))"
    else echo "$name: stopped"; fi
  done
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
