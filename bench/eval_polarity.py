#!/usr/bin/python3
"""eval_polarity.py — document polarity of spiegel and Pattern on 3,000 bol.com book reviews.

The corpus is Pattern's own test set (Debian's python3-pattern ships it as
test/corpora/polarity-nl-bol.com.csv): CSV rows "label","text", label 1 (positive) or -1
(negative), 1,500 of each. Both systems see exactly the same text: HTML entities decoded
(html.unescape: "Marley &amp; me" -> "Marley & me") and every line break replaced by a space,
because `spiegel score` reads one document per line.

  spiegel  one process, `spiegel score FILE` over a temporary file of all reviews; a review is
           positive when its polarity > THRESHOLD (0 unless --threshold says otherwise)
  pattern  pattern.text.nl.positive(text) with its default threshold (polarity >= 0.1)

Fixed split, never shuffled: the 1st, 3rd, 5th, ... data row of the file is the HELD-OUT half,
the 2nd, 4th, ... row the TUNING half. Anything tuned (lexicon weights, a threshold) may look
at the tuning half only; the held-out half is the figure that counts.

Accuracy, precision, recall and F1 are computed with the positive class = label 1, exactly as
pattern.metrics.test does. Documents/second is wall-clock time: the whole spiegel process
(start-up and lexicon load included) against the whole Pattern loop (its lazy lexicon load on
the first call included), timed separately, one after the other.

Run alone for a detailed report:   /usr/bin/python3 bench/eval_polarity.py [--threshold T]
"""
import argparse
import csv
import html
import os
import re
import subprocess
import sys
import tempfile
import time

DEFAULT_CSV = "/usr/share/doc/python3-pattern/test/corpora/polarity-nl-bol.com.csv"

# Every character Python's str.splitlines() treats as a line break: spiegel must see one line
# per review, and both systems must see the same text.
LINE_BREAKS = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")

SPLITS = ("tuning", "held-out", "all")


def find_csv():
    """The bol.com CSV: $BOL_CSV, else wherever dpkg says python3-pattern put it."""
    env = os.environ.get("BOL_CSV")
    if env:
        return env if os.path.exists(env) else None
    try:
        out = subprocess.run(["dpkg", "-L", "python3-pattern"], capture_output=True, text=True,
                             timeout=30).stdout
        for line in out.splitlines():
            if line.endswith("polarity-nl-bol.com.csv") and os.path.exists(line):
                return line
    except (OSError, subprocess.SubprocessError):
        pass
    return DEFAULT_CSV if os.path.exists(DEFAULT_CSV) else None


def clean(text):
    """The text both systems score: entities decoded, one line, NUL bytes dropped."""
    return LINE_BREAKS.sub(" ", html.unescape(text)).replace("\0", " ")


def load_reviews(path):
    """[(gold_positive: bool, text, split)] in file order; split is 'held-out' for the 1st, 3rd,
    ... data row, 'tuning' for the 2nd, 4th, ..."""
    reviews = []
    with open(path, encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.reader(f)):
            if len(row) != 2 or row[0].strip() not in ("1", "-1"):
                raise ValueError(f"{path}: data row {i + 1}: expected \"1|-1\",\"text\"")
            reviews.append((row[0].strip() == "1", clean(row[1]),
                            "held-out" if i % 2 == 0 else "tuning"))
    return reviews


def metrics(gold, pred):
    """(accuracy, precision, recall, F1) for the positive class, as pattern.metrics.test."""
    tp = sum(1 for g, p in zip(gold, pred) if g and p)
    tn = sum(1 for g, p in zip(gold, pred) if not g and not p)
    fp = sum(1 for g, p in zip(gold, pred) if not g and p)
    fn = sum(1 for g, p in zip(gold, pred) if g and not p)
    a = (tp + tn) / ((tp + tn + fp + fn) or 1)
    p = tp / ((tp + fp) or 1)
    r = tp / ((tp + fn) or 1)
    f = 2 * p * r / ((p + r) or 1)
    return a, p, r, f


def run_spiegel(spiegel, texts):
    """Scores all texts in one `spiegel score` process. Returns (polarities, seconds, problem):
    polarities is None when the output cannot be used; problem is a message or None."""
    fd, path = tempfile.mkstemp(prefix="spiegel-bol-", suffix=".txt")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            for t in texts:
                f.write(t + "\n")
        t0 = time.perf_counter()
        proc = subprocess.run([spiegel, "score", "-q", path], capture_output=True)
        secs = time.perf_counter() - t0
    finally:
        os.unlink(path)
    problem = None
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        problem = (f"spiegel score exited {proc.returncode}"
                   + (f" ({len(err)} error line(s), first: {err[0][:120]})" if err else ""))
    lines = proc.stdout.decode("utf-8", "replace").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != len(texts):
        return None, secs, (problem + "; " if problem else "") + (
            f"spiegel score printed {len(lines)} lines for {len(texts)} reviews")
    pols = []
    for n, line in enumerate(lines, 1):
        try:
            pols.append(float(line.split("\t", 1)[0]))
        except ValueError:
            return None, secs, f"spiegel score line {n}: not a polarity: {line[:60]!r}"
    return pols, secs, problem


