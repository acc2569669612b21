#!/usr/bin/python3
"""eval_items.py — spiegel's sentence classes against the hand-annotated gold of corpora/.

Every transcript corpora/[heldout/|series/]NAME.{txt,vtt,srt} with a gold file NAME.gold.tsv is
analysed with `spiegel analyze -q FILE` (one process per transcript, several at a time). The
gold file lists, one per line, LABEL<TAB>THEMES<TAB>TEXT: LABEL positive | learning | quickwin
(a quick-win is also a learning point), THEMES comma-separated theme ids, TEXT a sentence quoted
verbatim from a participant's turn; every sentence not listed is "none".

Alignment. Texts are compared folded: accents and ligatures folded, lower case, letters and
digits only, so quotes, dashes, blanks and line breaks do not matter. spiegel's sentences
(<transcript>/<turn>/<sentence>) are folded and concatenated in document order; a gold sentence
is looked up in that concatenation (the first occurrence not already taken by another gold
sentence, one in a participant's turn preferred) and is matched by every spiegel sentence it
overlaps that either contains it, is contained in it, or shares at least 50% of the shorter of
the two; so a gold sentence that spiegel split in two is matched by both halves, and two gold
sentences that spiegel kept together are both matched by that one sentence. When the folded
gold text does not occur verbatim (a reader that keeps a timestamp inside a sentence, say), the
overlap is the sum of common runs of 4+ characters (difflib) with spiegel sentences sharing an
8-character piece with it, under the same 50% rule. A gold sentence matched by nothing counts as
"none" predicted and is reported as unaligned.

Labels. A gold sentence is predicted as class C when any of its matched sentences carries C
(class="positive" | "learning-point" | "quick-win"); a spiegel sentence matched by no gold
sentence is gold "none". Per class:
  positive   class positive                        vs gold positive
  learning   class learning-point or quick-win     vs gold learning or quickwin
  quickwin   class quick-win                       vs gold quickwin
precision, recall and F1; macro-F1 is their mean. Theme accuracy: of the gold sentences whose
coarse class (positive / learning) spiegel got right, the share whose gold themes intersect the
themes attribute of the matched sentence(s) carrying that class.

Sets: dev = corpora/*, held-out = corpora/heldout/* (never tune on it), series =
corpora/series/*, dev 2 = corpora/dev2/* (transcripts written blind in the twenty-eighth round,
measured at first sight and then worked on), dev 3 = corpora/dev3/* (the same, twenty-ninth
round), dev 4 = corpora/dev4/* (the same, thirtieth round), reports = corpora/reports/* (written summaries, written blind and then worked
on), reports fresh = corpora/reports-fresh/* (written summaries kept as a first-sight measure:
never tune on it), reports dev = corpora/reports-dev/* (written summaries in reported speech,
written blind in the eighteenth round, measured at first sight and then worked on), reports blind = corpora/reports-blind/* (reports in
reported speech written blind after that work: a first-sight measure, never tune on it), reports
dev 2 = corpora/reports-dev2/* (a narrative report, a Markdown report and an e-mail with a
table, written blind in the thirtieth round, measured at first sight and then worked on), dev 5 =
corpora/dev5/* (a Teams export, diarised WebVTT codes, a run-on SRT) and reports dev 3 =
corpora/reports-dev3/* (a memo, a slide deck, a newsletter article), both written blind in the
thirty-first round, measured at first sight and then worked on, and reports dev 4 =
corpora/reports-dev4/* (a forwarded e-mail, a spreadsheet pasted as text, question-and-answer
minutes), written blind in the thirty-second round, measured at first sight and then worked on,
and reports dev 5 = corpora/reports-dev5/* (a PDF export as text, an e-mail reply quoting the
report, Markdown minutes with checkboxes), written blind in the thirty-third round, measured at
first sight and then worked on, and dev 7 = corpora/dev7/* (a focus-group transcript with
codes and a legend, YouTube's rolling automatic captions with dialogue dashes, a subtitler's SRT
with "(Name)" and dashes), written blind in the same round, measured at first sight and then
worked on, and dev 8 = corpora/dev8/* (a Flemish transcript with bracketed labels and clock
times, a line-numbered research transcript with a prose introduction, a WhisperX SRT without a
legend) and reports dev 6 = corpora/reports-dev6/* (a slide deck's outline, an intranet article,
a spreadsheet of points), written blind in the thirty-fourth round, measured at first sight and
then worked on, and dev 9 = corpora/dev9/* (a WhatsApp chat export, a screenplay, interpreters
speaking for participants) and reports dev 7 = corpora/reports-dev7/* (a formal letter, a
dashboard with verdict emoji, a list of quotes), written blind later in the same round, and dev
10 = corpora/dev10/* (dash labels with a time mark after every line, a Word table, a meeting
assistant's Markdown export) and reports dev 8 = corpora/reports-dev8/* (an AI meeting summary,
a client council's minutes, a poster), written blind in the thirty-fourth round, measured at
first sight and worked on in the thirty-fifth, and dev 11 = corpora/dev11/* (a Google Meet
transcript, an e-mail that quotes a transcript, a transcription bureau's verbatim text) and
reports dev 9 = corpora/reports-dev9/* (a team meeting's minutes, a SWOT analysis, a customer
journey), written blind in the thirty-fifth round, measured at first sight and worked on in the
thirty-sixth, and dev 12 = corpora/dev12/* (an Otter.ai export, an ELAN tab-delimited export, a
verbatim verslag in the style of the Handelingen) and reports dev 10 = corpora/reports-dev10/*
(a quality annual report's chapter, a mind map's text export, a patients' newsletter), written
blind in the thirty-sixth round, measured at first sight and worked on in the thirty-seventh,
and dev 13 = corpora/dev13/* (a CHAT/CHILDES transcript, a YouTube .sbv caption file saved as
.txt, a PDF-converted transcript with a name column and running headers) and reports dev 11 =
corpora/reports-dev11/* (a patients' FAQ, an advisory memo, a podcast's show notes), written
blind in the thirty-seventh round, measured at first sight and worked on in the thirty-eighth,
and dev 14 = corpora/dev14/* (an f4transkript export, a Jefferson-notation conversation-analysis
transcript with line numbers, a Zoom transcript saved as .txt) and reports dev 12 =
corpora/reports-dev12/* (a Padlet retrospective board, an evaluation form's summary, a board's
formal response letter), written blind in the thirty-eighth round, measured at first sight and
worked on in the thirty-ninth, and dev 15 = corpora/dev15/* (a local Whisper transcript with
speaker diarisation, a Teams .docx transcript in the older layout saved as text, Advanced
SubStation Alpha subtitles saved as .txt) and reports dev 13 = corpora/reports-dev13/* (a
treatment centre's A3/PDCA improvement sheet, a LinkedIn discussion thread, a Trello board),
written blind in the thirty-ninth round, measured at first sight and worked on in the fortieth,
and dev 16 = corpora/dev16/* (a Praat TextGrid, a Rev/Temi transcript export, a Transcriber .trs
file saved as .txt) and reports dev 14 = corpora/reports-dev14/* (a Word draft with tracked
changes, a Teams channel thread, a client council's advice letter), written blind in the
fortieth round, measured at first sight and worked on in the forty-first, and dev 17 =
corpora/dev17/* (an ELAN .eaf file, an EXMARaLDA .exb file, a Word table saved as text) and
reports dev 15 = corpora/reports-dev15/* (a Mentimeter export, a Confluence wiki page, a
flip-chart transcription), written blind in the forty-first round, measured at first sight and
worked on in the forty-second.
Every
mismatch goes to build/eval/items-errors.tsv for the lexicon engineers.

Labels removed (unlabelled()): the same sets once more, with every speaker label replaced by
"Spreker N" (N in order of first appearance) and any "rollen:" header dropped, as automatic
transcription writes them: spiegel must then infer who the moderator, the participants and the
listeners are from what they say. The labels to replace are the ones spiegel reads in the
original (its <speakers>), at the start of a line, after a timestamp or in a WebVTT <v> tag.

Punctuation removed (unpunctuated()): the same sets once more, without the marks that end or
divide a sentence (. ? ! , ; : and ellipses before a blank or a line's end; "1.5" and "12:30"
stay), a sentence's first word in lower case unless the transcript also writes it with a
capital inside a sentence (a name): what speech recognition without punctuation writes, and
what spiegel must then split by the words alone. Headers, timestamps and labels stay.

Run alone for per-file figures:   /usr/bin/python3 bench/eval_items.py
"""
import argparse
import concurrent.futures
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET

