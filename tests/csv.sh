#!/bin/sh
# csv.sh — the CSV tables as R and pandas meet them: `spiegel analyze --csv` (items and
# sentences) over the sample corpus and `spiegel compare --csv` (themes and links) over the
# sample series, each read back by Python's csv module (tests/csv_check.py) and compared with
# the XML of the same input; plus the command's behaviour around the tables.
# SPIEGEL names the binary (default build/spiegel).
set -u
SPIEGEL=${SPIEGEL:-build/spiegel}
T=${CSV_TMP:-build/csv-test}
rm -rf "$T"
mkdir -p "$T"
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $1"; fail=$((fail + 1)); }
run() {
  name=$1; shift
  if "$@" >"$T/out" 2>"$T/err"; then ok; else bad "$name: exit $?"; sed 's/^/  /' "$T/err"; fi
}

CORPUS=$(ls corpora/*.txt corpora/*.vtt corpora/*.srt 2>/dev/null)
SERIES=$(ls corpora/series/*.txt)

run "corpus XML" "$SPIEGEL" analyze $CORPUS -o "$T/corpus.xml"
run "items CSV" "$SPIEGEL" analyze --csv $CORPUS -o "$T/items.csv"
run "items CSV (=items)" "$SPIEGEL" analyze --csv=items $CORPUS -o "$T/items2.csv"
cmp -s "$T/items.csv" "$T/items2.csv" && ok || bad "--csv and --csv=items differ"
run "sentences CSV" "$SPIEGEL" analyze --csv=sentences $CORPUS -o "$T/sentences.csv"
run "items read back" python3 tests/csv_check.py items "$T/items.csv" "$T/corpus.xml"
run "sentences read back" python3 tests/csv_check.py sentences "$T/sentences.csv" "$T/corpus.xml"

run "series XML" "$SPIEGEL" compare $SERIES -o "$T/series.xml"
run "themes CSV" "$SPIEGEL" compare --csv $SERIES -o "$T/themes.csv"
run "links CSV" "$SPIEGEL" compare --csv=links $SERIES -o "$T/links.csv"
run "themes read back" python3 tests/csv_check.py themes "$T/themes.csv" "$T/series.xml"
run "links read back" python3 tests/csv_check.py links "$T/links.csv" "$T/series.xml"

# one transcript, standard output, and a quote with a comma and double quotes
printf '# datum: 2024-10-01\nGespreksleider: Welkom.\nMevrouw K.: De arts was heel vriendelijk, en nam "echt" de tijd.\n' >"$T/q.txt"
run "stdout" "$SPIEGEL" analyze --csv "$T/q.txt"
head -1 "$T/out" | grep -q '^session,date,organisation,' && ok || bad "header on standard output"
grep -qF '"De arts was heel vriendelijk, en nam ""echt"" de tijd."' "$T/out" && ok || bad "RFC 4180 quoting: $(cat "$T/out")"
# a run of blanks inside a quote is one space, as in the XML ("•  De arts", a PDF's bullet)
printf 'Gespreksleider: Welkom.\nMevrouw K.: De arts  was heel\tvriendelijk.\n' >"$T/blank.txt"
run "blanks" "$SPIEGEL" analyze --csv "$T/blank.txt"
grep -qF ',De arts was heel vriendelijk.' "$T/out" && ok || bad "a run of blanks in a quote: $(cat "$T/out")"

# a bad file among good ones: its rows are left out, the others written, exit 1, one header
: >"$T/empty.txt"
"$SPIEGEL" analyze --csv "$T/q.txt" "$T/empty.txt" "$T/q.txt" -o "$T/mixed.csv" 2>"$T/err"
[ $? = 1 ] && ok || bad "a bad file makes exit 1"
[ "$(grep -c '^session,' "$T/mixed.csv")" = 1 ] && ok || bad "one header for many files"
# a single bad file writes nothing
"$SPIEGEL" analyze --csv "$T/empty.txt" -o "$T/none.csv" 2>/dev/null
[ $? = 1 ] && [ ! -e "$T/none.csv" ] && ok || bad "a single bad file leaves no table"
"$SPIEGEL" analyze --csv=rows "$T/q.txt" >/dev/null 2>&1
[ $? = 2 ] && ok || bad "--csv=rows is a usage error"
"$SPIEGEL" compare --csv=rows $SERIES >/dev/null 2>&1
[ $? = 2 ] && ok || bad "compare --csv=rows is a usage error"

# spiegel batch --csv: NAME.csv beside every NAME.xml and one corpus.csv, the same for any -j
rm -rf "$T/b1" "$T/b2"
run "batch --csv -j1" "$SPIEGEL" batch -q --csv corpora -o "$T/b1" -j1
run "batch --csv -j2" "$SPIEGEL" batch -q --csv corpora -o "$T/b2" -j2
cmp -s "$T/b1/corpus.csv" "$T/b2/corpus.csv" && ok || bad "batch corpus.csv differs between -j1 and -j2"
[ "$(grep -c '^session,' "$T/b1/corpus.csv")" = 1 ] && ok || bad "batch corpus.csv has one header"
[ -f "$T/b1/jeugdzorg.csv" ] && ok || bad "batch writes NAME.csv beside NAME.xml"
run "batch corpus.csv read back" python3 tests/csv_check.py items "$T/b1/corpus.csv" \
  $(ls corpora/*.txt corpora/*.vtt corpora/*.srt corpora/heldout/* corpora/heldout-fresh/* corpora/dev2/* corpora/dev3/* corpora/dev4/* corpora/dev5/* corpora/dev6/* corpora/dev7/* corpora/dev8/* corpora/dev9/* corpora/dev10/* corpora/dev11/* corpora/dev12/* corpora/dev13/* corpora/dev14/* corpora/dev15/* corpora/dev16/* corpora/dev17/* \
       corpora/series/*.txt \
       corpora/reports/*.txt corpora/reports-fresh/*.txt corpora/reports-dev/*.txt \
       corpora/reports-blind/*.txt corpora/reports-dev2/*.txt corpora/reports-dev3/*.txt \
       corpora/reports-dev4/*.txt corpora/reports-dev5/*.txt corpora/reports-dev6/*.txt corpora/reports-dev7/*.txt corpora/reports-dev8/*.txt corpora/reports-dev9/*.txt corpora/reports-dev10/*.txt corpora/reports-dev11/*.txt corpora/reports-dev12/*.txt corpora/reports-dev13/*.txt corpora/reports-dev14/*.txt corpora/reports-dev15/*.txt 2>/dev/null |
    grep -v gold | sort | sed "s|^corpora/\(.*\)\.[a-z]*$|$T/b1/\1.xml|")

echo "csv: $pass passed, $fail failed"
[ "$fail" = 0 ]
