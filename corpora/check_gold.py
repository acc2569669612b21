#!/usr/bin/python3
"""check_gold.py — validates the hand-annotated gold files of the spiegel sample corpus.

Usage:  python3 corpora/check_gold.py [CORPUS_DIR [SET ...]]   (default: the directory of this script)
        With SET names (e.g. 'dev5') only those sets are checked.

Layouts of corpora/dev7 (written blind in the thirty-third round, its parsers merged from the
helper's check_gold_dev7.py):
  * a focus-group transcript (.txt) as a research assistant types it (parse_focus_txt): a free
    title block and a legend ('GL = gespreksleider ...', 'R1 t/m R8 = respondenten ...',
    'T1, T2, T3 = toehoorders: ...') before the first turn; turns 'CODE: text' with codes only,
    some opened by a time code '#00:12:31#'; lines holding only a bracket note ('[door elkaar]')
    between turns are skipped; other lines without a code continue the turn before them.
    The legend gives the roles: a code whose entry starts with 'gespreksleider' is the moderator,
    'toehoorder' a listener, 'respondent' a participant.
  * an automatic-caption WebVTT in the YouTube layout (parse_rolling_vtt): 'Kind:'/'Language:'
    header, cue settings 'align:start position:0%', inline '<00:00:01.234><c> woord</c>' tags,
    rolling captions (each cue repeats the line shown before it; 10 ms cues repeat only that
    line). De-duplication: tags removed, a cue's first line is dropped when it equals the last
    line already taken; lines of only ' ' and bracket lines ('[Applaus]') are not speech.
    Speakers: 'NAME IN CAPITALS: ' at a speaker's first words; a line starting '- ' is a change
    of speaker: after a participant it is the gespreksleider; after the gespreksleider or a
    toehoorder it is the participant that turn names last (the label in lower case, 'mevrouw
    hoekstra', 'josé'), and if it names none, the participant who spoke last before it.
  * a subtitling company's SRT (parse_dialogue_srt): '(Name) ' at the start of the first line
    of a speaker's turn, '<i>' for off-screen voices, dialogue dashes for two speakers in one
    cue (an unnamed first '-' line continues the speaker before it, an unnamed later '-' line
    goes back to the speaker before the current one), sound lines '(gelach)' / '[applaus]'
    that are not speech.

For every transcript (*.txt, *.vtt, *.srt) in CORPUS_DIR, CORPUS_DIR/heldout, CORPUS_DIR/heldout-fresh,
CORPUS_DIR/dev2, CORPUS_DIR/dev3, CORPUS_DIR/dev4, CORPUS_DIR/dev5, CORPUS_DIR/dev6, CORPUS_DIR/dev7 and
CORPUS_DIR/series,
and every written report (*.txt) in CORPUS_DIR/reports, CORPUS_DIR/reports-fresh,
CORPUS_DIR/reports-dev, CORPUS_DIR/reports-blind, CORPUS_DIR/reports-dev2, CORPUS_DIR/reports-dev3, CORPUS_DIR/reports-dev4 and CORPUS_DIR/reports-dev5, it reads
NAME.gold.tsv and checks that
  * the first line is '# gold for NAME.EXT — ...';
  * every other line is LABEL<TAB>THEMES<TAB>TEXT with LABEL in positive|learning|quickwin and
    1-2 known theme ids;
  * TEXT occurs verbatim in the transcript after normalisation (WebVTT/SRT: cue numbers, timings,
    NOTE blocks, <v> tags and 'Name:' prefixes removed, cue lines joined with single spaces;
    plain text: '#' header lines and '[hh:mm:ss]' stamps removed, continuation lines joined with a
    space, a word hyphenated across a line break rejoined; a Teams transcript export, where a
    line holding only 'Full Name   h:mm:ss' opens each block, is parsed by parse_teams), and that
    it occurs inside a turn of a PARTICIPANT (not the gespreksleider, not a toehoorder);
  * no TEXT is listed twice.
Written reports (corpora/reports, corpora/reports-fresh, corpora/reports-dev,
corpora/reports-blind, corpora/reports-dev2, corpora/reports-dev3, corpora/reports-dev4,
corpora/reports-dev5) have no speaker labels: the whole text is
one anonymous participant. Only '# key: value' lines before the text are header lines; Markdown
'#'/'##' headings, bullets and numbers are ordinary text. Lines are joined as in plain-text
transcripts, and a report's TEXT must not start with a list marker ('- ', '• ', '▪ ', 'o ', '1.',
'1)') or an inline label ('Tip:', 'Top:').
It also checks corpora/series/links.tsv and prints counts per class and per file.
Exit status 0 when everything is valid, 1 otherwise.

For CORPUS_DIR/dev6 (thirty-second round) it also parses three more layouts:
  * a Word document saved as text (.txt, UTF-8 BOM, CRLF): a free title block, then turns that
    open with the speaker in CAPITALS on a line of its own, paragraphs below, '[hh:mm:ss]' time
    marks on their own line (parse_caps_txt);
  * WebVTT whose cue text starts with '[Speaker] ' when the speaker changes (ASR export);
  * broadcast-caption SRT: '>> NAME: text' at a speaker's first appearance, later '>> text'
    without a name (inferred: after anyone else it is the gespreksleider, after the
    gespreksleider it is the speaker before him); bracketed title cues before the first '>>'
    are header.
A label containing 'toehoorder' is a listener.

For CORPUS_DIR/dev8 (written blind; check_gold_dev8.py) it also parses three more layouts:
  * a Flemish verbatim transcript (.txt) (parse_bracket_time_txt): a free title block (no
    '# key: value' lines) and a rule of dashes, then turns opened by '[Name · 19u04] text' (the
    speaker's first name and a Belgian clock time in square brackets, separated by a middle dot);
    a line without such a label continues the turn before it (a new paragraph). The labels carry
    no role: the moderator and the toehoorders are listed per file in MODERATORS / LISTENERS.
  * a qualitative-research transcript with line numbers (parse_numbered_txt): every line starts
    with a right-aligned line number and two spaces (blank lines hold only their number); a
    header paragraph in free prose says who is who ('de letter I voor de gespreksleider', 'R1 tot
    en met R8 ... respondenten', 'de toehoorders T1, T2 en T3'); turns 'CODE: text', hard-wrapped,
    continuation lines indented (and numbered); '(.)', '(3)' pauses and '//' overlap marks are
    part of the text. The roles are read from the header sentences: each sentence that names
    codes gives them the role of the first role word in it (gespreksleider/interviewer,
    toehoorder, respondent/deelnemer).
  * a WhisperX-style diarised SRT (parse_whisperx_srt): every cue's text starts with
    '[SPEAKER_NN]: ', no legend anywhere; consecutive cues of one code form one turn. The roles
    are mapped per file in WHISPERX_ROLES (code -> moderator / listener / participant).

For CORPUS_DIR/dev9 (written blind; check_gold_dev9.py, the adapted copy) it parses three more
layouts, each detected only by signs no other set has:
  * a WhatsApp group-chat export (.txt, parse_whatsapp): every message opens with
    'dd-mm-yyyy hh:mm - Name: ' (Android) or '[dd-mm-yy hh:mm:ss] Name: ' (iOS); lines without
    that opening continue the message before them (joined with a space); an opening without
    'Name: ' is a system line ('... heeft ... toegevoegd', the end-to-end notice) and not speech;
    '<Media weggelaten>' and 'Dit bericht is verwijderd' are not speech, a trailing
    '<Dit bericht is bewerkt>' is dropped; consecutive messages of one sender are one turn. The
    names are contact names without roles: moderators and listeners are mapped in MODERATORS
    and LISTENERS.
  * a screenplay / theatre-script layout (.txt, parse_screenplay): the speaker's name in
    CAPITALS on a line of its own indented 15 or more spaces, followed by dialogue lines indented
    6-14 spaces (joined with a space, a word hyphenated across a line break rejoined);
    parentheticals '(lacht)' on their own indented line are skipped; lines at the left margin
    (title block, cast list 'PERSONEN', scene headings, stage directions in parentheses) are not
    speech and end the turn; ' (VERVOLG)' after a name (the speaker resumes after a stage
    direction) is dropped. Roles: 'GESPREKSLEIDER' by the usual rule, listeners in LISTENERS.
  * a plain-text transcript with interpreters (.txt, parse_interpreter_txt): 'Label: text' turns
    as in parse_txt, where a label 'Tolk <taal> (namens <naam>)' is the interpreter speaking for
    a participant: the turn is that participant's ('namens meneer Haddad' -> 'Meneer Haddad',
    matched case-insensitively with the participant's own label); a label 'Tolk <taal>' alone is
    the interpreter's own words (role 'interpreter', never a participant); lines holding only a
    bracket note ('[gelach]', '[Tolken vertalen de vraag.]') are skipped.

For CORPUS_DIR/dev10 (written blind; check_gold_dev10.py, the adapted copy) it parses three more
layouts, each detected only by signs no other set has:
  * an AI meeting assistant's export (.txt holding Markdown, parse_ai_export): a title, key-value
    lines, an AI-written '## Samenvatting', '## Actiepunten' ('- [ ]' checkboxes) and other
    sections before the first turn (header, never speech); every block of the transcript opens
    with a line '**Full Name** · mm:ss' (or 'h:mm:ss'), the words on the lines below (joined with
    a space); consecutive blocks of one speaker are one turn; a line '---' after the turns starts
    the assistant's footer (not speech). The names carry no role: moderator and listeners are
    mapped in MODERATORS / LISTENERS; an unrecognised voice ('Spreker 4') is a participant.
  * a transcript whose every turn line ends with a time mark '(hh:mm:ss)' (parse_dash_time_txt):
    free title lines without a time mark before the first timed line are the header; a timed
    line 'Label - text (hh:mm:ss)' opens a turn (the label: a capitalised word and up to four
    more, without a dash, then ' - '); a timed line without a label continues the turn before it
    (joined with a space); the time marks are dropped. Roles: 'Gespreksleider ...' by the usual
    rule, listeners in LISTENERS.
  * a two-column Word table pasted as text (parse_word_table): title lines, then a header row
    'Spreker | Tekst'; every row 'Speaker | text' opens a turn, a row whose speaker cell is empty
    (' | text') continues the turn before it; a line without ' | ' after the table ends it (the
    closing line is not speech). Roles: 'Gespreksleider ...' by the usual rule, listeners in
    LISTENERS.

CORPUS_DIR/dev11 and CORPUS_DIR/reports-dev9 (written blind; check_gold_dev11.py and
check_gold_reports9.py, copies whose only change was the set) need no parser of their own: the
gold texts of the Meet transcript, the quoted mail and the verbatim transcript are found by
the plain-text parser, the reports' by parse_report.

For CORPUS_DIR/dev12 (written blind; check_gold_dev12.py, the adapted copy) it parses three more
layouts, each detected only by signs no other set has:
  * an Otter.ai-style transcript export (.txt, parse_otter), detected by a footer line
    'Transcribed by https://otter.ai' and at least five block lines: every block opens with a
    line holding only the speaker's name, exactly two spaces and a time ('Marieke de Boer  0:03',
    'Speaker 3  12:41', 'h:mm:ss' after an hour); the words are on the line(s) below (joined with
    a space); consecutive blocks of one speaker are one turn. Lines above the first block (title,
    'date time • duration', 'SUMMARY KEYWORDS' and 'SPEAKERS' with the line below each) are the
    header; the footer is not speech. Unrecognised voices keep the tool's 'Speaker N' label; the
    names carry no role: moderator and listeners are mapped in MODERATORS / LISTENERS (one
    listener is a 'Speaker N').
  * an ELAN tab-delimited text export (.txt, parse_elan), detected by at least five lines of
    five TAB-separated columns whose 2nd to 4th hold times 'hh:mm:ss.mss': tier name, begin
    time, end time, duration, annotation. An optional first line of column names ('Tier<TAB>Begin
    Time ...') is skipped. The rows are ordered by begin time (a stable sort, should the file be
    grouped per tier); a comment tier ('Notities', 'Notes', 'Comments', 'Opmerkingen') is not
    speech; consecutive annotations of one tier are one turn (joined with a space, so a sentence
    cut over two annotations is whole again). The tier codes carry no role: GL, D1..D8, T1..T3
    are mapped in MODERATORS / LISTENERS.
  * a stenographic verslag in the style of the Handelingen (.txt, parse_verslag), detected by a
    first line opening 'Verslag van de' and at least three paragraphs opening 'De voorzitter: ':
    everything above the first labelled paragraph is the heading block (title, date, 'Aanvang',
    'Voorzitter: ...', 'Aanwezig: ...' lists, a note, 'Opening'); a paragraph opens a turn with
    'De voorzitter: ', 'Mevrouw <Naam>: ', 'De heer <Naam>: ' or '<Functie> [<woord>] <Naam>: '
    (the name capitalised, particles such as 'van der' allowed), a ' (interrumperend)' after
    the name is dropped (the interruption is that speaker's turn); a paragraph without a label
    continues the speaker before it; paragraphs wholly in round brackets ('(Gelach)',
    '(Geroezemoes)') and procedural lines ('De bijeenkomst wordt ... geschorst.', 'Aan de orde
    is ...') are not speech; 'Sluiting hh.mm uur.' ends the speech. Roles: 'De voorzitter' is in
    MODERATORS, the listeners (labelled by function) in LISTENERS.
CORPUS_DIR/reports-dev10 (written blind; check_gold_reports10.py, a copy whose only change was the
set) needs no parser of its own: its gold texts are found by parse_report.
For CORPUS_DIR/dev13 (written blind; check_gold_dev13.py, the adapted copy) it parses three more
layouts, each detected only by signs no other set has (they are tried before all other .txt
layouts):
  * a CHAT/CHILDES transcript saved as .txt (is_chat, parse_chat): '@Begin' and '@'-header lines
    ('@Participants:', '@ID:', '@Date:', '@G:' gems, '@Comment:', '@End'), main tiers
    '*CODE:<TAB>utterance' (one utterance a line, terminator after a space: ' .', ' ?'), a line
    opening with a tab continues the tier above it (joined with a space), dependent tiers
    '%com:', '%act:' ... (with their continuation lines) are not speech; CHAT codes ('&-eh',
    '[/]', '(.)', '+...') stay in the text. Roles from '@Participants:' (entries 'CODE Name Role',
    continued over tab lines): Investigator/Interviewer is the moderator; Doctor, Nurse,
    Clinician, Therapist, Teacher, Observer, Audience are listeners; any other role a
    participant. Consecutive utterances of one code are one turn.
  * a YouTube SubViewer caption file (.sbv) saved as .txt (is_sbv, parse_sbv): blocks separated
    by blank lines, each opened by a timing line 'H:MM:SS.mmm,H:MM:SS.mmm' (no cue numbers, no
    '-->'), cue lines joined with a space; 'Name: ' (a capitalised word and up to three more) at
    the start of a cue opens a speaker's turn, a cue without it continues the speaker before;
    a cue holding only a bracket note ('[muziek]', '[applaus]') is not speech. Listeners by
    function label in LISTENERS.
  * a two-column transcript converted from PDF to text (is_pdf_columns, parse_pdf_columns):
    pages separated by form feeds, 'Pagina N van M' footer lines, the first page a cover (not
    speech), the first non-blank line of every later page a running header (not speech); a line
    at the left margin 'Name<2+ spaces>text' opens a turn, an indented line continues it (a word
    hyphenated across the break rejoined as in parse_txt), an indented line holding only a
    bracket note ('[pauze van een kwartier]') is not speech. Names carry no role: moderator and
    listeners in MODERATORS / LISTENERS.
For CORPUS_DIR/dev14 (written blind; check_gold_dev14.py, the adapted copy) it parses three more
layouts, each detected only by signs no other set has (they are tried before all other .txt
layouts, the dev13 ones included):
  * an f4transkript export saved as .txt (is_f4, parse_f4), detected by at least five lines
    ending in a time stamp ' #hh:mm:ss-d#' (hours, minutes, seconds, a dash and tenths between
    hash marks, at the END of the paragraph): lines above the first stamped line are the
    researcher's header ('Key: value' lines: transcript id, audio file, date, transcription
    rules, a 'Sprekers:' line in prose, the signs used); every paragraph is one line ending in
    its stamp, paragraphs separated by blank lines; 'CODE: ' at a paragraph's start (capitals
    and digits: 'I', 'B1'..'B8', 'T1'..'T3') opens a turn, a stamped paragraph without a code
    continues the speaker before it (joined with a space); the stamps are dropped; the
    transcription signs ('(...)', a word broken off with '/', '(lacht)', words in CAPITALS for
    stress) stay in the text. Consecutive paragraphs of one code are one turn. The codes carry
    no role: moderator and listeners in MODERATORS / LISTENERS.
  * a conversation-analysis transcript in Jefferson notation (is_jefferson, parse_jefferson),
    detected by at least ten lines opening with a zero-padded line number of three or four
    digits, two spaces and a code of two to four capitals with a colon ('014  RON:  ja (.) ...'),
    together with Jefferson signs: a micropause '(.)', a timed pause '(0.5)' and at least one of
    '°', '↑', '↓'. Lines above the first numbered line are the header (title, recording, the
    conventions, a 'Sprekers:' line in prose and its indented continuation). Every line after
    it carries a number (numbers consecutive); after the number and two spaces either a code
    and its colon padded to a column (a turn opens) or only spaces (the line continues the turn
    above it, joined with a space; a dash at a line's end is a cut-off, not a hyphenation, so
    nothing is rejoined); a line holding only a timed pause '(2.0)' or a comment '((...))' is a
    gap, not speech. An overlap's opening bracket is aligned with spaces under the bracket of
    the line before; the spaces are collapsed like all whitespace. The CA signs ('(.)', '(0.6)',
    '[', ']', '=', '°', '↑', '>...<', '((gelach))', 'hh') stay in the text and in the gold TEXT.
    Consecutive turns of one code are one turn. Codes carry no role: MODERATORS / LISTENERS.
  * a Zoom transcript saved as .txt (is_zoom, parse_zoom), detected by at least five lines
    holding only '[Display Name] hh:mm:ss' (the name in square brackets, one space, a clock
    time, nothing after it): each such line opens a block, the caption text on the line(s)
    below (joined with a space), blocks separated by blank lines; consecutive blocks of one
    display name are one turn (so a sentence cut over two blocks is whole again). No header.
    Display names are what people typed ('iPhone van Jelle', 'B&B De Duinroos', 'Tablet van
    Klaas', 'Sandra Mol (Wadlink)'); the moderator and listeners are mapped in MODERATORS /
    LISTENERS. The text is speech recognition: partly punctuated, partly lower case.
For CORPUS_DIR/dev15 (written blind; check_gold_dev15.py, the adapted copy) it parses three more
layouts, each detected only by signs no other set has (they are tried before all other .txt
layouts, the dev14 ones included):
  * a local Whisper transcript with speaker diarisation saved as .txt (is_whisper_diar,
    parse_whisper_diar), detected by at least five lines
    '[hh:mm:ss.mmm --> hh:mm:ss.mmm] SPEAKER_NN: text' (the segment's times in one pair of square
    brackets with '-->' between them, then a diarisation code and a colon): every line is one
    segment; segments are cut anywhere, mid-sentence too, and consecutive segments of one code
    are one turn (joined with a space). A timed line without a code (the model's hallucination
    on the silence after the end, 'Ondertiteld door de Amara.org gemeenschap') belongs to no
    speaker and is not speech. No header, no legend: the codes carry no role; moderator and
    listeners in MODERATORS / LISTENERS. Whisper punctuates; recognition slips stay.
  * a Microsoft Teams transcript downloaded as .docx in the older layout and saved as text
    (is_teams_docx, parse_teams_docx), detected by at least five lines holding only a time range
    'h:m:s.f --> h:m:s.f' whose fields are not zero-padded ('0:0:0.0 --> 0:0:5.674', '0:12:3.48
    --> ...'; at least one field of a single digit where a WebVTT would pad it), each followed by a
    line with the display name and the words on the line(s) below, blocks separated by blank
    lines; consecutive blocks of one name are one turn (a sentence cut over two blocks is whole
    again). No header. Display names are what Teams shows: staff accounts 'Surname, Firstname',
    guests 'Name (Gast)'; the moderator (a guest) and listeners in MODERATORS / LISTENERS.
  * Advanced SubStation Alpha subtitles (.ass, Aegisub) saved as .txt (is_ass, parse_ass),
    detected by a '[Script Info]' line, an '[Events]' line and at least five 'Dialogue:' lines:
    only the 'Dialogue:' lines after '[Events]' are speech ('[Script Info]', '[Aegisub Project
    Garbage]', '[V4+ Styles]', the 'Format:' line and 'Comment:' lines are not); a Dialogue line
    has ten comma-separated fields, the fifth (Name) is the speaker and the tenth (Text, which
    may hold commas) the words; override tags in braces ('{\\i1}', '{\\i0}') are removed and the
    line breaks '\\N', '\\n' and the hard space '\\h' read as a space; a cue with an empty Name
    whose text is only a bracket note ('[gelach]', '[pauze]') is not speech, an unnamed cue with
    words goes on with the speaker before it; consecutive cues of one name are one turn (file
    order, as Aegisub saves it). Roles: 'Gespreksleider ...' by the usual rule, listeners by
    function label in LISTENERS.
For CORPUS_DIR/dev16 (written blind in the fortieth round) it parses three more
layouts, each detected only by signs no other set has (they are tried before all other .txt
layouts, the dev15 ones included):
  * a Praat TextGrid in the long text format saved as .txt (is_textgrid, parse_textgrid),
    detected by its first two lines 'File type = "ooTextFile"' and 'Object class = "TextGrid"':
    the lines above 'item []:' (xmin, xmax, 'tiers? <exists>', size) are the header, never speech;
    every 'item [N]:' is a tier: an IntervalTier is one speaker, its name (name = "...") the
    label, its intervals (xmin, xmax, text = "...") the speech; intervals with an empty text
    (the silences Praat keeps to cover the tier's whole time range) are not speech, nor is a text
    that is only a bracket note ('[gelach]', '(lacht)'); a TextTier (points with number and mark,
    here 'opmerkingen') is the researcher's notes, not speech. Praat doubles a quote inside a
    string ('""') and a string may run over lines; both are read back. The non-empty intervals
    of all tiers are put in time order (by xmin; the tiers' order breaks ties) and consecutive
    intervals of one tier form one turn (joined with a space), so a sentence the segmenter cut
    over two intervals is whole again. Roles: 'Gespreksleider ...' by the usual rule, listeners
    (tier names by function, without diacritics: 'Coordinator Jolanda') in LISTENERS.
  * a Rev.com / Temi transcript export saved as .txt (is_rev, parse_rev), detected by at least
    five lines holding only 'Speaker Name (hh:mm:ss):' (the name, a space, the time in round
    brackets, a colon at the end of the line): each such line opens a paragraph, the words on
    the line(s) below (joined with a space) up to the next blank line; consecutive paragraphs of
    one name are one turn (Rev starts a new stamped paragraph within a long turn). Lines above the
    first stamped line, if any, are the header. Rev's inline marks '[inaudible hh:mm:ss]' and
    '[crosstalk hh:mm:ss]' stay in the text and in the gold TEXT. Names are what the customer
    typed or, where nobody named a voice, the tool's 'Speaker N'; the moderator and listeners
    (one of them a 'Speaker N') are mapped in MODERATORS / LISTENERS.
  * a Transcriber (.trs, LDC/DGA Transcriber) XML file saved as .txt (is_trs, parse_trs),
    detected by a '<Trans' root element, a '<Speakers>' list and at least five '<Turn' elements:
    '<Speaker id="spk3" name="..."/>' gives each id its label; every '<Turn speaker="spkN" ...>'
    is speech of that speaker, its text the text between the '<Sync time="..."/>' marks (joined
    with a space, so a sentence cut over two Syncs is whole again); '<Event .../>' (noise) and
    '<Comment desc="..."/>' are no speech, a Turn without a speaker attribute holds none; an
    overlap Turn names two ids ('speaker="spk3 spk6"') and '<Who nb="1"/>' / '<Who nb="2"/>'
    switch between them; '<Topics>', '<Section>' and the attributes are the header's and
    structure's, never speech. Consecutive turns of one speaker are one turn. Roles:
    'Gespreksleider ...' by the usual rule, listeners (names by function) in LISTENERS.
For CORPUS_DIR/dev17 (written blind in the forty-first round; check_gold_dev17.py, the adapted
copy) it parses three more layouts, each detected only by signs no other set has (they are tried
before all other .txt layouts, the dev16 ones included):
  * an ELAN annotation file (.eaf, EAF 3.0 XML) saved as .txt (is_eaf, parse_eaf), detected by
    an '<ANNOTATION_DOCUMENT' root in the file's first lines, a '<TIME_ORDER>' and at least five
    '<ALIGNABLE_ANNOTATION' elements: '<HEADER>' (media descriptor, properties), '<TIME_ORDER>',
    '<LINGUISTIC_TYPE>', '<LOCALE>', '<LANGUAGE>' and '<CONSTRAINT>' are never speech; every
    top-level '<TIER>' is one speaker, its TIER_ID the label (here first names or a surname; the
    PARTICIPANT attribute holds the full name), its ALIGNABLE_ANNOTATIONs the speech; a tier
    with a PARENT_REF (a dependent tier of glosses, REF_ANNOTATIONs) and a tier whose TIER_ID or
    LINGUISTIC_TYPE_REF names notes ('Notities', 'notities', as ELAN_COMMENT) are not speech; an
    empty ANNOTATION_VALUE (a segment never typed) or one holding only a bracket note is
    skipped. The annotations of all tiers are put in the order of their begin slot in
    TIME_ORDER (ELAN writes the slots in time order; a slot without TIME_VALUE, an unaligned
    boundary between two annotations, keeps its place), the tiers' order breaking ties, and
    consecutive annotations of one tier form one turn (joined with a space), so a sentence cut
    over two annotations is whole again. XML escapes are read back. The names carry no role:
    moderator and listeners in MODERATORS / LISTENERS.
  * an EXMARaLDA basic transcription (.exb XML) saved as .txt (is_exb, parse_exb), detected by a
    '<basic-transcription' root in the file's first lines, a '<common-timeline>' and at least
    five '<event ' elements: '<head>' (meta-information, speakertable) is never speech; the
    label of a tier is the '<abbreviation>' of its speaker in the speakertable; only tiers of
    type="t" (the verbal [v] tiers) are speech, the annotation and description tiers (type "a",
    "d": [k], [nv]) are not. Events are put in the order of their start point in the common
    timeline, which is the document order of its '<tli>' elements (their ids need not be in
    numerical order, and a tli may have no time), the tiers' order breaking ties; the texts of
    consecutive events of one speaker are concatenated as EXMARaLDA does, without adding a
    space (each event carries its own trailing space, and a word cut over two events is whole
    again), then whitespace is collapsed. HIAT signs ('•', '((lacht))', '/') stay in the text
    and in the gold TEXT. Roles: the abbreviations in MODERATORS / LISTENERS.
  * a transcription bureau's Word table saved as plain text (is_word_tsv, parse_word_tsv),
    detected by a header row of at least three TAB-separated cells among the first sixty lines
    that holds 'Spreker' and 'Tekst' ('Nr.<TAB>Tijd<TAB>Spreker<TAB>Tekst') and at least five rows
    opening with a row number and a TAB: lines above the header row are the cover ('Key:<TAB>
    value' lines become header keys, other lines titles); every row 'N<TAB>time<TAB>speaker<TAB>
    text' is a row of the table (the text is the last column, so a TAB inside it stays), a line
    that does not open with a row number is the next paragraph of the row above's text cell
    (joined with a space); a row whose speaker cell is empty and whose text is only a bracket
    note ('[korte pauze ...]') is not speech, one with words goes on with the speaker before;
    a blank line after the rows ends the table, and what follows ('[Einde transcriptie]') is
    not speech. Consecutive rows of one speaker are one turn. UTF-8 with a byte-order mark and
    CRLF line ends. Roles: 'Gespreksleider' by the usual rule, the participants' anonymised
    labels ('Ouder 3', 'Jongere (15)') are participants, listeners by function in LISTENERS.
"""
import csv
import xml.etree.ElementTree as ET
import os
import re
import sys
from collections import Counter, OrderedDict

