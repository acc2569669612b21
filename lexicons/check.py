#!/usr/bin/python3
"""check.py — validates the lexicon files of this directory against README.md.

Checks, per file: the number of TAB-separated fields, that numbers parse and lie in their
range, that kinds and roles are known, that keys are lower-case NFC with single spaces, that
no key occurs twice in one file, that "*" only stands between words of a phrase, and that
themes.tsv declares exactly the seven fixed themes and uses no undeclared id. Across files:
no stopword is a modifier, no phrase starts with a filler or varies a word after "te" as a
finite verb form, and sentiment.tsv, verbs.txt and inflections.txt are what their build scripts
would write.

  /usr/bin/python3 lexicons/check.py           validate; exit 1 on the first file with errors
  /usr/bin/python3 lexicons/check.py --spell   also list words the hunspell-nl dictionary does
                                               not know (needs libhunspell; informative only)

Standard library only.
"""

import argparse
import os
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

THEMES = ["bejegening", "samenwerking", "proces", "informatie", "voorzieningen", "privacy",
          "deskundigheid"]
DIMINUTIVE = "-je"
MODIFIER_KINDS = {"negator", "intensifier", "dampener", "contrast", "filler", "question",
                  "clause", "focus", "elsewhere", "aside"}
ROLES = {"moderator", "participant", "listener", "minutes"}
SOURCES = {"pattern", "domain"}


class Report:
    def __init__(self):
        self.errors = 0
        self.lines = []

    def error(self, path, line, message):
        self.errors += 1
        self.lines.append("%s:%d: %s" % (os.path.relpath(path, HERE), line, message))


def data_lines(path):
    """(line number, fields) of every data line; comments and blank lines skipped."""
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            yield number, line.split("\t")


def check_key(report, path, number, key, phrase=True, affix=False):
    if key != key.strip() or not key:
        report.error(path, number, "empty key or surrounding spaces: %r" % key)
        return
    if unicodedata.normalize("NFC", key).lower() != key:
        report.error(path, number, "key is not lower-case NFC: %r" % key)
    if "  " in key or "\t" in key:
        report.error(path, number, "key has double spaces: %r" % key)
    words = key.split(" ")
    if not phrase and len(words) > 1:
        report.error(path, number, "one word expected: %r" % key)
    if "*" in key:
        if any(w != "*" and "*" in w for w in words):
            report.error(path, number, "'*' must be a word of its own: %r" % key)
        if words[0] == "*" or words[-1] == "*":
            report.error(path, number, "'*' cannot start or end a phrase: %r" % key)
        if any(a == b == "*" for a, b in zip(words, words[1:])):
            report.error(path, number, "two '*' in a row: %r" % key)
    if any(a == b != "*" for a, b in zip(words, words[1:])):
        report.error(path, number, "a word repeated straight after itself never matches "
                     "(the scorer reads 'je je' as one word, a repeat): %r" % key)
    if not affix and len(words) == 1 and (key.endswith("-") or key.startswith("-")) and len(key) > 1:
        report.error(path, number, "affix key outside modifiers.tsv: %r" % key)


def parse_number(report, path, number, text, what):
    try:
        return float(text)
    except ValueError:
        report.error(path, number, "%s is not a number: %r" % (what, text))
        return None


def unique(report, path, seen, number, key):
    if key in seen:
        report.error(path, number, "duplicate key %r (first on line %d)" % (key, seen[key]))
    else:
        seen[key] = number


def check_sentiment(report):
    path = os.path.join(HERE, "sentiment.tsv")
    seen, counts = {}, {"pattern": 0, "domain": 0, "untagged": 0}
    for number, fields in data_lines(path):
        if len(fields) not in (2, 3):
            report.error(path, number, "expected term<TAB>polarity[<TAB>source]")
            continue
        check_key(report, path, number, fields[0])
        unique(report, path, seen, number, fields[0])
        value = parse_number(report, path, number, fields[1], "polarity")
        if value is not None and not -1.0 <= value <= 1.0:
            report.error(path, number, "polarity outside [-1, 1]: %s" % fields[1])
        if len(fields) == 3:
            if fields[2] not in SOURCES:
                report.error(path, number, "unknown source %r" % fields[2])
            else:
                counts[fields[2]] += 1
        else:
            counts["untagged"] += 1
    return "%d entries (%d domain, %d pattern, %d untagged)" % (
        len(seen), counts["domain"], counts["pattern"], counts["untagged"])


