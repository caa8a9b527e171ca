#!/usr/bin/env bash
# Behaviour guard for refactors of the attribution engine (issue #11): runs the attribute tool on
# PolNeAR dev and the speakers-dev gold and compares each output byte for byte (sha256) with the
# hash recorded from the engine before the refactor. The data stays in ../shared (read-only); only
# hashes are kept here. `bench/attributeGuard.sh --record` prints the current hashes instead.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${QUOTEBOOK_SHARED:-../shared}"
declare -A EXPECTED=(
  [polnear/dev.jsonl]=fe9b6725648ba0820230e97e58ad38bf06d42b6dfe31c1f69363a93a57ed4423
  [speakers-dev/gold.jsonl]=46234087697ac49c3a5ac7a0a7db67a035b37256d947c76e8115a3bb95e5be41
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
