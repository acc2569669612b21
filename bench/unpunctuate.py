#!/usr/bin/python3
"""unpunctuate.py — text as speech recognition without punctuation writes it.

Removes the marks that end or divide a sentence (. ? ! , ; : and ellipses at the end of a word,
before a blank, a tag or the end of a line: "1.5", "12:30", "'s" and "zo'n" stay) and writes a
sentence's first word in lower case, unless the text never writes that word in lower case (a
name: "Tim", "De Meander" keep their capitals). Used by bench/eval.py (`UD ... punctuation
removed`) and bench/eval_items.py (`macro-F1, punctuation removed`).

As a filter: /usr/bin/python3 bench/unpunctuate.py < text > text-without-marks
(blank lines separate paragraphs; each starts a sentence).
"""
import re
import sys

MARKS = re.compile(r"(?:\.\.\.|\u2026|[.?!,;:])+$")
ENDS = re.compile(r"[.?!\u2026]$")


def lower_words(text):
    """The words the text writes in lower case somewhere."""
    return set(re.findall(r"\b[^\W\d_A-Z][\w'-]*", text))


class Stripper:
    """Removes the marks word by word; remembers whether the next word opens a sentence."""

    def __init__(self, lower):
        self.lower = lower
        self.start = True

    def word(self, w):
        head, _, tail = w.partition("<")
        tail = "<" + tail if _ else ""
        m = MARKS.search(head)
        ends = bool(m) and m.start() > 0
        if ends:
            head = head[:m.start()]
        if self.start and head[:1].isupper() and head[:1].lower() + head[1:] in self.lower:
            head = head[:1].lower() + head[1:]
        if head:
            self.start = ends and bool(ENDS.search(m.group(0)))
        return head + tail

    def clean(self, body):
        return "".join(p if not p or p.isspace() else self.word(p)
                       for p in re.split(r"(\s+)", body))


def main():
    text = sys.stdin.read()
    s = Stripper(lower_words(text))
    out = []
    for para in re.split(r"(\n[ \t]*\n\s*)", text):
        if para.strip() and not para.isspace():
            s.start = True
            out.append(s.clean(para))
        else:
            out.append(para)
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