def check_modifiers(report):
    path = os.path.join(HERE, "modifiers.tsv")
    seen, kinds = {}, {}
    for number, fields in data_lines(path):
        if len(fields) not in (2, 3):
            report.error(path, number, "expected term<TAB>kind[<TAB>value]")
            continue
        key, kind = fields[0], fields[1]
        check_key(report, path, number, key, affix=True)
        unique(report, path, seen, number, key)
        if kind not in MODIFIER_KINDS:
            report.error(path, number, "unknown kind %r" % kind)
            continue
        kinds[kind] = kinds.get(kind, 0) + 1
        needs_value = kind in ("intensifier", "dampener", "contrast", "focus")
        may_value = needs_value or kind in ("clause", "aside")
        if (needs_value and len(fields) != 3) or (not may_value and len(fields) == 3):
            report.error(path, number, "%s %s a value" % (kind, "needs" if needs_value else "takes no"))
            continue
        if len(fields) == 3:
            value = parse_number(report, path, number, fields[2], "value")
            if value is None:
                continue
            if kind == "intensifier" and not 1.0 < value <= 5.0:
                report.error(path, number, "intensifier value must be in (1, 5]: %s" % fields[2])
            if kind == "dampener" and not 0.0 < value < 1.0:
                report.error(path, number, "dampener value must be in (0, 1): %s" % fields[2])
            if kind == "contrast" and not 1.0 <= value <= 5.0:
                report.error(path, number, "contrast value must be in [1, 5]: %s" % fields[2])
            if kind == "focus" and not 1.0 <= value <= 5.0:
                report.error(path, number, "focus value must be in [1, 5]: %s" % fields[2])
            if kind == "aside" and value not in (0.0, 1.0):
                report.error(path, number, "aside value must be 0 or 1 (the whole sentence): %s" % fields[2])
            if kind == "clause" and not 0.05 <= value <= 1.0:
                report.error(path, number, "clause value must be in [0.05, 1]: %s" % fields[2])
        if (key.endswith("-") or key.startswith("-")) and kind not in ("negator", "intensifier",
                                                                        "dampener"):
            report.error(path, number, "an affix must be a negator, intensifier or dampener")
    return "%d entries (%s)" % (len(seen), ", ".join("%d %s" % (kinds[k], k) for k in sorted(kinds)))


def check_weighted(report, name):
    path = os.path.join(HERE, name)
    seen = {}
    for number, fields in data_lines(path):
        if len(fields) != 2:
            report.error(path, number, "expected term<TAB>weight")
            continue
        # quickwins.tsv may hold the diminutive suffix "-je" (score.c, word_diminutive)
        check_key(report, path, number, fields[0],
                  affix=name == "quickwins.tsv" and fields[0] == DIMINUTIVE)
        unique(report, path, seen, number, fields[0])
        value = parse_number(report, path, number, fields[1], "weight")
        if value is not None and not 0.0 < value <= 1.0:
            report.error(path, number, "weight outside (0, 1]: %s" % fields[1])
    return "%d entries" % len(seen)


IMPERATIVE_CLASSES = {"verb", "lead", "subject", "marker", "determiner", "wish", "article", "causative",
                      "would", "modal"}


def check_classes(report, name, allowed, several):
    """NAME: word<TAB>class (several: comma-separated classes), one word, known classes, no
    duplicates. Returns (entries, {class: count}), or None when the optional file is absent."""
    path = os.path.join(HERE, name)
    if not os.path.exists(path):
        return None
    seen, counts = {}, {}
    for number, fields in data_lines(path):
        if len(fields) != 2:
            report.error(path, number, "expected word<TAB>class")
            continue
        check_key(report, path, number, fields[0], phrase=False)
        unique(report, path, seen, number, fields[0])
        for c in fields[1].split(",") if several else [fields[1]]:
            if c not in allowed:
                report.error(path, number, "unknown class %r" % c)
            counts[c] = counts.get(c, 0) + 1
    return len(seen), counts


