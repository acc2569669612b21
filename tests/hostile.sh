#!/bin/sh
# hostile.sh — the hostile-input matrix: transcripts from speech recognition, Word exports and
# copy-paste at their worst. Each case runs `spiegel analyze` and expects either an exit status
# with a message on stderr, or exit 0 with a document that is valid against docs/spiegel.rng.
# A failed run must leave no output file behind (outputs are written atomically).
# Large inputs (a 50 MB line, a million turns) and odd bytes are generated here into
# build/hostile/; readable ones live in tests/hostile/ (README.md there lists them).
# SPIEGEL names the binary (default build/spiegel); HOSTILE_BIG=0 skips the large inputs.
# Ends with "hostile: N passed, N failed".
set -u
SPIEGEL=${SPIEGEL:-build/spiegel}
RNG=docs/spiegel.rng
T=build/hostile
H=tests/hostile
rm -rf "$T"; mkdir -p "$T"
pass=0 fail=0
ok()  { pass=$((pass + 1)); }
bad() { echo "FAIL: $1"; fail=$((fail + 1)); }

# expect NAME STATUS WHAT FILE [OPTIONS...]
#   WHAT is "xml" (exit 0 and a valid document), "xml:TEXT" (valid document and TEXT on
#   stderr, a warning), or TEXT (the message expected on stderr).
expect() {
  name=$1 want=$2 what=$3 file=$4; shift 4
  out=$T/$name.xml
  "$SPIEGEL" analyze "$@" "$file" -o "$out" >"$T/$name.stdout" 2>"$T/$name.err"
  got=$?
  if [ "$got" != "$want" ]; then
    bad "$name: exit $got, expected $want: $(head -c 300 "$T/$name.err")"; return
  fi
  case $what in
  xml*)
    if ! xmllint --noout --stream --relaxng "$RNG" "$out" 2>"$T/$name.rng"; then
      bad "$name: output not valid: $(head -3 "$T/$name.rng")"; return
    fi
    text=${what#xml}; text=${text#:}
    if [ -n "$text" ] && ! grep -qF -- "$text" "$T/$name.err"; then
      bad "$name: expected '$text' on stderr, got: $(head -c 300 "$T/$name.err")"; return
    fi ;;
  *)
    if ! grep -qF -- "$what" "$T/$name.err"; then
      bad "$name: expected '$what' on stderr, got: $(head -c 300 "$T/$name.err")"; return
    fi
    if [ -e "$out" ] || ls "$T" | grep -q "^$name.xml.tmp"; then
      bad "$name: a failed run left an output file"; return
    fi ;;
  esac
  ok
}

# contains NAME TEXT: the document of case NAME holds TEXT.
contains() {
  if grep -qF -- "$2" "$T/$1.xml"; then ok; else bad "$1: output lacks '$2'"; fi
}

G=$T/in   # generated inputs
mkdir -p "$G"
good='Mevrouw K.: De verpleegkundigen waren heel vriendelijk.\nMeneer B.: Ik moest erg lang wachten.\n'

# ---- encodings ----
# UTF-8 (héél, één) with one stray byte: not mistaken for Windows-1252
printf 'Mevrouw K.: h\303\251\303\251l goed\nMeneer B.: \303\251\303\251n \303 kapot\n' >"$G/invalid-utf8.txt"
expect invalid-utf8 1 "invalid-utf8.txt:2: " "$G/invalid-utf8.txt"
printf 'Mevrouw K.: het caf\351 was \223prima\224, de co\366rdinator ook.\nMeneer B.: na\357ef.\n' >"$G/cp1252.txt"
expect cp1252 0 "xml:Windows-1252" "$G/cp1252.txt"
contains cp1252 "café"
printf '\377\376' >"$G/utf16le.txt"
printf "$good" | iconv -f UTF-8 -t UTF-16LE >>"$G/utf16le.txt"
expect utf16le-bom 0 "xml:UTF-16" "$G/utf16le.txt"
contains utf16le-bom "vriendelijk"
printf '\376\377' >"$G/utf16be.txt"
printf "$good" | iconv -f UTF-8 -t UTF-16BE >>"$G/utf16be.txt"
expect utf16be-bom 0 "xml:UTF-16" "$G/utf16be.txt"
printf "$good" | iconv -f UTF-8 -t UTF-16LE >"$G/utf16-nobom.txt"
expect utf16-without-bom 1 "UTF-16" "$G/utf16-nobom.txt"
printf '\357\273\277'"$good" >"$G/utf8-bom.txt"
expect utf8-bom 0 xml "$G/utf8-bom.txt"
printf 'P1: h\303\251\303\251l te lang \300\257 overlong\n' >"$G/overlong.txt"
expect overlong-utf8 1 "overlong.txt:1: " "$G/overlong.txt"
printf 'P1: h\303\251\303\251l een surrogaat \355\240\200 hier\n' >"$G/surrogate.txt"
expect encoded-surrogate 1 "surrogate.txt:1: " "$G/surrogate.txt"

