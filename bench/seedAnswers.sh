#!/usr/bin/env bash
# The seed's JSON answers for every command, for "answers unchanged" checks across a refactor:
#   bash bench/seedAnswers.sh > /tmp/before.jsonl   (on the old commit)
#   bash bench/seedAnswers.sh > /tmp/after.jsonl    (on the new one)
#   diff /tmp/before.jsonl /tmp/after.jsonl && echo identical
# Runs the bundled knowledge/ folder without the cache, one JSON line per command in bench/seedAnswers.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
npm start --silent -- --json --no-cache --no-watch < bench/seedAnswers.txt