import unpunctuate as unpunctuate_text

SETS = (("dev", ""), ("held-out", "heldout"), ("held-out fresh", "heldout-fresh"),
        ("dev 2", "dev2"), ("dev 3", "dev3"), ("dev 4", "dev4"), ("dev 5", "dev5"), ("dev 6", "dev6"), ("dev 7", "dev7"), ("dev 8", "dev8"), ("dev 9", "dev9"), ("dev 10", "dev10"), ("dev 11", "dev11"), ("dev 12", "dev12"), ("dev 13", "dev13"), ("dev 14", "dev14"), ("dev 15", "dev15"), ("dev 16", "dev16"), ("dev 17", "dev17"), ("series", "series"), ("reports", "reports"), ("reports fresh", "reports-fresh"),
        ("reports dev", "reports-dev"), ("reports blind", "reports-blind"),
        ("reports dev 2", "reports-dev2"), ("reports dev 3", "reports-dev3"),
        ("reports dev 4", "reports-dev4"),
        ("reports dev 5", "reports-dev5"), ("reports dev 6", "reports-dev6"),
        ("reports dev 7", "reports-dev7"),
        ("reports dev 8", "reports-dev8"), ("reports dev 9", "reports-dev9"),
        ("reports dev 10", "reports-dev10"), ("reports dev 11", "reports-dev11"),
        ("reports dev 12", "reports-dev12"), ("reports dev 13", "reports-dev13"), ("reports dev 14", "reports-dev14"), ("reports dev 15", "reports-dev15"))