# ---- not text at all ----
printf 'Mevrouw K.: goed\000\000 en\000 meer\n' >"$G/nul.txt"
expect nul-bytes 1 "NUL byte" "$G/nul.txt"
head -c 65536 "$SPIEGEL" >"$G/binary.bin"
expect binary 1 "not a text file" "$G/binary.bin"
printf 'PK\003\004\024\000\006\000rest of a docx' >"$G/word.docx"
expect docx 1 ".docx" "$G/word.docx"
printf '%%PDF-1.4\n%%\342\343\317\323\n1 0 obj\n' >"$G/scan.pdf"
expect pdf 1 "PDF" "$G/scan.pdf"
printf '{\\rtf1\\ansi\\deff0 {\\fonttbl} Mevrouw K.: goed}\n' >"$G/export.rtf"
expect rtf 1 "RTF" "$G/export.rtf"
printf '{"text": " De zorg was goed.", "segments": [{"start": 0.0, "end": 2.5, "text": " De zorg was goed."}]}\n' >"$G/whisper.json"
expect json 1 "JSON" "$G/whisper.json"
# the same JSON as PowerShell's ">" writes it (UTF-16LE with a byte-order mark): JSON all the same
printf '\377\376' >"$G/whisper16.json"
iconv -f UTF-8 -t UTF-16LE <"$G/whisper.json" >>"$G/whisper16.json"
expect json-utf16 1 "JSON" "$G/whisper16.json"

# ---- nothing to analyse ----
: >"$G/empty.txt"
expect empty-file 1 "empty" "$G/empty.txt"
printf '\357\273\277  \n\t\r\n\302\240\n' >"$G/blank.txt"
expect only-white-space 1 "empty" "$G/blank.txt"
printf '[00:00:01]\n[00:00:02]\n00:00:03\n[00:10:00]\n' >"$G/timestamps.txt"
expect only-timestamps 1 "no transcript text" "$G/timestamps.txt"
printf 'Gespreksleider:\nMevrouw K.:\nP3:\n[00:01:00] Meneer B.:\n' >"$G/labels.txt"
expect label-only-lines 1 "no transcript text" "$G/labels.txt"
printf '# titel: alleen kop\n# datum: 2024-01-01\n' >"$G/headers.txt"
expect only-headers 1 "no transcript text" "$G/headers.txt"
printf 'WEBVTT\n\nNOTE niets\n' >"$G/header.vtt"
expect vtt-without-cues 1 "no cue text" "$G/header.vtt"
printf '\r\r\r\r' >"$G/cr.txt"
expect only-carriage-returns 1 "empty" "$G/cr.txt"

# ---- files that are not there or not files ----
expect missing-file 1 "cannot open" "$G/does-not-exist.txt"
expect directory 1 "is a directory" "$G"
printf "$good" >"$G/unreadable.txt"
chmod 000 "$G/unreadable.txt"
if [ "$(id -u)" != 0 ]; then
  expect unreadable-file 1 "cannot open" "$G/unreadable.txt"
else # root reads anything: a path through a regular file cannot be opened either
  expect unreadable-file 1 "cannot open" "$G/unreadable.txt/x"
fi

