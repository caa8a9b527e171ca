#!/usr/bin/env bash
# Behaviour guard for refactors of the attribution engine (issue #11): runs the attribute tool on
# PolNeAR dev and the speakers-dev gold and compares each output byte for byte (sha256) with the
# hash recorded from the engine before the refactor. The data stays in ../shared (read-only); only
# hashes are kept here. `bench/attributeGuard.sh --record` prints the current hashes instead.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${QUOTEBOOK_SHARED:-../shared}"
declare -A EXPECTED=(
  [polnear/dev.jsonl]=3c89e3b37160cf8f21ed1274ff9b46dab1be223e3641420b7f64b699417cc6e8
  [speakers-dev/gold.jsonl]=5a5de8d79fa22efac8c20f0a49259686ce060f5ac126a611012aef4fc8709054
)
status=0
for file in polnear/dev.jsonl speakers-dev/gold.jsonl; do
  actual=$(npm run --silent attribute -- "$SHARED/data/$file" 2>/dev/null | sha256sum | cut -d' ' -f1)
  if [[ "${1:-}" == "--record" ]]; then
    echo "$file $actual"
  elif [[ "$actual" == "${EXPECTED[$file]}" ]]; then
    echo "identical  $file $actual"
  else
    echo "DIFFERENT  $file $actual (expected ${EXPECTED[$file]})"
    status=1
  fi
done
exit $status