def run_pattern(texts):
    """pattern.text.nl.positive over all texts. Returns (predictions, seconds, problem)."""
    try:
        from pattern.text.nl import positive
    except Exception as e:  # ImportError, or a broken install  # noqa: BLE001
        return None, None, (f"pattern not importable by {sys.executable} ({e}); "
                            "run with Debian's /usr/bin/python3")
    t0 = time.perf_counter()
    pred = [bool(positive(t)) for t in texts]
    return pred, time.perf_counter() - t0, None


def best_threshold(gold, pols):
    """The spiegel threshold with the best accuracy on the given (tuning) documents: candidates
    are 0 and the midpoints between neighbouring distinct polarities (one sweep over the sorted
    scores). Ties go to the threshold nearest 0."""
    pairs = sorted(zip(pols, gold))
    n = len(pairs)
    # Threshold below every score: all predicted positive, correct = number of gold positives.
    correct = sum(1 for _, g in pairs if g)
    cands = {0.0: None, pairs[0][0] - 1.0: correct} if pairs else {0.0: None}
    i = 0
    values = []
    while i < n:
        v = pairs[i][0]
        while i < n and pairs[i][0] == v:   # moving the threshold past v flips these to negative
            correct += -1 if pairs[i][1] else 1
            i += 1
        values.append((v, correct))          # correct when the threshold sits just above v
    for (v, c), nxt in zip(values, values[1:] + [(None, None)]):
        t = (v + nxt[0]) / 2 if nxt[0] is not None else v + 1.0
        cands[t] = c
    def acc_at(t):
        return sum(1 for p, g in pairs if (p > t) == g)
    best = None
    for t, c in cands.items():
        c = acc_at(t) if c is None else c
        key = (c, -abs(t))
        if best is None or key > best[0]:
            best = (key, t)
    return best[1]


def evaluate(spiegel, threshold=0.0, csv_path=None):
    """Runs both systems. Returns a dict:
    n, csv, threshold, problems [str],
    spiegel / pattern: {split: (A, P, R, F1)} or None, plus spiegel_dps / pattern_dps,
    tuned: (threshold chosen on the tuning half, {split: (A, P, R, F1)}) or None,
    counts: {split: (documents, positives)}."""
    res = {"problems": [], "spiegel": None, "pattern": None, "spiegel_dps": None,
           "pattern_dps": None, "tuned": None, "threshold": threshold, "counts": {}}
    csv_path = csv_path or find_csv()
    res["csv"] = csv_path
    if not csv_path:
        res["problems"].append("bol.com corpus not found (install python3-pattern, or set BOL_CSV)")
        return res
    try:
        reviews = load_reviews(csv_path)
    except (OSError, ValueError, csv.Error) as e:
        res["problems"].append(f"bol.com corpus unreadable: {e}")
        return res
    res["n"] = len(reviews)
    texts = [t for _, t, _ in reviews]
    gold = [g for g, _, _ in reviews]
    idx = {s: [i for i, (_, _, sp) in enumerate(reviews) if s == "all" or sp == s] for s in SPLITS}
    for s in SPLITS:
        res["counts"][s] = (len(idx[s]), sum(gold[i] for i in idx[s]))

    def per_split(pred):
        return {s: metrics([gold[i] for i in idx[s]], [pred[i] for i in idx[s]]) for s in SPLITS}

    pols, secs, problem = run_spiegel(spiegel, texts)
    if problem:
        res["problems"].append(problem)
    if pols is not None:
        res["spiegel"] = per_split([p > threshold for p in pols])
        res["spiegel_dps"] = len(texts) / secs if secs else None
        tune = idx["tuning"]
        t = best_threshold([gold[i] for i in tune], [pols[i] for i in tune])
        res["tuned"] = (t, per_split([p > t for p in pols]))
        res["neutral"] = sum(1 for p in pols if p == 0)

    pred, secs, problem = run_pattern(texts)
    if problem:
        res["problems"].append(problem)
    if pred is not None:
        res["pattern"] = per_split(pred)
        res["pattern_dps"] = len(texts) / secs if secs else None
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--spiegel",
                    default=os.environ.get("SPIEGEL") or os.path.join(root, "build", "spiegel"))
    ap.add_argument("--threshold", type=float, default=0.0)
    ap.add_argument("--csv", default=None)
    a = ap.parse_args()
    if not os.access(a.spiegel, os.X_OK):
        print(f"eval_polarity: {a.spiegel} is missing: build it with `make`", file=sys.stderr)
        return 2
    r = evaluate(a.spiegel, a.threshold, a.csv)
    print(f"corpus: {r['csv']}  ({r.get('n', 0)} reviews)  spiegel threshold: > {a.threshold:g}")
    for s in SPLITS:
        n, pos = r["counts"].get(s, (0, 0))
        print(f"\n{s} half ({n} reviews, {pos} positive)" if s != "all" else f"\nall ({n} reviews)")
        for name in ("spiegel", "pattern"):
            m = r[name]
            if m:
                print(f"  {name:8s} A={m[s][0]:.3f} P={m[s][1]:.3f} R={m[s][2]:.3f} F1={m[s][3]:.3f}")
    if r["tuned"]:
        t, m = r["tuned"]
        print(f"\nthreshold chosen on the tuning half: > {t:.4f}: held-out "
              f"A={m['held-out'][0]:.3f} F1={m['held-out'][3]:.3f}")
    for name in ("spiegel", "pattern"):
        if r[name + "_dps"]:
            print(f"{name} documents/second: {r[name + '_dps']:.0f}")
    for p in r["problems"]:
        print("problem:", p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