# ---- subtitles at their worst ----
expect unterminated-vtt-cue 0 xml "$H/unterminated.vtt"
contains unterminated-vtt-cue "bleef het stil"
printf 'WEBVTT\n\n00:00:01.000 --> \n<v Anna>Goed\n' >"$G/bad-timing.vtt"
expect malformed-vtt-timing 1 "bad-timing.vtt:3: malformed cue timing" "$G/bad-timing.vtt"
expect overlapping-timestamps 0 "xml:overlap.vtt:9: warning: 2 cues end before they start (the first: 00:00:08.000 --> 00:00:02.000); their times are kept" "$H/overlap.vtt"
expect backwards-srt 0 "xml:backwards.srt:2: warning: the cue 00:00:05.000 --> 00:00:02.000 ends before it starts; its times are kept" "$H/backwards.srt"
printf 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Anna><b><i><u>nooit gesloten &lt;script&gt; &amp;amp; &#0; &#xD800;\n' >"$G/tags.vtt"
expect unclosed-vtt-tags 0 xml "$G/tags.vtt"
printf '[99999999:59:59] P1: ver in de toekomst was het goed.\n[00:00:01] P2: en terug.\n' >"$G/huge-time.txt"
expect huge-timestamp 0 xml "$G/huge-time.txt"
printf '0:00:01.000,0:00:02.000\nAnna: Goed.\n\n0:00:0x.000,0:00:03.000\nNee.\n' >"$G/bad-timing.sbv"
expect malformed-sbv-timing 1 "bad-timing.sbv:4: malformed caption timing" "$G/bad-timing.sbv"
printf '0:00:01.000,0:00:02.000\n[muziek]\n\n0:00:02.100,0:00:04.000\n[applaus]\n' >"$G/only-sounds.sbv"
expect sbv-only-sounds 1 "no cue text" "$G/only-sounds.sbv"

# ---- (Advanced) SubStation Alpha at its worst ----
printf '[Script Info]\nTitle: x\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\nDialogue: 0,0:00:01.00,Anna\n' >"$G/short.ass"
expect ass-too-few-fields 1 "short.ass:6: a Dialogue line with fewer fields" "$G/short.ass"
printf '[Script Info]\n[Events]\nDialogue: 0,0:00:01.00,0:0x:02.00,Default,Anna,0,0,0,,Goed.\n' >"$G/bad-time.ass"
expect ass-bad-time 1 "bad-time.ass:3: a Dialogue line whose Start or End is no time" "$G/bad-time.ass"
printf '[Script Info]\nTitle: alleen een kop\n[V4+ Styles]\nStyle: Default,Arial,20\n' >"$G/no-events.txt"
expect ass-no-dialogue 1 "no Dialogue lines" "$G/no-events.txt"
printf '[Script Info]\n[Events]\nDialogue: 0,0:00:01.00,0:00:02.00,Default,Anna,0,0,0,,{\\i1 nooit gesloten \\N\\h\\\n' >"$G/open-brace.ass"
expect ass-unclosed-override 0 xml "$G/open-brace.ass"

# ---- Praat TextGrids at their worst ----
printf 'File type = "ooTextFile"\nObject class = "TextGrid"\nxmin = 0\nxmax = 3\ntiers? <exists>\nsize = 1\nitem []:\n item [1]:\n  class = "IntervalTier"\n  name = "Jan"\n  xmin = 0\n  xmax = 3\n  intervals: size = 1\n  intervals [1]:\n   xmin = 0\n   xmax = 3\n   text = "nooit gesloten\n' >"$G/open-string.TextGrid"
expect textgrid-unclosed-string 1 "open-string.TextGrid:17: a string that is never closed" "$G/open-string.TextGrid"
printf 'File type = "ooTextFile"\nObject class = "TextGrid"\nxmin = 0\nxmax = 3\ntiers? <exists>\nsize = 1\nitem []:\n item [1]:\n  class = "IntervalTier"\n  name = "Jan"\n  xmin = 0\n  xmax = 3\n  intervals: size = 5\n  intervals [1]:\n   xmin = 0\n   xmax = 3\n   text = "Ja."\n' >"$G/short-tier.TextGrid"
expect textgrid-ends-in-a-tier 1 "the TextGrid ends where an interval's xmin was due" "$G/short-tier.TextGrid"
printf 'File type = "ooTextFile"\nObject class = "TextGrid"\nxmin = 0\nxmax = 3\ntiers? <exists>\nsize = 1\nitem []:\n item [1]:\n  class = "PointTier"\n' >"$G/bad-class.txt"
expect textgrid-unknown-tier-class 1 "bad-class.txt:9: a tier of class \"PointTier\"" "$G/bad-class.txt"
printf 'File type = "ooTextFile"\nObject class = "TextGrid"\nxmin = 0\nxmax = 3\ntiers? <exists>\nsize = 1\nitem []:\n item [1]:\n  class = "IntervalTier"\n  name = "Jan"\n  xmin = 0\n  xmax = 3\n  intervals: size = 1\n  intervals [1]:\n   xmin = 0\n   xmax = 3\n   text = ""\n' >"$G/silent.TextGrid"
expect textgrid-only-silence 1 "no interval with text" "$G/silent.TextGrid"