def check_imperatives(report):
    """imperatives.txt: word<TAB>class, one word, a known class, no duplicates."""
    found = check_classes(report, "imperatives.txt", IMPERATIVE_CLASSES, several=False)
    if found is None:
        return "absent"
    n, classes = found
    return "%d entries (%s)" % (n, ", ".join("%d %s" % (classes[k], k) for k in sorted(classes)))


def check_verbs(report):
    """verbs.txt: form<TAB>classes (sg, pl), one word, no duplicates, and the file is what
    build_verbs.py makes of Pattern's list (when Pattern is installed)."""
    found = check_classes(report, "verbs.txt", {"sg", "pl"}, several=True)
    if found is None:
        return "absent"
    n, counts = found
    path = os.path.join(HERE, "verbs.txt")
    builder = os.path.join(HERE, "build_verbs.py")
    if os.path.exists("/usr/lib/python3/dist-packages/pattern/text/nl/nl-verbs.txt"):
        if subprocess.run([sys.executable, builder, "--check"]).returncode != 0:
            report.error(path, 0, "not what build_verbs.py makes: run it")
    return "%d forms (%d sg, %d pl)" % (n, counts.get("sg", 0), counts.get("pl", 0))


def check_inflections(report):
    """inflections.txt: infinitive<TAB>present<TAB>past (space-separated one-word forms), no form
    twice in the file, and the file is what build_inflections.py makes of Pattern's list (when
    Pattern is installed)."""
    path = os.path.join(HERE, "inflections.txt")
    if not os.path.exists(path):
        return "absent"
    seen, verbs = {}, 0
    for number, fields in data_lines(path):
        if len(fields) not in (2, 3):
            report.error(path, number, "expected infinitive<TAB>present forms<TAB>past forms")
            continue
        forms = [w for f in fields[1:] for w in f.split(" ") if w]
        if not forms:
            report.error(path, number, "a verb without finite forms")
        for w in [fields[0]] + forms:
            check_key(report, path, number, w, phrase=False)
        for w in forms:
            unique(report, path, seen, number, w)
        verbs += 1
    builder = os.path.join(HERE, "build_inflections.py")
    if os.path.exists("/usr/lib/python3/dist-packages/pattern/text/nl/nl-verbs.txt"):
        if subprocess.run([sys.executable, builder, "--check"]).returncode != 0:
            report.error(path, 0, "not what build_inflections.py makes: run it")
    return "%d verbs, %d forms" % (verbs, len(seen))


def check_themes(report):
    path = os.path.join(HERE, "themes.tsv")
    declared, terms, pairs = {}, {}, {}
    for number, fields in data_lines(path):
        if fields[0] == "@theme":
            if len(fields) != 4 or not all(f.strip() for f in fields):
                report.error(path, number, "expected @theme<TAB>id<TAB>Dutch label<TAB>English label")
                continue
            unique(report, path, declared, number, fields[1])
            continue
        if fields[0] == "@default":
            if len(fields) != 3 or fields[1] not in ("positive", "learning-point", "quick-win"):
                report.error(path, number, "expected @default<TAB>positive|learning-point|quick-win<TAB>id")
            elif fields[2] not in declared:
                report.error(path, number, "theme %r is not declared (before use)" % fields[2])
            continue
        if fields[0] in ("@staff", "@before-staff"):
            if len(fields) != 3 or " " in fields[2] or not fields[2]:
                report.error(path, number, "expected %s<TAB>id<TAB>word" % fields[0])
            elif fields[1] not in declared:
                report.error(path, number, "theme %r is not declared (before use)" % fields[1])
            else:
                unique(report, path, pairs, number, (fields[0], fields[1], fields[2]))
            continue
        if len(fields) != 2:
            report.error(path, number, "expected id<TAB>term")
            continue
        theme, term = fields
        if theme not in declared:
            report.error(path, number, "theme %r is not declared (before use)" % theme)
        check_key(report, path, number, term)
        unique(report, path, pairs, number, (theme, term))
        terms[theme] = terms.get(theme, 0) + 1
    if sorted(declared) != sorted(THEMES):
        report.error(path, 0, "themes must be exactly %s, found %s" % (THEMES, sorted(declared)))
    for theme in THEMES:
        if not 80 <= terms.get(theme, 0) <= 300:
            report.error(path, 0, "theme %s has %d terms (expected 80-300)" % (theme, terms.get(theme, 0)))
    return "%d themes, %d terms (%s)" % (len(declared), sum(terms.values()),
                                         ", ".join("%s %d" % (t, terms.get(t, 0)) for t in THEMES))


