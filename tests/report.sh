#!/bin/sh
# report.sh — the HTML reports as people meet them: `spiegel report` on sample sessions and on
# a comparison of the sample series, checked three ways:
#   1. the HTML parses (xmllint --html; its HTML 4 parser only objects to the HTML5 and SVG
#      element names, so those messages are set aside and any other message fails) and passes
#      tests/html_check.py (structure, unique ids, working in-page links, headings, table
#      headers, no scripts or outside resources, print and phone style sheets);
#   2. plain xsltproc with the same stylesheets gives the same page as `spiegel report`;
#   3. headless Chromium renders each page; its DOM must hold the expected items (quotes of
#      the XML, headings, link tables), and a screenshot of each is saved under $OUT
#      (default out/): out/report-session.png, out/report-series.png, ...
# Chromium is Debian's `chromium`; when it is missing it is installed with apt-get (as root,
# else through sudo). SPIEGEL names the binary (default build/spiegel).
set -u
SPIEGEL=${SPIEGEL:-build/spiegel}
T=${REPORT_TMP:-build/report-test}
OUT=${OUT:-out}
rm -rf "$T"
mkdir -p "$T" "$OUT"
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $1"; fail=$((fail + 1)); }
run() { # run NAME COMMAND...: exit 0 expected
  name=$1; shift
  if "$@" >"$T/out" 2>"$T/err"; then ok; else bad "$name: exit $?"; sed 's/^/  /' "$T/err"; fi
}
has() { # has NAME FILE TEXT: the file holds the text (fixed string)
  if grep -qF -- "$3" "$2"; then ok; else bad "$1: '$3' not in $2"; fi
}
hasnt() {
  if grep -qF -- "$3" "$2"; then bad "$1: '$3' should not be in $2"; else ok; fi
}

S1=corpora/series/orthopedie-2024-10-01.txt
S2=corpora/series/orthopedie-2025-04-01.txt
S3=corpora/series/orthopedie-2025-10-01.txt

# ---- the pages ------------------------------------------------------------------------------
for f in "$S1" "$S2" "$S3"; do
  b=$(basename "$f" .txt)
  run "analyze $b" "$SPIEGEL" analyze "$f" -o "$T/$b.xml"
done
run "session page" "$SPIEGEL" report "$T/orthopedie-2025-04-01.xml" -o "$T/session.html"
run "session page, English" "$SPIEGEL" report --lang en "$T/orthopedie-2025-04-01.xml" -o "$T/session-en.html"
run "participants' summary" "$SPIEGEL" report --participants "$T/orthopedie-2025-04-01.xml" -o "$T/participants.html"
run "page of a transcript" "$SPIEGEL" report "$S1" -o "$T/transcript.html"
run "compare" "$SPIEGEL" compare "$T/orthopedie-2025-10-01.xml" "$T/orthopedie-2024-10-01.xml" "$T/orthopedie-2025-04-01.xml" -o "$T/series.xml"
run "comparison page" "$SPIEGEL" report "$T/series.xml" -o "$T/series.html"
run "comparison page, English" "$SPIEGEL" report --lang en "$T/series.xml" -o "$T/series-en.html"
run "report of three files" "$SPIEGEL" report "$S1" "$S2" "$S3" -o "$T/series-direct.html"
run "corpus page" "$SPIEGEL" analyze "$S1" "$S2" -o "$T/corpus.xml"
run "corpus page" "$SPIEGEL" report "$T/corpus.xml" -o "$T/corpus.html"
if xmllint --noout --relaxng docs/compare.rng "$T/series.xml" 2>"$T/err"; then ok; else bad "series.xml against docs/compare.rng"; cat "$T/err"; fi

# a role spiegel inferred (the label names none) is marked as such beside the name; a
# participant by default is not
run "analyze unlabelled" "$SPIEGEL" analyze tests/data/unlabelled/verpleeghuis.srt -o "$T/unlabelled.xml"
run "page of unlabelled speakers" "$SPIEGEL" report "$T/unlabelled.xml" -o "$T/unlabelled.html"
has "inferred moderator" "$T/unlabelled.html" "Anja (rol afgeleid uit wat de spreker zegt)"
hasnt "default participant" "$T/unlabelled.html" "Bas (rol afgeleid"