# ---- Transcriber (.trs) at its worst ----
printf '<?xml version="1.0"?>\n<!DOCTYPE Trans SYSTEM "trans-14.dtd">\n<Trans>\n<Speakers><Speaker id="a" name="Anna"/></Speakers>\n<Episode><Section><Turn speaker="a"><Sync time="0"/>Goed.\n</Section></Episode>\n' >"$G/broken.trs"
expect trs-not-well-formed 1 "broken.trs:7: not a well-formed Transcriber file" "$G/broken.trs"
printf '<?xml version="1.0"?>\n<!DOCTYPE Trans [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<Trans><Speakers><Speaker id="a" name="Anna"/></Speakers><Episode><Section><Turn speaker="a"><Sync time="0"/>De balie &x; was goed.</Turn></Section></Episode></Trans>\n' >"$G/entity.trs"
expect trs-external-entity-not-read 0 xml "$G/entity.trs"
if grep -q 'root:' "$T/trs-external-entity-not-read.xml"; then bad "trs-external-entity-not-read: the external entity was read"; else ok; fi
contains trs-external-entity-not-read "De balie"
printf '<?xml version="1.0"?>\n<Trans><Episode><Section><Turn><Sync time="0"/></Turn></Section></Episode></Trans>\n' >"$G/mute.trs"
expect trs-no-speech 1 "no <Turn> with words" "$G/mute.trs"

# ---- ELAN (.eaf) at its worst ----
EAF_HEAD='<?xml version="1.0" encoding="UTF-8"?>\n<ANNOTATION_DOCUMENT AUTHOR="" FORMAT="3.0" VERSION="3.0">\n<TIME_ORDER>\n<TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="0"/>\n<TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="2000"/>\n</TIME_ORDER>\n'
printf "$EAF_HEAD"'<TIER TIER_ID="Anna">\n<ANNOTATION><ALIGNABLE_ANNOTATION TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2"><ANNOTATION_VALUE>Goed.\n</TIER>\n' >"$G/broken.eaf"
expect eaf-not-well-formed 1 "broken.eaf:10: not a well-formed ELAN file" "$G/broken.eaf"
printf "$EAF_HEAD"'<TIER TIER_ID="Anna">\n<ANNOTATION>\n<ALIGNABLE_ANNOTATION TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts3">\n<ANNOTATION_VALUE>Goed.</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>\n</TIER>\n</ANNOTATION_DOCUMENT>\n' >"$G/unknown-slot.txt"
expect eaf-unknown-time-slot 1 "unknown-slot.txt:9: an annotation whose TIME_SLOT_REF2 \"ts3\" is no TIME_SLOT" "$G/unknown-slot.txt"
printf '<?xml version="1.0"?>\n<!DOCTYPE ANNOTATION_DOCUMENT [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<ANNOTATION_DOCUMENT AUTHOR="L."><TIME_ORDER><TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="0"/></TIME_ORDER><TIER TIER_ID="Anna"><ANNOTATION><ALIGNABLE_ANNOTATION TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts1"><ANNOTATION_VALUE>De balie &x; was goed.</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER></ANNOTATION_DOCUMENT>\n' >"$G/entity.eaf"
expect eaf-external-entity-not-read 0 xml "$G/entity.eaf"
if grep -q 'root:' "$T/eaf-external-entity-not-read.xml"; then bad "eaf-external-entity-not-read: the external entity was read"; else ok; fi
contains eaf-external-entity-not-read "De balie"
sed 's/AUTHOR="L."/AUTHOR="\&x;"/' "$G/entity.eaf" >"$G/entity-attribute.eaf"
expect eaf-external-entity-in-attribute 1 "entity-attribute.eaf:3: not a well-formed ELAN file: Attribute references external entity" "$G/entity-attribute.eaf"
# a billion laughs: an entity of ten of the one before, nine deep; never expanded
printf '<?xml version="1.0"?>\n<!DOCTYPE ANNOTATION_DOCUMENT [<!ENTITY a "haha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">]>\n<ANNOTATION_DOCUMENT AUTHOR="&i;"><TIME_ORDER><TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="0"/></TIME_ORDER><TIER TIER_ID="Anna"><ANNOTATION><ALIGNABLE_ANNOTATION TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts1"><ANNOTATION_VALUE>De balie &i; was goed.</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER></ANNOTATION_DOCUMENT>\n' >"$G/laughs.eaf"
"$SPIEGEL" analyze "$G/laughs.eaf" -o "$T/eaf-billion-laughs.xml" >/dev/null 2>"$T/eaf-billion-laughs.err"
if [ -f "$T/eaf-billion-laughs.xml" ] && grep -q 'hahahahahahahahahahaha' "$T/eaf-billion-laughs.xml"; then bad "eaf-billion-laughs: the entities were expanded"
elif [ -f "$T/eaf-billion-laughs.xml" ] || grep -q "not a well-formed ELAN file" "$T/eaf-billion-laughs.err"; then ok
else bad "eaf-billion-laughs: neither a document nor libxml2's refusal: $(head -c 300 "$T/eaf-billion-laughs.err")"; fi
printf "$EAF_HEAD"'<TIER TIER_ID="Anna" PARENT_REF="Jan"><ANNOTATION><ALIGNABLE_ANNOTATION TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2"><ANNOTATION_VALUE>Goed.</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER>\n<TIER TIER_ID="Notities"><ANNOTATION><ALIGNABLE_ANNOTATION TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2"><ANNOTATION_VALUE>gelach</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER>\n</ANNOTATION_DOCUMENT>\n' >"$G/mute.eaf"
expect eaf-no-speech 1 "no annotation with words" "$G/mute.eaf"