def check_roles(report):
    path = os.path.join(HERE, "roles.tsv")
    seen, roles = {}, {}
    for number, fields in data_lines(path):
        if len(fields) != 2:
            report.error(path, number, "expected word<TAB>role")
            continue
        check_key(report, path, number, fields[0], phrase=False)
        unique(report, path, seen, number, fields[0])
        if fields[1] not in ROLES:
            report.error(path, number, "unknown role %r" % fields[1])
        else:
            roles[fields[1]] = roles.get(fields[1], 0) + 1
    return "%d entries (%s)" % (len(seen), ", ".join("%d %s" % (roles[r], r) for r in sorted(roles)))


def check_list(report, name, phrase, dot, kinds=()):
    """A list of one word a line; kinds: the second fields a line may add (situation.txt's
    "self")."""
    path = os.path.join(HERE, name)
    seen = {}
    for number, fields in data_lines(path):
        if len(fields) == 2 and kinds:
            if fields[1] not in kinds:
                report.error(path, number, "unknown kind %r (one of %s)" % (fields[1], ", ".join(kinds)))
                continue
        elif len(fields) != 1:
            report.error(path, number, "expected one field")
            continue
        key = fields[0]
        check_key(report, path, number, key, phrase=phrase)
        unique(report, path, seen, number, key)
        if dot and (not key.endswith(".") or len(key) < 2):
            report.error(path, number, "an abbreviation ends in its dot: %r" % key)
        if not dot and key.endswith("."):
            report.error(path, number, "unexpected final dot: %r" % key)
    return "%d entries" % len(seen)


def check_meeting(report):
    """meeting.txt: word<TAB>kind, kind noun, act, thanks or host, each word once."""
    path = os.path.join(HERE, "meeting.txt")
    if not os.path.exists(path):
        return "absent"
    seen = {}
    for number, fields in data_lines(path):
        if len(fields) != 2:
            report.error(path, number, "expected word<TAB>kind")
            continue
        key, kind = fields
        check_key(report, path, number, key, phrase=False)
        unique(report, path, seen, number, key)
        if kind not in ("noun", "act", "thanks", "host"):
            report.error(path, number, "unknown kind %r (noun, act, thanks or host)" % kind)
    return "%d entries" % len(seen)


def check_spoken(report):
    """spoken.tsv: variant<TAB>standard, one word each; no standard form is a variant."""
    path = os.path.join(HERE, "spoken.tsv")
    if not os.path.exists(path):
        return "absent"
    seen, standards = {}, {}
    for number, fields in data_lines(path):
        if len(fields) != 2:
            report.error(path, number, "expected variant<TAB>standard")
            continue
        variant, standard = fields
        for w in fields:
            check_key(report, path, number, w, phrase=False)
        unique(report, path, seen, number, variant)
        if variant == standard:
            report.error(path, number, "%r is its own standard form" % variant)
        standards.setdefault(standard, number)
    for variant, number in seen.items():
        if variant in standards:
            report.error(path, number, "%r is a variant and a standard form (line %d)"
                         % (variant, standards[variant]))
    return "%d entries" % len(seen)


def check_sections(report):
    """sections.tsv: heading<TAB>class; a heading holds words only and is listed once."""
    path = os.path.join(HERE, "sections.tsv")
    if not os.path.exists(path):
        return "absent"
    seen, classes = {}, {}
    for number, fields in data_lines(path):
        if len(fields) != 2:
            report.error(path, number, "expected heading<TAB>class")
            continue
        heading, cls = fields
        check_key(report, path, number, heading, phrase=True)
        if "*" in heading.split(" ") or "$" in heading.split(" "):
            report.error(path, number, "a heading holds words only: %r" % heading)
        if cls not in ("positive", "learning-point", "quick-win", "context", "closing", "reply", "none"):
            report.error(path, number, "unknown class %r" % cls)
        unique(report, path, seen, number, heading)
        classes[cls] = classes.get(cls, 0) + 1
    return "%d entries (%s)" % (len(seen), ", ".join("%s %d" % kv for kv in sorted(classes.items())))


