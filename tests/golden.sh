#!/bin/sh
# golden.sh — golden-file tests of the XML: every sample transcript in corpora/ is analysed and
# compared byte for byte with tests/golden/NAME.xml, and validated against docs/spiegel.rng.
# UPDATE=1 rewrites the golden files (review the diff before committing it).
# SPIEGEL names the binary (default build/spiegel).
set -u
SPIEGEL=${SPIEGEL:-build/spiegel}
GOLDEN=tests/golden
mkdir -p "$GOLDEN" build/golden
pass=0 fail=0
for f in corpora/*.txt corpora/*.vtt corpora/*.srt corpora/heldout/*.txt corpora/heldout/*.vtt \
         corpora/heldout/*.srt corpora/series/*.txt; do
  [ -f "$f" ] || continue
  name=$(echo "$f" | sed 's|^corpora/||; s|/|_|g; s|\.[^.]*$||')
  out=build/golden/$name.xml
  if ! "$SPIEGEL" analyze -q "$f" -o "$out"; then
    echo "FAIL $f: spiegel exited non-zero"; fail=$((fail + 1)); continue
  fi
  if ! xmllint --noout --relaxng docs/spiegel.rng "$out" 2>build/golden/$name.rng.log; then
    echo "FAIL $f: not valid against docs/spiegel.rng"; cat build/golden/$name.rng.log
    fail=$((fail + 1)); continue
  fi
  if [ "${UPDATE:-0}" = 1 ]; then
    cp "$out" "$GOLDEN/$name.xml"; echo "updated $GOLDEN/$name.xml"; pass=$((pass + 1)); continue
  fi
  if [ ! -f "$GOLDEN/$name.xml" ]; then
    echo "FAIL $f: no golden file $GOLDEN/$name.xml (make golden-update)"; fail=$((fail + 1)); continue
  fi
  if cmp -s "$out" "$GOLDEN/$name.xml"; then
    pass=$((pass + 1))
  else
    echo "FAIL $f: differs from $GOLDEN/$name.xml:"; diff "$GOLDEN/$name.xml" "$out" | head -20
    fail=$((fail + 1))
  fi
done
# The whole corpus as one <corpus> document is valid too.
if "$SPIEGEL" analyze -q corpora/*.txt corpora/*.vtt corpora/*.srt -o build/golden/corpus.xml &&
   xmllint --noout --relaxng docs/spiegel.rng build/golden/corpus.xml 2>/dev/null; then
  pass=$((pass + 1))
else
  echo "FAIL corpus: analysing all samples as one corpus"; fail=$((fail + 1))
fi
echo "golden: $pass passed, $fail failed"
[ "$fail" = 0 ]
