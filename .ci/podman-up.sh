#!/usr/bin/env bash
# Brings up what testcontainers needs on a machine without a Docker engine:
# rootful podman (Debian's 4.3), its Docker-compatible API on a unix socket, and
# the locally built localhost/postgres:15 image.
#
#   .ci/podman-up.sh STATE_DIR
#
# Writes STATE_DIR/podman.sock (the API), STATE_DIR/podman-service.pid (only when
# this run started the service; the caller stops it) and logs to
# STATE_DIR/podman-up.log; removes STATE_DIR/apt-busy once its apt-get is done. Idempotent: installed packages, config, image and a
# live service are reused. Every step has a timeout, so a hang fails fast and the
# caller falls back. Exit 0 only when a container really ran.
set -euo pipefail

STATE="${1:?usage: podman-up.sh STATE_DIR}"
HERE="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$STATE"
SOCK="$STATE/podman.sock"
LOG="$STATE/podman-up.log"
IMAGE="localhost/postgres:15"
CONF=/etc/containers/containers.conf
MARK='# written by odoo-elt .ci/podman-up.sh'

exec 3>&1 >>"$LOG" 2>&1
# To the log and to the caller's stdout (fd 3).
say() {
  local line
  printf -v line '[podman-up %(%H:%M:%S)T] %s' -1 "$*"
  printf '%s\n' "$line"
  printf '%s\n' "$line" >&3
}
fail() { say "FAILED: $* (log: $LOG)"; exit 1; }
started=$SECONDS

packages=(podman slirp4netns runc uidmap debootstrap)
if ! dpkg -s "${packages[@]}" >/dev/null 2>&1; then
  say "installing ${packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  timeout 300 apt-get install -y -q "${packages[@]}" \
    || { timeout 300 apt-get update -q && timeout 300 apt-get install -y -q "${packages[@]}"; } \
    || fail "apt-get install ${packages[*]}"
fi
# dpkg is free: the caller's chromium install may start (it waits for this file to go).
rm -f "$STATE/apt-busy"

# The kernel refuses podman's default ulimits; crun rejects this hybrid cgroup
# v1/v2 setup, runc works; there is no systemd for cgroups or the event journal.
desired="$MARK
[containers]
default_ulimits = [\"nofile=20000:20000\", \"nproc=32768:32768\"]

[engine]
runtime = \"runc\"
cgroup_manager = \"cgroupfs\"
events_logger = \"file\""
if [[ "$(cat "$CONF" 2>/dev/null)" != "$desired" ]]; then
  if [[ -s "$CONF" ]] && ! grep -qF "$MARK" "$CONF"; then
    cp "$CONF" "$CONF.before-odoo-elt"
  fi
  mkdir -p /etc/containers
  printf '%s\n' "$desired" >"$CONF"
  say "wrote $CONF"
fi

version="$(timeout 30 podman --version)" || fail "podman does not run"
say "$version; ensuring image $IMAGE"
timeout 900 bash "$HERE/build-pg-image.sh" || fail "image build"

ping_api() { curl -fsS --max-time 3 --unix-socket "$SOCK" http://d/_ping >/dev/null 2>&1; }
if ping_api; then
  say "podman API already answers on $SOCK"
else
  rm -f "$SOCK" "$STATE/podman-service.pid"
  # setsid: the service outlives this script; the caller stops it by its pid.
  setsid podman system service --time=0 "unix://$SOCK" >>"$STATE/podman-service.log" 2>&1 </dev/null &
  echo $! >"$STATE/podman-service.pid"
  for _ in $(seq 1 100); do
    ping_api && break
    kill -0 "$(cat "$STATE/podman-service.pid")" 2>/dev/null || fail "podman system service exited"
    sleep 0.2
  done
  ping_api || fail "podman API did not answer on $SOCK within 20 s"
  say "podman API up on $SOCK (pid $(cat "$STATE/podman-service.pid"))"
fi

# A real container in the tests' network mode proves runtime, cgroups and slirp4netns.
timeout 120 podman run --rm --network slirp4netns --entrypoint /bin/true "$IMAGE" \
  || fail "smoke container (podman run $IMAGE) did not run"
say "ready in $((SECONDS - started)) s"
