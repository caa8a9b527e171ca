#!/usr/bin/env bash
# Behaviour guard for refactors of the attribution engine (issue #11): runs the attribute tool on
# PolNeAR dev and the speakers-dev gold and compares each output byte for byte (sha256) with the
# hash recorded from the engine before the refactor. The data stays in ../shared (read-only); only
# hashes are kept here. `bench/attributeGuard.sh --record` prints the current hashes instead.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${QUOTEBOOK_SHARED:-../shared}"
declare -A EXPECTED=(
  [polnear/dev.jsonl]=7cb2c946c0c7daf339f9ae3c3b258752b77d5d4f7ca8a513d26238573b119b97
  [speakers-dev/gold.jsonl]=6bcfc8033c24bab34617dac38adcfe914dcffe236a6d580da6f7e81e4081a2c4
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