# ---- EXMARaLDA (.exb) at its worst ----
printf '<?xml version="1.0" encoding="UTF-8"?>\n<basic-transcription>\n<basic-body>\n<common-timeline><tli id="T0" time="0"/></common-timeline>\n<tier type="t" display-name="GL [v]"><event start="T0" end="T0">Goed.</tier>\n</basic-body>\n</basic-transcription>\n' >"$G/broken.exb"
expect exb-not-well-formed 1 "broken.exb:8: not a well-formed EXMARaLDA file" "$G/broken.exb"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<basic-transcription>\n<basic-body>\n<common-timeline><tli id="T0" time="0"/></common-timeline>\n<tier type="t" display-name="GL [v]">\n<event start="T1" end="T0">Goed.</event>\n</tier>\n</basic-body>\n</basic-transcription>\n' >"$G/unknown-point.txt"
expect exb-unknown-point 1 "unknown-point.txt:6: an event whose start \"T1\" is no point" "$G/unknown-point.txt"
printf '<?xml version="1.0"?>\n<!DOCTYPE basic-transcription [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<basic-transcription><head><speakertable><speaker id="S"><abbreviation>&x;</abbreviation></speaker></speakertable></head><basic-body><common-timeline><tli id="T0"/></common-timeline><tier speaker="S" type="t"><event start="T0" end="T0">De balie &x; was goed.</event></tier></basic-body></basic-transcription>\n' >"$G/entity.exb"
expect exb-external-entity-not-read 0 xml "$G/entity.exb"
if grep -q 'root:' "$T/exb-external-entity-not-read.xml"; then bad "exb-external-entity-not-read: the external entity was read"; else ok; fi
contains exb-external-entity-not-read "De balie"
printf '<basic-transcription><basic-body><common-timeline><tli id="T0"/></common-timeline><tier type="a" category="k"><event start="T0" end="T0">lacht</event></tier><tier type="t"><event start="T0" end="T0">  </event></tier></basic-body></basic-transcription>\n' >"$G/mute.exb"
expect exb-no-speech 1 "no event with words" "$G/mute.exb"
# a timeline of many points without a time and one event over all of them: one pass
awk 'BEGIN { printf "<basic-transcription><basic-body><common-timeline><tli id=\"T0\" time=\"0\"/>"; for (i = 1; i < 200000; i++) printf "<tli id=\"T%d\"/>", i; printf "<tli id=\"E\" time=\"9\"/></common-timeline><tier type=\"t\" display-name=\"GL\"><event start=\"T0\" end=\"E\">Lang.</event></tier></basic-body></basic-transcription>\n" }' >"$G/long-timeline.exb"
expect exb-untimed-timeline 0 xml "$G/long-timeline.exb"

