#!/usr/bin/env bash
# Behaviour guard for refactors of the attribution engine (issue #11): runs the attribute tool on
# PolNeAR dev and the speakers-dev gold and compares each output byte for byte (sha256) with the
# hash recorded from the engine before the refactor. The data stays in ../shared (read-only); only
# hashes are kept here. `bench/attributeGuard.sh --record` prints the current hashes instead.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${QUOTEBOOK_SHARED:-../shared}"
declare -A EXPECTED=(
  [polnear/dev.jsonl]=0b85e110202f57b02159159b6b0a04d3fc090654533f28eb946e13ddacada720
  [speakers-dev/gold.jsonl]=dd6ce3b879994bd5c21b90f211747503122d0bc787354ba2b8ad7732924ea2a6
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
