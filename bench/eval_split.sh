#!/bin/sh
# eval_split.sh — sentence splitting of `spiegel split` against ucto on the UD Dutch dev data.
#
# For each UD file in $SHARED/data/ud/ the scorer ($SHARED/tools/sentseg_eval.py) rebuilds the
# paragraphs from the sentence ids, pipes them (blank-line separated) through a splitter that
# prints one sentence per line, and scores the sentence boundaries (precision, recall, F1 over
# offsets in text folded to alphanumerics, so tokenisation and quote style do not count).
#
#   spiegel: $SPIEGEL split        (default build/spiegel; SPLIT_CMD overrides the whole command)
#   ucto:    ucto -L nld -n        (Dutch configuration, one sentence per line on output; ucto
#                                   tokenises, which the folding ignores; -n keeps its paragraph
#                                   detection on blank lines)
#
# A second table scores the sentences of the dev transcripts in corpora/ against the sentences
# of their gold files (needs the spiegel binary, not only SPLIT_CMD).
#
# Usage: sh bench/eval_split.sh        SHARED=/path/to/shared sh bench/eval_split.sh
# The UD files are development data: the splitter was tuned on them (see engine/split.c).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
SHARED=$(cd "${SHARED:-$root/../shared}" 2>/dev/null && pwd) || { echo "eval_split: no shared dir (set SHARED)" >&2; exit 2; }
cd "$root" # spiegel finds lexicons/ from here
SPIEGEL=${SPIEGEL:-$root/build/spiegel}
if [ -z "${SPLIT_CMD:-}" ]; then
  [ -x "$SPIEGEL" ] || { echo "eval_split: $SPIEGEL not built (make, or set SPIEGEL / SPLIT_CMD)" >&2; exit 2; }
  SPLIT_CMD="$SPIEGEL split"
fi
UCTO_CMD=${UCTO_CMD:-"ucto -L nld -n"}
eval_py=$SHARED/tools/sentseg_eval.py
[ -f "$eval_py" ] || { echo "eval_split: $eval_py not found (set SHARED)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "eval_split: python3 is needed" >&2; exit 2; }
have_ucto=1
command -v ucto >/dev/null || have_ucto=0

# Prints "P R F1 predicted gold" from one scorer line.
score() {
  python3 "$eval_py" "$1" "$2" | sed -n \
    's/^sentences=\([0-9]*\) predicted=\([0-9]*\) P=\([0-9.]*\) R=\([0-9.]*\) F1=\([0-9.]*\).*/\3 \4 \5 \2 \1/p'
}

status=0
printf '%-22s %-8s %6s %6s %6s %9s %6s\n' file splitter P R F1 predicted gold
for f in "$SHARED"/data/ud/*.conllu; do
  name=$(basename "$f" .conllu)
  s=$(score "$f" "$SPLIT_CMD")
  [ -n "$s" ] || { echo "eval_split: spiegel produced no score on $name" >&2; exit 1; }
  set -- $s
  printf '%-22s %-8s %6s %6s %6s %9s %6s\n' "$name" spiegel "$1" "$2" "$3" "$4" "$5"
  f1=$3
  if [ "$have_ucto" = 1 ]; then
    u=$(score "$f" "$UCTO_CMD 2>/dev/null")
    set -- $u
    printf '%-22s %-8s %6s %6s %6s %9s %6s\n' "$name" ucto "$1" "$2" "$3" "$4" "$5"
    if python3 -c "import sys; sys.exit(0 if float('$f1') >= float('$3') else 1)"; then :; else
      echo "  spiegel below ucto on $name" >&2; status=1
    fi
  else
    printf '%-22s %-8s (ucto not installed: apt-get install ucto)\n' "$name" ucto
  fi
done

# Transcripts: the gold files of the dev corpus list sentences as an annotator cut them (also
# out of caption text without punctuation). Count how many spiegel gives exactly, and how many
# it cuts inside (over) or runs past (under). Only corpora/*.{txt,vtt,srt}: heldout/ is for
# measuring, not tuning.
if [ -x "$SPIEGEL" ] && [ -d "$root/corpora" ]; then
  echo
  printf '%-30s %6s %6s %6s %6s\n' transcript gold exact over under
  (python3 - "$SPIEGEL" corpora/*.txt corpora/*.vtt corpora/*.srt <<'PY'
import sys, re, html, subprocess, unicodedata, os
def fold(t):
    t = unicodedata.normalize('NFKD', t)
    t = ''.join(c for c in t if not unicodedata.combining(c)).lower()
    return re.sub(r'[^0-9a-z]+', ' ', t).strip()
tot = [0, 0, 0, 0]
for f in sys.argv[2:]:
    gold = f.rsplit('.', 1)[0] + '.gold.tsv'
    if not os.path.exists(gold): continue
    x = subprocess.run([sys.argv[1], 'analyze', f, '-o', '-'], capture_output=True, text=True).stdout
    stream, ends = '', set()
    for m in re.findall(r'<sentence[^>]*>(.*?)</sentence>', x, re.S):
        s = fold(html.unescape(m))
        if s: stream += (' ' if stream else '') + s; ends.add(len(stream))
    starts = {0} | {e + 1 for e in ends}
    n = [0, 0, 0, 0]
    for line in open(gold, encoding='utf8'):
        if line.startswith('#') or not line.strip(): continue
        g = fold(line.rstrip('\n').split('\t')[-1]); i = stream.find(g)
        if not g or i < 0: continue
        j = i + len(g); inner = any(i < e < j for e in ends); outer = i not in starts or j not in ends
        n[0] += 1; n[1] += not inner and not outer; n[2] += inner; n[3] += outer
    tot = [a + b for a, b in zip(tot, n)]
    print(f"{os.path.basename(f):30s} {n[0]:6d} {n[1]:6d} {n[2]:6d} {n[3]:6d}")
print(f"{'all (exact %.3f)' % (tot[1] / max(tot[0], 1)):30s} {tot[0]:6d} {tot[1]:6d} {tot[2]:6d} {tot[3]:6d}")
PY
  )
fi
exit $status