# ---- CHAT (CHILDES, TalkBank) at its worst ----
printf '@Begin\n@Participants:\tA Ann Investigator\n*A goedemiddag .\n' >"$G/bad-tier.cha"
expect chat-tier-without-colon 1 "bad-tier.cha:3: expected a speaker tier" "$G/bad-tier.cha"
printf '@UTF8\n@Begin\n@Participants:\tA Ann Investigator\n%%com:\tniemand zegt iets .\n@End\n' >"$G/silent.cha"
expect chat-without-utterances 1 "no utterances" "$G/silent.cha"
# media bullets on every utterance (CLAN's link to the recording): markup, not binary
i=0; { printf '@UTF8\n@Begin\n@Participants:\tA Ann Investigator, B Bob Participant\n'
  while [ $i -lt 200 ]; do printf '*B:\tja \025%d_%d\025 .\n' $((i * 1000)) $((i * 1000 + 900)); i=$((i + 1)); done
  printf '*B:\t<de map> [/] de map was &=lacht xxx een telefoonboek [?] +/.\n@End\n'; } >"$G/bullets.cha"
expect chat-media-bullets 0 xml "$G/bullets.cha"
contains chat-media-bullets "de map was een telefoonboek"

# ---- characters ----
printf 'P1: stuur\001tekens \013 en \037 \177 en \357\277\276 \357\277\277 waren er, maar het was goed.\n' >"$G/xml-forbidden.txt"
expect xml-forbidden-characters 0 xml "$G/xml-forbidden.txt"
expect rtl-and-combining 0 xml "$H/rtl-combining.txt"
contains rtl-and-combining "שלום"
printf 'P1: <script>alert("&amp;")</script> ]]> <?xml ?> <!-- --> goed\n' >"$G/markup.txt"
expect markup-in-text 0 xml "$G/markup.txt"
printf 'Mevrouw K.: oud Mac-bestand\rMeneer B.: met losse CR\r\rP3: en CRLF\r\n' >"$G/line-ends.txt"
expect mixed-line-ends 0 xml "$G/line-ends.txt"

# ---- shapes ----
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "Spreker nummer %d met een lange naam: ja.\n", i }' >"$G/labels-20k.txt"
expect twenty-thousand-speakers 0 xml "$G/labels-20k.txt"
awk 'BEGIN { printf "P1: "; for (i = 0; i < 200000; i++) printf "a"; printf "\n" }' >"$G/long-word.txt"
expect one-200k-word 0 xml "$G/long-word.txt"
awk 'BEGIN { for (i = 0; i < 50000; i++) printf "# sleutel%d: waarde\n", i; print "P1: goed" }' >"$G/headers-50k.txt"
expect fifty-thousand-headers 0 xml "$G/headers-50k.txt" --no-transcript

# ---- big ----
if [ "${HOSTILE_BIG:-1}" != 0 ]; then
  # 50 MB in one line (1.9 million times 27 bytes), no line break until the end
  awk 'BEGIN { printf "P1: "; for (i = 0; i < 1900000; i++) printf "de tafel staat in de kamer "; printf "\n" }' >"$G/line-50mb.txt"
  expect one-50mb-line 0 xml "$G/line-50mb.txt" -q --no-transcript
  rm -f "$G/line-50mb.txt"
  awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "P%d: ja\n", i % 7 }' >"$G/million.txt"
  expect million-tiny-turns 0 xml "$G/million.txt" -q
  [ "$(grep -c '<turn ' "$T/million-tiny-turns.xml")" = 1000000 ] && ok ||
    bad "million-tiny-turns: not a million turns in the output"
  rm -f "$G/million.txt" "$T/million-tiny-turns.xml"
fi

