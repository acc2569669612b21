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
         corpora/heldout/*.srt corpora/heldout-fresh/*.txt corpora/heldout-fresh/*.vtt \
         corpora/heldout-fresh/*.srt corpora/dev2/*.txt corpora/dev2/*.vtt corpora/dev2/*.srt \
         corpora/dev3/*.txt corpora/dev3/*.vtt corpora/dev3/*.srt \
         corpora/dev4/*.txt corpora/dev4/*.vtt corpora/dev4/*.srt \
         corpora/dev5/*.txt corpora/dev5/*.vtt corpora/dev5/*.srt \
         corpora/dev6/*.txt corpora/dev6/*.vtt corpora/dev6/*.srt \
         corpora/dev7/*.txt corpora/dev7/*.vtt corpora/dev7/*.srt \
         corpora/dev8/*.txt corpora/dev8/*.vtt corpora/dev8/*.srt \
         corpora/dev9/*.txt corpora/dev10/*.txt corpora/dev11/*.txt corpora/dev12/*.txt corpora/dev13/*.txt corpora/dev14/*.txt corpora/dev15/*.txt corpora/dev16/*.txt corpora/dev17/*.txt \
         corpora/series/*.txt corpora/reports/*.txt \
         corpora/reports-fresh/*.txt corpora/reports-dev/*.txt corpora/reports-blind/*.txt corpora/reports-dev2/*.txt \
         corpora/reports-dev3/*.txt corpora/reports-dev4/*.txt corpora/reports-dev5/*.txt corpora/reports-dev6/*.txt corpora/reports-dev7/*.txt corpora/reports-dev8/*.txt corpora/reports-dev9/*.txt corpora/reports-dev10/*.txt corpora/reports-dev11/*.txt corpora/reports-dev12/*.txt corpora/reports-dev13/*.txt corpora/reports-dev14/*.txt corpora/reports-dev15/*.txt; do
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
# Unlabelled speakers ("Spreker 3", "Anja", as automatic transcription and Teams write them):
# tests/data/unlabelled/NAME is corpora/NAME with every label replaced and no role named (in
# verpleeghuis.srt the moderator does not say "gespreksleider" either). The roles spiegel infers
# must give the same analysis as the labelled original: the XML without <speakers> (whose
# role-from says how each role was found), <transcript> and the source attribute is identical.
strip_speakers() {
  sed '/<speakers>/,/<\/speakers>/d; /<transcript>/,/<\/transcript>/d; s/ source="[^"]*"//' "$1"
}
for f in tests/data/unlabelled/*; do
  [ -f "$f" ] || continue
  name=$(basename "$f")
  out=build/golden/unlabelled_$name.xml
  if ! "$SPIEGEL" analyze -q "$f" -o "$out" ||
     ! xmllint --noout --relaxng docs/spiegel.rng "$out" 2>/dev/null; then
    echo "FAIL $f: spiegel failed or its XML is not valid"; fail=$((fail + 1)); continue
  fi
  orig=build/golden/$(echo "$name" | sed 's|\.[^.]*$||').xml
  strip_speakers "$orig" >build/golden/unlabelled_$name.a
  strip_speakers "$out" >build/golden/unlabelled_$name.b
  if cmp -s build/golden/unlabelled_$name.a build/golden/unlabelled_$name.b &&
     grep -q 'role="moderator" role-from=' "$out"; then
    pass=$((pass + 1))
  else
    echo "FAIL $f: roles inferred for unlabelled speakers change the analysis of corpora/$name:"
    diff build/golden/unlabelled_$name.a build/golden/unlabelled_$name.b | head -20
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