LABELS = ("positive", "learning", "quickwin")
THEMES = ("bejegening", "samenwerking", "proces", "informatie", "voorzieningen", "privacy",
          "deskundigheid")

# Toehoorders (professionals of the organisation) per transcript. The gespreksleider is every
# label containing 'gespreksleider'. Plain-text files may also name toehoorders in a
# '# rollen: Label=toehoorder, ...' header line; those are added automatically.
LISTENERS = {
    "fertiliteitskliniek.txt": ["KLINISCH EMBRYOLOOG PIETER (TOEHOORDER)",
                                "IVF-VERPLEEGKUNDIGE ANOUK (TOEHOORDER)",
                                "GYNAECOLOOG DR. VAN HAL (TOEHOORDER)"],
    "nachtopvang.vtt": ["Casemanager Wendy (De Overloop)", "Teamleider nachtopvang Bas (De Overloop)",
                        "Medewerker dagopvang Ricardo (De Overloop)"],
    "oogziekenhuis.srt": ["OOGARTS VERHOEVEN", "OPTOMETRIST SANNE",
                          "TEAMLEIDER POLIKLINIEK MARJOLEIN"],
    "uwv-arbeidsongeschiktheid.txt": ["Ruud Hoekstra (UWV)", "Esther Vermeulen (UWV)",
                                      "Nadia el Amrani (UWV)"],
    "hogeschool-studenten.vtt": ["Spreker 2", "Spreker 3", "Spreker 4"],
    "hospice-naasten.srt": ["Verpleegkundige Carla", "Vrijwilligerscoördinator Hans",
                            "Huisarts Lemmens"],
    "huisartsenpost-ambulance.txt": ["Triagist Monique", "Huisarts De Graaf",
                                     "Ambulanceverpleegkundige Tim"],
    "bibliotheek-taalcafe.vtt": ["Taalcoördinator Ellen", "Bibliothecaris Ruud",
                                 "Vestigingsmanager Ingrid"],
    "tandartspraktijk.srt": ["TANDARTS VAN DIJK", "MONDHYGIËNIST LOES",
                             "PRAKTIJKMANAGER ANOUK"],
    "ziekenhuis-cardiologie.txt": ["Cardioloog Verbeek", "Verpleegkundige Lotte",
                                   "Doktersassistent Mirjam", "Teamleider Ruud"],
    "ggz-ambulant.vtt": ["Bart Mulder (GGZ Oostrand)", "Femke Hoogland (GGZ Oostrand)",
                         "Jeroen Kamphuis (GGZ Oostrand)"],
    "verpleeghuis.srt": ["Verzorgende Fatma", "Teamleider Joost", "Specialist ouderengeneeskunde"],
    "rechtbank-familierecht.txt": [],
    "school-mbo.vtt": ["Mentor Erik", "Docent Saskia", "Teamleider Ahmed"],
    "gemeente-wijkteam.txt": ["Wijkcoach Marieke", "Wmo-consulent Dennis"],
    "jeugdzorg.txt": ["Gezinscoach Maaike", "Gedragswetenschapper Tom"],
    "revalidatie.srt": ["Fysiotherapeut Koen", "Revalidatiearts", "Ergotherapeut Inge"],
    "huisartsenpraktijk.txt": ["Huisarts Van Loon", "Doktersassistente Chantal", "POH Wendy"],
    "gehandicaptenzorg.vtt": ["Begeleider Yvonne (Stichting Sterk Wonen)",
                              "Gedragskundige Pim (Stichting Sterk Wonen)"],
    "sociale-dienst.srt": ["Klantmanager Rob", "Teamleider Inkomen"],
    "orthopedie-2024-10-01.txt": ["Orthopeed Lammers", "Verpleegkundige Sabine",
                                  "Poliassistent Erwin"],
    "orthopedie-2025-04-01.txt": ["Orthopeed Lammers", "Fysiotherapeut Daan",
                                  "Poliassistent Erwin"],
    "orthopedie-2025-10-01.txt": ["Orthopeed Lammers", "Verpleegkundige Sabine",
                                  "Manager poli Ellen"],
    "woningcorporatie.txt": ["Opzichter Kees", "Huurdersconsulent Sandra",
                             "Medewerker Klantcontact Joyce"],
    "ziekenhuis-oncologie.vtt": ["Oncologieverpleegkundige Ilse", "Internist-oncoloog Van Rijn",
                                 "Teamleider dagcentrum Marco"],
    "politie-aangifte.srt": ["Wijkagent Rick", "Rechercheur Anouk", "Teamchef Karin"],
    "kinderopvang.txt": ["Pedagogisch medewerker Lieke", "Locatiemanager Petra",
                         "Medewerker planning Wendy"],
    "ggz-verslaving-kliniek.vtt": ["Verslavingsarts Kuipers", "Verpleegkundige Hanneke",
                                   "Teamleider Mirjam"],
    "belastingdienst-toeslagen.srt": ["Medewerker Toeslagen Ingrid", "Teamleider Bas",
                                      "Zaakbehandelaar Nadia"],
    "apotheek-thuiszorgwinkel.txt": ["Apotheker De Wit", "Apothekersassistente Kim",
                                     "Medewerker thuiszorgwinkel Ronald"],
    "revalidatie-kinderen.vtt": ["Kinderfysiotherapeut Jasper", "Revalidatiearts Van den Berg",
                                 "Teamleider Miriam"],
    "gemeente-afvalinzameling.srt": ["Teamleider Inzameling Erik", "Wijkbeheerder Sanne",
                                     "Medewerker Klantcontact Priya"],
    # dev7 (the focus-group .txt takes its roles from its legend)
    "gemeente-burgerzaken.vtt": ["TEAMLEIDER BURGERZAKEN MARIEKE", "BALIEMEDEWERKER RONALD",
                                 "MEDEWERKER KCC FATIMA"],
    "sociale-werkvoorziening.srt": ["Jobcoach Ron", "Teamleider productie Sandra",
                                    "P&O-adviseur Yvonne"],
    # dev9 (WhatsApp contact names and a screenplay's character names carry no role)
    "reumatologie-poli.txt": ["Linda reumaverpleegkundige", "Dr. Peeters reumatoloog",
                              "Karin teamleider poli"],
    "ouderenwerk-welzijn.txt": ["OUDERENADVISEUR NIELS", "COÖRDINATOR VRIJWILLIGERS FLEUR",
                                "MANAGER DIENSTVERLENING ROB"],
    "inburgering-statushouders.txt": ["Klantmanager Erik", "Docent Marjolein (Taalschool Lindenhof)",
                                      "Teamleider Inburgering Ayşe"],
}