CLASSES = ("positive", "learning", "quickwin")
GOLD_LABELS = {"positive": "positive", "learning": "learning", "quickwin": "quickwin",
               "learning-point": "learning", "quick-win": "quickwin"}
SPIEGEL_LABELS = {"positive": "positive", "learning-point": "learning", "quick-win": "quickwin"}
# Lexicon theme ids that name a gold theme differently.
THEME_ALIASES = {"zorgproces": "proces"}
TRANSCRIPT = re.compile(r"\.(txt|vtt|srt)$")
LIGATURES = (("æ", "ae"), ("Æ", "AE"), ("œ", "oe"), ("Œ", "OE"), ("ß", "ss"), ("ø", "o"),
             ("Ø", "O"), ("ĳ", "ij"), ("Ĳ", "IJ"))
NONALNUM = re.compile(r"[^0-9a-z]")
MIN_BLOCK = 4   # fallback alignment: shortest common run that counts
GRAM = 8        # fallback alignment: candidate sentences share a piece this long


def fold(text):
    """Lower-case ASCII letters and digits only, accents and ligatures folded."""
    t = unicodedata.normalize("NFKD", text)
    for a, b in LIGATURES:
        t = t.replace(a, b)
    t = "".join(c for c in t if not unicodedata.combining(c))
    return NONALNUM.sub("", t.lower())


def fold_theme(t):
    t = fold(t)
    return THEME_ALIASES.get(t, t)


def local(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


# ---- inputs ---------------------------------------------------------------------------------

def transcripts(root):
    """[(set name, transcript path, gold path or None)] for every transcript under corpora/."""
    out = []
    for name, sub in SETS:
        d = os.path.join(root, "corpora", sub) if sub else os.path.join(root, "corpora")
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            p = os.path.join(d, f)
            if TRANSCRIPT.search(f) and os.path.isfile(p):
                g = TRANSCRIPT.sub(".gold.tsv", p)
                out.append((name, p, g if os.path.exists(g) else None))
    return out


def read_gold(path, problems):
    """[{label, themes, text, fold}] from a gold file; bad lines are reported and skipped."""
    items = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f.read().split("\n"), 1):
            line = line.rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t", 2)
            label = GOLD_LABELS.get(cols[0].strip().lower()) if cols else None
            if len(cols) != 3 or label is None or not cols[2].strip():
                problems.append(f"{path}:{n}: not LABEL<TAB>THEMES<TAB>TEXT; skipped")
                continue
            themes = {fold_theme(t) for t in cols[1].split(",") if t.strip()}
            items.append({"label": label, "themes": themes, "text": cols[2].strip(),
                          "fold": fold(cols[2])})
    return items


