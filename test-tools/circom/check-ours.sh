#!/bin/sh
# Checks with the pinned snarkjs that the .r1cs/.wtns files our Java writers produced (committed as
# circuits/src/test/resources/circom/ours-tiers.*; CircomInteropTest pins the writers to these bytes) are
# accepted: `r1cs info` parses the system and `wtns check` verifies the witness satisfies it.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
res="$here/../../circuits/src/test/resources/circom"
cd "$here/.."
npx snarkjs r1cs info "$res/ours-tiers.r1cs"
npx snarkjs wtns check "$res/ours-tiers.r1cs" "$res/ours-tiers.wtns"
