#!/usr/bin/python3
"""spoken.py — the spoken-Dutch sentence set (tests/data/spoken.tsv) through the whole engine.

Every line of the set is a sentence as participants say it in a spiegelbijeenkomst, with the
class a reader gives it:

    expected<TAB>status<TAB>sentence

A comment line "# part: NAME" puts the lines after it in part NAME (make eval gives each part
its figure: a part written to fix the engine measures less than one left as it was found).

expected: positive, learning (a learning point or a quick-win), quick-win, or none;
status:   ok   the engine gets it right, and must keep doing so (a regression fails the test);
          miss a known miss, written down so that it is measured; when the engine comes to get
               it right, the run says so, and the line should become "ok".

All sentences go through one `spiegel analyze --csv=sentences` call, as one meeting: each
sentence is the second turn of its own participant ("Deelnemer N: Ja." to the moderator's
question first), so no sentence is read as the continuation of another, none as the situation
a participant opens with (docs/pipeline.md, "Classes"), and the class is the one a sentence has
in a transcript, not only in `explain`.

    /usr/bin/python3 tests/spoken.py [SET]

Exit 1 when an "ok" line fails or the set cannot be read (make test). make eval gives the
figures (bench/eval.py, through tally()).
Environment: SPIEGEL (the binary, default build/spiegel).
"""
import csv
import io
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CLASSES = ("positive", "learning", "quick-win", "none")


def read_set(path, part_names=None):
    """The set's lines as (line number, expected, status, sentence); errors name file:line.
    part_names, a list, gets each line's part name."""
    rows, errors = [], []
    part = ""
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("# part:"):
                part = line[len("# part:"):].strip()
                continue
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 3:
                errors.append(f"{path}:{n}: expected 3 TAB-separated fields, found {len(fields)}")
                continue
            expected, status, sentence = fields
            if expected not in CLASSES:
                errors.append(f"{path}:{n}: unknown class '{expected}' (one of {', '.join(CLASSES)})")
            elif status not in ("ok", "miss"):
                errors.append(f"{path}:{n}: unknown status '{status}' (ok or miss)")
            elif not sentence.strip() or "\n" in sentence:
                errors.append(f"{path}:{n}: empty sentence")
            else:
                rows.append((n, expected, status, sentence.strip()))
                if part_names is not None:
                    part_names.append(part)
    return rows, errors


def classes(spiegel, rows):
    """The class the engine gives each sentence (a '|'-joined list when it split one into
    several sentences), in the order of rows."""
    text = "".join(f"Gespreksleider: Wie wil er iets vertellen?\nDeelnemer {i}: Ja.\n"
                   f"Gespreksleider: Gaat uw gang.\nDeelnemer {i}: {r[3]}\n"
                   for i, r in enumerate(rows, 1))
    p = subprocess.run([spiegel, "analyze", "-q", "--csv=sentences", "-", "-o", "-"],
                       input=text.encode("utf-8"), capture_output=True, check=False)
    if p.returncode != 0:
        raise RuntimeError(f"{spiegel} analyze failed ({p.returncode}): "
                           f"{p.stderr.decode('utf-8', 'replace').strip()}")
    by_speaker, first_turn = {}, {}
    for rec in csv.DictReader(io.StringIO(p.stdout.decode("utf-8"), newline="")):
        who = rec["speaker"]
        first_turn.setdefault(who, rec["turn"])
        if rec["turn"] != first_turn[who]:  # the sentence's own turn, not the "Ja." before it
            by_speaker.setdefault(who, []).append(rec["class"] or "none")
    return ["|".join(by_speaker.get(f"Deelnemer {i}", ["(no sentence)"]))
            for i in range(1, len(rows) + 1)]


def right(expected, got):
    """Whether the classes the engine gave a line (one, or '|'-joined when it cut the line into
    several sentences) are what a reader takes from it: the expected class at least once, and
    no sentence of another kind of item (a line that tells one complaint gives no positive, and
    a cut-off clause without an item of its own takes nothing away)."""
    parts = got.split("|")
    if expected == "none":
        return all(g == "none" for g in parts)
    wanted = {"positive": ("positive",), "learning": ("learning-point", "quick-win"),
              "quick-win": ("quick-win",)}[expected]
    allowed = ("positive", "none") if expected == "positive" else \
        ("learning-point", "quick-win", "none")
    return any(g in wanted for g in parts) and all(g in allowed for g in parts)


def tally(rows, got, part_names):
    """Right and total per class and per part: ({class: [right, n]}, {part: [right, n]})."""
    per_class = {c: [0, 0] for c in CLASSES}
    per_part = {}
    for (_, expected, _, _), g, part in zip(rows, got, part_names):
        good = right(expected, g)
        for counts in (per_class[expected], per_part.setdefault(part, [0, 0])):
            counts[0] += good
            counts[1] += 1
    return per_class, per_part


def main(argv):
    path = argv[0] if argv else os.path.join(HERE, "data", "spoken.tsv")
    spiegel = os.environ.get("SPIEGEL", os.path.join(ROOT, "build", "spiegel"))
    rows, errors = read_set(path)
    for e in errors:
        print(e, file=sys.stderr)
    if errors or not rows:
        print(f"spoken: {path}: no usable set", file=sys.stderr)
        return 1
    got = classes(spiegel, rows)
    regressions, misses = 0, 0
    for (n, expected, status, sentence), g in zip(rows, got):
        good = right(expected, g)
        where = f"{os.path.relpath(path, ROOT)}:{n}"
        if status == "ok" and not good:
            regressions += 1
            print(f"FAIL: spoken: {where}: expected {expected}, got {g}: {sentence}")
        elif status == "miss" and good:
            print(f"spoken: {where}: now right ({g}), mark it ok: {sentence}")
        elif not good:
            misses += 1
    correct = sum(right(r[1], g) for r, g in zip(rows, got))
    print(f"spoken: {correct}/{len(rows)} sentences right, {regressions} regression(s), "
          f"{misses} known miss(es)")
    return 1 if regressions else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