def analyze(spiegel, path):
    """Runs spiegel on one transcript. Returns ([sentence dict], problem or None)."""
    try:
        proc = subprocess.run([spiegel, "analyze", "-q", path], capture_output=True, timeout=300)
    except (OSError, subprocess.SubprocessError) as e:
        return None, f"{path}: spiegel could not run: {e}"
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, f"{path}: spiegel analyze exited {proc.returncode}" + (
            f": {err[0][:160]}" if err else "")
    try:
        root = ET.fromstring(proc.stdout)
    except ET.ParseError as e:
        return None, f"{path}: spiegel's XML does not parse: {e}"
    sentences = []
    for transcript in (e for e in root.iter() if local(e.tag) == "transcript"):
        for turn in (e for e in transcript if local(e.tag) == "turn"):
            for s in (e for e in turn if local(e.tag) == "sentence"):
                text = "".join(s.itertext())
                cls = s.get("class")
                sentences.append({
                    "id": s.get("id", ""), "text": text, "fold": fold(text),
                    "label": SPIEGEL_LABELS.get(cls) if cls else None,
                    "themes": {fold_theme(t) for t in (s.get("themes") or "").split()},
                    "role": turn.get("role", "")})
    if not sentences:
        return None, f"{path}: spiegel's XML has no <transcript> sentences"
    return sentences, None


# ---- alignment ------------------------------------------------------------------------------

def passes(ov, lg, ls):
    """The matching rule: containment either way, or >= 50% of the shorter text."""
    return ov > 0 and (ov >= lg or ov >= ls or ov >= 0.5 * min(lg, ls))


def grams(s):
    return {s[i:i + GRAM] for i in range(len(s) - GRAM + 1)} if len(s) >= GRAM else {s}


def align(gold, sentences):
    """Sets gold item['match'] = [sentence indexes] and item['how'] = exact | fuzzy | none."""
    starts, pos = [], 0
    for s in sentences:
        starts.append(pos)
        pos += len(s["fold"])
    concat = "".join(s["fold"] for s in sentences)
    taken = set()
    sgrams = None

    def covering(a, b):
        """Indexes of sentences overlapping concat[a:b) with their overlap."""
        out = []
        for i, s in enumerate(sentences):
            lo, hi = starts[i], starts[i] + len(s["fold"])
            ov = min(b, hi) - max(a, lo)
            if ov > 0:
                out.append((i, ov))
        return out

    for g in gold:
        fg = g["fold"]
        g["match"], g["how"] = [], "none"
        if not fg:
            continue
        occ, at = [], concat.find(fg)
        while at >= 0:
            occ.append(at)
            at = concat.find(fg, at + 1)
        if occ:
            free = [a for a in occ if a not in taken] or occ
            part = [a for a in free
                    if any(sentences[i]["role"] in ("participant", "")
                           for i, _ in covering(a, a + len(fg)))]
            a = (part or free)[0]
            taken.add(a)
            cands = covering(a, a + len(fg))
            g["how"] = "exact"
        else:
            if sgrams is None:
                sgrams = [grams(s["fold"]) for s in sentences]
            gg = grams(fg)
            cands = []
            for i, s in enumerate(sentences):
                if not s["fold"] or not (gg & sgrams[i]):
                    continue
                sm = difflib.SequenceMatcher(None, fg, s["fold"], autojunk=False)
                ov = sum(b.size for b in sm.get_matching_blocks() if b.size >= MIN_BLOCK)
                cands.append((i, ov))
            g["how"] = "fuzzy"
        g["match"] = [i for i, ov in cands if passes(ov, len(fg), len(sentences[i]["fold"]))]
        if not g["match"]:
            g["how"] = "none"


def has(labels, cls):
    """Whether a set of spiegel labels counts as class cls (quick-win is also learning)."""
    if cls == "learning":
        return "learning" in labels or "quickwin" in labels
    return cls in labels