# Moderators whose label does not contain 'gespreksleider' (a Teams export shows only the
# person's name). WebVTT files with diarised codes may also name the roles in their NOTE block
# ('Spreker 1 = gespreksleider', 'Spreker 2, Spreker 3 en Spreker 4 = toehoorders'); see roles().
MODERATORS = {
    "uwv-arbeidsongeschiktheid.txt": ["Marloes Bakker"],
    "reumatologie-poli.txt": ["Annet Bosman"],
    "slaapcentrum-vlaanderen.txt": ["Ann"],                      # dev8
}
LISTENERS["slaapcentrum-vlaanderen.txt"] = ["dr. Claeys", "Sofie", "Wim"]   # dev8

# dev10 (written blind; the AI export's names and the other two files' function labels)
MODERATORS["rechtshulp-spreekuur.txt"] = ["Petra van Gelder"]
LISTENERS["rechtshulp-spreekuur.txt"] = ["Marco Willems", "Sanne Dekker", "Yusuf Kaya"]
LISTENERS["brandwondencentrum.txt"] = ["Brandwondenarts Van Vliet", "Verpleegkundige Jolien",
                                       "Fysiotherapeut Sander"]
LISTENERS["voedselbank.txt"] = ["Coördinator uitgifte Wim", "Intaker Samira", "Voorzitter Joop"]

# dev12 (written blind; names, tier codes and 'De voorzitter' carry no role word)
MODERATORS["neonatologie-couveuse.txt"] = ["Marieke de Boer"]
LISTENERS["neonatologie-couveuse.txt"] = ["Wouter Jansen", "Ingrid Vos", "Speaker 9"]
MODERATORS["ms-centrum-neurologie.txt"] = ["GL"]
LISTENERS["ms-centrum-neurologie.txt"] = ["T1", "T2", "T3"]
MODERATORS["huurcommissie.txt"] = ["De voorzitter"]
LISTENERS["huurcommissie.txt"] = ["Secretaris Verbeek", "Teamleider Brouwer",
                                  "Medewerker klantcontact Santoso"]
# dev15 (written blind): diarisation codes, Teams display names and the subtitles' function labels
MODERATORS["familiehuis-klimop.txt"] = ["SPEAKER_01"]
LISTENERS["familiehuis-klimop.txt"] = ["SPEAKER_05", "SPEAKER_09", "SPEAKER_11"]
MODERATORS["geleidehonden-baken.txt"] = ["Hélène Smit (Gast)"]
LISTENERS["geleidehonden-baken.txt"] = ["Vos, Maarten", "Kuipers, Annemiek", "de Bruijn, Petra"]
LISTENERS["vakanties-zomerzin.txt"] = ["Zorgcoördinator Marleen", "Coördinator vrijwilligers Joost",
                                       "Medewerker boekingen Sandra"]
# dev16 (written blind): tier names, Rev names and Transcriber speaker names
LISTENERS["circusschool-hoge-piste.txt"] = ["Coordinator Jolanda", "Artistiek leider Ramon",
                                            "Trainer Kevin"]
MODERATORS["paardrijden-hoefslag.txt"] = ["Marieke Dekker"]
LISTENERS["paardrijden-hoefslag.txt"] = ["Sanne Vermeer", "Henk Bos", "Speaker 11"]
LISTENERS["lymfecentrum-hoge-veld.txt"] = ["Oedeemfysiotherapeut Marloes", "Dermatoloog Kersten",
                                           "Teamleider Sandra"]
# dev12 layouts
OTTER_TURN = re.compile(r"^(\S(?:[^\t]{0,58}\S)?) {2}(\d{1,2}:\d\d(?::\d\d)?)$")
OTTER_FOOTER = re.compile(r"^Transcribed by https?://(?:www\.)?otter\.ai\S*\s*$")
ELAN_TIME = re.compile(r"^\d\d:\d\d:\d\d\.\d{3}$")
ELAN_COMMENT = re.compile(r"^(?:notities|notitie|notes?|comments?|commentaar|opmerkingen)$", re.I)
VERSLAG_TURN = re.compile(
    r"^(De voorzitter|[A-ZÀ-Ý][a-zà-ÿ-]+(?: [a-zà-ÿ-]+)?"
    r" (?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en|[Ee]l|[Ll]e) )*[A-ZÀ-Ý][\w'’-]+)"
    r"(?: \(interrumperend\))?: (\S.*)$")
VERSLAG_PROC = re.compile(r"^(?:Aan de orde is\b.*|De (?:bijeenkomst|vergadering) wordt\b.*geschorst\.)$")
VERSLAG_END = re.compile(r"^Sluiting \d{1,2}[.:]\d\d uur\.?$")

# dev8: diarised WhisperX SRT without a legend; who is who, per file, from what they say.
WHISPERX_ROLES = {
    "hulpmiddelencentrum.srt": {
        "SPEAKER_02": "moderator",                 # Jolanda, opens, introduces, sums up
        "SPEAKER_10": "listener",                  # Petra, teamleider planning
        "SPEAKER_07": "listener",                  # Mark, adviseur hulpmiddelen
        "SPEAKER_11": "listener",                  # Yvonne, klantenservice
        **{f"SPEAKER_{n:02d}": "participant" for n in (0, 1, 3, 4, 5, 6, 8, 9)},
    },
}

# dev13 (written blind): roles of the PDF transcript (names only) and the captions' listeners
MODERATORS["thuisbeademing-noordwest.txt"] = ["Ellen Brouwer"]
LISTENERS["thuisbeademing-noordwest.txt"] = ["Femke Gerritsen", "Joost Kramer", "Anita Verschuren"]
LISTENERS["clientondersteuning-wegwijs.txt"] = ["Teamleider Nicole", "Cliëntondersteuner Bas",
                                                "Medewerker aanmelding Kim"]

# dev13 layouts
CHAT_MAIN = re.compile(r"^\*([A-Z0-9]{2,7}):\t?(.*)$")
CHAT_DEP = re.compile(r"^%[a-z]{2,5}:")
CHAT_MOD_ROLES = ("investigator", "interviewer")
CHAT_LISTENER_ROLES = ("doctor", "nurse", "clinician", "therapist", "teacher", "observer",
                       "audience")
SBV_TIME = re.compile(r"^\d{1,2}:\d\d:\d\d\.\d{3},\d{1,2}:\d\d:\d\d\.\d{3}$")
SBV_LABEL = re.compile(r"^([A-ZÀ-Ý][\wÀ-ÿ'’.-]*(?: [\wÀ-ÿ'’.-]+){0,3}): (.*)$")
PDF_FOOTER = re.compile(r"^\s*Pagina \d+ van \d+\s*$")
PDF_TURN = re.compile(r"^(\S(?:[^ ]| (?! ))*?)\s{2,}(\S.*)$")


def is_chat(data):
    lines = data.splitlines()
    return (any(l.strip() == "@Begin" for l in lines[:5])
            and sum(1 for l in lines if CHAT_MAIN.match(l)) >= 5)


def parse_chat(data):
    """CHAT/CHILDES: returns (header, [(code, text)]); header['_roles'] from @Participants."""
    header, turns = OrderedDict(), []
    cur = None                 # 'main', 'dep' or 'head': what a tab line continues
    head_key = None
    for line in data.splitlines():
        if line.startswith("\t") and cur is not None:
            if cur == "main":
                turns[-1][1] += " " + line.strip()
            elif cur == "head":
                header[head_key] += " " + line.strip()
            continue
        if not line.strip():
            continue
        if line.startswith("@"):
            k, _, v = line[1:].partition(":")
            head_key = k.strip().lower()
            header[head_key] = (header[head_key] + "\n" if head_key in header else "") + v.strip()
            cur = "head"
            continue
        if CHAT_DEP.match(line):
            cur = "dep"
            continue
        m = CHAT_MAIN.match(line)
        if not m:
            raise ValueError("CHAT line that is no tier: " + line[:60])
        add_turn(turns, m.group(1), m.group(2).strip())
        cur = "main"
    kinds = OrderedDict()
    for entry in header.get("participants", "").split(","):
        parts = entry.split()
        if len(parts) < 2:
            continue
        role = parts[-1].lower()
        kinds[parts[0]] = ("moderator" if role in CHAT_MOD_ROLES else
                           "listener" if role in CHAT_LISTENER_ROLES else "participant")
    header["_roles"] = kinds
    return header, [(l, norm(t)) for l, t in turns]


def is_sbv(data):
    return sum(1 for l in data.splitlines() if SBV_TIME.match(l.strip())) >= 5


def parse_sbv(data):
    """YouTube .sbv captions: returns (header, [(label, text)])."""
    header, turns = OrderedDict(), []
    blocks = [b.strip("\n").split("\n") for b in re.split(r"\n\s*\n", data.strip("\ufeff\n"))]
    speaker = None
    for b in blocks:
        b = [l.rstrip() for l in b if l.strip()]
        if not b:
            continue
        if not SBV_TIME.match(b[0].strip()):
            raise ValueError("sbv block without timing: " + b[0][:60])
        text = norm(" ".join(b[1:]))
        if not text or BRACKET_LINE.match(text):
            continue
        m = SBV_LABEL.match(text)
        if m:
            speaker, text = m.group(1).strip(), m.group(2)
        if speaker is None:
            raise ValueError("sbv cue without speaker: " + text[:60])
        add_turn(turns, speaker, text)
    return header, [(l, norm(t)) for l, t in turns]


def is_pdf_columns(data):
    return "\f" in data and sum(1 for l in data.splitlines() if PDF_FOOTER.match(l)) >= 2