# errors: a stylesheet that is missing, a file that is not spiegel XML, a bad option
"$SPIEGEL" report --stylesheets "$T/nowhere" "$T/series.xml" -o "$T/x.html" 2>"$T/err"
[ $? = 1 ] && grep -q "session.xsl\|compare.xsl" "$T/err" && ok || bad "missing stylesheet is exit 1 naming it"
[ ! -e "$T/x.html" ] && ok || bad "no page is left behind after a failure"
printf '<html><body>x</body></html>' >"$T/other.xml"
"$SPIEGEL" report "$T/other.xml" -o "$T/x.html" 2>"$T/err"
[ $? = 1 ] && grep -q "<html>" "$T/err" && ok || bad "foreign XML is exit 1: $(cat "$T/err")"
"$SPIEGEL" report --lang fr "$T/series.xml" >/dev/null 2>&1
[ $? = 2 ] && ok || bad "--lang fr is a usage error"

# ---- 1. HTML ----------------------------------------------------------------------------------
PAGES="session session-en participants transcript series series-en series-direct corpus"
for p in $PAGES; do
  f="$T/$p.html"
  [ -s "$f" ] || { bad "$p.html was not written"; continue; }
  xmllint --html --noout "$f" 2>"$T/lint"
  # libxml2's HTML parser knows HTML 4 only: HTML5 sectioning and SVG tags are "invalid" to it
  grep -a -v -E "HTML parser error : Tag (header|nav|main|section|figure|figcaption|footer|time|svg|title|desc|text|line|rect|circle|polyline|g) invalid" "$T/lint" |
    grep -a "error" >"$T/lint-real"
  if [ -s "$T/lint-real" ]; then bad "xmllint --html $p.html"; head -5 "$T/lint-real"; else ok; fi
done
if python3 tests/html_check.py $(for p in $PAGES; do echo "$T/$p.html"; done); then ok; else bad "html_check.py"; fi

# ---- 2. the same page from plain xsltproc ------------------------------------------------------
if command -v xsltproc >/dev/null; then
  xsltproc docs/report/session.xsl "$T/orthopedie-2025-04-01.xml" >"$T/xsltproc.html" &&
    cmp -s "$T/xsltproc.html" "$T/session.html" && ok || bad "xsltproc session.xsl differs from spiegel report"
  xsltproc --param participants 1 docs/report/session.xsl "$T/orthopedie-2025-04-01.xml" >"$T/xsltproc-p.html" &&
    cmp -s "$T/xsltproc-p.html" "$T/participants.html" && ok || bad "xsltproc --param participants 1 differs"
  xsltproc docs/report/compare.xsl "$T/series.xml" >"$T/xsltproc-series.html" &&
    cmp -s "$T/xsltproc-series.html" "$T/series.html" && ok || bad "xsltproc compare.xsl differs from spiegel report"
else
  bad "xsltproc is not installed (Debian package xsltproc)"
fi

# ---- what the pages must show (checked in the file here, in Chromium's DOM below) --------------
X="$T/orthopedie-2025-04-01.xml"
quotes() { # the first 40 characters of every quote of the given items
  xmllint --xpath "$1" "$2" 2>/dev/null | sed 's/^ *//' | cut -c1-40 | sed 's/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&apos;/'"'"'/g'
}
quotes '//positives/item/quote/text()' "$X" >"$T/want-positives"
quotes '//learning-points/item/quote/text()' "$X" >"$T/want-learning"
listener=$(xmllint --xpath 'string(//speaker[@role="listener"][1]/@label)' "$X")
n_items=$(xmllint --xpath 'count(//positives/item | //learning-points/item | //quick-wins/item)' "$X")
n_recurring=$(xmllint --xpath 'count(//link[@kind="learning-point"][@status="recurring"])' "$T/series.xml")
n_resolved=$(xmllint --xpath 'count(//link[@kind="learning-point"][@status="resolved"])' "$T/series.xml")
n_new=$(xmllint --xpath 'count(//link[@kind="learning-point"][@status="new"])' "$T/series.xml")
[ "$n_items" -gt 0 ] && [ -s "$T/want-learning" ] && ok || bad "the sample session has items"
[ "$n_recurring" -gt 0 ] && [ "$n_resolved" -gt 0 ] && [ "$n_new" -gt 0 ] && ok ||
  bad "the sample series has recurring ($n_recurring), resolved ($n_resolved) and new ($n_new) points"