def gold_is(label, cls):
    if cls == "learning":
        return label in ("learning", "quickwin")
    return label == cls


def label_name(labels):
    return "+".join(sorted(labels)) if labels else "none"


# ---- scoring --------------------------------------------------------------------------------

def new_tally():
    return {"tp": dict.fromkeys(CLASSES, 0), "fp": dict.fromkeys(CLASSES, 0),
            "fn": dict.fromkeys(CLASSES, 0), "gold": dict.fromkeys(CLASSES, 0),
            "theme_ok": 0, "theme_n": 0, "unaligned": 0, "fuzzy": 0,
            "files": 0, "failed": 0, "nogold": 0, "sentences": 0}


def score_file(rel, gold, sentences, tally, errors, foreign_themes):
    """Adds one transcript's counts to tally and its mismatches to errors."""
    align(gold, sentences)
    matched = set()
    for g in gold:
        tally["gold"][g["label"]] += 1
        if g["how"] == "none":
            tally["unaligned"] += 1
        elif g["how"] == "fuzzy":
            tally["fuzzy"] += 1
        matched.update(g["match"])
        labels = {sentences[i]["label"] for i in g["match"] if sentences[i]["label"]}
        for c in CLASSES:
            gi, pi = gold_is(g["label"], c), has(labels, c)
            tally["tp"][c] += gi and pi
            tally["fn"][c] += gi and not pi
            tally["fp"][c] += pi and not gi
        coarse = "positive" if g["label"] == "positive" else "learning"
        ids = " ".join(sentences[i]["id"] for i in g["match"])
        if has(labels, coarse):
            right = [i for i in g["match"] if sentences[i]["label"]
                     and has({sentences[i]["label"]}, coarse)]
            themes = set().union(*(sentences[i]["themes"] for i in right))
            tally["theme_n"] += 1
            ok = bool(themes & g["themes"])
            tally["theme_ok"] += ok
        else:
            themes, ok = set().union(*(sentences[i]["themes"] for i in g["match"])), None
        if label_name(labels) != g["label"] or ok is False:
            note = ("unaligned" if g["how"] == "none" else
                    "themes" if label_name(labels) == g["label"] else
                    "fuzzy-aligned" if g["how"] == "fuzzy" else "")
            errors.append((rel, g["label"], label_name(labels), g["text"],
                           ",".join(sorted(g["themes"])), ",".join(sorted(themes)), ids, note))
    for i, s in enumerate(sentences):
        tally["sentences"] += 1
        foreign_themes.update(t for t in s["themes"] if t)
        if i in matched or not s["label"]:
            continue
        for c in CLASSES:
            tally["fp"][c] += has({s["label"]}, c)
        errors.append((rel, "none", s["label"], s["text"].strip(), "",
                       ",".join(sorted(s["themes"])), s["id"],
                       "" if s["role"] in ("participant", "") else "role=" + s["role"]))


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def summarize(tally):
    """{class: (P, R, F1)}, macro-F1 and theme accuracy of one set's tally."""
    out = {c: prf(tally["tp"][c], tally["fp"][c], tally["fn"][c]) for c in CLASSES}
    out["macro"] = sum(out[c][2] for c in CLASSES) / len(CLASSES)
    out["theme"] = tally["theme_ok"] / tally["theme_n"] if tally["theme_n"] else None
    out["labelled"] = sum(tally["gold"].values())
    return out


GOLD_THEMES = {"bejegening", "samenwerking", "proces", "informatie", "voorzieningen", "privacy",
               "deskundigheid"}


