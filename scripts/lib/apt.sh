# shellcheck shell=bash
# Debian package installation shared by scripts/engine.sh and scripts/registry.sh (sourced, not run).
# The sourcing script defines log() and die(); APT_LOG names the file apt's output goes to.
#
#   apt_install PACKAGE...   installs the packages not installed yet (quietly; the log's tail on failure)

: "${APT_LOG:=/tmp/container-argv-apt.log}"

# Waits for an apt/dpkg run already going on this machine (at most 15 minutes).
wait_dpkg() {
  local i=0
  while pgrep -x apt-get >/dev/null 2>&1 || pgrep -x dpkg >/dev/null 2>&1 || pgrep -x apt >/dev/null 2>&1; do
    (( i % 10 == 0 )) && log "waiting for a running apt/dpkg to finish..."
    i=$((i + 1)); (( i > 900 )) && die "apt/dpkg still busy after 15 minutes"
    sleep 1
  done
}

apt_install() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  (( ${#missing[@]} == 0 )) && return 0
  log "installing: ${missing[*]} (apt output in $APT_LOG)"
  wait_dpkg
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get -o DPkg::Lock::Timeout=900 update -qq &&
    apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}"; } >"$APT_LOG" 2>&1; then
    tail -20 "$APT_LOG" >&2
    die "apt-get install ${missing[*]} failed"
  fi
  log "installed: ${missing[*]}"
}