def parse_pdf_columns(data):
    """A two-column transcript converted from PDF: returns (header, [(name, text)])."""
    header, turns = OrderedDict(), []
    pages = data.split("\f")
    header["_cover"] = "\n".join(l.strip() for l in pages[0].splitlines()
                                 if l.strip() and not PDF_FOOTER.match(l))
    cur = None
    for page in pages[1:]:
        lines = [l.rstrip() for l in page.splitlines()]
        body = [l for l in lines if not PDF_FOOTER.match(l)]
        first = next((i for i, l in enumerate(body) if l.strip()), None)
        if first is None:
            continue
        header.setdefault("kop", body[first].strip())
        for line in body[first + 1:]:
            if not line.strip():
                continue
            if line[0] != " ":
                m = PDF_TURN.match(line)
                if not m:
                    raise ValueError("margin line without a name column: " + line[:60])
                cur = [m.group(1).strip(), m.group(2).strip()]
                turns.append(cur)
                continue
            nxt = line.strip()
            if BRACKET_LINE.match(nxt):
                continue
            if cur is None:
                raise ValueError("text before the first speaker: " + nxt[:60])
            if re.search(r"[a-zà-ÿ]-$", cur[1]) and nxt[:1].islower():
                cur[1] = cur[1][:-1] + nxt
            else:
                cur[1] += " " + nxt
    merged = []
    for l, t in turns:
        add_turn(merged, l, t)
    return header, [(l, norm(t)) for l, t in merged]

# dev8 layouts
BT_TURN = re.compile(r"^\[([^\[\]·]{1,60}?)\s*·\s*(\d{1,2}u\d\d)\]\s*(.*)$")
NUM_LINE = re.compile(r"^\s*(\d{1,5})(?:  (.*))?$")
NUM_TURN = re.compile(r"^([IRT]\d{0,2}):\s+(.*)$")
NUM_CODE = re.compile(r"(?<![\w(])([IRT]\d{0,2})(?:\s+(?:tot en met|t/m)\s+([IRT])(\d{1,2}))?(?![\w)])")
WHISPERX_CUE = re.compile(r"^\[(SPEAKER_\d{2})\]:\s*(.*)$")

TXT_LABEL = re.compile(r"^([A-Z][^:\s]*(?:\s+[^:\s]+){0,4}):\s+(.*)$")
CUE_LABEL = re.compile(r"^([A-Z][^:<>]{0,45}):(?:\s+(.*))?$")
STAMP = re.compile(r"^\[\d{1,2}:\d\d(?::\d\d)?\]\s*")
TAG = re.compile(r"<[^>]*>")
VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]+)>")
# Teams transcript export: a line with only the speaker's name and a time opens each block.
TEAMS_TURN = re.compile(r"^([A-ZÀ-Ý][^\d:.,?!]{1,60}?)\s+(\d{1,2}:\d\d(?::\d\d)?)\s*$")
TEAMS_EVENT = re.compile(r"^\S.{0,60} heeft de transcriptie (?:gestart|gestopt)\s*$"
                         r"|^\S.{0,60} (?:started|stopped) transcription\s*$")
# dev6 layouts
CAPS_TURN = re.compile(r"^(?=[^a-zà-ÿ]*$)([A-ZÀ-Ý][A-ZÀ-Ý0-9 .,'’()/-]{1,70})$")
TIME_LINE = re.compile(r"^\[\d{1,2}:\d\d(?::\d\d)?\]$")
BRACKET_SPEAKER = re.compile(r"^\[([A-ZÀ-Ýa-zà-ÿ][^\[\]]{1,60})\]\s+(.*)$")
CAPTION_TURN = re.compile(r"^>>\s*(?:([A-ZÀ-Ý][A-ZÀ-Ý0-9 .'’-]{1,50}):\s*)?(.*)$")
NOTE_CODE = re.compile(r"(?:Spreker|Speaker|SPEAKER)[ _]?\d+")
# dev7 layouts
FOCUS_TURN = re.compile(r"^(?:#\d{1,2}:\d\d:\d\d#\s*)?([A-Z]{1,3}\d{0,2}):\s+(.*)$")
FOCUS_LEGEND = re.compile(r"^([A-Z]{1,3}\d{0,2}(?:\s*(?:,|\ben\b|t/m)\s*[A-Z]{1,3}\d{0,2})*)\s*=\s*(.+)$")
FOCUS_STAMP = re.compile(r"^#\d{1,2}:\d\d:\d\d#\s*")
BRACKET_LINE = re.compile(r"^\[[^\[\]]*\]$")
ROLLING_SETTINGS = "align:start position:0%"
ROLLING_NAME = re.compile(r"^([A-ZÀ-Ý][A-ZÀ-Ý .&'’-]{1,50}):\s*(.*)$")
DIALOGUE_NAME = re.compile(r"^\(([A-ZÀ-Ý][^()]{0,50})\)\s+(\S.*)$")
SOUND_LINE = re.compile(r"^[\[(][a-zà-ÿ][^\[\]()]*[\])]$")
# dev9 layouts
WA_OPEN = re.compile(r"^(?:\d{1,2}-\d{1,2}-\d{2,4},? \d{1,2}:\d\d(?::\d\d)? - "
                     r"|\[\d{1,2}-\d{1,2}-\d{2,4},? \d{1,2}:\d\d(?::\d\d)?\] )(.*)$")
WA_SENDER = re.compile(r"^([^:]{1,60}?): (.*)$")
WA_NOSPEECH = re.compile(r"^(?:<Media weggelaten>|Dit bericht is verwijderd|Je hebt dit bericht verwijderd"
                         r"|<bijgevoegd: [^>]*>)$")
WA_EDITED = re.compile(r"\s*<Dit bericht is bewerkt>\s*$")
SCREEN_NAME = re.compile(r"^([A-ZÀ-Ý][A-ZÀ-Ý0-9 .'’&-]{1,60}?)(\s*\((?:VERVOLG|CONT'D|V\.O\.|O\.S\.)\))?$")
INTERP_FOR = re.compile(r"^tolk\b[^()]*\(namens\s+([^()]+)\)$", re.I)
INTERP_SELF = re.compile(r"^tolk\b[^()]*$", re.I)
# dev10 layouts
AI_TURN = re.compile(r"^\*\*([^*]{1,60}?)\*\*\s+·\s+(\d{1,2}:\d\d(?::\d\d)?)\s*$")
DASH_TIME = re.compile(r"\s*\((\d{1,2}:\d\d:\d\d)\)\s*$")
DASH_TURN = re.compile(r"^([A-ZÀ-Ý][^\s-]*(?: [^\s-]+){0,4}) - (.*)$")
TABLE_HEAD = re.compile(r"^\s*Spreker\s*\|\s*Tekst\s*$")


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def add_turn(turns, speaker, text=""):
    """Goes on with the last turn when it is the speaker's, else opens one; returns the turn."""
    if turns and turns[-1][0] == speaker:
        if text:
            turns[-1][1] += " " + text
    else:
        turns.append([speaker, text])
    return turns[-1]


def go_on(turn, s):
    """Appends line s to turn [label, text]: a word hyphenated at the line's end is joined."""
    if re.search(r"[a-zà-ÿ]-$", turn[1]) and s[:1].islower():
        turn[1] = turn[1][:-1] + s
    else:
        turn[1] = (turn[1] + " " + s) if turn[1] else s


def parse_txt(data):
    """Returns (header dict, [(label, text)])."""
    header, turns = OrderedDict(), []
    cur = None
    for line in data.splitlines():
        if not turns and cur is None and line.startswith("#"):
            k, _, v = line[1:].partition(":")
            header[k.strip().lower()] = v.strip()
            continue
        if not line.strip():
            continue
        line = STAMP.sub("", line)
        m = TXT_LABEL.match(line)
        if m:
            cur = [m.group(1), m.group(2).strip()]
            turns.append(cur)
        elif cur is not None:
            nxt = line.strip()
            if re.search(r"[a-zà-ÿ]-$", cur[1]) and nxt[:1].islower():
                cur[1] = cur[1][:-1] + nxt           # rejoin 'verpleeg-' + 'kundigen'
            else:
                cur[1] = cur[1] + " " + nxt
        else:
            raise ValueError("text before the first speaker label: " + line[:60])
    return header, [(l, norm(t)) for l, t in turns]


def expand_codes(left):
    """'R1 t/m R8' -> R1..R8; 'T1, T2 en T3' -> T1, T2, T3."""
    codes = []
    for part in re.split(r"\s*(?:,|\ben\b)\s*", left.strip()):
        m = re.match(r"^([A-Z]{1,3})(\d+)\s*t/m\s*([A-Z]{1,3})?(\d+)$", part)
        if m:
            codes += [m.group(1) + str(i) for i in range(int(m.group(2)), int(m.group(4)) + 1)]
        elif re.match(r"^[A-Z]{1,3}\d{0,2}$", part):
            codes.append(part)
    return codes


def is_focus(data):
    lines = [l.strip() for l in data.splitlines()]
    return (any(re.match(r"^GL\s*=", l) for l in lines)
            and sum(1 for l in lines if FOCUS_TURN.match(l)) >= 5)


def parse_focus_txt(data):
    """A focus-group transcript typed by a research assistant: returns (header, [(code, text)]).
    Lines before the first turn are the header; legend lines 'CODES = role ...' give the roles
    (header['_roles']); a turn is 'CODE: text', maybe after '#hh:mm:ss#'; a line holding only a
    bracket note is skipped; other lines continue the turn before them."""
    header, turns, kinds = OrderedDict(), [], OrderedDict()
    cur = None
    for line in data.splitlines():
        s = line.strip()
        if not s:
            continue
        m = FOCUS_TURN.match(s)
        if m and m.group(1) in kinds:
            cur = [m.group(1), m.group(2).strip()]
            turns.append(cur)
            continue
        if m and re.match(r"^(?:GL|[RT]\d+)$", m.group(1)):
            raise ValueError("speaker code not in the legend: " + s[:60])
        if cur is None:
            lm = FOCUS_LEGEND.match(s)
            if lm:
                role = lm.group(2).strip().lower()
                kind = ("moderator" if role.startswith("gespreksleider") else
                        "listener" if role.startswith("toehoorder") else
                        "participant" if role.startswith(("respondent", "deelnemer", "cliënt"))
                        else None)
                for c in expand_codes(lm.group(1)) if kind else []:
                    kinds[c] = kind
            else:
                k, _, v = s.partition(":")
                if v.strip():
                    header[k.strip().lower()] = v.strip()
            continue
        if BRACKET_LINE.match(s):
            continue                                  # '[door elkaar]' on a line of its own
        s = FOCUS_STAMP.sub("", s)
        go_on(cur, s)
    header["_roles"] = kinds
    return header, [(l, norm(t)) for l, t in turns]


def parse_rolling_vtt(data, name):
    """YouTube automatic captions: returns (header, [(label, text)]). See the docstring."""
    header, turns = OrderedDict(), []
    blocks, cur = [], []
    for line in data.replace("\r\n", "\n").split("\n"):
        if line == "":                                # a line of one space belongs to its cue
            if cur:
                blocks.append(cur)
                cur = []
        else:
            cur.append(line)
    if cur:
        blocks.append(cur)
    if not blocks or not blocks[0][0].startswith("WEBVTT"):
        raise ValueError("missing WEBVTT signature")
    for l in blocks[0][1:]:
        k, _, v = l.partition(":")
        header[k.strip().lower()] = v.strip()
    shown, last = [], None
    for b in blocks[1:]:
        idx = next((i for i, l in enumerate(b) if "-->" in l), None)
        if idx is None:
            raise ValueError("cue without timing: " + b[0][:60])
        lines = [norm(TAG.sub("", l)) for l in b[idx + 1:]]
        lines = [l for l in lines if l]
        if lines and last is not None and lines[0] == last:
            lines = lines[1:]                         # the rolling repeat of the line before
        for l in lines:
            shown.append(l)
            last = l
    listeners = set(LISTENERS.get(name, []))
    mods = set(MODERATORS.get(name, []))

    def kind(label):
        if "gespreksleider" in label.lower() or label in mods:
            return "moderator"
        if label in listeners or "toehoorder" in label.lower():
            return "listener"
        return "participant"

    def changed():
        label, text = turns[-1]
        if kind(label) == "participant":
            m = next((l for l, _ in turns if kind(l) == "moderator"), None)
            if m is None:
                raise ValueError("'- ' after a participant before the moderator spoke")
            return m
        best, pos = None, -1
        for p in dict.fromkeys(l for l, _ in turns if kind(l) == "participant"):
            for mm in re.finditer(r"(?<!\w)" + re.escape(p.lower()) + r"(?!\w)", text):
                if mm.start() > pos:
                    best, pos = p, mm.start()
        if best:
            return best
        prev = next((l for l, _ in reversed(turns[:-1]) if kind(l) == "participant"), None)
        if prev is None:
            raise ValueError("'- ' with no participant to give it to: " + text[:60])
        return prev

    for l in shown:
        if BRACKET_LINE.match(l):
            continue                                  # [Applaus], [Muziek]
        m = ROLLING_NAME.match(l)
        if m:
            turns.append([m.group(1).strip(), m.group(2)])
        elif l == "-" or l.startswith("- "):
            if not turns:
                raise ValueError("'- ' before anyone was named: " + l[:60])
            turns.append([changed(), l[1:].strip()])
        elif turns:
            turns[-1][1] += " " + l
        else:
            raise ValueError("caption text before the first speaker name: " + l[:60])
    return header, [(l, norm(t)) for l, t in turns]


def parse_dialogue_srt(blocks):
    """A subtitling company's SRT: returns (header, [(label, text)]). See the docstring."""
    turns = []
    for b in blocks:
        idx = next((i for i, l in enumerate(b) if "-->" in l), None)
        if idx is None:
            raise ValueError("cue without timing: " + b[0][:60])
        ndash = 0
        for l in b[idx + 1:]:
            l = norm(TAG.sub("", l))
            if not l or SOUND_LINE.match(l):
                continue                              # (gelach), [applaus]
            dash = l.startswith("-")
            if dash:
                l = l[1:].strip()
                ndash += 1
            m = DIALOGUE_NAME.match(l)
            if m:
                speaker, l = m.group(1).strip(), m.group(2)
            elif dash and ndash > 1:
                if len(turns) < 2:
                    raise ValueError("second dialogue dash without an earlier speaker: " + l[:60])
                speaker = turns[-2][0]
            elif turns:
                speaker = turns[-1][0]
            else:
                raise ValueError("cue without speaker: " + l[:60])
            add_turn(turns, speaker, l)
    return OrderedDict(), [(l, norm(t)) for l, t in turns]


def is_bracket_time(data):
    return sum(1 for l in data.splitlines() if BT_TURN.match(l)) >= 5


def parse_bracket_time_txt(data):
    """Flemish verbatim transcript: returns (header, [(label, text)]). Lines before the first
    '[Name · 19u04]' label are the title block (a line of dashes skipped); a label line opens a
    turn; every other non-empty line continues the turn before it."""
    header, turns, pre = OrderedDict(), [], []
    cur = None
    for line in data.splitlines():
        s = line.strip()
        if not s:
            continue
        m = BT_TURN.match(s)
        if m:
            cur = [m.group(1).strip(), m.group(3).strip()]
            turns.append(cur)
            continue
        if cur is None:
            if not re.fullmatch(r"[-=_*]{3,}", s):
                pre.append(s)
            continue
        go_on(cur, s)
    for k, v in zip(("organisatie", "titel", "datum", "toelichting"), pre):
        header[k] = v
    return header, [(l, norm(t)) for l, t in turns]


