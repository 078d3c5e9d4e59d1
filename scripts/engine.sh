#!/usr/bin/env bash
# Real-engine harness for container-argv fixtures.
#
#   bash scripts/engine.sh up [docker|podman|all]    (default: docker)
#   bash scripts/engine.sh down [docker|podman|all]  (default: all)
#   bash scripts/engine.sh status
#   bash scripts/engine.sh check-tools [docker|podman|all]  (default: all)
#
# docker: installs the Debian packages of DOCKER_TOOLS if missing, starts a
#   private dockerd (vfs, no iptables, no bridge) on
#   unix:///tmp/container-argv-docker/docker.sock and builds the local base
#   images argvbase:1 and argvbase-rawsh:1 (FROM scratch, never pulled).
# podman: installs the packages of PODMAN_TOOLS if missing, checks that podman
#   works as root with vfs storage and builds the same two base images into
#   its private storage under /tmp/container-argv-podman (no daemon involved).
#
# Clients: Debian's /usr/bin/docker (20.10, same version as the daemon) is used
# for every docker call here; /usr/local/bin/docker (a newer client) is not used.
set -euo pipefail

ROOT=/tmp/container-argv-docker
SOCK="$ROOT/docker.sock"
export DOCKER_HOST="unix://$SOCK"
DOCKER=/usr/bin/docker
PIDFILE="$ROOT/dockerd.pid"
LOG="$ROOT/dockerd.log"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BASE_TAG=argvbase:1
RAWSH_TAG=argvbase-rawsh:1
# podman keeps its own private storage so that no system-wide storage database
# (which may have been created with another graph driver) gets in the way.
PODMAN_ROOT=/tmp/container-argv-podman
PODMAN_FLAGS=(--root "$PODMAN_ROOT/root" --runroot "$PODMAN_ROOT/run" --tmpdir "$PODMAN_ROOT/tmp"
  --storage-driver=vfs --cgroup-manager=cgroupfs --events-backend=file)

# Every external command that this script, scripts/engine/record.mjs and test/engine/ call beyond
# the base image, as command-or-path:Debian-package (Debian 12 package names, `dpkg -S`).
# `up` installs the packages, then checks that each command resolves; `check-tools` only checks.
# test/project/ci-tools.test.ts scans the scripts and fails on a command that no list installs.
# BASE_TOOLS build the FROM-scratch base images (a static argv printer and a static busybox).
BASE_TOOLS=(gcc:gcc strip:binutils /usr/lib/x86_64-linux-gnu/libc.a:libc6-dev /bin/busybox:busybox-static)
# docker-compose: Compose v1 (1.29), the live oracle of test/engine/compose-v1.test.ts (`docker-compose config`)
# and of test/engine/convert-compose.test.ts (`docker-compose up --no-start`).
DOCKER_TOOLS=("${BASE_TOOLS[@]}" /usr/bin/docker:docker.io /usr/sbin/dockerd:docker.io /usr/bin/docker-compose:docker-compose)
# buildah: record.mjs reads Podman's image configs with `buildah inspect` (a Recommends of podman,
# so --no-install-recommends leaves it out); catatonit: podman's default --init binary.
PODMAN_TOOLS=("${BASE_TOOLS[@]}" podman:podman buildah:buildah /usr/libexec/podman/catatonit:catatonit)

log() { printf '[engine] %s\n' "$*" >&2; }
die() { printf '[engine] ERROR: %s\n' "$*" >&2; exit 1; }

# shellcheck source=lib/apt.sh
source "$HERE/lib/apt.sh"