def keys_of(name, column=0, skip_at=False):
    keys = set()
    for _, fields in data_lines(os.path.join(HERE, name)):
        if skip_at and fields[0] in ("@theme", "@default", "@staff", "@before-staff"):
            continue
        if len(fields) > column:
            keys.add(fields[column])
    return keys


def check_cross(report):
    notes = []
    modifiers = keys_of("modifiers.tsv")
    stop = keys_of("stopwords.txt")
    for word in sorted(stop & modifiers):
        report.error(os.path.join(HERE, "stopwords.txt"), 0, "%r is also a modifier" % word)
    # A one-word marker in suggestions.tsv matches a token's form or its hunspell stem, so a verb
    # stem there is a suggestion in every person and tense ("ze probeerde me te helpen"); the
    # imperative is imperatives.txt's, at the start of a clause.
    imperative_verbs = set()
    imperatives = os.path.join(HERE, "imperatives.txt")
    if os.path.exists(imperatives):
        imperative_verbs = {f[0] for _, f in data_lines(imperatives)
                            if len(f) > 1 and f[1] in ("verb", "causative")}
    suggestions = os.path.join(HERE, "suggestions.tsv")
    for number, fields in data_lines(suggestions):
        if fields[0] in imperative_verbs:
            report.error(suggestions, number,
                         "%r is a verb stem of imperatives.txt: as a one-word marker it would also "
                         "match every inflected form (its hunspell stem); leave it to the imperative "
                         "rule or write a phrase" % fields[0])
    # The scorer skips fillers; a filler later in a phrase must stand there ("als * nou even"),
    # but a phrase cannot start at one. "hoor" is the exception: beside a subject it is the verb
    # ("ik hoor niks", "hoor je * alles") and a word of its own.
    fillers = {f[0] for _, f in data_lines(os.path.join(HERE, "modifiers.tsv"))
               if len(f) > 1 and f[1] == "filler" and " " not in f[0]} - {"hoor"}
    # inflections.txt gives a phrase of sentiment.tsv and themes.tsv every form of its first
    # finite verb form's tense. After "te" a word is an adjective or an infinitive, never a
    # finite form: "te laat" with the variant "te laten" made every "om het te laten
    # onderzoeken" a complaint of lateness.
    finite, infinitives = set(), set()
    if os.path.exists(os.path.join(HERE, "inflections.txt")):
        for _, f in data_lines(os.path.join(HERE, "inflections.txt")):
            infinitives.add(f[0])
            finite.update(w for column in f[1:] for w in column.split(" ") if w)
    for name in ("sentiment.tsv", "suggestions.tsv", "quickwins.tsv", "themes.tsv",
                 "modifiers.tsv"):
        path = os.path.join(HERE, name)
        varies = name in ("sentiment.tsv", "themes.tsv")
        for number, fields in data_lines(path):
            term = fields[1] if name == "themes.tsv" and len(fields) > 1 else fields[0]
            if fields[0].startswith("@"):
                continue
            words = term.split(" ")
            if len(words) > 1 and words[0] in fillers:
                report.error(path, number, "%r starts with the filler %r, which the scorer skips: "
                             "the phrase can never match" % (term, words[0]))
            first = next((i for i, w in enumerate(words) if w in finite or w in infinitives), 0)
            if varies and first and words[first - 1] == "te" and words[first] not in infinitives:
                report.error(path, number, "%r after \"te\" is no finite verb form, but "
                             "inflections.txt would give the phrase its verb's other forms: "
                             "list it in src/inflections_exclude.txt" % words[first])
    dual = sorted(modifiers & keys_of("sentiment.tsv"))
    notes.append("words in both modifiers.tsv and sentiment.tsv (intended, see README): "
                 + ", ".join(dual))
    sys.path.insert(0, HERE)
    sys.dont_write_bytecode = True  # no __pycache__ in lexicons/
    try:
        import build_sentiment
        if os.path.exists(build_sentiment.DEFAULT_PATTERN):
            text, _, _ = build_sentiment.build(build_sentiment.DEFAULT_PATTERN)
            with open(os.path.join(HERE, "sentiment.tsv"), encoding="utf-8") as f:
                if f.read() != text:
                    report.error(os.path.join(HERE, "sentiment.tsv"), 0,
                                 "out of date: run /usr/bin/python3 lexicons/build_sentiment.py")
            notes.append("sentiment.tsv is what build_sentiment.py writes")
        else:
            notes.append("Pattern's nl-sentiment.xml not installed: freshness of sentiment.tsv not checked")
    finally:
        sys.path.pop(0)
    return notes