check_dom() { # check_dom PAGE DOMFILE
  page=$1 dom=$2
  case $page in
  session | session-en | participants)
    while IFS= read -r q; do has "$page: positive" "$dom" "$q"; done <"$T/want-positives"
    while IFS= read -r q; do has "$page: learning point" "$dom" "$q"; done <"$T/want-learning"
    c=$(grep -o '<li class="item ' "$dom" | wc -l)
    [ "$c" -eq "$n_items" ] && ok || bad "$page: $c items in the DOM, $n_items in the XML"
    ;;
  esac
  case $page in
  session)
    has "$page" "$dom" "<h2>Tops: wat goed ging</h2>"
    has "$page" "$dom" "<h2>Leerpunten: wat beter kan</h2>"
    has "$page" "$dom" 'role="img"'
    has "$page" "$dom" '<section id="transcript">'
    [ -n "$listener" ] && has "$page: listeners by name" "$dom" "$listener"
    ;;
  session-en)
    has "$page" "$dom" '<html lang="en">'
    has "$page" "$dom" "<h2>What went well</h2>"
    has "$page" "$dom" "Learning points: what could be better"
    ;;
  participants)
    has "$page" "$dom" "Samenvatting voor de deelnemers"
    has "$page" "$dom" "Wat gebeurt er nu?"
    hasnt "$page: no transcript" "$dom" '<section id="transcript">'
    hasnt "$page: no scores" "$dom" "Onderbouwing"
    [ -n "$listener" ] && hasnt "$page: no professionals' names" "$dom" "$listener"
    ;;
  series | series-direct)
    has "$page" "$dom" "<h3>Terugkerende leerpunten ("
    has "$page" "$dom" "<h3>Opgeloste leerpunten ("
    has "$page" "$dom" "<h3>Nieuwe leerpunten ("
    for st in recurring resolved new; do
      c=$(grep -o "<tr class=\"link learning-point $st\">" "$dom" | wc -l)
      eval "want=\$n_$st"
      [ "$c" -eq "$want" ] && ok || bad "$page: $c $st rows, $want links in the XML"
    done
    c=$(grep -o '<polyline' "$dom" | wc -l)
    [ "$c" -gt 0 ] && ok || bad "$page: no trend lines"
    # the series' best-known recurring point: cold food, raised in session 1 and again in 2
    has "$page" "$dom" "Het eten op de afdeling was steeds koud"
    ;;
  series-en)
    has "$page" "$dom" "<h3>Recurring learning points ("
    ;;
  esac
}

for p in $PAGES; do [ -s "$T/$p.html" ] && check_dom "$p" "$T/$p.html"; done

# ---- 3. Chromium --------------------------------------------------------------------------------
find_chromium() {
  for c in chromium chromium-browser google-chrome; do
    command -v "$c" >/dev/null 2>&1 && { command -v "$c"; return 0; }
  done
  return 1
}
CHROMIUM=$(find_chromium)
if [ -z "$CHROMIUM" ]; then
  echo "installing chromium (apt-get)"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium; } >"$T/apt.log" 2>&1
  CHROMIUM=$(find_chromium)
fi
if [ -z "$CHROMIUM" ]; then
  bad "chromium is not installed and could not be installed (see $T/apt.log)"
else
  PROFILE=$(mktemp -d)
  chrome() {
    "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --user-data-dir="$PROFILE" "$@" 2>>"$T/chromium.log"
  }
  for p in $PAGES; do
    f="$T/$p.html"
    [ -s "$f" ] || continue
    url="file://$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"
    chrome --dump-dom "$url" >"$T/$p.dom"
    if [ -s "$T/$p.dom" ]; then ok; check_dom "$p" "$T/$p.dom"; else bad "chromium rendered no DOM for $p"; fi
    chrome --screenshot="$OUT/report-$p.png" --window-size=1200,2000 "$url" >/dev/null
    [ -s "$OUT/report-$p.png" ] && ok || bad "no screenshot $OUT/report-$p.png"
  done
  # a phone and paper: the narrow layout and the print style sheet
  url="file://$(cd "$T" && pwd)/session.html"
  chrome --screenshot="$OUT/report-session-phone.png" --window-size=390,844 "$url" >/dev/null
  [ -s "$OUT/report-session-phone.png" ] && ok || bad "no phone screenshot"
  chrome --no-pdf-header-footer --print-to-pdf="$T/session.pdf" "$url" >/dev/null
  head -c 5 "$T/session.pdf" 2>/dev/null | grep -q "%PDF" && ok || bad "printing to PDF failed"
  rm -rf "$PROFILE"
fi

echo "report: $pass passed, $fail failed"
[ "$fail" = 0 ]