# The commands of a tool list that do not resolve (a path must exist; a name must be on PATH).
missing_tools() {
  local t cmd
  for t in "$@"; do
    cmd="${t%%:*}"
    if [[ "$cmd" == /* ]]; then [ -e "$cmd" ] || echo "$cmd (Debian package ${t#*:})"
    else command -v "$cmd" >/dev/null || echo "$cmd (Debian package ${t#*:})"; fi
  done
}

# Installs the packages of a tool list, then dies unless every command resolves.
install_tools() {
  local t pkgs=() missing
  for t in "$@"; do pkgs+=("${t#*:}"); done
  apt_install $(printf '%s\n' "${pkgs[@]}" | sort -u)
  missing="$(missing_tools "$@")"
  [ -z "$missing" ] || die "missing after install: $(echo $missing)"
}

# `check-tools`: one line per tool; exit 1 when any is missing.
check_tools() {
  local t missing status=0
  for t in "$@"; do
    missing="$(missing_tools "$t")"
    if [ -z "$missing" ]; then echo "ok       ${t%%:*}"; else echo "MISSING  $missing"; status=1; fi
  done
  return $status
}

daemon_pid() {
  [ -s "$PIDFILE" ] || return 1
  local pid; pid="$(cat "$PIDFILE")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ "$(cat /proc/"$pid"/comm 2>/dev/null)" = dockerd ] || return 1
  echo "$pid"
}

docker_ok() { timeout 10 "$DOCKER" version >/dev/null 2>&1; }

# Assemble a build context for a FROM-scratch base image.  $1 = dir, $2 = sh|raw
make_context() {
  local ctx="$1" mode="$2" r="$1/rootfs"
  mkdir -p "$r/bin" "$r/usr/bin" "$r/sbin" "$r/tmp"
  gcc -static -O2 -o "$r/argv" "$HERE/engine/argv.c"
  strip "$r/argv" 2>/dev/null || true
  # the printer under several names/paths usable as entrypoint or command
  for n in usr/bin/argv bin/argv "argv x" e c ep cmd; do ln "$r/argv" "$r/$n"; done
  cp /bin/busybox "$r/bin/busybox"
  for a in echo true false cat ls printf env; do ln -s busybox "$r/bin/$a"; done
  if [ "$mode" = raw ]; then ln -s /argv "$r/bin/sh"; else ln -s busybox "$r/bin/sh"; fi
  cat > "$ctx/Dockerfile" <<EOF
FROM scratch
COPY rootfs/ /
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
LABEL container-argv.src=$(src_hash)
EOF
}

# identifies the base image recipe: rebuilt when argv.c or this script changes
src_hash() { cat "$HERE/engine/argv.c" "${BASH_SOURCE[0]}" | sha256sum | cut -c1-16; }


build_bases() { # $1 = docker|podman
  local eng="$1" tmp
  tmp="$(mktemp -d /tmp/container-argv-base.XXXXXX)"
  for spec in "sh:$BASE_TAG" "raw:$RAWSH_TAG"; do
    local mode="${spec%%:*}" tag="${spec#*:}"
    rm -rf "$tmp/ctx"; mkdir -p "$tmp/ctx"
    make_context "$tmp/ctx" "$mode"
    log "$eng: building $tag"
    if [ "$eng" = docker ]; then
      DOCKER_BUILDKIT=0 "$DOCKER" build -q -t "$tag" "$tmp/ctx" >/dev/null
      "$DOCKER" run --rm --network none "$tag" /argv ok >/dev/null || die "docker: $tag does not run"
    else
      podman "${PODMAN_FLAGS[@]}" build -q --format docker -t "$tag" "$tmp/ctx" >/dev/null
    fi
  done
  rm -rf "$tmp"
}

docker_up() {
  install_tools "${DOCKER_TOOLS[@]}"
  mkdir -p "$ROOT"
  if daemon_pid >/dev/null && docker_ok; then
    log "dockerd already running (pid $(daemon_pid))"
  else
    if daemon_pid >/dev/null; then die "dockerd pid $(daemon_pid) exists but does not answer; run down first"; fi
    rm -f "$PIDFILE" "$SOCK"
    log "starting dockerd (log: $LOG)"
    # setsid: the daemon must outlive the calling shell/job
    setsid /usr/sbin/dockerd \
      --host "unix://$SOCK" \
      --data-root "$ROOT/data" --exec-root "$ROOT/exec" --pidfile "$PIDFILE" \
      --storage-driver=vfs --iptables=false --ip6tables=false --bridge=none \
      --ip-forward=false --ip-masq=false \
      >"$LOG" 2>&1 </dev/null &
    local i
    for i in $(seq 1 60); do
      docker_ok && break
      sleep 1
    done
    if ! docker_ok; then
      log "dockerd did not answer within 60s; last lines of $LOG:"
      tail -n 30 "$LOG" >&2 || true
      exit 1
    fi
    log "dockerd up (pid $(daemon_pid))"
  fi
  local want; want="$(src_hash)"
  if [ "$("$DOCKER" image inspect --format '{{index .Config.Labels "container-argv.src"}}' "$BASE_TAG" 2>/dev/null)" = "$want" ] \
     && [ "$("$DOCKER" image inspect --format '{{index .Config.Labels "container-argv.src"}}' "$RAWSH_TAG" 2>/dev/null)" = "$want" ]; then
    log "base images present"
  else
    build_bases docker
  fi
}

docker_down() {
  local pid
  if pid="$(daemon_pid)"; then
    log "stopping dockerd pid $pid"
    kill -TERM "$pid"
    local i
    for i in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    if kill -0 "$pid" 2>/dev/null; then log "dockerd pid $pid did not stop, sending KILL"; kill -KILL "$pid"; fi
    rm -f "$PIDFILE"
  else
    log "no dockerd started by this script is running"
  fi
}

podman_up() {
  install_tools "${PODMAN_TOOLS[@]}"
  podman "${PODMAN_FLAGS[@]}" info >/dev/null 2>"/tmp/container-argv-podman-info.err" || {
    cat /tmp/container-argv-podman-info.err >&2; die "podman info failed"; }
  local want; want="$(src_hash)"
  if [ "$(podman "${PODMAN_FLAGS[@]}" image inspect --format '{{index .Labels "container-argv.src"}}' "$BASE_TAG" 2>/dev/null)" = "$want" ] \
     && [ "$(podman "${PODMAN_FLAGS[@]}" image inspect --format '{{index .Labels "container-argv.src"}}' "$RAWSH_TAG" 2>/dev/null)" = "$want" ]; then
    log "podman base images present"
  else
    build_bases podman
  fi
  # smoke test: create + init must produce an OCI spec
  local id
  id="$(podman "${PODMAN_FLAGS[@]}" create --network none --ulimit nofile=1024:1024 --ulimit nproc=1024:1024 "$BASE_TAG" /argv smoke)"
  podman "${PODMAN_FLAGS[@]}" init "$id" >/dev/null
  local cfg=$PODMAN_ROOT/root/vfs-containers/$id/userdata/config.json
  [ -s "$cfg" ] || die "podman init wrote no $cfg"
  podman "${PODMAN_FLAGS[@]}" rm -f "$id" >/dev/null
  log "podman ok ($(podman version --format '{{.Client.Version}}'))"
}

status() {
  local pid
  if pid="$(daemon_pid)" && docker_ok; then
    echo "docker: up pid=$pid socket=$SOCK version=$("$DOCKER" version --format '{{.Server.Version}}')"
    for t in "$BASE_TAG" "$RAWSH_TAG"; do
      "$DOCKER" image inspect "$t" >/dev/null 2>&1 && echo "docker: image $t present" || echo "docker: image $t missing"
    done
  else
    echo "docker: down"
  fi
  if command -v podman >/dev/null; then
    echo "podman: $(podman version --format '{{.Client.Version}}' 2>/dev/null || echo broken)"
    for t in "$BASE_TAG" "$RAWSH_TAG"; do
      podman "${PODMAN_FLAGS[@]}" image exists "$t" 2>/dev/null && echo "podman: image $t present" || echo "podman: image $t missing"
    done
  else
    echo "podman: not installed"
  fi
}

cmd="${1:-status}"; what="${2:-}"
case "$cmd" in
  up)
    case "${what:-docker}" in
      docker) docker_up ;;
      podman) podman_up ;;
      all) docker_up; podman_up ;;
      *) die "unknown engine: $what" ;;
    esac ;;
  down)
    case "${what:-all}" in
      docker|all) docker_down ;;
      podman) log "podman has no daemon; nothing to stop" ;;
      *) die "unknown engine: $what" ;;
    esac ;;
  status) status ;;
  check-tools)
    case "${what:-all}" in
      docker) check_tools "${DOCKER_TOOLS[@]}" ;;
      podman) check_tools "${PODMAN_TOOLS[@]}" ;;
      all) check_tools "${DOCKER_TOOLS[@]}" "${PODMAN_TOOLS[@]:${#BASE_TOOLS[@]}}" ;;
      *) die "unknown engine: $what" ;;
    esac ;;
  *) die "usage: $0 up|down|status|check-tools [docker|podman|all]" ;;
esac
