#!/usr/bin/env bash
# Makes sure the services the test suite talks to are up: PostgreSQL 15 on 127.0.0.1:5432 (trust auth) and NATS with
# JetStream on 127.0.0.1:4222. Starts whatever is down, and installs what is missing, so a fresh machine works.
set -uo pipefail

have() { command -v "$1" >/dev/null 2>&1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") >/dev/null 2>&1; }
apt_install() {
  if [ "$(id -u)" = 0 ] && have apt-get; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
  fi
}

# PostgreSQL
if ! port_open 5432; then
  if ! have pg_ctlcluster; then
    echo "services: PostgreSQL is not installed; installing it"
    apt_install postgresql
  fi
  if have pg_ctlcluster && [ -d /etc/postgresql ]; then
    echo "services: starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  fi
  for _ in $(seq 1 30); do port_open 5432 && break; sleep 1; done
fi
if port_open 5432; then echo "services: PostgreSQL is up on 127.0.0.1:5432"; else echo "services: PostgreSQL is NOT reachable"; fi

# NATS with JetStream
if ! port_open 4222; then
  if [ ! -x /usr/sbin/nats-server ]; then
    echo "services: nats-server is not installed; installing it"
    apt_install nats-server
  fi
  if [ -x /usr/sbin/nats-server ]; then
    echo "services: starting NATS with JetStream"
    mkdir -p /var/lib/nats-server
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- \
      -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log || true
  fi
  for _ in $(seq 1 30); do port_open 4222 && break; sleep 1; done
fi
if port_open 4222; then echo "services: NATS is up on 127.0.0.1:4222"; else echo "services: NATS is NOT reachable"; fi

# The suites that need a service decide for themselves what a missing one means (a failure when CI=true).
exit 0