def is_numbered(data):
    lines = [l for l in data.splitlines() if l.strip()]
    if len(lines) < 20:
        return False
    nums = [NUM_LINE.match(l) for l in lines]
    if not all(nums):
        return False
    vals = [int(m.group(1)) for m in nums]
    return vals == list(range(vals[0], vals[0] + len(vals)))


def numbered_roles(prose):
    """Who is who from the header's free prose: {code: kind}."""
    kinds = OrderedDict()
    words = (("gespreksleider", "moderator"), ("interviewer", "moderator"),
             ("moderator", "moderator"), ("toehoorder", "listener"),
             ("respondent", "participant"), ("deelnemer", "participant"))
    for sent in re.split(r"(?<=[.!?])\s+", prose):
        codes = []
        for m in NUM_CODE.finditer(sent):
            if m.group(2):
                a = int(m.group(1)[1:] or 0)
                codes += [m.group(2) + str(i) for i in range(a, int(m.group(3)) + 1)]
            else:
                codes.append(m.group(1))
        if not codes:
            continue
        low = sent.lower()
        found = sorted((low.find(w), k) for w, k in words if w in low)
        if not found:
            continue
        for c in codes:
            kinds.setdefault(c, found[0][1])
    return kinds


def parse_numbered_txt(data):
    """Line-numbered research transcript: returns (header, [(code, text)]); see the docstring."""
    header, turns, pre = OrderedDict(), [], []
    cur = None
    for line in data.splitlines():
        if not line.strip():
            continue
        m = NUM_LINE.match(line)
        s = (m.group(2) or "").strip()
        if not s:
            continue
        t = NUM_TURN.match(s)
        if t:
            cur = [t.group(1), t.group(2).strip()]
            turns.append(cur)
            continue
        if cur is None:
            pre.append(s)
            continue
        go_on(cur, s)
    prose = norm(" ".join(pre))
    header["toelichting"] = prose
    kinds = numbered_roles(prose)
    missing = sorted({c for c, _ in turns} - set(kinds))
    if missing:
        raise ValueError("speaker code(s) not explained in the header: " + ", ".join(missing))
    header["_roles"] = kinds
    return header, [(l, norm(t)) for l, t in turns]


def is_whisperx(blocks):
    firsts = []
    for b in blocks:
        idx = next((i for i, l in enumerate(b) if "-->" in l), None)
        if idx is not None and idx + 1 < len(b):
            firsts.append(b[idx + 1])
    return len(firsts) >= 5 and all(WHISPERX_CUE.match(l) for l in firsts)


def parse_whisperx_srt(blocks, name):
    """WhisperX diarised SRT: returns (header, [(code, text)]); roles from WHISPERX_ROLES."""
    turns = []
    kinds = WHISPERX_ROLES.get(name)
    if kinds is None:
        raise ValueError("diarised SRT without a role mapping in WHISPERX_ROLES")
    for b in blocks:
        idx = next((i for i, l in enumerate(b) if "-->" in l), None)
        if idx is None:
            raise ValueError("cue without timing: " + b[0][:60])
        lines = [TAG.sub("", l).strip() for l in b[idx + 1:]]
        m = WHISPERX_CUE.match(lines[0])
        code = m.group(1)
        if code not in kinds:
            raise ValueError("speaker code without a role: " + code)
        text = norm(" ".join([m.group(2)] + lines[1:]))
        add_turn(turns, code, text)
    return OrderedDict(_roles=dict(kinds)), [(l, norm(t)) for l, t in turns]


def is_whatsapp(data):
    """A WhatsApp chat export: at least five lines 'dd-mm-yyyy hh:mm - Name: text'."""
    n = 0
    for l in data.splitlines():
        m = WA_OPEN.match(l)
        if m and WA_SENDER.match(m.group(1)):
            n += 1
    return n >= 5


def parse_whatsapp(data):
    """A WhatsApp group-chat export: returns (header, [(sender, text)]). See the docstring."""
    header, turns, msgs = OrderedDict(), [], []
    cur = None
    for line in data.splitlines():
        m = WA_OPEN.match(line)
        if m:
            sm = WA_SENDER.match(m.group(1))
            if sm:
                cur = [sm.group(1).strip(), [sm.group(2)]]
                msgs.append(cur)
            else:
                cur = None                            # system line: not speech
                header.setdefault("_system", []).append(m.group(1))
            continue
        if not line.strip():
            continue
        if cur is None:
            if not msgs and not header.get("_system"):
                raise ValueError("text before the first message: " + line[:60])
            continue                                  # continuation of a system line
        cur[1].append(line)
    for sender, lines in msgs:
        lines = [WA_EDITED.sub("", l).strip() for l in lines]
        lines = [l for l in lines if l and not WA_NOSPEECH.match(l)]
        if not lines:
            continue
        text = norm(" ".join(lines))
        add_turn(turns, sender, text)
    header.pop("_system", None)
    return header, [(l, norm(t)) for l, t in turns]


def _screen_label(lines, i):
    """The speaker name when lines[i] is a screenplay character line, else None."""
    line = lines[i]
    ind = len(line) - len(line.lstrip(" "))
    m = SCREEN_NAME.match(line.strip())
    if ind < 15 or not m:
        return None
    for nxt in lines[i + 1:]:
        if not nxt.strip():
            continue
        nind = len(nxt) - len(nxt.lstrip(" "))
        if 6 <= nind <= 14 or (nind >= 12 and nxt.strip().startswith("(")):
            return m.group(1).strip()
        return None
    return None


def is_screenplay(data):
    lines = data.expandtabs(8).splitlines()
    labels = sum(1 for i in range(len(lines)) if _screen_label(lines, i))
    dialogue = sum(1 for l in lines if l.strip() and 6 <= len(l) - len(l.lstrip(" ")) <= 14)
    return labels >= 5 and dialogue >= 10


def parse_screenplay(data):
    """A screenplay layout: returns (header, [(NAME, text)]). See the docstring."""
    header, turns, pre = OrderedDict(), [], []
    lines = data.expandtabs(8).splitlines()
    cur = None
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        s = line.strip()
        ind = len(line) - len(line.lstrip(" "))
        label = _screen_label(lines, i)
        if label:
            cur = [label, ""]
            turns.append(cur)
            continue
        if not turns:
            pre.append(s)                             # title block, cast list
            continue
        if ind == 0:
            cur = None                                # stage direction or scene heading
            continue
        if s.startswith("(") and s.endswith(")"):
            continue                                  # parenthetical
        if cur is None or not 6 <= ind <= 14:
            if ind >= 15 and cur is None:
                continue                              # centred closing line ('EINDE')
            raise ValueError("screenplay line outside a speech: " + s[:60])
        go_on(cur, s)
    for k, v in zip(("titel", "kop", "kop 2", "kop 3"), pre):
        header[k] = v
    return header, [(l, norm(t)) for l, t in turns]


def is_interpreter(data):
    n = 0
    for l in data.splitlines():
        m = TXT_LABEL.match(STAMP.sub("", l))
        if m and INTERP_FOR.match(m.group(1).strip()):
            n += 1
    return n >= 2


def parse_interpreter_txt(data):
    """'Label: text' turns where 'Tolk X (namens Y)' speaks for participant Y. See the docstring."""
    kept = [l for l in data.splitlines() if not BRACKET_LINE.match(l.strip())]
    header, turns = parse_txt("\n".join(kept))
    own = {}
    for l, _ in turns:
        if not INTERP_FOR.match(l) and not INTERP_SELF.match(l):
            own.setdefault(l.lower(), l)
    out, interpreters = [], set()
    for l, t in turns:
        m = INTERP_FOR.match(l)
        if m:
            name = m.group(1).strip()
            l = own.get(name.lower(), name[:1].upper() + name[1:])
        elif INTERP_SELF.match(l):
            interpreters.add(l)
        out.append((l, t))
    header["_interpreters"] = interpreters
    return header, out


def is_ai_export(data):
    return sum(1 for l in data.splitlines() if AI_TURN.match(l.strip())) >= 5


def parse_ai_export(data):
    """An AI meeting assistant's Markdown export: returns (header, [(name, text)]). See the
    docstring."""
    header, turns, pre = OrderedDict(), [], []
    cur, done = None, False
    for line in data.splitlines():
        s = line.strip()
        m = AI_TURN.match(s)
        if done or not s:
            continue
        if m:
            label = m.group(1).strip()
            cur = add_turn(turns, label)
            continue
        if cur is None:
            pre.append(s)                             # title, AI summary, action items
            continue
        if re.fullmatch(r"-{3,}|\*{3,}|_{3,}", s):
            done = True                               # the assistant's footer
            continue
        cur[1] = (cur[1] + " " + s) if cur[1] else s
    for k, v in zip(("titel", "kop"), pre):
        header[k] = v
    header["_ai_summary"] = norm(" ".join(pre[2:]))
    return header, [(l, norm(t)) for l, t in turns]


def is_dash_time(data):
    n = 0
    for l in data.splitlines():
        if DASH_TIME.search(l) and DASH_TURN.match(DASH_TIME.sub("", l).strip()):
            n += 1
    return n >= 5


def parse_dash_time_txt(data):
    """'Label - text (hh:mm:ss)' lines, continuation lines with a time mark only: returns
    (header, [(label, text)]). See the docstring."""
    header, turns, pre = OrderedDict(), [], []
    cur = None
    for line in data.splitlines():
        s = line.strip()
        if not s:
            continue
        if not DASH_TIME.search(s):
            if turns:
                raise ValueError("line without a time mark after the first turn: " + s[:60])
            pre.append(s)
            continue
        s = DASH_TIME.sub("", s).strip()
        m = DASH_TURN.match(s)
        if m:
            cur = [m.group(1).strip(), m.group(2).strip()]
            turns.append(cur)
            continue
        if cur is None:
            raise ValueError("timed line before the first speaker label: " + s[:60])
        go_on(cur, s)
    for k, v in zip(("titel", "datum"), pre):
        header[k] = v
    return header, [(l, norm(t)) for l, t in turns]


def is_word_table(data):
    return any(TABLE_HEAD.match(l) for l in data.splitlines()[:40])


def parse_word_table(data):
    """A two-column Word table pasted as text: returns (header, [(speaker, text)]). See the
    docstring."""
    header, turns, pre = OrderedDict(), [], []
    cur, table, done = None, False, False
    for line in data.splitlines():
        if not line.strip() or done:
            continue
        if not table:
            if TABLE_HEAD.match(line):
                table = True
            else:
                pre.append(line.strip())
            continue
        if "|" not in line:
            done = True                               # text below the table
            continue
        spk, _, text = line.partition("|")
        spk, text = spk.strip(), text.strip()
        if spk:
            cur = [spk, text]
            turns.append(cur)
        elif cur is None:
            raise ValueError("continuation row before the first speaker: " + text[:60])
        elif text:
            cur[1] = (cur[1] + " " + text) if cur[1] else text
    for k, v in zip(("titel", "datum", "toelichting"), pre):
        header[k] = v
    return header, [(l, norm(t)) for l, t in turns]


def is_teams(data):
    lines = data.splitlines()
    n_teams = sum(1 for l in lines if TEAMS_TURN.match(l) and len(l.split()) <= 8)
    n_label = sum(1 for l in lines if TXT_LABEL.match(STAMP.sub("", l)))
    return n_teams >= 3 and n_teams > n_label


def is_caps(data):
    """A Word transcript: no 'Label: text' turns, several lines holding only a CAPITALS label."""
    lines = [l.strip() for l in data.splitlines() if l.strip()]
    return (sum(1 for l in lines if CAPS_TURN.match(l)) >= 5
            and any(l.startswith("GESPREKSLEIDER") and CAPS_TURN.match(l) for l in lines))


def parse_caps_txt(data):
    """Returns (header dict, [(label, text)]) for a Word document saved as text: lines before the
    first CAPITALS label line are the header (title block); every label line opens a turn; the
    paragraphs below it are joined with a space; '[hh:mm:ss]' lines are skipped."""
    header, turns, pre = OrderedDict(), [], []
    cur = None
    for line in data.splitlines():
        line = line.strip()
        if not line or TIME_LINE.match(line):
            continue
        if CAPS_TURN.match(line) and len(line.split()) <= 10:
            cur = [line, ""]
            turns.append(cur)
            continue
        if cur is None:
            pre.append(line)
            continue
        cur[1] = (cur[1] + " " + line) if cur[1] else line
    for k, v in zip(("titel", "organisatie", "datum", "toelichting"), pre):
        header[k] = v
    return header, [(l, norm(t)) for l, t in turns]


def parse_teams(data):
    """A Teams transcript export pasted as text: returns (header dict, [(label, text)]).

    Lines before the first 'Full Name   h:mm:ss' line (title, date, duration) are the header
    ('titel', 'datum', 'duur'); 'X heeft de transcriptie gestart/gestopt' lines are skipped; the
    lines below a name-and-time line are that block's text, joined with a space (a word
    hyphenated across a line break rejoined); consecutive blocks of one speaker are one turn."""
    header, turns, pre = OrderedDict(), [], []
    cur = None
    for line in data.splitlines():
        if not line.strip() or TEAMS_EVENT.match(line.strip()):
            continue
        m = TEAMS_TURN.match(line)
        if m and len(line.split()) <= 8:
            label = m.group(1).strip()
            cur = add_turn(turns, label)
            continue
        if cur is None:
            pre.append(line.strip())
            continue
        nxt = line.strip()
        if re.search(r"[a-zà-ÿ]-$", cur[1]) and nxt[:1].islower():
            cur[1] = cur[1][:-1] + nxt
        else:
            cur[1] = (cur[1] + " " + nxt) if cur[1] else nxt
    for k, v in zip(("titel", "datum", "duur"), pre):
        header[k] = v
    return header, [(l, norm(t)) for l, t in turns]


REPORT_SPEAKER = "(verslag)"
REPORT_SETS = ("reports", "reports-fresh", "reports-dev", "reports-blind", "reports-dev2",
               "reports-dev3", "reports-dev4", "reports-dev5", "reports-dev6",
               "reports-dev7", "reports-dev8", "reports-dev9",
               "reports-dev10", "reports-dev11", "reports-dev12", "reports-dev13",
               "reports-dev14", "reports-dev15")   # written summaries, validated by parse_report
REPORT_HEADER = re.compile(r"^#\s*([A-Za-zÀ-ÿ][\w-]*)\s*:\s*(.*)$")
REPORT_MARKER = re.compile(r"^(?:[-•*–—▪◦\uf0b7>]\s|\[[ xX]\]\s|o\s|\d{1,2}[.)]\s|"
                           r"(?:tip|top|tops|tips|verbeterpunt|leerpunt|aandachtspunt|quick-?win)\s*:)",
                           re.I)


