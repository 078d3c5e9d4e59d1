#!/usr/bin/env bash
# Real-engine harness for container-argv fixtures.
#
#   bash scripts/engine.sh up [docker|podman|all]    (default: docker)
#   bash scripts/engine.sh down [docker|podman|all]  (default: all)
#   bash scripts/engine.sh status
#
# docker: installs Debian docker.io + busybox-static if missing, starts a
#   private dockerd (vfs, no iptables, no bridge) on
#   unix:///tmp/container-argv-docker/docker.sock and builds the local base
#   images argvbase:1 and argvbase-rawsh:1 (FROM scratch, never pulled).
# podman: checks that podman works as root with vfs storage and builds the
#   same two base images into its private storage under /tmp/container-argv-podman
#   (no daemon involved).
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

log() { printf '[engine] %s\n' "$*" >&2; }
die() { printf '[engine] ERROR: %s\n' "$*" >&2; exit 1; }

wait_dpkg() {
  # An apt/dpkg run may already be going on this machine: wait for it.
  local i=0
  while pgrep -x apt-get >/dev/null 2>&1 || pgrep -x dpkg >/dev/null 2>&1 || pgrep -x apt >/dev/null 2>&1; do
    (( i % 10 == 0 )) && log "waiting for a running apt/dpkg to finish..."
    i=$((i + 1)); (( i > 900 )) && die "apt/dpkg still busy after 15 minutes"
    sleep 1
  done
}

apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  (( ${#missing[@]} == 0 )) && return 0
  log "installing: ${missing[*]}"
  wait_dpkg
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=900 update -qq
  apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}" >&2
}

have_tools() {
  command -v gcc >/dev/null || apt_install gcc libc6-dev
  [ -e /usr/lib/x86_64-linux-gnu/libc.a ] || apt_install libc6-dev
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
  apt_install docker.io busybox-static
  have_tools
  [ -x /bin/busybox ] || die "/bin/busybox missing after install"
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
  command -v podman >/dev/null || apt_install podman
  # catatonit is podman's default --init binary (/usr/libexec/podman/catatonit)
  apt_install busybox-static catatonit
  have_tools
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
  *) die "usage: $0 up|down|status [docker|podman|all]" ;;
esac
