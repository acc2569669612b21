#!/usr/bin/python3
"""csv_check.py — reads spiegel's CSV with a real CSV reader and checks it against the XML.

Usage:
  python3 tests/csv_check.py items ITEMS.csv SESSION_OR_CORPUS.xml...
  python3 tests/csv_check.py sentences SENTENCES.csv SESSION_OR_CORPUS.xml...
  python3 tests/csv_check.py themes THEMES.csv COMPARISON.xml
  python3 tests/csv_check.py links LINKS.csv COMPARISON.xml

Checks that the file is UTF-8 without a byte order mark, that every line ends in CRLF
(RFC 4180), that Python's csv module reads it with the expected header and the same number of
fields in every row, and that the rows are the XML's: for items one row per positive and
learning point of every session, in order, with the same session, id, class and quote; for
sentences one row per sentence with the same id and text; for a comparison one row per theme
and session, or one per link with the same kind and status. When pandas is installed, it must
read the file to the same shape. Prints "csv: OK ..." and exits 0, or prints the problems and
exits 1.
"""
import csv
import io
import sys
import xml.etree.ElementTree as ET

HEADERS = {
    "items": "session,date,organisation,domain,item,class,theme,themes,polarity,support,speaker,"
             "role,turn,sentence,sentences,start,quote",
    "sentences": "session,date,organisation,domain,sentence,turn,speaker,role,phase,polarity,"
                 "themes,flags,class,item,start,text",
    "themes": "series,session,date,source,organisation,domain,theme,label,mentions,positive,"
              "negative,polarity,change_mentions,change_positive,change_negative,change_polarity",
    "links": "series,kind,status,similarity,shared,from_session,from_date,from_source,from_item,"
             "from_class,from_theme,from_themes,from_quote,to_session,to_date,to_source,to_item,"
             "to_class,to_theme,to_themes,to_quote",
}


def flat(s):
    return " ".join((s or "").split())


def sessions_of(paths):
    for p in paths:
        root = ET.parse(p).getroot()
        if root.tag == "session":
            yield root
        else:
            yield from root.findall("session")


def expected_rows(kind, xml_paths):
    if kind == "items":
        for s in sessions_of(xml_paths):
            for list_name in ("positives", "learning-points"):
                for it in s.find(list_name).findall("item"):
                    yield (s.get("source"), it.get("id"), it.get("class"), flat(it.findtext("quote")))
    elif kind == "sentences":
        for s in sessions_of(xml_paths):
            t = s.find("transcript")
            for sent in t.iter("sentence") if t is not None else []:
                yield (s.get("source"), sent.get("id"), flat("".join(sent.itertext())))
    elif kind == "themes":
        root = ET.parse(xml_paths[0]).getroot()
        for se in root.findall("series"):
            for th in se.find("themes").findall("theme"):
                for pt in th.findall("point"):
                    yield (th.get("id"), pt.get("session"), pt.get("mentions"))
    else:
        root = ET.parse(xml_paths[0]).getroot()
        for se in root.findall("series"):
            for tr in se.findall("transition"):
                for ln in tr.findall("link"):
                    yield (ln.get("kind"), ln.get("status"))


def got_row(kind, row):
    if kind == "items":
        return (row["session"], row["item"], row["class"], row["quote"])
    if kind == "sentences":
        return (row["session"], row["sentence"], row["text"])
    if kind == "themes":
        return (row["theme"], row["session"], row["mentions"])
    return (row["kind"], row["status"])


def main():
    if len(sys.argv) < 4 or sys.argv[1] not in HEADERS:
        print(__doc__)
        return 2
    kind, path, xml_paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    problems = []
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append("starts with a byte order mark")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        print(f"{path}: not UTF-8: {e}")
        return 1
    if not raw.endswith(b"\r\n"):
        problems.append("the last line does not end in CRLF")
    bare = raw.replace(b"\r\n", b"").count(b"\n")
    if bare:
        problems.append(f"{bare} line feed(s) without a carriage return")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    header = HEADERS[kind].split(",")
    if not rows or rows[0] != header:
        problems.append(f"header is {rows[0] if rows else None}, expected {header}")
    for n, r in enumerate(rows[1:], start=2):
        if len(r) != len(header):
            problems.append(f"record {n} has {len(r)} fields, expected {len(header)}")
    records = [dict(zip(header, r)) for r in rows[1:]]
    want = list(expected_rows(kind, xml_paths))
    got = [got_row(kind, r) for r in records]
    if len(got) != len(want):
        problems.append(f"{len(got)} rows, the XML has {len(want)}")
    for n, (g, w) in enumerate(zip(got, want), start=2):
        if g != w:
            problems.append(f"record {n}: {g!r} != XML {w!r}")
            break
    try:
        import pandas  # optional: the reader researchers use
        frame = pandas.read_csv(path, dtype=str, keep_default_na=False)
        if frame.shape != (len(records), len(header)):
            problems.append(f"pandas reads shape {frame.shape}")
    except ImportError:
        pass
    for p in problems:
        print(f"{path}: {p}")
    if problems:
        return 1
    print(f"csv: OK {path}: {len(records)} {kind} rows, {len(header)} columns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