SEMICOLON_HEAD = re.compile(r"^\ufeff?Nr;[^;]+(?:;[^;]*){3,}$", re.I)


def decode_semicolon_rows(lines):
    """reports-dev6: a spreadsheet saved as ';'-separated text. From a header row 'Nr;...'
    on, a row holding a quoted cell is decoded as Excel writes it (surrounding quotes dropped,
    doubled quotes undoubled) and its cells are joined again with ';', so that a gold TEXT
    is the cell as the spreadsheet shows it. Rows without quotes and lines before the header
    row are left as they are."""
    out, table = [], False
    for line in lines:
        if not table and SEMICOLON_HEAD.match(line.strip()):
            table = True
        elif table and '"' in line and ";" in line:
            line = ";".join(next(csv.reader([line], delimiter=";")))
        out.append(line)
    return out


def parse_report(data):
    """A written report (verslag): returns (header dict, [(REPORT_SPEAKER, text)]).

    No speaker labels: the whole text is one anonymous participant turn. '# key: value' lines
    before the first text line are the header; every other line, Markdown headings included, is
    text. Lines are joined with a space and a word hyphenated across a line break is rejoined,
    as in parse_txt."""
    header, text, started = OrderedDict(), "", False
    for line in decode_semicolon_rows(data.splitlines()):
        if not started:
            m = REPORT_HEADER.match(line)
            if m:
                header[m.group(1).lower()] = m.group(2).strip()
                continue
        if not line.strip():
            continue
        started = True
        nxt = line.strip()
        if re.search(r"[a-zà-ÿ]-$", text) and nxt[:1].islower():
            text = text[:-1] + nxt                   # rejoin 'snel-' + 'heid'
        else:
            text = text + " " + nxt if text else nxt
    return header, [(REPORT_SPEAKER, norm(text))]


def cue_blocks(data):
    blocks, cur = [], []
    for line in data.replace("\r\n", "\n").split("\n"):
        if line.strip():
            cur.append(line.rstrip())
        elif cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    return blocks


def parse_cues(data, vtt, name=""):
    header, turns = OrderedDict(), []
    speaker = None
    blocks = cue_blocks(data)
    if vtt:
        if not blocks or not blocks[0][0].startswith("WEBVTT"):
            raise ValueError("missing WEBVTT signature")
        blocks = blocks[1:]
    if not vtt and is_whisperx(blocks):
        return parse_whisperx_srt(blocks, name)                 # dev8
    if not vtt and any(DIALOGUE_NAME.match(TAG.sub("", l).lstrip("-").strip())
                       for b in blocks for l in b):
        return parse_dialogue_srt(blocks)
    caption = any(l.startswith(">>") for b in blocks for l in b)
    bracket = vtt and any(BRACKET_SPEAKER.match(b[i + 1]) for b in blocks
                          for i, l in enumerate(b[:-1]) if "-->" in l)
    if caption or bracket:
        return parse_dev6_cues(blocks, vtt, caption)
    for b in blocks:
        if vtt and b[0].startswith("NOTE"):
            header["_note"] = header.get("_note", "") + "\n" + "\n".join([b[0][4:]] + b[1:])
            for l in b[1:]:
                k, _, v = l.lstrip("# ").partition(":")
                header[k.strip().lower()] = v.strip()
            continue
        if vtt and (b[0].startswith("STYLE") or b[0].startswith("REGION")):
            continue
        idx = next((i for i, l in enumerate(b) if "-->" in l), None)
        if idx is None:
            raise ValueError("cue without timing: " + b[0][:60])
        parts = []
        for l in b[idx + 1:]:
            v = VOICE.search(l)
            if v:
                speaker = v.group(1).strip()
                l = TAG.sub("", l)
            else:
                l = TAG.sub("", l)
                m = CUE_LABEL.match(l)
                if m and len(m.group(1).split()) <= 5:
                    speaker = m.group(1).strip()
                    l = m.group(2) or ""
            parts.append(l.strip())
        text = norm(" ".join(parts))
        if speaker is None:
            raise ValueError("cue without speaker: " + text[:60])
        add_turn(turns, speaker, text)
    return header, [(l, norm(t)) for l, t in turns]


def parse_dev6_cues(blocks, vtt, caption):
    """'[Speaker] text' (WebVTT) or '>> NAME: text' / '>> text' (SRT) layouts."""
    header, turns = OrderedDict(), []
    for b in blocks:
        if vtt and b[0].startswith("NOTE"):
            header["_note"] = header.get("_note", "") + "\n" + "\n".join([b[0][4:]] + b[1:])
            for k, l in zip(("titel", "datum", "bron"), b[1:]):
                header[k] = l.strip()
            continue
        idx = next((i for i, l in enumerate(b) if "-->" in l), None)
        if idx is None:
            raise ValueError("cue without timing: " + b[0][:60])
        lines = [TAG.sub("", l).strip() for l in b[idx + 1:]]
        if caption and not turns and not any(l.startswith(">>") for l in lines):
            text = norm(" ".join(lines))
            if text.startswith("[") and text.endswith("]"):
                header["titel"] = header.get("titel", "") + text
                continue
            raise ValueError("cue without speaker: " + text[:60])
        for n, l in enumerate(lines):
            speaker = turns[-1][0] if turns else None
            if caption and l.startswith(">>"):
                m = CAPTION_TURN.match(l)
                if m.group(1):
                    speaker = m.group(1).strip()
                else:
                    mods = [t[0] for t in turns if "gespreksleider" in t[0].lower()]
                    if not mods or len(turns) < 2:
                        raise ValueError("unnamed '>>' before the moderator spoke: " + l[:60])
                    speaker = mods[0] if turns[-1][0] != mods[0] else turns[-2][0]
                l = m.group(2) or ""
            elif not caption and n == 0 and BRACKET_SPEAKER.match(l) \
                    and len(BRACKET_SPEAKER.match(l).group(1).split()) <= 6:
                m = BRACKET_SPEAKER.match(l)
                speaker, l = m.group(1).strip(), m.group(2)
            if speaker is None:
                raise ValueError("cue without speaker: " + l[:60])
            add_turn(turns, speaker, norm(l))
    return header, [(l, norm(t)) for l, t in turns]


def is_otter(data):
    lines = data.splitlines()
    return (any(OTTER_FOOTER.match(l.strip()) for l in lines)
            and sum(1 for l in lines if OTTER_TURN.match(l.rstrip("\r"))) >= 5)


def parse_otter(data):
    """An Otter.ai-style export: returns (header, [(name, text)]). See the docstring."""
    header, turns, pre = OrderedDict(), [], []
    cur = None
    for line in data.splitlines():
        line = line.rstrip("\r")
        s = line.strip()
        if not s:
            continue
        if OTTER_FOOTER.match(s):
            cur = None
            break                                     # the tool's footer: not speech
        m = OTTER_TURN.match(line)
        if m:
            cur = add_turn(turns, m.group(1).strip())
            continue
        if cur is None:
            pre.append(s)
            continue
        go_on(cur, s)
    keyed = {"SUMMARY KEYWORDS": "trefwoorden", "SPEAKERS": "sprekers"}
    free = []
    i = 0
    while i < len(pre):
        if pre[i] in keyed and i + 1 < len(pre):
            header[keyed[pre[i]]] = pre[i + 1]
            i += 2
            continue
        free.append(pre[i])
        i += 1
    for k, v in zip(("titel", "datum"), free):
        header[k] = v
    return header, [(l, norm(t)) for l, t in turns]


def _elan_row(line):
    cols = line.rstrip("\r").split("\t")
    if len(cols) == 5 and all(ELAN_TIME.match(c.strip()) for c in cols[1:4]):
        return cols
    return None


def is_elan(data):
    return sum(1 for l in data.splitlines() if _elan_row(l)) >= 5


def parse_elan(data):
    """An ELAN tab-delimited export: returns (header, [(tier, text)]). See the docstring."""
    header, rows = OrderedDict(), []
    for n, line in enumerate(data.splitlines()):
        if not line.strip():
            continue
        cols = _elan_row(line)
        if cols is None:
            if not rows and line.lower().startswith("tier\t"):
                header["kolommen"] = line.strip()
                continue
            raise ValueError("line that is not an ELAN annotation row: " + line[:60])
        rows.append((cols[1].strip(), n, cols[0].strip(), cols[4].strip()))
    rows.sort(key=lambda r: (r[0], r[1]))
    turns = []
    for begin, _, tier, text in rows:
        if ELAN_COMMENT.match(tier):
            header.setdefault("notities", []).append(text)
            continue
        if text:
            add_turn(turns, tier, text)
    header["notities"] = " | ".join(header.get("notities", []))
    return header, [(l, norm(t)) for l, t in turns]


def is_verslag(data):
    lines = [l.strip() for l in data.splitlines() if l.strip()]
    return (bool(lines) and lines[0].startswith("Verslag van de")
            and sum(1 for l in lines if l.startswith("De voorzitter: ")) >= 3)


def parse_verslag(data):
    """A stenographic verslag (Handelingen style): returns (header, [(label, text)]). See the
    docstring."""
    header, turns, pre = OrderedDict(), [], []
    cur = None
    for line in data.splitlines():
        s = line.strip()
        if not s:
            continue
        if cur is None and not s.startswith("De voorzitter: "):
            pre.append(s)                             # heading block
            continue
        if VERSLAG_END.match(s):
            break
        if VERSLAG_PROC.match(s) or re.fullmatch(r"\([^()]+\)", s):
            continue                                  # '(Gelach)', 'Aan de orde is ...'
        m = VERSLAG_TURN.match(s)
        if m:
            cur = [m.group(1), m.group(2).strip()]
            turns.append(cur)
        else:
            cur[1] = cur[1] + " " + s
    header["titel"] = pre[0] if pre else ""
    for l in pre[1:]:
        k, sep, v = l.partition(": ")
        if sep and len(k.split()) <= 4:
            header[k.strip().lower()] = v.strip()
        else:
            header.setdefault("kop", l)
    merged = []
    for l, t in turns:                                # consecutive paragraphs of one speaker
        add_turn(merged, l, t)
    return header, [(l, norm(t)) for l, t in merged]


# dev14 (written blind): codes and display names carry no role word
MODERATORS["vaatcentrum-oostervaart.txt"] = ["I"]
LISTENERS["vaatcentrum-oostervaart.txt"] = ["T1", "T2", "T3"]
MODERATORS["fpc-de-vaart.txt"] = ["GL"]
LISTENERS["fpc-de-vaart.txt"] = ["LAU", "MAR", "EST"]
MODERATORS["veerdienst-noorderoog.txt"] = ["Ellen Brink"]
LISTENERS["veerdienst-noorderoog.txt"] = ["Sandra Mol (Wadlink)", "Rinse de Boer (Wadlink)",
                                          "Femke Kuipers (Wadlink)"]

# dev14 layouts
F4_STAMP = re.compile(r"\s#\d{2}:\d{2}:\d{2}-\d#\s*$")
F4_LABEL = re.compile(r"^([A-Z]{1,3}\d{0,2}): (.*)$")
JEF_NUM = re.compile(r"^(\d{3,4})  (.*)$")
JEF_TURN = re.compile(r"^([A-Z]{2,4}):\s+(\S.*)$")
JEF_TURN_LINE = re.compile(r"^\d{3,4}  [A-Z]{2,4}:\s+\S")
JEF_GAP = re.compile(r"^(?:\(\d+(?:\.\d)?\)|\(\([^()]*\)\))$")
ZOOM_HEAD = re.compile(r"^\[([^\[\]]{1,60})\] (\d{1,2}:\d\d:\d\d)\s*$")


def is_f4(data):
    return sum(1 for l in data.splitlines() if F4_STAMP.search(l)) >= 5


def parse_f4(data):
    """An f4transkript export: returns (header, [(code, text)]). See the docstring."""
    header, turns = OrderedDict(), []
    started = False
    for line in data.splitlines():
        s = line.strip()
        if not s:
            continue
        stamp = F4_STAMP.search(" " + s)
        if not started and not stamp:
            k, sep, v = s.partition(": ")
            if sep and len(k.split()) <= 3:
                header[k.strip().lower()] = v.strip()
            else:
                header.setdefault("kop", s)
            continue
        if not stamp:
            raise ValueError("f4 paragraph without a time stamp: " + s[:60])
        started = True
        s = F4_STAMP.sub("", " " + s).strip()
        m = F4_LABEL.match(s)
        if m:
            add_turn(turns, m.group(1), m.group(2).strip())
        elif turns:
            turns[-1][1] += " " + s
        else:
            raise ValueError("f4 paragraph before the first speaker code: " + s[:60])
    return header, [(l, norm(t)) for l, t in turns]


def is_jefferson(data):
    if sum(1 for l in data.splitlines() if JEF_TURN_LINE.match(l)) < 10:
        return False
    return ("(.)" in data and re.search(r"\(\d+\.\d\)", data) is not None
            and any(c in data for c in "°↑↓"))


def parse_jefferson(data):
    """A Jefferson-notation CA transcript: returns (header, [(code, text)]). See the docstring."""
    header, turns, pre = OrderedDict(), [], []
    last = None
    for line in data.splitlines():
        if not line.strip():
            continue
        m = JEF_NUM.match(line)
        if not m:
            if last is not None:
                raise ValueError("unnumbered line inside the transcript: " + line[:60])
            pre.append(line.rstrip())
            continue
        n = int(m.group(1))
        if last is not None and n != last + 1:
            raise ValueError(f"line number {n} after {last}")
        last = n
        rest = m.group(2)
        if rest[:1].strip():
            t = JEF_TURN.match(rest)
            if not t:
                raise ValueError("numbered line without a speaker code: " + line[:60])
            add_turn(turns, t.group(1), t.group(2).strip())
            continue
        s = rest.strip()
        if not s or JEF_GAP.match(s):
            continue                                  # '(2.0)', '((gelach))' on a line of its own
        if not turns:
            raise ValueError("text before the first speaker code: " + s[:60])
        turns[-1][1] += " " + s
    if pre:
        header["titel"] = pre[0].strip()
        key = None
        for l in pre[1:]:
            k, sep, v = l.partition(":")
            if sep and not l[:1].isspace() and len(k.split()) <= 2:
                key = k.strip().lower()
                header[key] = v.strip()
            elif key:
                header[key] += " " + l.strip()
    return header, [(l, norm(t)) for l, t in turns]


def is_zoom(data):
    return sum(1 for l in data.splitlines() if ZOOM_HEAD.match(l)) >= 5