def evaluate(spiegel, root, dump="build/eval/items-errors.tsv", jobs=None, per_file=None):
    """Analyses every transcript and scores it. Returns {'sets': {set: (tally, summary)},
    'problems': [str], 'dump': path, 'foreign_themes': set}."""
    problems, errors, foreign = [], [], set()
    files = transcripts(root)
    tallies = {name: new_tally() for name, _ in SETS}
    todo = []
    for name, path, gpath in files:
        if gpath is None:
            tallies[name]["nogold"] += 1
            continue
        todo.append((name, path, gpath))
    jobs = jobs or min(8, os.cpu_count() or 1)
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(analyze, spiegel, path) for _, path, _ in todo]
        for (name, path, gpath), fut in zip(todo, futures):
            rel = os.path.relpath(path, root)
            tally = tallies[name]
            tally["files"] += 1
            try:
                gold = read_gold(gpath, problems)
            except (OSError, UnicodeDecodeError) as e:
                problems.append(f"{gpath}: unreadable: {e}")
                continue
            sentences, problem = fut.result()
            if problem:
                problems.append(problem)
                tally["failed"] += 1
                sentences = []   # every gold sentence of this file counts as missed
            before = {k: dict(tally[k]) for k in ("tp", "fp", "fn")}
            score_file(rel, gold, sentences, tally, errors, foreign)
            if per_file is not None:
                per_file.append((name, rel, len(gold), {
                    c: prf(*(tally[k][c] - before[k][c] for k in ("tp", "fp", "fn")))
                    for c in CLASSES}, problem))
    if dump:
        os.makedirs(os.path.dirname(dump) or ".", exist_ok=True)
        with open(dump, "w", encoding="utf-8") as f:
            f.write("# file\tgold\tspiegel\ttext\tgold_themes\tspiegel_themes\tsentences\tnote\n")
            for row in errors:
                f.write("\t".join(str(x).replace("\t", " ").replace("\n", " ") for x in row)
                        + "\n")
    return {"sets": {n: (t, summarize(t)) for n, t in tallies.items()}, "problems": problems,
            "dump": dump, "errors": len(errors),
            "foreign_themes": {t for t in foreign if t not in GOLD_THEMES}}


def unlabel(spiegel, path, dest):
    """Writes path to dest with every speaker label spiegel reads in it replaced by "Spreker N"
    and no "rollen:" header. Returns None, or a problem."""
    try:
        labels = speaker_labels(spiegel, path)
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except (OSError, subprocess.SubprocessError, ET.ParseError, UnicodeDecodeError) as e:
        return f"{path}: could not remove its labels: {e}"
    text = "\n".join(line for line in text.split("\n")
                     if not re.match(r"(#\s*)?(rollen|roles)\s*:", line.strip(), re.I))
    # longest first, so that "Jan de Vries" is replaced before "Jan"
    for k, label in sorted(enumerate(labels), key=lambda kv: -len(kv[1])):
        new = f"Spreker {k + 1}"
        text = re.sub(r"(^|\]\s*|\n)" + re.escape(label) + r"(\s*:)",
                      lambda m: m.group(1) + new + m.group(2), text)
        text = text.replace("<v " + label + ">", "<v " + new + ">")
    with open(dest, "w", encoding="utf-8") as f:
        f.write(text)
    return None


def speaker_labels(spiegel, path):
    """The speaker labels spiegel reads in path (its <speakers>), or raises."""
    proc = subprocess.run([spiegel, "analyze", "-q", "--no-transcript", path],
                          capture_output=True, timeout=300)
    root = ET.fromstring(proc.stdout)
    return [e.get("label") for e in root.iter() if local(e.tag) == "speaker" and e.get("label")]


LINE_LABEL = re.compile(r"^(\s*(?:\[[^\]]*\]\s*)?)([^:\n]{1,60}?:\s+)")