# ---- lexicons ----
mkdir -p "$T/lex"
cp lexicons/*.tsv lexicons/*.txt "$T/lex/"
printf 'kapot\tveel\n' >>"$T/lex/sentiment.tsv"
line=$(wc -l <"$T/lex/sentiment.tsv")
printf "$good" >"$G/good.txt"
expect broken-lexicon-line 1 "sentiment.tsv:$line: " "$G/good.txt" --lexicons "$T/lex"
expect missing-lexicon-dir 1 "nope" "$G/good.txt" --lexicons "$T/nope"

# ---- output that cannot be written ----
if [ -w /dev/full ]; then
  "$SPIEGEL" analyze "$G/good.txt" -o /dev/full 2>"$T/full.err"; st=$?
  [ "$st" = 1 ] && grep -q "No space left" "$T/full.err" && ok || bad "/dev/full: exit $st: $(cat "$T/full.err")"
  "$SPIEGEL" analyze "$G/good.txt" >/dev/full 2>"$T/full2.err"; st=$?
  [ "$st" = 1 ] && ok || bad "stdout on /dev/full: exit $st"
fi
# a closed pipe: the reader goes away after a few bytes; spiegel must not report success
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "P%d: Het was heel goed en fijn.\n", i % 9 }' >"$G/pipe.txt"
st=$( { "$SPIEGEL" analyze -q "$G/pipe.txt" 2>"$T/pipe.err"; echo $? >"$T/pipe.st"; } | head -c 100 >/dev/null; cat "$T/pipe.st")
[ "$st" = 1 ] && ok || bad "closed pipe: exit status $st, expected 1"
grep -q "Broken pipe" "$T/pipe.err" && ok || bad "closed pipe: no message: $(cat "$T/pipe.err")"
# an output directory that does not exist: an error, nothing half-made
"$SPIEGEL" analyze "$G/good.txt" -o "$T/no/such/dir/out.xml" 2>"$T/nodir.err"; st=$?
[ "$st" = 1 ] && ok || bad "output in a missing directory: exit $st"

# ---- privacy on hostile input: still valid ----
expect pseudonymise-cp1252 0 "xml:Windows-1252" "$G/cp1252.txt" --pseudonymise
expect pseudonymise-rtl 0 xml "$H/rtl-combining.txt" --pseudonymise
expect pseudonymise-srt 0 xml "$H/backwards.srt" --pseudonymise
if grep -q "Mevrouw K" "$T/pseudonymise-srt.xml"; then bad "pseudonymise-srt: label survived"; else ok; fi

# ---- privacy through the command: no name in any byte of the document ----
printf '# titel: Gesprek met mevrouw Jansen\n# rollen: Dr. Visser = toehoorder\nGespreksleider: Welkom, ik ben Marloes Hendriks.\nMevrouw Jansen: Dokter Bakker belde nooit terug op 06-12345678, mail esther@example.nl.\nEsther: Ik woon Kerkstraat 12, 1234 AB en ben geboren op 3 mei 1975. Lieke zei dat ook.\nDr. Visser: Dank u, Esther en mevrouw Jansen.\n' >"$G/names.txt"
expect pseudonymise-names 0 xml "$G/names.txt" --pseudonymise
"$SPIEGEL" analyze -q --pseudonymise "$G/names.txt" "$G/names.txt" -o "$T/names-corpus.xml"
# every other output of a pseudonymised session too: the CSV tables (items and sentences, from
# analyze and from batch) and the report made from the pseudonymised XML
"$SPIEGEL" analyze -q --pseudonymise --csv "$G/names.txt" -o "$T/names-items.csv"
"$SPIEGEL" analyze -q --pseudonymise --csv=sentences "$G/names.txt" -o "$T/names-sentences.csv"
mkdir -p "$T/names-in"
cp "$G/names.txt" "$T/names-in/"
"$SPIEGEL" batch -q --pseudonymise --csv "$T/names-in" -o "$T/names-batch" >/dev/null 2>&1
"$SPIEGEL" report -q "$T/pseudonymise-names.xml" -o "$T/names-report.html" >/dev/null 2>&1
for f in names-items.csv names-sentences.csv names-batch/names.csv names-batch/corpus.csv names-report.html; do
  [ -s "$T/$f" ] && ok || bad "pseudonymise: $f not written"
done
for secret in Jansen Visser Marloes Hendriks Bakker Esther Lieke 12345678 example.nl Kerkstraat "1234 AB" 1975; do
  if grep -qF "$secret" "$T/pseudonymise-names.xml" "$T/names-corpus.xml" "$T/names-items.csv" \
    "$T/names-sentences.csv" "$T/names-batch/names.csv" "$T/names-batch/names.xml" \
    "$T/names-batch/corpus.csv" "$T/names-report.html"; then
    bad "pseudonymise: '$secret' survived"
  else ok; fi
done

echo "hostile: $pass passed, $fail failed"
[ "$fail" = 0 ]