def parse_zoom(data):
    """A Zoom transcript saved as text: returns (header, [(name, text)]). See the docstring."""
    header, turns = OrderedDict(), []
    speaker = None
    for line in data.splitlines():
        s = line.strip()
        if not s:
            continue
        m = ZOOM_HEAD.match(s)
        if m:
            speaker = m.group(1).strip()
            add_turn(turns, speaker)
            continue
        if speaker is None:
            header.setdefault("kop", s)
            continue
        add_turn(turns, speaker, s)
    return header, [(l, norm(t)) for l, t in turns if norm(t)]


# dev16 layouts
TG_KEY = re.compile(r'^\s*(xmin|xmax|text|name|class|number|mark) = (.*)$')
TG_ITEM = re.compile(r"^\s*item \[(\d+)\]:\s*$")
TG_INTERVAL = re.compile(r"^\s*intervals \[(\d+)\]:\s*$")
REV_HEAD = re.compile(r"^(\S[^()]{0,60}?) \((\d{1,2}:\d\d(?::\d\d)?)\):\s*$")
NOTE_ONLY = re.compile(r"^(?:\[[^\[\]]*\]|\([^()]*\))$")


def is_textgrid(data):
    lines = [l.strip() for l in data.lstrip("\ufeff").splitlines()[:3]]
    return (len(lines) >= 2 and lines[0] == 'File type = "ooTextFile"'
            and lines[1] == 'Object class = "TextGrid"')


def _praat_string(lines, i, rest):
    """Reads a Praat string that opens in rest (after the '= '); returns (value, next line index)."""
    if not rest.startswith('"'):
        return rest.strip(), i + 1
    buf, s = [], rest[1:]
    while True:
        j = 0
        while j < len(s):
            if s[j] == '"':
                if j + 1 < len(s) and s[j + 1] == '"':
                    buf.append('"')
                    j += 2
                    continue
                return "".join(buf), i + 1
            buf.append(s[j])
            j += 1
        buf.append("\n")
        i += 1
        if i >= len(lines):
            raise ValueError("TextGrid string not closed")
        s = lines[i]


def parse_textgrid(data):
    """A Praat TextGrid (long text format): returns (header, [(tier name, text)])."""
    header, turns = OrderedDict(), []
    lines = data.lstrip("\ufeff").splitlines()
    if not any(l.strip() == "item []:" for l in lines):
        raise ValueError("TextGrid without 'item []:' (short text format is not read)")
    intervals = []                    # (xmin, tier number, text)
    tier, tier_no, tclass, iv = None, 0, None, None
    in_items = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip() == "item []:":
            in_items = True
            i += 1
            continue
        if not in_items:
            m = TG_KEY.match(line)
            if m:
                header[m.group(1)] = m.group(2).strip()
            i += 1
            continue
        m = TG_ITEM.match(line)
        if m:
            tier_no, tier, tclass, iv = int(m.group(1)), None, None, None
            i += 1
            continue
        if TG_INTERVAL.match(line):
            iv = {}
            i += 1
            continue
        m = TG_KEY.match(line)
        if not m:
            i += 1
            continue
        key, rest = m.group(1), m.group(2)
        val, i = _praat_string(lines, i, rest)
        if key == "class":
            tclass = val
        elif key == "name" and iv is None:
            tier = val
        elif iv is not None and key in ("xmin", "xmax"):
            iv[key] = float(val)
        elif iv is not None and key == "text":
            t = norm(val)
            if tclass == "IntervalTier" and t and not NOTE_ONLY.match(t):
                intervals.append((iv["xmin"], tier_no, tier, t))
            iv = None
    intervals.sort(key=lambda x: (x[0], x[1]))
    for _, _, name, t in intervals:
        add_turn(turns, name, t)
    return header, [(l, norm(t)) for l, t in turns if norm(t)]


def is_rev(data):
    return sum(1 for l in data.splitlines() if REV_HEAD.match(l.strip())) >= 5


def parse_rev(data):
    """A Rev.com / Temi export: returns (header, [(name, text)])."""
    header, turns = OrderedDict(), []
    speaker = None
    for line in data.lstrip("\ufeff").splitlines():
        s = line.strip()
        if not s:
            continue
        m = REV_HEAD.match(s)
        if m:
            speaker = m.group(1).strip()
            add_turn(turns, speaker)
            continue
        if speaker is None:
            header.setdefault("kop", s)
            continue
        add_turn(turns, speaker, s)
    return header, [(l, norm(t)) for l, t in turns if norm(t)]


def is_trs(data):
    return ("<Trans" in data and "<Speakers>" in data
            and len(re.findall(r"<Turn\b", data)) >= 5)


def parse_trs(data):
    """A Transcriber .trs file: returns (header, [(speaker name, text)])."""
    header, turns = OrderedDict(), []
    root = ET.fromstring(data.lstrip("\ufeff").encode("utf-8"))
    names = {sp.get("id"): sp.get("name") for sp in root.iter("Speaker")}
    for k in ("scribe", "audio_filename", "version_date"):
        if root.get(k):
            header[k] = root.get(k)
    for turn in root.iter("Turn"):
        ids = (turn.get("speaker") or "").split()
        if not ids:
            continue                  # a turn without a speaker: noise only
        cur = ids[0]
        pieces = [(cur, turn.text or "")]
        for child in turn:
            if child.tag == "Who":
                cur = ids[int(child.get("nb")) - 1]
            pieces.append((cur, child.tail or ""))
        for sid, text in pieces:
            t = norm(text)
            if t:
                add_turn(turns, names.get(sid, sid), t)
    return header, [(l, norm(t)) for l, t in turns if norm(t)]


# dev15 layouts
WHISPER_SEG = re.compile(r"^\[(\d{2}:\d{2}:\d{2}\.\d{3}) --> (\d{2}:\d{2}:\d{2}\.\d{3})\]\s+(.*)$")
WHISPER_CODE = re.compile(r"^(SPEAKER_\d{2}):\s+(.*)$")
TEAMS_DOCX_TIME = re.compile(r"^(\d{1,2}):(\d{1,2}):(\d{1,2})\.\d{1,3} --> (\d{1,2}):(\d{1,2}):(\d{1,2})\.\d{1,3}$")
ASS_OVERRIDE = re.compile(r"\{[^{}]*\}")


def is_whisper_diar(data):
    return sum(1 for l in data.splitlines()
               if WHISPER_SEG.match(l) and WHISPER_CODE.match(WHISPER_SEG.match(l).group(3))) >= 5


def parse_whisper_diar(data):
    """Whisper segments with diarisation codes: returns (header, [(code, text)])."""
    header, turns = OrderedDict(), []
    for line in data.splitlines():
        s = line.strip()
        if not s:
            continue
        m = WHISPER_SEG.match(s)
        if not m:
            raise ValueError("whisper line without a time range: " + s[:60])
        c = WHISPER_CODE.match(m.group(3))
        if not c:
            continue                         # a segment no speaker was assigned to: not speech
        add_turn(turns, c.group(1), c.group(2).strip())
    return header, [(l, norm(t)) for l, t in turns]


def is_teams_docx(data):
    if data.lstrip("\ufeff").startswith("WEBVTT"):
        return False
    lines = [l.strip() for l in data.splitlines()]
    hits = [m for m in (TEAMS_DOCX_TIME.match(l) for l in lines) if m]
    unpadded = any(len(m.group(2)) == 1 or len(m.group(3)) == 1 or len(m.group(5)) == 1
                   or len(m.group(6)) == 1 for m in hits)
    return len(hits) >= 5 and unpadded


def parse_teams_docx(data):
    """Teams .docx transcript (older layout) saved as text: returns (header, [(name, text)])."""
    header, turns = OrderedDict(), []
    blocks = [b.strip("\n").split("\n") for b in re.split(r"\n\s*\n", data.strip("\ufeff\n"))]
    for b in blocks:
        b = [l.strip() for l in b if l.strip()]
        if not b:
            continue
        if not TEAMS_DOCX_TIME.match(b[0]):
            if not turns:
                header.setdefault("kop", " ".join(b))
                continue
            raise ValueError("Teams block without a time range: " + b[0][:60])
        if len(b) < 2:
            raise ValueError("Teams block without a speaker: " + b[0])
        add_turn(turns, b[1], " ".join(b[2:]))
    return header, [(l, norm(t)) for l, t in turns if norm(t)]


def is_ass(data):
    lines = [l.strip() for l in data.splitlines()]
    return ("[Script Info]" in lines[:3] and "[Events]" in lines
            and sum(1 for l in lines if l.startswith("Dialogue:")) >= 5)


def parse_ass(data):
    """Advanced SubStation Alpha subtitles: returns (header, [(name, text)])."""
    header, turns = OrderedDict(), []
    section, speaker = None, None
    for line in data.splitlines():
        s = line.strip()
        if re.match(r"^\[[^\]]+\]$", s):
            section = s
            continue
        if section == "[Script Info]" and ":" in s and not s.startswith(";"):
            k, _, v = s.partition(":")
            header[k.strip().lower()] = v.strip()
            continue
        if section != "[Events]" or not s.startswith("Dialogue:"):
            continue
        fields = s[len("Dialogue:"):].split(",", 9)
        if len(fields) != 10:
            raise ValueError("ASS Dialogue line without ten fields: " + s[:60])
        name = fields[4].strip()
        text = ASS_OVERRIDE.sub("", fields[9])
        text = norm(re.sub(r"\\[Nnh]", " ", text))
        if not text:
            continue
        if not name:
            if BRACKET_LINE.match(text) or re.match(r"^\([^()]*\)$", text):
                continue                     # a sound cue: not speech
            if speaker is None:
                raise ValueError("ASS cue without a speaker: " + text[:60])
            name = speaker
        speaker = name
        add_turn(turns, name, text)
    return header, [(l, norm(t)) for l, t in turns]


# dev17 (written blind): ELAN tier names, EXMARaLDA abbreviations and a bureau's function labels
MODERATORS["hbo-centrum-meerstede.txt"] = ["Jolanda"]
LISTENERS["hbo-centrum-meerstede.txt"] = ["Van Wieren", "Sandra", "Marco"]
MODERATORS["schippersinternaat-de-boeg.txt"] = ["GL"]
LISTENERS["schippersinternaat-de-boeg.txt"] = ["PT", "MO", "HA"]
LISTENERS["schisisteam-holtvelde.txt"] = ["Schisisverpleegkundige", "Plastisch chirurg",
                                          "Logopedist"]

# dev17 layouts
TSV_ROW = re.compile(r"^(\d{1,4})\t")


def is_eaf(data):
    head = data.lstrip("\ufeff")[:4000]
    return ("<ANNOTATION_DOCUMENT" in head and "<TIME_ORDER" in data
            and data.count("<ALIGNABLE_ANNOTATION") >= 5)


def parse_eaf(data):
    """An ELAN .eaf file: returns (header, [(tier id, text)])."""
    header = OrderedDict()
    root = ET.fromstring(data.lstrip("\ufeff").encode("utf-8"))
    for k in ("AUTHOR", "DATE", "FORMAT"):
        if root.get(k):
            header[k.lower()] = root.get(k)
    head = root.find("HEADER")
    if head is not None and head.find("MEDIA_DESCRIPTOR") is not None:
        header["media"] = head.find("MEDIA_DESCRIPTOR").get("MEDIA_URL", "")
    order = root.find("TIME_ORDER")
    if order is None:
        raise ValueError("EAF without TIME_ORDER")
    slot = {ts.get("TIME_SLOT_ID"): i for i, ts in enumerate(order.findall("TIME_SLOT"))}
    items, notes = [], []
    for n, tier in enumerate(root.findall("TIER")):
        tid = tier.get("TIER_ID", "")
        if tier.get("PARENT_REF"):
            continue                          # a dependent tier (glosses): not speech
        if ELAN_COMMENT.match(tid) or ELAN_COMMENT.match(tier.get("LINGUISTIC_TYPE_REF", "")):
            notes += [norm(a.findtext("ANNOTATION_VALUE") or "") for a in tier.iter("ALIGNABLE_ANNOTATION")]
            continue
        for ann in tier.iter("ALIGNABLE_ANNOTATION"):
            t = norm(ann.findtext("ANNOTATION_VALUE") or "")
            if not t or NOTE_ONLY.match(t):
                continue                      # an untyped segment or a bracket note
            ref = ann.get("TIME_SLOT_REF1")
            if ref not in slot:
                raise ValueError("EAF annotation with an unknown time slot: " + str(ref))
            items.append((slot[ref], n, tid, t))
    header["notities"] = " | ".join(x for x in notes if x)
    items.sort(key=lambda x: (x[0], x[1]))
    turns = []
    for _, _, tid, t in items:
        add_turn(turns, tid, t)
    return header, [(l, norm(t)) for l, t in turns]


def is_exb(data):
    head = data.lstrip("\ufeff")[:4000]
    return ("<basic-transcription" in head and "<common-timeline" in data
            and data.count("<event ") >= 5)


def parse_exb(data):
    """An EXMARaLDA basic transcription: returns (header, [(abbreviation, text)])."""
    header = OrderedDict()
    root = ET.fromstring(data.lstrip("\ufeff").encode("utf-8"))
    meta = root.find("head/meta-information")
    if meta is not None:
        for k in ("project-name", "transcription-name", "comment", "transcription-convention"):
            v = meta.findtext(k)
            if v and v.strip():
                header[k] = v.strip()
    abbr = {sp.get("id"): (sp.findtext("abbreviation") or sp.get("id")).strip()
            for sp in root.iter("speaker")}
    body = root.find("basic-body")
    if body is None or body.find("common-timeline") is None:
        raise ValueError("EXMARaLDA file without a common timeline")
    order = {t.get("id"): i for i, t in enumerate(body.find("common-timeline").findall("tli"))}
    events = []
    for n, tier in enumerate(body.findall("tier")):
        if tier.get("type") != "t" or not tier.get("speaker"):
            continue                          # [k], [nv] and other annotation tiers
        label = abbr.get(tier.get("speaker"), tier.get("speaker"))
        for ev in tier.findall("event"):
            if ev.get("start") not in order:
                raise ValueError("EXMARaLDA event with an unknown start: " + str(ev.get("start")))
            events.append((order[ev.get("start")], n, label, ev.text or ""))
    events.sort(key=lambda x: (x[0], x[1]))
    turns = []
    for _, _, label, text in events:
        if turns and turns[-1][0] == label:
            turns[-1][1] += text              # events carry their own spaces
        else:
            turns.append([label, text])
    return header, [(l, norm(t)) for l, t in turns if norm(t)]


def _tsv_head(line):
    cells = [c.strip().rstrip(".").lower() for c in line.split("\t")]
    return len(cells) >= 3 and "spreker" in cells and "tekst" in cells


def is_word_tsv(data):
    lines = data.lstrip("\ufeff").splitlines()
    return (any(_tsv_head(l) for l in lines[:60])
            and sum(1 for l in lines if TSV_ROW.match(l)) >= 5)