def unpunctuate(spiegel, path, dest):
    """Writes path to dest as speech recognition without punctuation writes it: no sentence
    marks, and a sentence's first word in lower case unless the transcript never writes it so
    (a name). Headers, timestamps, cue ids and speaker labels stay. Returns None, or a problem."""
    try:
        labels = set(speaker_labels(spiegel, path))
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except (OSError, subprocess.SubprocessError, ET.ParseError, UnicodeDecodeError) as e:
        return f"{path}: could not remove its punctuation: {e}"
    strip = unpunctuate_text.Stripper(unpunctuate_text.lower_words(text))
    vtt = path.endswith(".vtt")
    voice = None

    lines = []
    in_note = False
    for line in text.split("\n"):
        st = line.strip()
        if vtt and (st.startswith("NOTE") or st.startswith("WEBVTT")):
            in_note = True
        if not st:
            in_note = False
        if (in_note or not st or st.startswith("#") or "-->" in st or st.isdigit()
                or (vtt and re.fullmatch(r"[0-9a-f-]{36}(/\d+-\d+)?", st))):
            lines.append(line)
            continue
        m = LINE_LABEL.match(line)
        if vtt and st.startswith("<v ") and ">" in line:
            k = line.index(">") + 1
            if line[:k] != voice:
                strip.start = True
            voice = line[:k]
            lines.append(line[:k] + strip.clean(line[k:]))
        elif m and m.group(2).rstrip().rstrip(":").strip() in labels:
            strip.start = True
            lines.append(m.group(1) + m.group(2) + strip.clean(line[m.end():]))
        else:
            lines.append(strip.clean(line))
    with open(dest, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    return None


def variant(spiegel, root, change, jobs=None):
    """evaluate() on copies of the transcripts made by change(spiegel, path, dest)."""
    with tempfile.TemporaryDirectory(prefix="spiegel-eval-") as tmp:
        problems = []
        for name, path, gpath in transcripts(root):
            if gpath is None:
                continue
            sub = os.path.relpath(os.path.dirname(path), os.path.join(root, "corpora"))
            d = os.path.normpath(os.path.join(tmp, "corpora", sub))
            os.makedirs(d, exist_ok=True)
            shutil.copy(gpath, d)
            problem = change(spiegel, path, os.path.join(d, os.path.basename(path)))
            if problem:
                problems.append(problem)
        r = evaluate(spiegel, tmp, dump=None, jobs=jobs)
        r["problems"] = problems + r["problems"]
        return r


def unlabelled(spiegel, root, jobs=None):
    """evaluate() on copies of the transcripts without their speaker labels (see the top)."""
    return variant(spiegel, root, unlabel, jobs)


def unpunctuated(spiegel, root, jobs=None):
    """evaluate() on copies of the transcripts without punctuation (see the top)."""
    return variant(spiegel, root, unpunctuate, jobs)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--spiegel",
                    default=os.environ.get("SPIEGEL") or os.path.join(root, "build", "spiegel"))
    ap.add_argument("--root", default=root)
    ap.add_argument("--dump", default=os.path.join(root, "build", "eval", "items-errors.tsv"))
    a = ap.parse_args()
    if not os.access(a.spiegel, os.X_OK):
        print(f"eval_items: {a.spiegel} is missing: build it with `make`", file=sys.stderr)
        return 2
    per_file = []
    r = evaluate(a.spiegel, a.root, a.dump, per_file=per_file)
    print(f"{'set':9s}{'file':44s}{'gold':>5s}  {'pos P/R':>11s}  {'learn P/R':>11s}  "
          f"{'quick P/R':>11s}")
    for name, rel, n, m, problem in per_file:
        print(f"{name:9s}{rel:44s}{n:5d}  " + "  ".join(
            f"{m[c][0]:5.2f}/{m[c][1]:5.2f}" for c in CLASSES) + ("  FAILED" if problem else ""))
    for name, (t, s) in r["sets"].items():
        if not t["files"]:
            continue
        print(f"\n{name}: {t['files']} transcripts, {s['labelled']} labelled gold sentences "
              f"({', '.join(c + ' ' + str(t['gold'][c]) for c in CLASSES)}), "
              f"{t['unaligned']} unaligned, {t['fuzzy']} fuzzy-aligned")
        for c in CLASSES:
            p, rr, f = s[c]
            print(f"  {c:9s} P={p:.3f} R={rr:.3f} F1={f:.3f}  "
                  f"(tp {t['tp'][c]}, fp {t['fp'][c]}, fn {t['fn'][c]})")
        th = f"{s['theme']:.3f}" if s["theme"] is not None else "n/a"
        print(f"  macro-F1={s['macro']:.3f}  theme accuracy={th} ({t['theme_ok']}/{t['theme_n']})")
    if r["foreign_themes"]:
        print("spiegel theme ids outside the gold taxonomy:", " ".join(sorted(r["foreign_themes"])))
    for p in r["problems"]:
        print("problem:", p)
    print(f"{r['errors']} mismatches written to {r['dump']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