def spell_report():
    """Words hunspell-nl does not know, per file (informative)."""
    import ctypes
    import ctypes.util
    lib = None
    for name in ("libhunspell-1.7.so.0", ctypes.util.find_library("hunspell-1.7") or "",
                 ctypes.util.find_library("hunspell") or ""):
        if name:
            try:
                lib = ctypes.CDLL(name)
                break
            except OSError:
                pass
    if lib is None:
        return ["libhunspell not found: spelling not checked"]
    lib.Hunspell_create.restype = ctypes.c_void_p
    lib.Hunspell_create.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    lib.Hunspell_spell.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    base = os.environ.get("SPIEGEL_DICT", "/usr/share/hunspell/nl")
    handle = lib.Hunspell_create((base + ".aff").encode(), (base + ".dic").encode())
    out = []
    files = [("sentiment.tsv", 0), ("modifiers.tsv", 0), ("suggestions.tsv", 0),
             ("quickwins.tsv", 0), ("themes.tsv", 1), ("roles.tsv", 0), ("handover.tsv", 0),
             ("moderator.tsv", 0), ("stopwords.txt", 0)]
    for name, column in files:
        unknown = set()
        for _, fields in data_lines(os.path.join(HERE, name)):
            if fields[0] in ("@theme", "@default", "@staff", "@before-staff") or len(fields) <= column:
                continue
            for word in fields[column].split(" "):
                word = word.strip("-")
                if word and word != "*" and not lib.Hunspell_spell(handle, word.encode()):
                    unknown.add(word)
        out.append("%s: %d unknown to hunspell%s" % (
            name, len(unknown), (": " + ", ".join(sorted(unknown))) if unknown else ""))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--spell", action="store_true", help="list words hunspell does not know")
    args = parser.parse_args()

    report = Report()
    results = [
        ("sentiment.tsv", check_sentiment(report)),
        ("modifiers.tsv", check_modifiers(report)),
        ("suggestions.tsv", check_weighted(report, "suggestions.tsv")),
        ("quickwins.tsv", check_weighted(report, "quickwins.tsv")),
        ("themes.tsv", check_themes(report)),
        ("roles.tsv", check_roles(report)),
        ("handover.tsv", check_list(report, "handover.tsv", phrase=True, dot=False)),
        ("moderator.tsv", check_list(report, "moderator.tsv", phrase=True, dot=False)),
        ("abbreviations.txt", check_list(report, "abbreviations.txt", phrase=False, dot=True)),
        ("stopwords.txt", check_list(report, "stopwords.txt", phrase=False, dot=False)),
        ("wishquestions.txt", check_list(report, "wishquestions.txt", phrase=False, dot=False)),
        ("situation.txt", check_list(report, "situation.txt", phrase=False, dot=False,
                                     kinds=("self",))),
        ("imperatives.txt", check_imperatives(report)),
        ("verbs.txt", check_verbs(report)),
        ("inflections.txt", check_inflections(report)),
        ("spoken.tsv", check_spoken(report)),
        ("sections.tsv", check_sections(report)),
        ("meeting.txt", check_meeting(report)),
    ]
    notes = check_cross(report)
    for name, summary in results:
        print("%-18s %s" % (name, summary))
    for note in notes:
        print("note: " + note)
    if args.spell:
        for line in spell_report():
            print("spell: " + line)
    for line in report.lines:
        print("error: " + line)
    print("%d error(s)" % report.errors)
    sys.exit(1 if report.errors else 0)


if __name__ == "__main__":
    main()