def parse_word_tsv(data):
    """A Word table saved as text, TAB between the cells: returns (header, [(speaker, text)])."""
    header, rows, pre = OrderedDict(), [], []
    cols, cur, done = None, None, False
    for line in data.lstrip("\ufeff").splitlines():
        if done:
            continue                          # below the table: not speech
        if cols is None:
            if _tsv_head(line):
                cols = [c.strip().rstrip(".").lower() for c in line.split("\t")]
                continue
            if line.strip():
                k, sep, v = line.partition("\t")
                if sep:
                    header[k.strip().rstrip(":").lower()] = v.strip()
                else:
                    pre.append(line.strip())
            continue
        if not line.strip():
            if rows:
                done = True
            continue
        if TSV_ROW.match(line):
            cells = line.split("\t", len(cols) - 1)
            cells += [""] * (len(cols) - len(cells))
            row = dict(zip(cols, cells))
            spk, text = row["spreker"].strip(), row["tekst"].strip()
            if not spk:
                if not text or NOTE_ONLY.match(text):
                    cur = ["", ""]                # a note row: not speech
                    continue
                if not rows:
                    raise ValueError("table row without a speaker: " + text[:60])
                spk = rows[-1][0]
            cur = [spk, text]
            rows.append(cur)
            continue
        if cur is None:
            raise ValueError("text before the first table row: " + line[:60])
        if cur[0]:
            cur[1] = (cur[1] + " " + line.strip()).strip()   # the cell's next paragraph
    for k, v in zip(("titel", "kop"), pre):
        header[k] = v
    turns = []
    for spk, text in rows:
        add_turn(turns, spk, text)
    return header, [(l, norm(t)) for l, t in turns if norm(t)]


def parse_transcript(path, report=False):
    data = open(path, encoding="utf-8-sig").read()
    if report:
        return parse_report(data)
    if path.endswith(".vtt") and ROLLING_SETTINGS in data and "<c>" in data:
        return parse_rolling_vtt(data, os.path.basename(path))
    if path.endswith(".vtt"):
        return parse_cues(data, True)
    if path.endswith(".srt"):
        return parse_cues(data, False, os.path.basename(path))
    if path.endswith(".txt") and is_eaf(data):                # dev17
        return parse_eaf(data)
    if path.endswith(".txt") and is_exb(data):                # dev17
        return parse_exb(data)
    if path.endswith(".txt") and is_word_tsv(data):           # dev17
        return parse_word_tsv(data)
    if path.endswith(".txt") and is_textgrid(data):           # dev16
        return parse_textgrid(data)
    if path.endswith(".txt") and is_rev(data):                # dev16
        return parse_rev(data)
    if path.endswith(".txt") and is_trs(data):                # dev16
        return parse_trs(data)
    if path.endswith(".txt") and is_whisper_diar(data):       # dev15
        return parse_whisper_diar(data)
    if path.endswith(".txt") and is_teams_docx(data):         # dev15
        return parse_teams_docx(data)
    if path.endswith(".txt") and is_ass(data):                # dev15
        return parse_ass(data)
    if path.endswith(".txt") and is_f4(data):                 # dev14
        return parse_f4(data)
    if path.endswith(".txt") and is_jefferson(data):          # dev14
        return parse_jefferson(data)
    if path.endswith(".txt") and is_zoom(data):               # dev14
        return parse_zoom(data)
    if path.endswith(".txt") and is_chat(data):               # dev13
        return parse_chat(data)
    if path.endswith(".txt") and is_sbv(data):                # dev13
        return parse_sbv(data)
    if path.endswith(".txt") and is_pdf_columns(data):        # dev13
        return parse_pdf_columns(data)
    if path.endswith(".txt") and is_otter(data):              # dev12
        return parse_otter(data)
    if path.endswith(".txt") and is_elan(data):               # dev12
        return parse_elan(data)
    if path.endswith(".txt") and is_verslag(data):            # dev12
        return parse_verslag(data)
    if path.endswith(".txt") and is_ai_export(data):          # dev10
        return parse_ai_export(data)
    if path.endswith(".txt") and is_word_table(data):         # dev10
        return parse_word_table(data)
    if path.endswith(".txt") and is_dash_time(data):          # dev10
        return parse_dash_time_txt(data)
    if path.endswith(".txt") and is_whatsapp(data):
        return parse_whatsapp(data)
    if path.endswith(".txt") and is_screenplay(data):
        return parse_screenplay(data)
    if path.endswith(".txt") and is_interpreter(data):
        return parse_interpreter_txt(data)
    if is_numbered(data):                                       # dev8
        return parse_numbered_txt(data)
    if is_bracket_time(data):                                   # dev8
        return parse_bracket_time_txt(data)
    if is_focus(data):
        return parse_focus_txt(data)
    if is_teams(data):
        return parse_teams(data)
    if is_caps(data):
        return parse_caps_txt(data)
    return parse_txt(data)


def roles(name, header, turns):
    listeners = set(LISTENERS.get(name, []))
    moderators = set(MODERATORS.get(name, []))
    for code, kind in header.get("_roles", {}).items():     # dev7: a focus group's legend
        if kind == "moderator":
            moderators.add(code)
        elif kind == "listener":
            listeners.add(code)
    for kv in header.get("rollen", "").split(","):
        k, _, v = kv.partition("=")
        if v.strip().lower() == "toehoorder":
            listeners.add(k.strip())
    # diarised codes in a WebVTT NOTE: 'Spreker 1 = gespreksleider; Spreker 7 en Spreker 8 = toehoorders'
    for clause in re.split(r"[;\n]", header.get("_note", "")):
        left, eq, right = clause.partition("=")
        if not eq:
            continue
        codes = NOTE_CODE.findall(left)
        role = right.strip().lower()
        if role.startswith("gespreksleider"):
            moderators.update(codes)
        elif role.startswith("toehoorder"):
            listeners.update(codes)
    interpreters = header.get("_interpreters", set())       # dev9: 'Tolk Arabisch' alone
    out = {}
    for label, _ in turns:
        if label in interpreters:
            out[label] = "interpreter"
        elif "gespreksleider" in label.lower() or label in moderators:
            out[label] = "moderator"
        elif label in listeners or "toehoorder" in label.lower():
            out[label] = "listener"
        else:
            out[label] = "participant"
    return out


def read_gold(path, name, errors):
    items = []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if not lines or not lines[0].startswith("# gold for " + name):
        errors.append(f"{path}:1: first line must be '# gold for {name} — ...'")
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 3:
            errors.append(f"{path}:{n}: expected 3 tab-separated columns, got {len(cols)}")
            continue
        label, themes, text = cols
        if label not in LABELS:
            errors.append(f"{path}:{n}: unknown label {label!r}")
        th = themes.split(",")
        if not 1 <= len(th) <= 2 or len(set(th)) != len(th) or any(t not in THEMES for t in th):
            errors.append(f"{path}:{n}: bad themes {themes!r}")
        if text != text.strip() or not text:
            errors.append(f"{path}:{n}: empty text or surrounding blanks")
        items.append((n, label, th, text))
    return items


def check_file(path, errors, warnings, report=False):
    name = os.path.basename(path)
    header, turns = parse_transcript(path, report)
    role = roles(name, header, turns)
    part_texts = [t for l, t in turns if role[l] == "participant"]
    other_texts = [t for l, t in turns if role[l] != "participant"]
    gpath = re.sub(r"\.(txt|vtt|srt)$", ".gold.tsv", path)
    if not os.path.exists(gpath):
        errors.append(f"{path}: no gold file {os.path.basename(gpath)}")
        return None
    items = read_gold(gpath, name, errors)
    seen = set()
    for n, label, th, text in items:
        t = norm(text)
        if t in seen:
            errors.append(f"{gpath}:{n}: text listed twice")
        seen.add(t)
        if report and REPORT_MARKER.match(t):
            errors.append(f"{gpath}:{n}: text starts with a list marker or inline label: {t[:70]}")
        hits = sum(pt.count(t) for pt in part_texts)
        if hits == 0:
            if any(t in ot for ot in other_texts):
                errors.append(f"{gpath}:{n}: text is spoken by the moderator or a listener: {t[:70]}")
            else:
                errors.append(f"{gpath}:{n}: text not found verbatim: {t[:70]}")
        elif hits > 1:
            warnings.append(f"{gpath}:{n}: text occurs {hits} times: {t[:70]}")
    counts = Counter(label for _, label, _, _ in items)
    themes = Counter(x for _, _, th, _ in items for x in th)
    participants = [l for l in dict.fromkeys(l for l, _ in turns) if role[l] == "participant"]
    words = sum(len(t.split()) for t in part_texts)
    return {"name": name, "counts": counts, "themes": themes, "participants": participants,
            "listeners": [l for l in role if role[l] == "listener"], "words": words,
            "turns": len(turns), "gold": {norm(i[3]): i[1] for i in items}}


def check_links(series_dir, results, errors):
    path = os.path.join(series_dir, "links.tsv")
    if not os.path.exists(path):
        errors.append(f"{path}: missing")
        return Counter()
    status_count = Counter()
    for n, line in enumerate(open(path, encoding="utf-8").read().split("\n"), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 5:
            errors.append(f"{path}:{n}: expected 5 columns, got {len(cols)}")
            continue
        fs, ft, ts, tt, st = cols
        status_count[st] += 1
        if st not in ("recurring", "resolved", "new"):
            errors.append(f"{path}:{n}: bad status {st!r}")
            continue

        def lookup(sess, text, allowed, what):
            r = results.get(sess)
            if r is None:
                errors.append(f"{path}:{n}: unknown session {sess!r}")
                return
            lab = r["gold"].get(norm(text))
            if lab is None:
                errors.append(f"{path}:{n}: {what} text is not a gold item of {sess}: {text[:60]}")
            elif lab not in allowed:
                errors.append(f"{path}:{n}: {what} text is {lab} in {sess}, expected {allowed}")

        if st == "new":
            if fs or ft:
                errors.append(f"{path}:{n}: 'new' must have empty FROM columns")
            lookup(ts, tt, ("learning", "quickwin"), "TO")
            continue
        lookup(fs, ft, ("learning", "quickwin"), "FROM")
        if st == "recurring":
            lookup(ts, tt, ("learning", "quickwin"), "TO")
            if fs >= ts:
                errors.append(f"{path}:{n}: TO session must be later than FROM session")
        elif st == "resolved":
            if ts and tt:
                lookup(ts, tt, ("positive",), "TO")
            elif ts or tt:
                errors.append(f"{path}:{n}: 'resolved' needs both TO columns or neither")
    return status_count


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    errors, warnings = [], []
    sets = [("dev", root), ("heldout", os.path.join(root, "heldout")),
            ("heldout-fresh", os.path.join(root, "heldout-fresh")),
            ("dev2", os.path.join(root, "dev2")), ("dev3", os.path.join(root, "dev3")),
            ("dev4", os.path.join(root, "dev4")), ("dev5", os.path.join(root, "dev5")),
            ("dev6", os.path.join(root, "dev6")), ("dev7", os.path.join(root, "dev7")),
            ("dev8", os.path.join(root, "dev8")), ("dev9", os.path.join(root, "dev9")),
            ("dev10", os.path.join(root, "dev10")),
            ("dev11", os.path.join(root, "dev11")), ("dev12", os.path.join(root, "dev12")),
            ("dev13", os.path.join(root, "dev13")),
            ("dev14", os.path.join(root, "dev14")),
            ("dev15", os.path.join(root, "dev15")),
            ("dev16", os.path.join(root, "dev16")),
            ("dev17", os.path.join(root, "dev17")),
            ("series", os.path.join(root, "series")), ("reports", os.path.join(root, "reports")),
            ("reports-fresh", os.path.join(root, "reports-fresh")),
            ("reports-dev", os.path.join(root, "reports-dev")),
            ("reports-blind", os.path.join(root, "reports-blind")),
            ("reports-dev2", os.path.join(root, "reports-dev2")),
            ("reports-dev3", os.path.join(root, "reports-dev3")),
            ("reports-dev4", os.path.join(root, "reports-dev4")),
            ("reports-dev5", os.path.join(root, "reports-dev5")),
            ("reports-dev6", os.path.join(root, "reports-dev6")),
            ("reports-dev7", os.path.join(root, "reports-dev7")),
            ("reports-dev8", os.path.join(root, "reports-dev8")),
            ("reports-dev9", os.path.join(root, "reports-dev9")),
            ("reports-dev10", os.path.join(root, "reports-dev10")),
            ("reports-dev11", os.path.join(root, "reports-dev11")),
            ("reports-dev12", os.path.join(root, "reports-dev12")),
            ("reports-dev13", os.path.join(root, "reports-dev13")),
            ("reports-dev14", os.path.join(root, "reports-dev14")),
            ("reports-dev15", os.path.join(root, "reports-dev15"))]
    only = set(sys.argv[2:])
    if only:
        unknown = only - {n for n, _ in sets}
        if unknown:
            errors.append("unknown set(s): " + ", ".join(sorted(unknown)))
        sets = [(n, d) for n, d in sets if n in only]
    results = {}
    grand = Counter()
    print(f"{'set':8s} {'file':32s} {'part':>4s} {'words':>6s} {'pos':>4s} {'learn':>5s} "
          f"{'quick':>5s} {'total':>5s}")
    for setname, d in sets:
        if not os.path.isdir(d):
            errors.append(f"{d}: missing directory")
            continue
        total = Counter()
        for f in sorted(os.listdir(d)):
            if not re.search(r"\.(txt|vtt|srt)$", f):
                continue
            if setname in REPORT_SETS and not f.endswith(".txt"):
                errors.append(f"{os.path.join(d, f)}: reports must be plain text (.txt)")
                continue
            try:
                r = check_file(os.path.join(d, f), errors, warnings, report=setname in REPORT_SETS)
            except ValueError as e:
                errors.append(f"{os.path.join(d, f)}: {e}")
                continue
            if r is None:
                continue
            results[f] = r
            c = r["counts"]
            total.update(c)
            print(f"{setname:8s} {f:32s} {len(r['participants']):4d} {r['words']:6d} "
                  f"{c['positive']:4d} {c['learning']:5d} {c['quickwin']:5d} {sum(c.values()):5d}")
        print(f"{setname:8s} {'TOTAL':32s} {'':4s} {'':6s} {total['positive']:4d} "
              f"{total['learning']:5d} {total['quickwin']:5d} {sum(total.values()):5d}")
        grand.update(total)
    print(f"{'all':8s} {'TOTAL':32s} {'':4s} {'':6s} {grand['positive']:4d} {grand['learning']:5d} "
          f"{grand['quickwin']:5d} {sum(grand.values()):5d}")
    themes = Counter()
    for r in results.values():
        themes.update(r["themes"])
    print("themes:", ", ".join(f"{t}={themes[t]}" for t in THEMES))
    if os.path.isdir(os.path.join(root, "series")) and (not only or "series" in only):
        sc = check_links(os.path.join(root, "series"), results, errors)
        print("series links:", ", ".join(f"{k}={sc[k]}" for k in ("recurring", "resolved", "new")))
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    print("OK: all gold texts verified" if not errors else f"FAILED: {len(errors)} error(s)")
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
