#!/usr/bin/env bash
# Behaviour guard for refactors of the attribution engine (issue #11): runs the attribute tool on
# PolNeAR dev and the speakers-dev gold and compares each output byte for byte (sha256) with the
# hash recorded from the engine before the refactor. The data stays in ../shared (read-only); only
# hashes are kept here. `bench/attributeGuard.sh --record` prints the current hashes instead.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${QUOTEBOOK_SHARED:-../shared}"
declare -A EXPECTED=(
  [polnear/dev.jsonl]=fef5c21c8c33a12c804ffe0441f6c2e94103475bb6dccb2fcb461c15824dca2a
  [speakers-dev/gold.jsonl]=22a1ab9b87be3f6813e0ec926356ba6a41f2786024d8b9a86a1680852687b57f
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
