/*
 * read_text.c — plain-text transcripts, and the speaker-label judgement all readers share.
 *
 * Input: UTF-8 text (spg_check_encoding has passed it; a leading byte-order mark is skipped).
 * Output: header metadata, speakers and turns in the session (raw text; lines of one turn joined
 * with '\n', a blank line inside a turn kept as "\n\n", a paragraph break).
 *
 * What a line can be:
 *
 *   # titel: Spiegelbijeenkomst wijkteam     a header: key and value go to the session meta
 *   # Spreker 1 = gespreksleider             who is who (meta "sprekers", roles.c); before the
 *   GL = gespreksleider; R1 t/m R8 = ...     first turn also without '#', or after a legend's
 *   Legenda: T1 en T2 = toehoorders          key ("Legenda:", alone on its line too)
 *   R3: Ja dat klopt. #00:01:02-3#           a time mark of f4/f5 at either end of a line: no
 *                                            text; it ends a paragraph, so it dates the next turn
 *   # Spiegelbijeenkomst 12 maart            a heading without "key:"; before the first turn and
 *                                            with no titel yet it becomes the titel; a later one
 *                                            ("## Tops") is a paragraph of its own in a text
 *                                            without speakers (a written summary), ignored in a
 *                                            transcript with them
 *   Titel: ... / Datum: ... / Organisatie: ...  known header keys (titel, datum, organisatie,
 *                                            domein, locatie, onderwerp, rollen, ...) without a
 *                                            '#' count as headers too, but only before the first
 *                                            turn; later they are speech
 *   Gespreksleider: Annemiek Borst           in a report's leading block of short "Key: value"
 *   Toehoorders: SEH-arts, teamleider        lines whose labels never come back, header keys
 *                                            too (header_block: labels of a report, not turns)
 *   **Thema: bereikbaarheid**                a line wholly in bold in a text without speakers:
 *                                            a heading, as "## Thema: bereikbaarheid"
 *   Verslag ... | pagina 3 van 8             a PDF's page footer, and the running header after it
 *                                            when it comes back page after page: no text
 *   Op vr 28 mrt om 16:12 schreef Sophie:    a mail program's attribution before three or more
 *   > - De docenten zijn enthousiast.        quoted lines: an e-mail reply that answers a report
 *   [HvD] Dank je, dat klopt.                between its lines; the quoted lines are the report
 *                                            (one anonymous participant, no labels), the
 *                                            reply's own lines a listener's ("(antwoord)"),
 *                                            "Van:", "Onderwerp:", ... at the top header
 *   > Samira: Het bellen duurt lang.         ... or that forwards a transcript: four or more
 *   [KB: dit klopt]                          quoted lines a label opens, two labels coming back;
 *                                            the quoted lines are read as the transcript, the
 *                                            reply above the attribution is meta "antwoord", the
 *                                            attribution "citaat", an unquoted remark between
 *                                            the quoted lines or below them "opmerking"; a line
 *                                            right after a quoted one, not in brackets, is its
 *                                            wrapped rest
 *   Ingrid Bos | gespreksleider: Welkom.     a meeting tool's display name with what the person
 *                                            is after a bar: a label, its role after the bar
 *   Opdrachtgever: Hogeschool, decanaat      a transcript's leading block of "Key: value" lines,
 *   Methode: woordelijk                      two of whose keys are header keys: its header,
 *                                            keys no list knows included, when they open no
 *                                            other line
 *   toehoorders: Ronald Kuiper (hoofd), ...  before the first turn, a group's attendance list
 *                                            (a plural role word, names with commas): a header
 *                                            line; roles.c gives the named speakers the role
 *   Gespreksleider: Welkom allemaal.         a speaker label opens a turn
 *   [00:12:03] Mevrouw K.: Ik belde ...      a timestamp may stand before the label ...
 *   Jan (00:12): ... / Jan [00:12:03]: ...   ... or after it, or right after the colon
 *   **Jan:** ... / **Jan**: ...              Markdown bold labels (transcripts pasted from chat)
 *   [SPEAKER_00]: ...                        a label in brackets (WhisperX and other
 *                                            diarisation tools): the label is what they hold
 *   [iPhone van Jelle] 19:32:35              ... with only a clock time after it (a Zoom
 *                                            transcript saved as text: the words below, the
 *                                            time the turn's, a display name of any case); the
 *                                            same speaker's next block continues a sentence the
 *                                            block before cut, across the blank line
 *   [00:00:01.000 --> 00:00:05.200] SPEAKER_00: ...  a segment's time range before the label
 *                                            (Whisper, WhisperX); the same speaker's next
 *                                            line continues a turn that stopped mid-sentence
 *   - Jan: ... / • Jan: ... / – Jan: ...     a list or dialogue marker before the label (pasted
 *                                            minutes; a caption's dash for a change of speaker)
 *   JAN<TAB>... / Jan<TAB>00:12:03<TAB>...   a tab for the colon (columns of a table or a
 *                                            spreadsheet export), a column of times after it
 *   001  RON:  ja (.) ik wel. de             numbered lines (line_numbered), also below a header
 *              groepsleiding                 without numbers: the numbers go, the indented next
 *                                            lines continue the turn
 *   Sprekers: GL gespreksleider; RON ...     a header line's indented next line goes on with
 *             LAU, MAR medewerkers ...       its value
 *   Spreker 1   0:03                         a label with a timestamp and nothing else on the
 *   Jan de Vries - 00:00:15                  line (Word / Teams / Otter exports; a dash or bar
 *                                            between them): the text follows on the next lines
 *   [00:14:10]                               a lone timestamp: the start of the next turn
 *   Anja heeft de transcriptie gestart       a meeting tool's event (Teams): nobody's speech
 *   13 maart 2025, 14:01                     up to four short lines before the first label of
 *                                            a labelled transcript: header (titel, kop, ...)
 *   Gespreksleider                           a role or code label alone on its line, the words
 *                                            below it (own_labels: typed minutes)
 *   any other line                           continues the current turn; with no turn yet, an
 *                                            anonymous speaker ("") opens one. A text without
 *                                            any labels is one anonymous participant.
 *
 * Is "X: ..." a label? Speech is full of colons ("Toen zei ik: nee.", "Mijn advies: bel gewoon
 * terug.", "Wat ik wil zeggen: ..."), so a prefix must pass three tests.
 *  1. Shape (spg_label_scan): at most 40 bytes and 5 words before a colon that a space or the
 *     line end follows, or before a tab ("om 12:30" and "https://" are not labels); no ','
 *     '?' '!' ';' quotes or brackets other than one "(...)" group ("Arts (dr. Bakker)"); a '.'
 *     only after an initial or a title ("Mevrouw K.", "Dr. Smit", "J.P. de Vries"; "Ja. Dat
 *     klopt:" fails); the first word starts with a capital, or is a role word or a code ("gl:",
 *     "p3:"), or holds a capital inside it (a device's name, "iPhone van Jelle").
 *  2. Not speech: the first word is not a function word, pronoun or discourse word ("toen",
 *     "ik", "wat", "mijn", "dus", "kortom", "advies", "vraag", "let op", ...), except a
 *     tussenvoegsel before capitals ("De Vries:", "Van Dam:"). Header keys are never speakers.
 *  3. Evidence, judged after a first pass over the whole file (spg_label_table):
 *     - strong: the first word is a role or title word (gespreksleider, deelnemer, mevrouw,
 *       meneer, arts, moeder, toehoorder, ... a built-in list: the reader has no lexicon) or a
 *       code (P3, D1, S12), and every further word is capitalised, a number, a tussenvoegsel
 *       ("Moeder van Sem") or inside the "(...)" group; one occurrence suffices;
 *     - recurring: the same label opens two or more lines (so "A:" / "V:" interviews, and
 *       "Moeder zei:" only if it keeps coming back);
 *     - a name ("Jan", "Anja de Vries", all words capitalised) that occurs once is accepted
 *       only when the file has other labels that are certain: in a labelled transcript a
 *       one-off speaker is likely, in a monologue "Kortom:"-like prefixes are speech.
 *  Word-export labels in capitals ("GESPREKSLEIDER:", "DEELNEMER 3:") are folded before the
 *  word lists are consulted. Labels are kept as written; "GL" and "Gl" stay two speakers.
 *
 * Cost: each line is looked at through its first ~100 bytes for a label, so a 50 MB line is one
 * memchr for its end plus one copy into the session; candidate labels sit in an open-addressing
 * table keyed by spans of the input (no copies), so the two passes stay linear.
 */
#include "readers.h"

#include <stdlib.h>
#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define LABEL_MAX 40      /* bytes of a label */
#define LABEL_WORDS 5     /* words outside the "(...)" group */
#define LABEL_DESC 32     /* bytes of what a display name says after its bar */
#define LABEL_ZONE 100    /* bytes from the line start where the colon must be */

/* ---- word lists (sorted by bytes for bsearch) -------------------------------------------- */

/* packed, as the other word lists */
// clang-format off
static const char *const function_words[] = {
    "aan", "aantekeningen", "ach", "achteraf", "actie", "actielijst", "actiepunt", "actiepunten",
    "advies", "afsluiting", "afspraak", "agenda", "ah", "al", "alle", "alleen", "allemaal", "alles",
    "als", "althans", "altijd", "ander", "andere", "anders", "antwoord", "belangrijk", "besluit",
    "besluiten", "bijvoorbeeld", "blijkbaar", "bovendien", "citaat", "conclusie", "d.w.z", "daar",
    "daarna", "daarnaast", "daarom", "dan", "dat", "de", "deel", "denk", "deze", "die", "dit",
    "doe", "doel", "doen", "dus", "dwz", "echt", "een", "eerlijk", "eerst", "eh", "ehm",
    "eigenlijk", "en", "er", "ergens", "evaluatie", "even", "eventueel", "gelukkig", "gevolg",
    "gewoon", "goed", "haar", "had", "hadden", "hallo", "heb", "hebben", "heeft", "heel", "helaas",
    "hem", "het", "hier", "hij", "hm", "hmm", "hoe", "hoi", "hoor", "hun", "i.p.v", "iedereen",
    "iets", "ik", "immers", "in", "inleiding", "introductie", "is", "ja", "je", "jij", "jou",
    "jouw", "jullie", "kan", "kennelijk", "kijk", "klopt", "kortom", "leerpunt", "leerpunten",
    "let", "letterlijk", "m'n", "m.a.w", "maar", "me", "mededeling", "mededelingen", "mee", "men",
    "met", "mij", "mijn", "minpunt", "misschien", "mits", "mn", "m\xE2\x80\x99n", "n.b", "na",
    "naar", "namelijk", "natuurlijk", "nb", "nee", "neem", "negatief", "niemand", "niet", "niets",
    "niks", "nog", "nogmaals", "nooit", "noot", "notes", "notitie", "notities", "notulen", "nou",
    "nu", "o", "o.a", "of", "oftewel", "ofwel", "oh", "ok", "okay", "ok\xC3\xA9", "om", "omdat",
    "onderdeel", "onderwerp", "ons", "onze", "ook", "op", "opening", "oplossing", "opmerking",
    "opmerkingen", "over", "overigens", "p.s", "pauze", "pluspunt", "positief", "precies",
    "probleem", "ps", "punt", "quote", "reactie", "reden", "resultaat", "rondvraag", "samen",
    "samengevat", "samenvattend", "samenvatting", "slot", "sluiting", "sommige", "soms", "sorry",
    "sowieso", "stel", "stelling", "t.a.v", "ten", "tenminste", "tenslotte", "tenzij", "terugblik",
    "thema", "tip", "tips", "tja", "toch", "toe", "toelichting", "toen", "top", "tops", "tot",
    "trouwens", "tsja", "u", "uit", "uiteindelijk", "uitleg", "update", "uw", "vaak", "van",
    "vanaf", "veel", "verbeterpunt", "verbeterpunten", "verder", "vervolgens", "vind", "voor",
    "voorbeeld", "vraag", "vragen", "waar", "waarom", "waarschijnlijk", "waarschuwing", "wanneer",
    "want", "was", "wat", "we", "weet", "wel", "welke", "welkom", "werd", "wie", "wij", "wil",
    "wist", "ze", "zeg", "zegmaar", "zegt", "zei", "zeker", "zelf", "zie", "zij", "zijn", "zo",
    "zoals", "zou", "zullen",
};
// clang-format on

/* First words of labels that name a role; roles.c maps labels to roles through roles.tsv. */
static const char *const role_words[] = {
    "advocaat", "ambtenaar", "arts", "begeleider", "bestuurder", "bewoner", "bewoonster",
    "bezoeker", "broer", "burger", "casemanager", "client", "cli\xC3\xABnt", "cli\xC3\xABnte",
    "coach", "consulent", "deelneemster", "deelnemer", "deelnemers", "dhr", "directeur", "docent",
    "dochter", "dokter", "dr", "echtgenoot", "echtgenote", "ervaringsdeskundige", "facilitator",
    "familielid", "fysiotherapeut", "gast", "gespreksleider", "gespreksleidster",
    "ge\xC3\xAFnterviewde", "gl", "griffier", "heer", "huisarts", "interviewer", "inwoner",
    "jongere", "kind", "klant", "leerling", "leraar", "lerares", "manager", "mantelzorger",
    "medewerker", "medewerkster", "meneer", "mentor", "mevr", "mevrouw", "mijnheer", "moderator",
    "moeder", "mw", "naaste", "notulist", "notuliste", "officier", "oma", "opa", "ouder",
    "ouders", "partner", "patient", "pati\xC3\xABnt", "pati\xC3\xABnte", "professional",
    "psycholoog", "rechter", "respondent", "scholier", "secretaris", "speaker", "specialist",
    "spreker", "student", "studente", "teamleider", "therapeut", "toehoorder", "toehoorders",
    "vader", "verpleegkundige", "verpleger", "verzorgende", "verzorger", "voorzitter",
    "vrijwilliger", "werker", "wethouder", "zoon", "zus", "zuster",
};

/* Lower-case words that may stand inside a name: tussenvoegsels and "van" / "en". */
static const char *const connectors[] = {
    "&", "'n", "'t", "aan", "al", "bij", "d'", "da", "de", "del", "della", "den", "der", "di",
    "du", "el", "en", "het", "in", "la", "le", "op", "te", "ten", "ter", "v.d.", "van", "vd",
    "von", "zu",
};

/* Header keys that may stand without '#' before the first turn; also the fields of a
 * structured report, which never name a speaker (a customer journey's "Doel:",
 * "Contactmomenten:", "Beleving:" step after step). */
static const char *const meta_keys[] = {
    "aanwezig",
    "aanwezigen",
    "afdeling",
    "beleving",
    "bestand",
    "bestandsnaam",
    "bijeenkomst",
    "contactmomenten",
    "date",
    "datum",
    "doel",
    "domain",
    "domein",
    "duur",
    "getranscribeerd",
    "instelling",
    "locatie",
    "onderwerp",
    "opgenomen",
    "opname",
    "organisatie",
    "organisation",
    "organization",
    "plaats",
    "project",
    "roles",
    "rollen",
    "tijd",
    "titel",
    "title",
    "transcribent",
    "transcript",
    "transcriptie",
    "versie",
};

/* Keys of a legend that says who is who ("Legenda: GL = gespreksleider; R1 t/m R8 =
 * respondenten"): its value goes to meta "sprekers" (roles.c), not to a header of that name. */
static const char *const legend_keys[] = {
    "afkortingen", "codering", "codes",    "key",      "legend",     "legenda",
    "legende",     "sleutel",  "speakers", "sprekers", "verklaring",
};

/* Titles after which a '.' does not end a sentence ("Dr. Smit", "Mevr. Jansen"). */
static const char *const abbreviations[] = {
    "ba", "bc", "br", "bsc", "dhr", "dr", "drs", "ds", "fam", "hr", "ing", "ir", "jr", "ma",
    "mej", "mevr", "mgr", "mr", "msc", "mvr", "mw", "prof", "ptr", "sr", "st", "v", "vd", "wed",
    "zr",
};

static int compare_word(const void *key, const void *item) {
  return strcmp((const char *)key, *(const char *const *)item);
}

static bool in_list(const char *word, const char *const *list, size_t n) {
  return bsearch(word, list, n, sizeof *list, compare_word) != NULL;
}

/* ---- small character helpers --------------------------------------------------------------- */

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* Lower-cases w[0..n) into out (NUL-terminated); false when it does not fit or is not UTF-8. */
static bool fold_lower(const char *w, size_t n, char *out, size_t cap) {
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)w[i];
    if (c < 0x80) {
      if (o + 1 >= cap) return false;
      out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
      i++;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)w + i, (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0 || o + 4 >= cap) return false;
    o += (size_t)utf8proc_encode_char(utf8proc_tolower(cp), (utf8proc_uint8_t *)out + o);
    i += (size_t)k;
  }
  out[o] = 0;
  return true;
}

/* Whether w starts with an upper-case letter (any script). */
static bool starts_upper(const char *w, size_t n) {
  if (!n) return false;
  unsigned char c = (unsigned char)w[0];
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  utf8proc_int32_t cp;
  return utf8proc_iterate((const utf8proc_uint8_t *)w, (utf8proc_ssize_t)n, &cp) > 0 &&
         utf8proc_isupper(cp);
}

/* "P3", "D12", "GL2", "s4": 1-3 letters then 1-3 digits. */
static bool is_code(const char *w, size_t n) {
  size_t i = 0;
  while (i < n && i < 4 && is_ascii_alpha(w[i])) i++;
  if (i == 0 || i > 3) return false;
  size_t d = i;
  while (i < n && is_digit(w[i])) i++;
  return i == n && i - d >= 1 && i - d <= 3;
}

/* A timestamp at p: "[00:12:03]", "(00:12)" or, when bare_ok, "00:12:03"; also a bracketed
 * range as Whisper and WhisperX write their segments, "[00:00:01.000 --> 00:00:05.200]" (*ms:
 * its start). Returns the bytes consumed (0 = none). */
static size_t timestamp_at(const char *p, size_t n, bool bare_ok, int64_t *ms) {
  if (!n) return 0;
  if (p[0] == '[' || p[0] == '(') {
    char close = p[0] == '[' ? ']' : ')';
    size_t k = spg_parse_time(p + 1, n - 1, ms);
    if (!k) return 0;
    size_t e = 1 + k;
    if (close == ']') { /* " --> 00:00:05.200" */
      size_t a = e;
      while (a < n && p[a] == ' ')
        a++;
      if (n - a > 3 && memcmp(p + a, "-->", 3) == 0) {
        a += 3;
        while (a < n && p[a] == ' ')
          a++;
        int64_t end_ms;
        size_t k2 = a < n ? spg_parse_time(p + a, n - a, &end_ms) : 0;
        if (k2) e = a + k2;
      }
    }
    if (e < n && p[e] == close) return e + 1;
    return 0;
  }
  if (!bare_ok || !is_digit(p[0])) return 0;
  return spg_parse_time(p, n, ms);
}

/* A time mark of the f4/f5 transcription programs at p, "#00:01:02-3#" (hours, minutes,
 * seconds, a tenth after the dash; qualitative researchers' transcripts put one at the end of
 * every paragraph): the bytes it takes (0 = none), *ms its time. */
static size_t f4_mark_at(const char *p, size_t n, int64_t *ms) {
  if (n < 7 || p[0] != '#') return 0;
  size_t k = spg_parse_time(p + 1, n - 1, ms);
  if (!k) return 0;
  size_t e = 1 + k;
  if (e + 1 < n && p[e] == '-' && is_digit(p[e + 1])) {
    *ms += (p[e + 1] - '0') * 100; /* the tenth */
    e++;
    while (e < n && is_digit(p[e]))
      e++;
  }
  return e < n && p[e] == '#' ? e + 1 : 0;
}

#define F4_MARK_MAX 24 /* bytes of an f4 mark, at most ("#123:59:59-9#" and more digits) */
/* Takes f4 marks off both ends of the line (most lines: two compares); *ms the last one's
 * time, SPG_NO_TIME when there was none. */
static void strip_f4_marks(const char **line, size_t *n, int64_t *ms) {
  *ms = SPG_NO_TIME;
  const char *p = *line;
  size_t len = *n, k;
  while (len && p[0] == '#' && (k = f4_mark_at(p, len, ms)) != 0) {
    p += k, len -= k;
    spg_trim(&p, &len);
  }
  while (len >= 7 && p[len - 1] == '#') {
    size_t b = len - 1; /* the mark's opening '#' */
    while (b > 0 && len - b < F4_MARK_MAX && p[b - 1] != '#')
      b--;
    if (b == 0 || f4_mark_at(p + b - 1, len - b + 1, ms) != len - b + 1) break;
    len = b - 1;
    spg_trim(&p, &len);
  }
  *line = p, *n = len;
}

/* ---- label shape ----------------------------------------------------------------------------- */

typedef struct label_shape {
  bool strict;    /* every word after the first is capitalised, a number, a connector or (...) */
  bool role_led;  /* the first word is a role or title word */
  bool code;      /* the first word is a code (P3) */
  bool namelike;  /* strict, and the first word is a capitalised name or an initial */
  bool rejected;  /* the first word is a function word: speech, not a label */
  bool meta_key;  /* the first word is a header key (titel, datum, ...) */
} label_shape;

/* Every '.' of word w must follow an initial or a title: "K.", "J.P.", "dr.", "v.d.". */
static bool dots_ok(const char *w, size_t n) {
  size_t seg = 0;
  for (size_t i = 0; i < n; i++) {
    if (w[i] != '.') continue;
    size_t len = i - seg;
    char low[8];
    bool initial = len == 1 || (len == 2 && (unsigned char)w[seg] >= 0xC0); /* "K", "É" */
    if (!initial && !(len < sizeof low && fold_lower(w + seg, len, low, sizeof low) &&
                      in_list(low, abbreviations, SPG_COUNT(abbreviations))))
      return false;
    seg = i + 1;
  }
  return true;
}

/* The length of a formal role word that opens [p, p + n) in lower case, followed by a space or
 * the end ("voorzitter", "heer Van Dam"), 0 if none: what a verbatim report puts after "De". */
static size_t formal_role(const char *p, size_t n) {
  static const char *const formal[] = {"gespreksleider", "gespreksleidster", "griffier",
                                       "heer",           "moderator",        "secretaris",
                                       "voorzitter",     "wethouder"};
  size_t w = 0;
  while (w < n && p[w] != ' ')
    w++;
  char low[24];
  if (w >= sizeof low || (w < n && w + 1 >= n)) return 0;
  memcpy(low, p, w), low[w] = 0;
  return in_list(low, formal, SPG_COUNT(formal)) ? w : 0;
}

/* Analyses a label (already stripped of timestamps and "**"); false when it cannot be one. */
static bool analyse_label(const char *l, size_t n, label_shape *sh) {
  memset(sh, 0, sizeof *sh);
  if (!n || n > LABEL_MAX) return false;
  /* a meeting tool's display name with what the person is after a bar ("Ingrid Bos |
   * gespreksleider", "Jan | HAP Duinrand"): the name is read as a label, the rest as its group */
  const char *bar = memchr(l, '|', n), *desc = NULL;
  size_t desc_len = 0;
  if (bar) {
    desc = bar + 1, desc_len = (size_t)(l + n - desc);
    spg_trim(&desc, &desc_len);
    n = (size_t)(bar - l);
    while (n && l[n - 1] == ' ')
      n--;
    if (!n || !desc_len || desc_len > LABEL_DESC || memchr(desc, '|', desc_len) ||
        memchr(l, '(', n))
      return false;
  }
  /* A verbatim report's article before a formal role ("De voorzitter", "De heer Van Dam"): the
   * label read without it; certain only when it comes back (count 2: "De reden: ..." in speech
   * comes once), and a name to accept when a name follows the role. */
  size_t role_len;
  if (!bar && n > 3 && (l[0] == 'D' || l[0] == 'd') && l[1] == 'e' && l[2] == ' ' &&
      (role_len = formal_role(l + 3, n - 3)) != 0) {
    if (!analyse_label(l + 3, n - 3, sh)) return false;
    const char *rest = l + 3 + role_len;
    const size_t rest_len = n - 3 - role_len;
    sh->namelike = sh->strict && rest_len > 1 && starts_upper(rest + 1, rest_len - 1);
    sh->strict = false;
    return true;
  }
  /* Characters: letters (any non-ASCII letter), digits, space, . - ' & / _ and one (...) group.
   * Typographic quotes, ellipses and dashes of speech are refused. */
  int depth = 0, groups = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)l[i];
    if (c >= 0x80) {
      if (c == 0xE2 && i + 2 < n && (unsigned char)l[i + 1] == 0x80) {
        unsigned char d = (unsigned char)l[i + 2];
        /* U+2018/2019 (apostrophes in names: D’Hondt) pass; quotes, dashes, ellipsis do not. */
        if (d != 0x98 && d != 0x99) return false;
      }
      if (c == 0xC2 && i + 1 < n && ((unsigned char)l[i + 1] == 0xAB || (unsigned char)l[i + 1] == 0xBB))
        return false; /* « » */
      continue;
    }
    if (is_ascii_alpha((char)c) || is_digit((char)c) || c == ' ' || c == '.' || c == '-' ||
        c == '\'' || c == '&' || c == '/' || c == '_')
      continue;
    if (c == '(' && depth == 0 && groups == 0) { depth = 1, groups = 1; continue; }
    if (c == ')' && depth == 1) { depth = 0; continue; }
    return false;
  }
  if (depth) return false;

  /* Words outside the group. */
  size_t words = 0;
  sh->strict = true;
  const char *first = NULL, *second = NULL;
  size_t first_len = 0, second_len = 0;
  bool rest_capital = false; /* a capitalised word after the first ("Vries" of "De Vries") */
  unsigned lower_specifiers = 0;     /* lower-case words after the first, before any capital */
  bool rest_after_specifier = false; /* a capitalised word after them */
  const char *group = NULL;  /* the group's words, a role's ("Anouk (toehoorder)") */
  size_t group_len = 0;
  for (size_t i = 0; i < n;) {
    while (i < n && l[i] == ' ') i++;
    if (i >= n) break;
    if (l[i] == '(') { /* the group: dots checked, words free ("Arts (interne geneeskunde)") */
      size_t j = i + 1;
      while (j < n && l[j] != ')') j++;
      group = l + i + 1, group_len = j - i - 1;
      for (size_t a = i + 1; a < j;) {
        while (a < j && l[a] == ' ') a++;
        size_t b = a;
        while (b < j && l[b] != ' ') b++;
        if (b > a && !dots_ok(l + a, b - a)) return false;
        a = b;
      }
      if (!first) return false; /* a label does not open with "(" */
      i = j + 1;
      continue;
    }
    size_t j = i;
    while (j < n && l[j] != ' ' && l[j] != '(') j++;
    const char *w = l + i;
    size_t wl = j - i;
    i = j;
    if (!dots_ok(w, wl)) return false;
    if (++words > LABEL_WORDS) return false;
    if (!first) {
      first = w, first_len = wl;
      continue;
    }
    if (!second) second = w, second_len = wl;
    char low[LABEL_MAX + 8];
    bool capital = starts_upper(w, wl) || is_digit(w[0]);
    if (starts_upper(w, wl)) {
      if (lower_specifiers) rest_after_specifier = true;
      rest_capital = true;
    }
    if (capital ||
        (fold_lower(w, wl, low, sizeof low) && in_list(low, connectors, SPG_COUNT(connectors))))
      continue;
    if (w[0] == '&' || w[0] == '-' || w[0] == '/') continue;
    if (sh->strict && !rest_capital && lower_specifiers < 2) {
      lower_specifiers++; /* "Teamleider nachtopvang Bas": a role's specifier */
      continue;
    }
    sh->strict = false;
  }
  if (!first) return false;

  char low[LABEL_MAX + 8];
  size_t fl = first_len;
  while (fl && first[fl - 1] == '.') fl--; /* "Dr." -> "dr", "Mevr." -> "mevr" */
  if (!fl || !fold_lower(first, fl, low, sizeof low)) return false;
  if (is_digit(first[0])) return false; /* "1: ...", "12 uur: ..." */
  sh->role_led = in_list(low, role_words, SPG_COUNT(role_words));
  /* a lower-case word after the first stays strict only as a role's specifier before a
   * capitalised name ("Medewerker dagopvang Ricardo (De Overloop)"), not in speech
   * ("Medewerker zei: ...") */
  if (lower_specifiers && !(rest_after_specifier && sh->role_led)) sh->strict = false;
  /* a group that names the role, the name or function before it free: "KLINISCH EMBRYOLOOG
   * PIETER (TOEHOORDER)", "Ilse Verhoef (gespreksleider)" */
  char low_group[LABEL_MAX + 8];
  if (!sh->role_led && group && fold_lower(group, group_len, low_group, sizeof low_group) &&
      in_list(low_group, role_words, SPG_COUNT(role_words)))
    sh->role_led = true;
  size_t desc_word = 0; /* "gespreksleider" of "Ingrid Bos | gespreksleider extern" */
  while (desc_word < desc_len && desc[desc_word] != ' ' && desc[desc_word] != ',')
    desc_word++;
  if (!sh->role_led && desc && fold_lower(desc, desc_word, low_group, sizeof low_group) &&
      in_list(low_group, role_words, SPG_COUNT(role_words)))
    sh->role_led = true;
  /* a role after the capitalised adjective of a function: "Pedagogisch medewerker Lieke",
   * "Sociaal werker Ahmed", "Medisch specialist" */
  char low2[LABEL_MAX + 8];
  if (!sh->role_led && second && !starts_upper(second, second_len) &&
      starts_upper(first, first_len) && !in_list(low, function_words, SPG_COUNT(function_words)) &&
      fold_lower(second, second_len, low2, sizeof low2) &&
      in_list(low2, role_words, SPG_COUNT(role_words)))
    sh->role_led = true;
  sh->code = is_code(first, first_len);
  sh->meta_key = in_list(low, meta_keys, SPG_COUNT(meta_keys));
  bool upper = starts_upper(first, first_len);
  /* a device's name in camel case, as a video call shows it ("iPhone van Jelle", "iPad"): a
   * capital inside the word, which no word of speech has */
  bool camel = false;
  for (size_t i = 1; !upper && i < first_len && !camel; i++)
    camel = first[i] >= 'A' && first[i] <= 'Z';
  if (!upper && !camel && !sh->role_led && !sh->code) return false; /* "toen zei ik: ..." */
  if (in_list(low, function_words, SPG_COUNT(function_words)) && !sh->role_led) {
    /* "De Vries:", "Van Dam:", "Van der Berg:": a surname that starts with a tussenvoegsel. */
    bool surname =
        upper && sh->strict && rest_capital && in_list(low, connectors, SPG_COUNT(connectors));
    if (!surname) sh->rejected = true;
  }
  size_t letters = 0;
  for (size_t i = 0; i < fl; i++)
    if (first[i] != '.' && first[i] != '-' && first[i] != '\'') letters++;
  sh->namelike = sh->strict && upper && (letters >= 2 || first_len == 2);
  return true;
}

/* ---- spg_label_scan ---------------------------------------------------------------------------- */

/* Strips a timestamp that ends the span ("Jan (00:12)", "Jan 00:12:03"); returns the new length. */
static size_t strip_trailing_time(const char *l, size_t n, int64_t *ms) {
  while (n && l[n - 1] == ' ') n--;
  if (!n) return 0;
  size_t start;
  if (l[n - 1] == ']' || l[n - 1] == ')') {
    char open = l[n - 1] == ']' ? '[' : '(';
    size_t i = n - 1;
    while (i > 0 && l[i - 1] != open && n - i < 24) i--;
    if (i == 0 || l[i - 1] != open) return n;
    start = i - 1;
  } else {
    if (!is_digit(l[n - 1])) return n;
    size_t i = n;
    while (i > 0 && (is_digit(l[i - 1]) || l[i - 1] == ':' || l[i - 1] == '.' || l[i - 1] == ','))
      i--;
    if (i > 0 && l[i - 1] != ' ') return n;
    start = i;
  }
  int64_t t;
  if (timestamp_at(l + start, n - start, true, &t) != n - start) return n;
  if (*ms == SPG_NO_TIME) *ms = t;
  n = start;
  while (n && (l[n - 1] == ' ' || l[n - 1] == '\t')) n--;
  return n;
}

/* Whether a title in lower case with its full stop opens the text ("dr. Claeys", "mevr. Peeters"),
 * a word then. */
static bool title_first(const char *p, size_t n) {
  char w[8];
  size_t k = 0;
  while (k < n && k < sizeof w - 1 && is_ascii_alpha(p[k]))
    w[k] = p[k], k++;
  if (!k || k >= n || p[k] != '.' || k + 1 >= n || p[k + 1] != ' ') return false;
  w[k] = 0;
  return in_list(w, abbreviations, SPG_COUNT(abbreviations));
}

/* The label without a clock time after it, as Flemish transcribers write the hour ("Ann ·
 * 19u04", "Jef - 19h07"), and without the separator before it (a middle dot, a dash, a bar, a
 * comma). The time is the meeting's clock, not an offset into the recording: it dates nothing. */
static size_t strip_clock(const char *l, size_t n) {
  size_t i = n, d = 0;
  while (i > 0 && is_digit(l[i - 1]) && d < 2)
    i--, d++;
  if (d != 2 || i < 2 || (l[i - 1] != 'u' && l[i - 1] != 'h')) return n;
  i--, d = 0;
  while (i > 0 && is_digit(l[i - 1]) && d < 2)
    i--, d++;
  if (!d || (i > 0 && l[i - 1] != ' ')) return n;
  n = i;
  for (;;) { /* the separator and the spaces around it */
    while (n && (l[n - 1] == ' ' || l[n - 1] == '\t'))
      n--;
    if (n && (l[n - 1] == '-' || l[n - 1] == '|' || l[n - 1] == ','))
      n--;
    else if (n >= 2 && (unsigned char)l[n - 2] == 0xC2 && (unsigned char)l[n - 1] == 0xB7)
      n -= 2; /* middle dot */
    else if (n >= 3 && memcmp(l + n - 3, "\xE2\x80\x93", 3) == 0)
      n -= 3; /* en dash */
    else
      return n;
  }
}

/* What the scan for a label's colon stops at (label_split); every other byte is passed over,
 * sixteen at a time where it can be (zone_next): captions scan ~100 bytes of every line that
 * holds no label. */
enum { ZONE_COLON = 1, ZONE_GROUP, ZONE_DIGIT, ZONE_TAB, ZONE_REFUSE };
static const unsigned char zone_class[256] = {
    [':'] = ZONE_COLON,  ['['] = ZONE_GROUP,  ['('] = ZONE_GROUP,  ['0'] = ZONE_DIGIT,
    ['1'] = ZONE_DIGIT,  ['2'] = ZONE_DIGIT,  ['3'] = ZONE_DIGIT,  ['4'] = ZONE_DIGIT,
    ['5'] = ZONE_DIGIT,  ['6'] = ZONE_DIGIT,  ['7'] = ZONE_DIGIT,  ['8'] = ZONE_DIGIT,
    ['9'] = ZONE_DIGIT,  [','] = ZONE_REFUSE, ['?'] = ZONE_REFUSE, ['!'] = ZONE_REFUSE,
    [';'] = ZONE_REFUSE, ['"'] = ZONE_REFUSE, ['='] = ZONE_REFUSE, ['<'] = ZONE_REFUSE,
    ['>'] = ZONE_REFUSE, ['{'] = ZONE_REFUSE, ['}'] = ZONE_REFUSE, ['\t'] = ZONE_TAB,
};

/* Where the scan for a label's colon goes on after q, a byte of no class: the next byte of
 * [q + 1, end) that may have one. With SSE2 (part of x86-64) sixteen bytes per step: a byte up
 * to 0x3F but the space, or '[', '{', '}', stops a block (more bytes than have a class, which
 * the lookup then passes over); the last bytes are left to the lookup one by one. */
static inline const char *zone_next(const char *q, const char *end) {
  q++;
#ifdef __SSE2__
  const __m128i marks = _mm_set1_epi8(0x3F), space = _mm_set1_epi8(' '),
                square = _mm_set1_epi8('['), curly_open = _mm_set1_epi8('{'),
                curly_close = _mm_set1_epi8('}');
  while (end - q >= 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
    __m128i low = _mm_andnot_si128(_mm_cmpeq_epi8(v, space),
                                   _mm_cmpeq_epi8(_mm_min_epu8(v, marks), v)); /* unsigned */
    __m128i brackets =
        _mm_or_si128(_mm_cmpeq_epi8(v, square),
                     _mm_or_si128(_mm_cmpeq_epi8(v, curly_open), _mm_cmpeq_epi8(v, curly_close)));
    unsigned stop = (unsigned)_mm_movemask_epi8(_mm_or_si128(low, brackets));
    if (stop) return q + __builtin_ctz(stop);
    q += 16;
  }
#else
  (void)end;
#endif
  return q;
}

/* The length of a list or dialogue marker and its space at p ("- ", "– ", "— ", "• ", "* "),
 * 0 if none: "- Anja: ..." in pasted minutes, a caption's dash for a change of speaker. */
static size_t list_marker(const char *p, const char *end) {
  size_t m = 0;
  if (end - p >= 2 && (p[0] == '-' || (p[0] == '*' && p[1] != '*')))
    m = 1;
  else if (end - p >= 4 && (memcmp(p, "\xE2\x80\x93", 3) == 0 || /* en dash */
                            memcmp(p, "\xE2\x80\x94", 3) == 0 || /* em dash */
                            memcmp(p, "\xE2\x80\xA2", 3) == 0))  /* bullet */
    m = 3;
  return m && (p[m] == ' ' || p[m] == '\t') ? m + 1 : 0;
}

/* spg_label_scan but for the judgement of the label itself (analyse_label): takes the line
 * apart, leaving the shape to the caller, who may know it from the label table already. */
/* The date and time a chat export opens each message with: "12-03-2025 19:02" (WhatsApp on
 * Android, "12/03/2025, 19:02" too) or "[12-03-25 19:02:11]" (on iOS); its length, 0 when the
 * line opens otherwise. The time of day goes to *ms: a chat's clock dates its messages. */
#define CHAT_LINES 3 /* lines with a chat's date and time that make a text a chat export */
static size_t chat_stamp_at(const char *p, size_t n, int64_t *ms) {
  size_t i = 0;
  const bool bracket = n && p[0] == '[';
  i += bracket;
  /* a date's first separator within its first three bytes: one look for most lines */
  if (i + 2 >= n || !is_digit(p[i]) ||
      !(p[i + 1] == '-' || p[i + 1] == '/' || p[i + 1] == '.' ||
        (is_digit(p[i + 1]) && (p[i + 2] == '-' || p[i + 2] == '/' || p[i + 2] == '.'))))
    return 0;
  for (int part = 0; part < 3; part++) { /* day, month, year */
    size_t d = 0;
    while (i < n && is_digit(p[i]) && d < 4)
      i++, d++;
    if (!d || (part < 2 && d > 2) || (part == 2 && d != 2 && d != 4)) return 0;
    if (part < 2) {
      if (i >= n || (p[i] != '-' && p[i] != '/' && p[i] != '.')) return 0;
      i++;
    }
  }
  if (i < n && p[i] == ',') i++;
  if (i >= n || p[i] != ' ') return 0;
  while (i < n && p[i] == ' ')
    i++;
  int64_t t;
  const size_t k = spg_parse_time(p + i, n - i, &t);
  if (!k) return 0;
  if (!memchr(p + i + 3, ':', k - 3)) t *= 60; /* "19:02" is hours and minutes here */
  i += k;
  if (bracket) {
    if (i >= n || p[i] != ']') return 0;
    i++;
  }
  if (*ms == SPG_NO_TIME) *ms = t;
  return i;
}

/* The sender of a chat's message after its date and time (" - Jan de Vries: tekst", "] +31 6
 * 24819357: tekst"): whatever stands before the first ": " within LABEL_MAX bytes, a contact's
 * name or number, no shape asked; NULL for a system line ("- Annet Bosman heeft groep ...
 * aangemaakt"). *colon gets the colon. */
static const char *chat_sender(const char *p, size_t n, const char **colon) {
  size_t i = 0;
  while (i < n && p[i] == ' ')
    i++;
  if (i < n && p[i] == '-')
    i++;
  else if (n - i >= 3 && memcmp(p + i, "\xE2\x80\x93", 3) == 0)
    i += 3; /* en dash */
  while (i < n && p[i] == ' ')
    i++;
  for (size_t k = i; k < n && k - i <= LABEL_MAX; k++)
    if (p[k] == ':' && (k + 1 == n || p[k + 1] == ' ')) {
      if (k == i) return NULL;
      *colon = p + k;
      return p + i;
    }
  return NULL;
}

/* Whether the label of the last turn's speaker is label[0..n). */
static bool last_speaker_is(const spg_session *s, const char *label, size_t n) {
  if (!s->turns.n) return false;
  const char *l = s->speakers.v[s->turns.v[s->turns.n - 1].speaker].label;
  return strlen(l) == n && memcmp(l, label, n) == 0;
}

/* t[0..n) without the first of list's count suffixes it ends with (ASCII case folded when fold)
 * and the spaces before it; n when it ends with none. */
static size_t strip_suffix(const char *t, size_t n, const char *const *list, size_t count,
                           bool fold) {
  for (size_t i = 0; i < count; i++) {
    const size_t k = strlen(list[i]);
    if (n < k) continue;
    size_t j = 0;
    for (; j < k; j++) {
      char c = t[n - k + j];
      if (fold && c >= 'A' && c <= 'Z') c = (char)(c + 32);
      if (c != list[i][j]) break;
    }
    if (j < k) continue;
    n -= k;
    while (n && t[n - 1] == ' ')
      n--;
    return n;
  }
  return n;
}

/* What a chat export writes for a message that holds no words: a photo or a file, a deleted
 * message; and the note after an edited one. The text's length without them (0: nothing). */
static size_t chat_text(const char *t, size_t n) {
  static const char *const whole[] = {"<Media weggelaten>", "<Media omitted>",
                                      "Dit bericht is verwijderd", "U hebt dit bericht verwijderd",
                                      "This message was deleted"};
  static const char *const edited[] = {"<Dit bericht is bewerkt>", "<This message was edited>"};
  for (size_t i = 0; i < SPG_COUNT(whole); i++)
    if (n == strlen(whole[i]) && memcmp(t, whole[i], n) == 0) return 0;
  return strip_suffix(t, n, edited, SPG_COUNT(edited), false);
}

/* Where a label's dash stands in a transcript whose labels end with one ("Gespreksleider Ria -
 * Goedenavond"): the first " - ", " – " or " — " in [p, end) within LABEL_MAX + 1 bytes, NULL if
 * none. */
static const char *label_dash(const char *p, const char *end) {
  if (end - p > LABEL_MAX + 1) end = p + LABEL_MAX + 1;
  const char *hyphen = memchr(p, '-', (size_t)(end - p)), *en = memchr(p, 0xE2, (size_t)(end - p));
  while (hyphen || en) { /* the earlier of the two marks first; most lines have neither */
    const char *q = hyphen && (!en || hyphen < en) ? hyphen : en;
    if (q > p && q[-1] == ' ') {
      if (q == hyphen && q + 1 < end && q[1] == ' ') return q - 1;
      if (q == en && end - q >= 4 && q[1] == '\x80' && (q[2] == '\x93' || q[2] == '\x94') &&
          q[3] == ' ')
        return q - 1; /* an en or em dash */
    }
    if (q == hyphen)
      hyphen = memchr(q + 1, '-', (size_t)(end - q - 1));
    else
      en = memchr(q + 1, 0xE2, (size_t)(end - q - 1));
  }
  return NULL;
}

/* A name column's gap ("Saskia Mol          Ja, ik ben ..."): the first run of two blanks or
 * more in [p, end) within LABEL_MAX + 2 bytes, when the text after it starts at column (counted
 * in characters from the line's start, from, as a PDF's or a typewriter's layout counts them; a
 * column of times may stand before the names; column 0: any column). NULL if none; *text is
 * where the text starts, *at its column. */
static const char *column_gap(const char *from, const char *p, const char *end, unsigned column,
                              const char **text, unsigned *at) {
  const char *stop = end - p > LABEL_MAX + 2 ? p + LABEL_MAX + 2 : end;
  for (const char *q = p + 1; q + 1 < stop; q++) {
    if (q[0] != ' ' || q[1] != ' ') continue;
    const char *r = q;
    while (r < end && r[0] == ' ')
      r++;
    if (r == end) return NULL;
    unsigned cols = 0;
    for (const char *c = from; c < r; c++)
      cols += ((unsigned char)*c & 0xC0) != 0x80;
    if (column && cols != column) return NULL;
    /* "Marieke de Boer  0:03": a label and its time on a line of their own (Otter) */
    int64_t ms;
    if (timestamp_at(r, (size_t)(end - r), true, &ms) == (size_t)(end - r)) return NULL;
    *text = r, *at = cols;
    return q;
  }
  return NULL;
}

/* dashed: the transcript's labels end with a dash (spg_label_table.dashed); column: they stand in
 * a column of their own (spg_label_table.column) */
static bool label_split(const char *line, size_t len, bool dashed, unsigned column,
                        spg_label_line *out) {
  const char *p = line, *end = line + len;
  out->ms = SPG_NO_TIME;
  out->listed = false;
  while (p < end && (*p == ' ' || *p == '\t')) p++;
  /* A timestamp before the label, then an optional separator ("00:12:03 - Jan:"); a chat's
   * date and time ("12-03-2025 19:02 - Jan de Vries: ...") */
  size_t k = chat_stamp_at(p, (size_t)(end - p), &out->ms);
  if (!k) k = timestamp_at(p, (size_t)(end - p), true, &out->ms);
  bool leading_time = k > 0;
  if (k) {
    p += k;
    if (p < end && *p != ' ' && *p != '\t') return false;
    while (p < end && (*p == ' ' || *p == '\t')) p++;
    if (p < end && (*p == '-' || *p == '|')) p++;
    else if (end - p >= 3 && memcmp(p, "\xE2\x80\x93", 3) == 0) p += 3; /* en dash */
    while (p < end && (*p == ' ' || *p == '\t')) p++;
  }
  /* ">> NAME: text": broadcast captions mark each change of speaker with ">>" */
  if (end - p >= 2 && p[0] == '>' && p[1] == '>') {
    p += 2;
    while (p < end && (*p == ' ' || *p == '\t'))
      p++;
  }
  size_t marker = list_marker(p, end);
  out->listed = marker > 0;
  if (marker) {
    p += marker;
    while (p < end && (*p == ' ' || *p == '\t'))
      p++;
  }
  bool bold = end - p >= 2 && p[0] == '*' && p[1] == '*';
  if (bold) p += 2;
  const char *label = p;
  const char *zone_end = end - p > LABEL_ZONE ? p + LABEL_ZONE : end;
  /* a dash for a colon: a colon before it still wins, a comma before it still refuses */
  const char *dash = dashed ? label_dash(p, zone_end) : NULL;
  if (dash) zone_end = dash;
  /* a name column: the label at the margin, the text from the column on */
  const char *gap = NULL, *gap_text = NULL;
  unsigned gap_at;
  if (column && (p == line || (leading_time && !marker && !bold)) &&
      (gap = column_gap(line, p, end, column, &gap_text, &gap_at)) != NULL)
    zone_end = gap;
  /* "[Gespreksleider Joyce] goedenavond allemaal": speech recognition that names the speaker in
   * brackets before the words, without a colon, where the speaker changes; not a mark of what
   * is heard ("[gelach]", "[Onverstaanbaar]") */
  /* also in round brackets, as subtitlers write it: "(Mevrouw Kaya) Ik wilde eerst zeggen" */
  const char *bracket = p < end && (*p == '[' || *p == '(')
                            ? memchr(p, *p == '[' ? ']' : ')', (size_t)(zone_end - p))
                            : NULL;
  /* only a clock time after the bracket, "[Gerda Hoekstra] 19:30:57" alone on its line, as Zoom
   * saves a transcript (the words on the lines below): in square brackets a name as people type
   * it in a video call, "[iPhone van Jelle]", is a label whatever its case */
  int64_t clock = SPG_NO_TIME;
  const bool timed = bracket && end - bracket > 2 && bracket[1] == ' ' && is_digit(bracket[2]) &&
                     timestamp_at(bracket + 2, (size_t)(end - bracket - 2), true, &clock) ==
                         (size_t)(end - bracket - 2);
  const bool bracketed = bracket && bracket > p + 1 && end - bracket > 2 && bracket[1] == ' ' &&
                         (starts_upper(p + 1, (size_t)(bracket - p - 1)) ||
                          title_first(p + 1, (size_t)(bracket - p - 1)) || (timed && *p == '[')) &&
                         !spg_heard_mark(p + 1, (size_t)(bracket - p - 1));
  const char *colon = NULL, *tab = NULL;
  for (const char *q = p; !bracketed && q < zone_end;) {
    char c = *q;
    switch (zone_class[(unsigned char)c]) {
    case 0:
      q = zone_next(q, zone_end);
      continue;
    case ZONE_COLON:
      colon = q;
      break;
    case ZONE_TAB: /* "ANJA<TAB>De zorg was goed.": a table's columns, the tab for a colon */
      if (q == p) return false;
      tab = q;
      break;
    case ZONE_GROUP: { /* a timestamp or a "(dr. Bakker)" group: skip to its end */
      const char *close = memchr(q, c == '[' ? ']' : ')', (size_t)(zone_end - q));
      if (!close) return false;
      q = close + 1;
      continue;
    }
    case ZONE_DIGIT:
      if (q == p || q[-1] == ' ') {
        int64_t t;
        size_t tk = spg_parse_time(q, (size_t)(end - q), &t);
        if (tk) {
          q += tk;
          continue;
        }
      }
      q++;
      continue;
    default: /* ZONE_REFUSE */
      return false;
    }
    break; /* the colon */
  }

  const char *text;
  size_t label_len;
  if (bracketed) { /* the brackets come off below, as those of "[SPEAKER_00]:" */
    label_len = (size_t)(bracket + 1 - label);
    text = bracket + 1;
  } else if (colon) {
    const char *after = colon + 1;
    if (after < end && after[0] == '*' && end - after >= 2 && after[1] == '*') after += 2;
    if (after < end && *after != ' ' && *after != '\t' && !(end - after >= 2 &&
        (unsigned char)after[0] == 0xC2 && (unsigned char)after[1] == 0xA0))
      return false; /* "12:30", "https://", "zei:ja" */
    label_len = (size_t)(colon - label);
    if (label_len >= 2 && label[label_len - 1] == '*' && label[label_len - 2] == '*') label_len -= 2;
    text = after;
    /* "Voorzitter:                 Secretaris:": the fields of a form to sign, no one's turn */
    const char *w = text;
    while (w < end && (*w == ' ' || *w == '\t'))
      w++;
    const char *we = w;
    while (we < end && *we != ' ' && *we != '\t')
      we++;
    if (we - w >= 2 && we[-1] == ':' && (size_t)(w - text) >= 2) {
      const char *r = we;
      while (r < end && (*r == ' ' || *r == '\t'))
        r++;
      if (r == end) return false;
    }
  } else if (dash) {
    label_len = (size_t)(dash - label);
    text = dash + (dash[1] == '-' ? 2 : 4);
  } else if (gap) {
    label_len = (size_t)(gap - label);
    text = gap_text;
  } else if (tab) {
    label_len = (size_t)(tab - label);
    text = tab + 1;
    /* "Spreker 1<TAB>00:00:03<TAB>Goedenavond.": a column of times */
    while (text < end && (*text == ' ' || *text == '\t'))
      text++;
    int64_t t;
    size_t tk = timestamp_at(text, (size_t)(end - text), true, &t);
    if (tk && (text + tk == end || text[tk] == ' ' || text[tk] == '\t')) {
      if (out->ms == SPG_NO_TIME) out->ms = t;
      text += tk;
    }
  } else {
    /* No colon: "Spreker 1   0:03" or "0:03 Spreker 1", a label with a timestamp alone. */
    if (zone_end != end) return false;
    label_len = (size_t)(end - label);
    int64_t t = SPG_NO_TIME;
    size_t stripped = strip_trailing_time(label, label_len, &t);
    if (stripped == label_len && !leading_time) return false;
    if (stripped != label_len && leading_time) return false; /* "0:03 ... 0:05": a range, no */
    if (t != SPG_NO_TIME) out->ms = t;
    label_len = stripped;
    /* "Anja de Vries - 00:00:15", "Spreker 1 | 0:03", "**Anja de Vries** · 00:15": the
     * separator before the time */
    while (label_len && (label[label_len - 1] == ' ' || label[label_len - 1] == '\t'))
      label_len--;
    if (label_len && (label[label_len - 1] == '-' || label[label_len - 1] == '|'))
      label_len--;
    else if (label_len >= 3 && memcmp(label + label_len - 3, "\xE2\x80\x93", 3) == 0)
      label_len -= 3; /* en dash */
    else if (label_len >= 2 && memcmp(label + label_len - 2, "\xC2\xB7", 2) == 0)
      label_len -= 2; /* middle dot */
    while (label_len && (label[label_len - 1] == ' ' || label[label_len - 1] == '\t'))
      label_len--;
    text = end;
  }
  label_len = strip_trailing_time(label, label_len, &out->ms);
  if (bold && label_len >= 2 && label[label_len - 1] == '*' && label[label_len - 2] == '*')
    label_len -= 2;
  spg_trim(&label, &label_len);
  /* "[SPEAKER_00]: ...", as WhisperX and other diarisation tools write a speaker: the label is
   * what the brackets hold (a timestamp in brackets was taken above) */
  if (label_len > 2 && label[0] == '[' && label[label_len - 1] == ']' &&
      !memchr(label + 1, '[', label_len - 2) && !memchr(label + 1, ']', label_len - 2)) {
    label++, label_len -= 2;
    spg_trim(&label, &label_len);
    /* "[Ann · 19u04] Goeienavond": a clock time beside the name, "[Jan 00:12:03]" a time */
    label_len = strip_trailing_time(label, label_len, &out->ms);
    label_len = strip_clock(label, label_len);
  } else if (bracketed && label_len > 2 && label[0] == '(' && label[label_len - 1] == ')') {
    label++, label_len -= 2; /* "(Mevrouw Kaya)" */
    spg_trim(&label, &label_len);
  }
  if (!label_len || label_len > LABEL_MAX) return false; /* analyse_label would say no */

  size_t text_len = (size_t)(end - text);
  spg_trim(&text, &text_len);
  /* "Jan: [00:12:03] Goedemorgen."; "[Gerda Hoekstra] 19:30:57": the time alone (timed) */
  int64_t t;
  size_t tk = timestamp_at(text, text_len, false, &t);
  if (!tk && bracketed && timed) t = clock, tk = text_len;
  if (tk) {
    if (out->ms == SPG_NO_TIME) out->ms = t;
    text += tk, text_len -= tk;
    spg_trim(&text, &text_len);
  }
  out->label = label;
  out->label_len = label_len;
  out->text = text;
  out->text_len = text_len;
  return true;
}

bool spg_label_scan(const char *line, size_t len, spg_label_line *out) {
  label_shape sh;
  return label_split(line, len, false, 0, out) && analyse_label(out->label, out->label_len, &sh);
}

/* ---- the label table --------------------------------------------------------------------------- */

typedef struct spg_label_slot {
  const char *key; /* NULL = empty */
  uint32_t len;
  uint32_t count;
  uint32_t block_count; /* of count, the lines in the block of "Key: value" lines (header_block) */
  uint32_t listed;      /* of count, the lines a list marker opens (spg_label_line.listed) */
  uint32_t tasks;       /* of listed, those whose text begins in lower case ("- Ria: navragen") */
  uint32_t attend;      /* of count, lines shaped as a list of who came (attendance_shape) */
  const char *value;    /* the first word of its value in that block (a name), NULL if none */
  uint32_t value_len;
  uint32_t echoes; /* of count, lines after the block whose value opens with that word */
  uint32_t fields; /* of count, lines indented under a record's title (record_field) */
  uint32_t refields; /* of fields, those under a title the key had opened a line under before */
  uint32_t title;    /* the title of its last such line (record_field), 0 before one */
  bool valid;     /* analyse_label(key) said it can be a label; its answer in sh */
  label_shape sh; /* analysed once per distinct label, not once per line */
} spg_label_slot;

static uint64_t hash_label(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ULL; /* FNV-1a */
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
  return h;
}

static spg_label_slot *find_slot(spg_label_slot *slots, size_t cap, const char *key, size_t n) {
  size_t i = (size_t)hash_label(key, n) & (cap - 1);
  for (;;) {
    spg_label_slot *sl = &slots[i];
    if (!sl->key || (sl->len == n && memcmp(sl->key, key, n) == 0)) return sl;
    i = (i + 1) & (cap - 1);
  }
}

/* The slot of label (at most LABEL_MAX bytes), added when new, its count up by one; NULL when
 * out of memory. */
static spg_label_slot *label_add(spg_label_table *t, const char *label, size_t len) {
  if ((t->n + 1) * 2 > t->cap) {
    size_t cap = t->cap ? t->cap * 2 : 64;
    spg_label_slot *slots = calloc(cap, sizeof *slots);
    if (!slots) return NULL;
    for (size_t i = 0; i < t->cap; i++)
      if (t->slots[i].key) *find_slot(slots, cap, t->slots[i].key, t->slots[i].len) = t->slots[i];
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
  }
  spg_label_slot *sl = find_slot(t->slots, t->cap, label, len);
  if (!sl->key) {
    sl->key = label;
    sl->len = (uint32_t)len;
    sl->valid = analyse_label(label, len, &sl->sh);
    t->n++;
  }
  if (sl->count < UINT32_MAX) sl->count++;
  return sl;
}

int spg_label_table_add(spg_label_table *t, const char *label, size_t len) {
  if (len > LABEL_MAX) return 0;
  return label_add(t, label, len) ? 0 : -1;
}

/* The slot of label, or NULL when the table does not hold it. */
static const spg_label_slot *known_label(const spg_label_table *t, const char *label, size_t len) {
  if (!t->cap || len > LABEL_MAX) return NULL;
  const spg_label_slot *sl = find_slot(t->slots, t->cap, label, len);
  return sl->key ? sl : NULL;
}

/* Whether the first word of [p, p + n) ends as a Dutch plural, in "s" or "en", either case
 * ("Deelnemers", "toehoorders", "Cliënten"); its length to *len (when not NULL). */
static bool plural_first(const char *p, size_t n, size_t *len) {
  size_t w = 0;
  while (w < n && p[w] != ' ')
    w++;
  if (len) *len = w;
  return (w > 1 && (p[w - 1] | 0x20) == 's') ||
         (w > 2 && (p[w - 1] | 0x20) == 'n' && (p[w - 2] | 0x20) == 'e');
}

/* Whether a label line has the shape of a list of who came: a role word's plural of four letters
 * or more as its label ("toehoorders", "Deelnemers (naasten)"), a value with a comma and no
 * sentence's end ("2 opvoedadviseurs, jeugdverpleegkundige, teamleider"), or none: the list on
 * the lines below ("deelnemers (10):" over "7 pt. → FSHD (2x), ..."). */
static bool attendance_shape(const label_shape *sh, const char *label, size_t label_len,
                             const spg_label_line *ll) {
  size_t w;
  if (!sh->role_led || !plural_first(label, label_len, &w) || w <= 3) return false;
  if (!ll->text_len) return true; /* "deelnemers (10):" over the lines that list them */
  const char c = ll->text[ll->text_len - 1];
  return c != '.' && c != '?' && c != '!' && memchr(ll->text, ',', ll->text_len);
}

/* Whether a label line's text holds no letter but a pictograph (an emoji, a dingbat: "👍 9 · ❤️
 * 5 · 👏 3"): a channel's or a post's counts of reactions ("Reacties: ..."), no one's words. A
 * date or a time ("Datum: 4-3-2025", "Tijd: 19.00 – 20.45") has no pictograph. */
static bool counts_text(const char *p, size_t n) {
  bool pictograph = false;
  for (size_t i = 0; i < n; i++) {
    const unsigned char c = (unsigned char)p[i];
    if (is_ascii_alpha((char)c) || (c >= 0xC3 && c <= 0xDF)) return false; /* a letter */
    /* U+1F000 and up (four bytes, F0) or the symbols and dingbats U+2600 to U+27BF */
    pictograph |= c == 0xF0 || (c == 0xE2 && i + 1 < n && (unsigned char)p[i + 1] >= 0x98 &&
                                (unsigned char)p[i + 1] <= 0x9E);
  }
  return pictograph;
}

#define COUNTS_LINE 200 /* bytes of such a line, at most */

/* Whether the line is a label and counts of reactions ("Reacties: 👍 2"): see counts_text. */
static bool counts_line(const spg_label_table *t, const char *line, size_t n) {
  spg_label_line ll;
  return n <= COUNTS_LINE && memchr(line, ':', n) &&
         label_split(line, n, t->dashed, t->column, &ll) && counts_text(ll.text, ll.text_len) &&
         !known_label(t, ll.label, ll.label_len);
}

int spg_label_table_scan(spg_label_table *t, const char *line, size_t len, spg_label_line *out) {
  if (!label_split(line, len, t->dashed, t->column, out)) return 0;
  const spg_label_slot *sl = known_label(t, out->label, out->label_len);
  /* "Reacties: 👍 9 · ❤️ 5": counts; a speaker's own emoji ("Jan: 👍") leaves Jan a label
   */
  if (!sl && counts_text(out->text, out->text_len)) return 0;
  label_shape sh;
  if (sl ? !sl->valid : !analyse_label(out->label, out->label_len, &sh)) return 0;
  spg_label_slot *slot = label_add(t, out->label, out->label_len); /* analyse_label: LABEL_MAX */
  if (!slot) return -1;
  if (out->listed) {
    slot->listed++;
    slot->tasks += out->text_len && out->text[0] >= 'a' && out->text[0] <= 'z';
  }
  slot->attend += attendance_shape(&slot->sh, slot->key, slot->len, out);
  return 1;
}

/* A record's field: an exported board's or tracker's cards, each a title at the margin and its
 * fields indented under it ("▣ De kinderarts praat tegen Daan zelf" over "   Labels: 🟢 Top ·
 * bejegening", "   Leden: Karin", "   Beschrijving: ..."). A key that opens RECORD_FIELDS lines
 * or more, every one of them so and never twice under one title, and that names no role, is no
 * speaker; nor then is any key that opens only such lines ("   Vervaldatum: 30-06" on two
 * cards): their lines are the text of the record, kept with their indentation (score.c reads
 * it). In a transcript a speaker's label stands at the margin, or every line is indented alike
 * and no title stands above it, or the speakers come back under one title ("Sessie 1" over
 * "   Jan: ...", "   Piet: ...", "   Jan: ..."). */
#define RECORD_FIELDS 3
#define RECORD_INDENT 2

static bool record_key(const spg_label_table *t, const spg_label_slot *sl) {
  return sl->fields >= (t->records ? 1u : RECORD_FIELDS) && sl->fields == sl->count &&
         !sl->refields && !sl->sh.role_led;
}

/* Pass 1: the label line ll, indented under a record's title (title: its number, from 1), is
 * one of its fields. */
static void record_field(spg_label_table *t, const spg_label_line *ll, uint32_t title) {
  spg_label_slot *sl = t->slots ? find_slot(t->slots, t->cap, ll->label, ll->label_len) : NULL;
  if (!sl || !sl->key) return;
  sl->fields++;
  sl->refields += sl->title == title;
  sl->title = title;
}

/* Certain without context: strong, or recurring. */
static bool certain(const label_shape *sh, uint32_t count) {
  if (sh->rejected || sh->meta_key) return false;
  if (sh->strict && (sh->role_led || sh->code)) return true;
  return count >= 2 && (sh->strict || sh->role_led);
}

void spg_label_table_finish(spg_label_table *t) {
  t->labelled = t->records = false;
  for (size_t i = 0; i < t->cap && !t->records; i++)
    t->records = t->slots[i].key && record_key(t, &t->slots[i]);
  for (size_t i = 0; i < t->cap && !t->labelled; i++) {
    const spg_label_slot *sl = &t->slots[i];
    if (sl->key && sl->valid && !record_key(t, sl) && certain(&sl->sh, sl->count))
      t->labelled = true;
  }
}

/* Labels that open two lines or more: speakers who come back, as in a transcript. */
static unsigned recurring_labels(const spg_label_table *t) {
  unsigned n = 0;
  for (size_t i = 0; i < t->cap; i++) {
    const spg_label_slot *sl = &t->slots[i];
    n += sl->key && sl->valid && sl->count >= 2 && !sl->sh.rejected && !sl->sh.meta_key;
  }
  return n;
}

/* spg_label_table_accept for a label whose shape and count are known. */
static bool accept_shape(const spg_label_table *t, const label_shape *sh, uint32_t count) {
  if (certain(sh, count)) return true;
  return !sh->rejected && !sh->meta_key && sh->namelike && t->labelled;
}

bool spg_label_table_accept(const spg_label_table *t, const char *label, size_t len) {
  const spg_label_slot *sl = known_label(t, label, len);
  if (sl) return sl->valid && !record_key(t, sl) && accept_shape(t, &sl->sh, sl->count);
  label_shape sh;
  return analyse_label(label, len, &sh) && accept_shape(t, &sh, 0);
}

bool spg_label_table_lookup(const spg_label_table *t, const char *line, size_t len,
                            spg_label_line *out, bool *meta_key, bool *accepted) {
  if (!label_split(line, len, t->dashed, t->column, out)) return false;
  const spg_label_slot *sl = known_label(t, out->label, out->label_len);
  if (!sl || !sl->valid) return false;
  *meta_key = sl->sh.meta_key && !record_key(t, sl);
  *accepted = !record_key(t, sl) && accept_shape(t, &sl->sh, sl->count);
  return true;
}

/* Whether the line opens with a record's field key (record_key): pass 2 keeps it as text. */
static bool record_line(const spg_label_table *t, const char *line, size_t len) {
  spg_label_line ll;
  if (!label_split(line, len, t->dashed, t->column, &ll)) return false;
  const spg_label_slot *sl = known_label(t, ll.label, ll.label_len);
  return sl && sl->valid && record_key(t, sl);
}

void spg_label_table_free(spg_label_table *t) {
  free(t->slots);
  memset(t, 0, sizeof *t);
}

/* ---- a written report's block of "Key: value" lines ------------------------------------------ */

/* Published reports open with a block of short "Key: value" lines: "Datum: 14 mei", "Locatie:
 * zaal 2", but also "Gespreksleider: Annemiek Borst", "Deelnemers: 9", "Toehoorders: SEH-arts,
 * teamleider", "Verslag: Ria Hofstede". Shaped like speaker labels, they would make the report
 * a transcript of six speakers whose last one says everything. They are header keys when
 *   - the block has two or more such lines, one after the other, each value short (at most
 *     HEADER_VALUE bytes: a list of the listeners in attendance runs long; a list with commas
 *     up to HEADER_LIST, the participants' names and what they are) and without a sentence's
 *     end;
 *   - HEADER_AFTER or more lines of text follow it;
 *   - none of its labels opens a line after it, and no other label of the file is certain; or
 *     at most REPORT_AGAIN such lines follow, REPORT_TEXT_PER_LABEL lines of the rest for each,
 *     each a block label with the name it had in the block or a group's label (an appendix:
 *     "Gespreksleider: Anne-Marie Kooistra, extern.", "Deelnemers: zeven cliënten ..."): then
 *     those lines are text too.
 * In a transcript the labels come back turn after turn, so it keeps them. */
#define HEADER_VALUE 300
#define HEADER_AFTER 8
#define HEADER_INDENT 2         /* an indented line in the block continues the value above it */
#define REPORT_AGAIN 3          /* label lines after the block, at most, in a report ... */
#define REPORT_TEXT_PER_LABEL 8 /* ... with this many lines after the block for each */

typedef struct header_block {
  int state;            /* 0 before the block, 1 in it, 2 after it */
  uint32_t first, last; /* its lines */
  uint32_t lines;       /* its key-value lines */
  uint32_t after;       /* lines of text after it */
  uint32_t keys;        /* of its lines, those a header key opens ("Datum:", "Opname:") */
  bool titles;          /* every line after it so far is a title's (title_line) */
  uint32_t before;      /* lines of text before it */
} header_block;

/* A line between two blocks of "Key: value" lines that a report's title page has: a file's
 * facts above, "Datum:", "Plaats:", "Gespreksleider:" below, the title between them
 * ("Verslag spiegelbijeenkomst", "Leefstijlpraktijk In Balans (fictief)"): short, no sentence's
 * end. At most TITLE_GAP of them join the two blocks into one, when the first block stands at
 * the top (at most TITLE_GAP lines of text above it). */
#define TITLE_LINE 100
#define TITLE_GAP 4
static bool title_line(const char *line, size_t n) {
  return n && n <= TITLE_LINE && line[n - 1] != '.' && line[n - 1] != '!' && line[n - 1] != '?';
}

/* A value that is a list of the people present ("Deelnemers (10): Gerrit Hofstra (melkveehouder,
 * Oosterpolder), Anouk Verbeek (...), ..."): at most HEADER_LIST bytes, LIST_COMMAS commas. */
#define HEADER_LIST 1000
#define LIST_COMMAS 3

static bool key_value_line(const spg_label_line *ll) {
  if (!ll->text_len) return true;
  char c = ll->text[ll->text_len - 1];
  if (c == '.' || c == '!' || c == '?') return false;
  if (ll->text_len <= HEADER_VALUE) return true;
  if (ll->text_len > HEADER_LIST) return false;
  /* a long list of the people present: commas, and no sentence's end inside it */
  unsigned commas = 0;
  for (size_t i = 0; i < ll->text_len; i++) {
    if (ll->text[i] == ',')
      commas++;
    else if ((ll->text[i] == '.' || ll->text[i] == '?' || ll->text[i] == '!') &&
             i + 1 < ll->text_len && ll->text[i + 1] == ' ' && i + 2 < ll->text_len &&
             ll->text[i + 2] >= 'A' && ll->text[i + 2] <= 'Z')
      return false;
  }
  return commas >= LIST_COMMAS;
}

/* Pass 1's view of a line: blank (NULL), another line, or a label line (r == 1, ll). */
static void header_block_line(spg_label_table *t, header_block *hb, uint32_t lineno,
                              const spg_label_line *ll, int r, const char *line, size_t n) {
  if (!ll) { /* a blank line or a heading ends the block */
    if (hb->state == 1) hb->state = 2, hb->titles = true;
    if (n) hb->titles = false; /* "## Wie waren er?": the report's parts begin */
    return;
  }
  bool kv = r == 1 && key_value_line(ll);
  /* the title between a file's facts and the meeting's: one block */
  if (hb->state == 2 && kv && !ll->listed && hb->titles && hb->after && hb->after <= TITLE_GAP &&
      hb->before <= TITLE_GAP)
    hb->state = 1, hb->after = 0;
  if (hb->state < 2 && kv) {
    if (!hb->state) hb->state = 1, hb->first = lineno;
    hb->last = lineno, hb->lines++;
    spg_label_slot *sl = find_slot(t->slots, t->cap, ll->label, ll->label_len);
    if (sl->key) {
      hb->keys += sl->valid && sl->sh.meta_key;
      sl->block_count++;
      size_t w = 0; /* "Anne-Marie Kooistra, Bureau ...": "Anne-Marie" */
      while (w < ll->text_len && ll->text[w] != ' ' && ll->text[w] != ',')
        w++;
      if (!sl->value && w >= 2) sl->value = ll->text, sl->value_len = (uint32_t)w;
    }
    return;
  }
  if (hb->state == 1) hb->state = 2, hb->titles = true;
  hb->before += !hb->state;
  if (hb->state != 2) return;
  hb->after++;
  hb->titles &= r != 1 && title_line(line, n) && !list_marker(line, line + n);
  if (r == 1) { /* "Gespreksleider: Anne-Marie Kooistra." again, in an appendix */
    spg_label_slot *sl = find_slot(t->slots, t->cap, ll->label, ll->label_len);
    if (sl->key && sl->value && ll->text_len >= sl->value_len &&
        memcmp(ll->text, sl->value, sl->value_len) == 0)
      sl->echoes++;
  }
}

/* Whether the label of slot sl names a group by its role ("Deelnemers", "Toehoorders"): a list
 * of who came, not a speaker. */
static bool group_label(const spg_label_slot *sl) {
  return sl->sh.role_led && sl->len > 3 &&
         (sl->key[sl->len - 1] == 's' ||
          (sl->key[sl->len - 2] == 'e' && sl->key[sl->len - 1] == 'n'));
}

/* A role's line that names who has it, a title and a name without a sentence's end
 * ("Voorzitter: mevrouw J. Kramer, onafhankelijk gespreksleider", "Notulist: dhr. P. de Vries"):
 * a verbatim report's heading, not the role's first words. */
static bool named_role(const label_shape *sh, const spg_label_line *ll) {
  static const char *const titles[] = {"mevrouw ", "mevr. ",  "mw. ", "de heer ",
                                       "dhr. ",    "meneer ", "dr. ", "mr. "};
  if (!sh->role_led || ll->text_len < 6) return false;
  const char c = ll->text[ll->text_len - 1];
  if (c == '.' || c == '?' || c == '!') return false;
  for (size_t i = 0; i < SPG_COUNT(titles); i++) {
    const size_t k = strlen(titles[i]);
    if (ll->text_len > k && (ll->text[0] | 0x20) == titles[i][0] &&
        memcmp(ll->text + 1, titles[i] + 1, k - 1) == 0 && ll->text[k] >= 'A' && ll->text[k] <= 'Z')
      return true;
  }
  return false;
}

/* A label line before the first turn that lists a group once ("toehoorders: Ronald Kuiper
 * (hoofd bezoekzaken), Esther Vlot (...)", "Deelnemers (naasten): Samira, mw. Brouwer, ..."):
 * who came, a header line (roles.c reads the roles from it), not a speaker's turn. */
static bool attendance_line(const spg_label_table *t, const spg_label_line *ll) {
  const spg_label_slot *sl = known_label(t, ll->label, ll->label_len);
  return sl && sl->count == 1 &&
         (attendance_shape(&sl->sh, sl->key, sl->len, ll) || named_role(&sl->sh, ll));
}

/* A line of a transcript's leading block of "Key: value" lines, two or more of whose keys are
 * header keys ("Transcript: ...", "Opdrachtgever: ...", "Opname: ...", "Methode: ...",
 * "Tekens: ..."), and whose label opens no other line: a header line, not a speaker's turn. */
#define LEAD_KEYS 2
static bool lead_header_line(const spg_label_table *t, const header_block *hb, uint32_t lineno,
                             const spg_label_line *ll) {
  if (hb->keys < LEAD_KEYS || lineno < hb->first || lineno > hb->last) return false;
  const spg_label_slot *sl = known_label(t, ll->label, ll->label_len);
  return sl && sl->count == 1;
}

/* After pass 1: a word processor's comments ("[KS1] Kim Schouten (12-3-2025 10:14): cijfers
 * nagevraagd", the list that Word pastes below the text) are no speakers: each one's code in
 * square brackets, initials and a number, also stands in the text as its anchor ("... rondde
 * het eerste jaar af.[KS1] Om te horen ..."), after other words on that line. A speaker's code
 * ("[P1]", "[SPEAKER_00]") opens lines only, and comes back. */
#define ANCHOR_MAX 8 /* bytes of a comment's code ("KS1", "IM12") */
#define ANCHORED 2   /* anchored codes that make the list's others comments too */
static bool comment_code(const spg_label_slot *sl) {
  if (!sl->key || !sl->valid || sl->count != 1 || sl->len < 2 || sl->len > ANCHOR_MAX ||
      !is_ascii_alpha(sl->key[0]) || !is_digit(sl->key[sl->len - 1]))
    return false;
  for (size_t i = 0; i < sl->len; i++)
    if (!is_ascii_alpha(sl->key[i]) && !is_digit(sl->key[i])) return false;
  return true;
}

static void comment_anchors_finish(spg_label_table *t, const char *data, size_t len) {
  if (!t->labelled) return;
  bool any = false;
  for (size_t i = 0; i < t->cap && !any; i++)
    any = comment_code(&t->slots[i]);
  if (!any) return;
  unsigned found = 0;
  const char *end = data + len;
  for (const char *q = data; (q = memchr(q, '[', (size_t)(end - q))) != NULL; q++) {
    const char *p = q; /* other words before it on its line */
    while (p > data && (p[-1] == ' ' || p[-1] == '\t'))
      p--;
    if (p == data || p[-1] == '\n' || p[-1] == '\r') continue;
    const size_t room = (size_t)(end - q - 1) < ANCHOR_MAX + 1 ? (size_t)(end - q - 1) : ANCHOR_MAX + 1;
    const char *close = memchr(q + 1, ']', room);
    if (!close) continue;
    spg_label_slot *sl = find_slot(t->slots, t->cap, q + 1, (size_t)(close - q - 1));
    if (comment_code(sl)) sl->valid = false, found++;
  }
  if (!found) return;
  /* two anchored or more: the list's other codes are comments too, a reply ("[KS8] ...: @Ingrid,
   * zie punt 14") or one on the whole document has no anchor */
  for (size_t i = 0; i < t->cap && found >= ANCHORED; i++)
    if (comment_code(&t->slots[i])) t->slots[i].valid = false;
  spg_label_table_finish(t);
}

/* After pass 1: the block's labels become header keys when the block is a report's. A label
 * outside the block that only ever opens a list item is the report's text then, not a
 * speaker: "- Toehoorders: twee chauffeurs, een planner ..." under "## Wie waren er?". */
static void header_block_finish(spg_label_table *t, const header_block *hb) {
  if (hb->lines < 2 || hb->after < HEADER_AFTER) return;
  uint32_t again = 0; /* lines that labels open after the block, of the block's or certain ones */
  for (size_t i = 0; i < t->cap; i++) {
    const spg_label_slot *sl = &t->slots[i];
    if (!sl->key || !sl->valid) continue;
    if (sl->block_count) {
      const uint32_t back = sl->count - sl->block_count;
      if (back > sl->echoes) return; /* "Gespreksleider: Dank u wel allemaal.": a turn */
      again += back;
    } else if (sl->listed < sl->count && certain(&sl->sh, sl->count)) {
      if (!group_label(sl)) return;
      again += sl->count - sl->listed;
    }
  }
  /* a report may name its people again in an appendix ("Gespreksleider: Anne-Marie Kooistra.",
   * the same name as in the block; "Deelnemers: zeven cliënten ...", a group): a few such lines
   * among many of text; a transcript's labels open a line turn after turn */
  if (again > REPORT_AGAIN || (again && again * REPORT_TEXT_PER_LABEL > hb->after)) return;
  for (size_t i = 0; i < t->cap; i++) {
    spg_label_slot *sl = &t->slots[i];
    if (!sl->key) continue;
    if (sl->block_count)
      sl->sh.meta_key = true; /* outside the block: text (no speaker, no header) */
    else if (sl->listed == sl->count || (again && certain(&sl->sh, sl->count)))
      sl->valid = false;
  }
  t->header_lo = hb->first, t->header_hi = hb->last;
  spg_label_table_finish(t);
}

/* After pass 1: when no label of the file opens two lines and each certain one opens a header
 * line only (a list of who came: "toehoorders: 2 opvoedadviseurs, jeugdverpleegkundige,
 * teamleider"; a line of the leading block of "Key: value" lines), no one speaks: a report's or
 * a mind map's set-up names its people. The labels are header keys then, before the text, and
 * text after it; the file is read as one without speakers. */
static void header_keys_finish(spg_label_table *t, const header_block *hb) {
  if (!t->labelled) return;
  for (size_t i = 0; i < t->cap; i++) {
    const spg_label_slot *sl = &t->slots[i];
    if (!sl->key || !sl->valid || sl->sh.meta_key || sl->sh.rejected) continue;
    if (sl->count > 1) return;
    if (certain(&sl->sh, sl->count) && !sl->attend && !(hb->keys >= LEAD_KEYS && sl->block_count))
      return;
  }
  for (size_t i = 0; i < t->cap; i++) {
    spg_label_slot *sl = &t->slots[i];
    if (sl->key && sl->valid && certain(&sl->sh, sl->count)) sl->sh.meta_key = true;
  }
  spg_label_table_finish(t);
}

/* After pass 1: when no label of the file opens two lines and the certain ones (a role word:
 * "Gespreksleider") open list items only ("* Gespreksleider: Marjan Post, extern", "- Cursus
 * Rondkomen: praktisch, gezellig"), the labels are the keys of a report's points, not
 * speakers: in a dialogue, with dashes or without, someone speaks twice ("- GL: ...", "- Anja:
 * ...", "- GL: ..."). */
static void listed_keys_finish(spg_label_table *t) {
  if (!t->labelled) return;
  /* an action list ("- Ria Koster: navragen bij de gemeente ...", "- Joost: de naambordjes
   * bestellen"): a name that only opens list items whose words begin in lower case owns a task,
   * it does not speak (a dialogue with dashes opens its sentences with a capital) */
  bool tasks = false;
  for (size_t i = 0; i < t->cap; i++) {
    spg_label_slot *sl = &t->slots[i];
    if (sl->key && sl->valid && sl->tasks && sl->tasks == sl->count)
      sl->valid = false, tasks = true;
  }
  if (tasks) {
    spg_label_table_finish(t);
    if (!t->labelled) return;
  }
  for (size_t i = 0; i < t->cap; i++) {
    const spg_label_slot *sl = &t->slots[i];
    /* not a prefix that speech or a report's furniture opens ("Notities:", a slide's notes) */
    if (!sl->key || !sl->valid || sl->sh.meta_key || sl->sh.rejected) continue;
    if (sl->count > 1 || (certain(&sl->sh, sl->count) && sl->listed < sl->count)) return;
  }
  for (size_t i = 0; i < t->cap; i++) {
    spg_label_slot *sl = &t->slots[i];
    if (sl->key && sl->valid && !sl->sh.meta_key && certain(&sl->sh, sl->count)) sl->valid = false;
  }
  spg_label_table_finish(t);
}

/* ---- labels on a line of their own ------------------------------------------------------- */

/* Minutes typed by hand often set the speaker on a line of its own, the words below it:
 *   Gespreksleider
 *   Goedenavond allemaal, welkom.
 * Such a line is a label when it is nothing but a role or code label ("Gespreksleider",
 * "Deelnemer 3", "Mevrouw K.", "P2": analyse_label's strict shape, led by a role word or a
 * code, and no plural: a group heads a report's part), a line of text follows it, and the file
 * has OWN_DISTINCT or more such labels of which one comes back (a meeting's moderator speaks
 * again): a report's headings "Deelnemers" and "Toehoorders" stay headings. */
#define OWN_MAX 64     /* distinct labels remembered */
#define OWN_DISTINCT 2 /* distinct labels a file needs */

typedef struct own_labels {
  const char *label[OWN_MAX];
  uint32_t len[OWN_MAX];
  size_t n;
  bool again;          /* a label came back */
  const char *pending; /* the candidate of the line before, waiting for its text */
  size_t pending_len;
} own_labels;

static bool own_label_shape(const char *line, size_t n) {
  label_shape sh;
  if (!analyse_label(line, n, &sh) || sh.rejected || sh.meta_key) return false;
  if (!sh.strict || !(sh.role_led || sh.code)) return false;
  /* a group ("Ouders", "Deelnemers", "Cliënten") heads a report's part; a speaker is one */
  return sh.code || !plural_first(line, n, NULL);
}

/* A screenplay's cue: the speaker's name in capitals alone on a line set in CUE_INDENT or more
 * blanks ("                      TRUUS", "MENEER DE BOER (VERVOLG)"), the words below it; at
 * the margin capitals are a scene's heading or a report's ("PERSONEN", "TOPS"). At most
 * CUE_WORDS words of letters, a '-' or '.' inside, and one group in brackets after them. */
#define CUE_INDENT 8
#define SCREENPLAY_CUES 3 /* indented cues that make a text a screenplay */
#define CUE_WORDS 4
/* The columns of a line's leading blanks, a tab four. */
static size_t leading_blanks(const char *p, size_t n) {
  size_t cols = 0;
  for (size_t i = 0; i < n && (p[i] == ' ' || p[i] == '\t'); i++)
    cols += p[i] == '\t' ? 4 : 1;
  return cols;
}

/* An outline (a mind map's or an outliner's text export): a text whose structure is its lines'
 * indentation, a node's children indented below it ("Tops", then "\tOpvoedspreekuur", then
 * "\t\tsnel terecht ..."). Either without list marks: OUTLINE_LINES indented lines or more, at
 * least half of the text's lines, at two depths or more; or a list nested by its indentation
 * alone, every level with the same mark ("- Tops", "  - Opvoedspreekuur", "    - snel terecht"):
 * OUTLINE_LINES indented items or more at two depths or more (the margin's among them), and no
 * indented line without a mark (a wrapped item's continuation would read as its child). */
#define OUTLINE_LINES 8
typedef struct outline_state {
  uint32_t lines, indented; /* text lines; of them, indented ones without a list mark */
  uint32_t items;           /* indented lines with a list mark */
  uint32_t depths;          /* bit d: a line without a mark indented d columns (up to 31) */
  uint32_t item_depths;     /* bit d: a list item indented d columns, 0 included */
} outline_state;

static void outline_line(outline_state *o, const char *line, size_t n, size_t indent) {
  if (!n) return;
  o->lines++;
  const uint32_t bit = 1u << (indent < 31 ? indent : 31);
  if (list_marker(line, line + n)) {
    o->items += indent > 0;
    o->item_depths |= bit;
  } else if (indent) {
    o->indented++;
    o->depths |= bit;
  }
}

static bool outline_is(const outline_state *o) {
  /* two bits or more */
  return (o->indented >= OUTLINE_LINES && o->indented * 2 >= o->lines &&
          (o->depths & (o->depths - 1))) ||
         (o->items >= OUTLINE_LINES && !o->indented && (o->item_depths & (o->item_depths - 1)));
}

bool spg_text_outline(const char *data, size_t len) {
  outline_state o = {0};
  spg_lines it;
  const char *line;
  size_t n;
  spg_lines_init(&it, data, len);
  while (spg_lines_next(&it, &line, &n)) {
    const size_t indent = leading_blanks(line, n);
    spg_trim(&line, &n);
    outline_line(&o, line, n, indent);
  }
  return outline_is(&o);
}

/* Whether [from, to) holds blanks only (the indentation spg_trim took off a line). */
static bool blanks_only(const char *from, const char *to) {
  if (from == to) return false;
  for (; from < to; from++)
    if (*from != ' ' && *from != '\t') return false;
  return true;
}

static bool cue_name(const char *line, size_t n) {
  const char *open = memchr(line, '(', n);
  size_t end = open ? (size_t)(open - line) : n;
  if (open && line[n - 1] != ')') return false;
  unsigned words = 0, letters = 0;
  bool in_word = false;
  for (size_t i = 0; i < end;) {
    unsigned char c = (unsigned char)line[i];
    if (c == ' ') {
      in_word = false, i++;
      continue;
    }
    if (!in_word && ++words > CUE_WORDS) return false;
    in_word = true;
    if (c >= 'A' && c <= 'Z') {
      letters++, i++;
    } else if (c == '-' || c == '.' || c == '\'') {
      i++;
    } else if (c >= 0x80) { /* a capital with a diacritic ("COÖRDINATOR"): no lower case */
      int32_t cp;
      utf8proc_ssize_t k =
          utf8proc_iterate((const utf8proc_uint8_t *)line + i, (utf8proc_ssize_t)(end - i), &cp);
      if (k <= 0 || utf8proc_islower(cp)) return false;
      letters++, i += (size_t)k;
    } else {
      return false;
    }
  }
  return letters >= 2;
}

static bool own_known(const own_labels *o, const char *line, size_t n) {
  for (size_t i = 0; i < o->n; i++)
    if (o->len[i] == n && memcmp(o->label[i], line, n) == 0) return true;
  return false;
}

/* Pass 1: line (NULL for a blank one) after a candidate confirms it when it is text. */
static void own_line(own_labels *o, const char *line, size_t n, bool candidate) {
  if (o->pending && line && !candidate) {
    if (own_known(o, o->pending, o->pending_len)) {
      o->again = true;
    } else if (o->n < OWN_MAX) {
      o->label[o->n] = o->pending, o->len[o->n] = (uint32_t)o->pending_len;
      o->n++;
    }
  }
  o->pending = candidate ? line : NULL;
  o->pending_len = candidate ? n : 0;
}

/* ---- the text reader ------------------------------------------------------------------------------ */

/* Whether key [k, k + n) is a legend's (legend_keys). */
static bool is_legend_key(const char *k, size_t n) {
  char low[16];
  return n < sizeof low && fold_lower(k, n, low, sizeof low) &&
         in_list(low, legend_keys, SPG_COUNT(legend_keys));
}

#define LEGEND_WORDS 3 /* words of a legend's heading ("Legenda sprekers"), at most */
/* Whether the line heads a legend: a legend key first ("Legenda", "Legenda sprekers:",
 * "Sprekers"), at most LEGEND_WORDS words, no statement of its own. */
static bool legend_heading(const char *line, size_t n) {
  if (n && line[n - 1] == ':') n--;
  size_t w = 0, words = 1;
  while (w < n && line[w] != ' ')
    w++;
  for (size_t i = w; i < n; i++)
    if (line[i] == ' ' && i + 1 < n && line[i + 1] != ' ') words++;
  return words <= LEGEND_WORDS && !memchr(line, '=', n) && is_legend_key(line, w);
}

/* A who-is-who statement before the first turn: "GL = gespreksleider", "R1 t/m R8 =
 * respondenten (cliënten)", or a legend key before them ("Legenda: GL = gespreksleider; T1 en
 * T2 = toehoorders"). Its statements' start (after the key), or NULL: the line has no '=' in
 * its first LABEL_ZONE bytes, or more than LABEL_MAX bytes or a sentence mark before it. */
static const char *who_is_who(const char *line, size_t n) {
  const char *eq = memchr(line, '=', n < LABEL_ZONE ? n : LABEL_ZONE);
  if (!eq) return NULL;
  const char *p = line;
  const char *colon = memchr(line, ':', (size_t)(eq - line));
  if (colon) {
    const char *k = line;
    size_t kn = (size_t)(colon - line);
    spg_trim(&k, &kn);
    if (!is_legend_key(k, kn)) return NULL;
    p = colon + 1;
  }
  while (p < eq && (*p == ' ' || *p == '\t'))
    p++;
  if (eq - p < 1 || eq - p > LABEL_MAX) return NULL;
  for (const char *q = p; q < eq; q++)
    if (*q == '.' || *q == '?' || *q == '!' || *q == '"') return NULL;
  return p;
}

/* "#", "# ...", "## ...": a header or heading line, never speech. "#1 was ..." is speech. */
/* The bytes of a wiki's block mark at a line's start (Confluence's wiki markup, Textile): "h1. "
 * to "h6. " a heading's, "bq. " a quotation's; 0 when there is none. */
static size_t wiki_mark(const char *p, size_t n) {
  if (n < 4 || p[2] != '.' || p[3] != ' ') return 0;
  return (p[0] == 'h' && p[1] >= '1' && p[1] <= '6') || (p[0] == 'b' && p[1] == 'q') ? 4 : 0;
}

/* Whether the line is a heading: Markdown's ("## Tops") or a wiki's ("h2. Tops"). */
static inline bool is_hash_line(const char *p, size_t n) {
  return n && ((p[0] == '#' && (n == 1 || p[1] == ' ' || p[1] == '\t' || p[1] == '#')) ||
               (p[0] == 'h' && wiki_mark(p, n)));
}

/* A Markdown heading that is a speaker's label with its time ("### Petra van Gelder · 00:03",
 * as meeting assistants export a block's speaker): the line without its marks, for the label
 * reader; *line and *n unchanged otherwise. A heading with a colon ("## Datum: 19 maart") or
 * without a time at its end stays a heading; a part's heading with its time ("## Opening
 * (00:03)") is no label by its word (function_words). */
static void heading_label(const char **line, size_t *n) {
  const char *p = *line;
  size_t k = *n;
  if (k < 8 || !is_hash_line(p, k) || !is_digit(p[k - 1])) return;
  while (k && (*p == '#' || *p == ' ' || *p == '\t'))
    p++, k--;
  int64_t ms = SPG_NO_TIME;
  const size_t bare = strip_trailing_time(p, k, &ms);
  if (bare == k || bare == 0 || memchr(p, ':', bare)) return;
  spg_label_line ll;
  if (!spg_label_scan(p, k, &ll) || ll.text_len) return;
  *line = p, *n = k;
}

static bool is_header_key(const char *k, size_t n) {
  if (!n || n > LABEL_MAX) return false;
  if (!(is_ascii_alpha(k[0]) || (unsigned char)k[0] >= 0x80)) return false;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)k[i];
    if (!(c >= 0x80 || is_ascii_alpha((char)c) || is_digit((char)c) || c == ' ' || c == '-' ||
          c == '_' || c == '.'))
      return false;
  }
  return true;
}

static spg_status nomem(spg_session *s, spg_error *err, uint32_t line) {
  return spg_fail(err, SPG_ERR_NOMEM, s->source, line, "out of memory reading the transcript");
}

/* "# key: value" -> meta; "# Heading" (also "## Tops:") -> titel when it comes first. Returns
 * SPG_OK with *text set to the heading's words when the line is neither (a later heading: the
 * caller decides). */
static spg_status hash_line(spg_session *s, const char *p, size_t n, uint32_t lineno,
                            bool before_turns, const char **text, size_t *text_len,
                            spg_error *err) {
  *text = NULL, *text_len = 0;
  if (p[0] == 'h') p += 3, n -= 3; /* "h2. " (is_hash_line) */
  while (n && p[0] == '#') p++, n--;
  spg_trim(&p, &n);
  const char *colon = memchr(p, ':', n < LABEL_ZONE ? n : LABEL_ZONE);
  const char *eq = memchr(p, '=', n < LABEL_ZONE ? n : LABEL_ZONE);
  if (eq && (!colon || eq < colon)) { /* "# Spreker 1 = gespreksleider": who is who (roles.c) */
    if (spg_session_append_meta(s, "sprekers", p, n, lineno)) return nomem(s, err, lineno);
    return SPG_OK;
  }
  if (colon) {
    const char *key = p;
    size_t klen = (size_t)(colon - p);
    spg_trim(&key, &klen);
    /* "# Legenda: GL = gespreksleider; ...": who is who */
    if (is_legend_key(key, klen) && memchr(colon, '=', (size_t)(p + n - colon))) {
      if (spg_session_append_meta(s, "sprekers", colon + 1, (size_t)(p + n - colon - 1), lineno))
        return nomem(s, err, lineno);
      return SPG_OK;
    }
    /* "## Tops:", a heading with its colon, is no header without a value */
    if (is_header_key(key, klen) && colon + 1 < p + n) {
      if (spg_session_add_meta(s, key, klen, colon + 1, (size_t)(p + n - colon - 1), lineno))
        return nomem(s, err, lineno);
      return SPG_OK;
    }
  }
  if (n && before_turns && !spg_session_meta(s, "titel")) {
    if (spg_session_add_meta(s, "titel", 5, p, n, lineno)) return nomem(s, err, lineno);
    return SPG_OK;
  }
  *text = p, *text_len = n;
  return SPG_OK;
}

#define BOLD_HEADING 100 /* bytes of a bold line that is a heading, at most */
/* A line wholly in bold, "**Thema: bereikbaarheid**" or "__Tops__": Markdown minutes' heading
 * (*text, *text_len: its words). Not one that ends a sentence ("**Let op: de balie is dicht.**")
 * or holds another pair of marks. */
static bool bold_heading(const char *p, size_t n, const char **text, size_t *text_len) {
  if (n < 5 || n > BOLD_HEADING + 4 ||
      !((p[0] == '*' && p[1] == '*') || (p[0] == '_' && p[1] == '_')))
    return false;
  const char m = p[0];
  if (p[n - 1] != m || p[n - 2] != m || p[2] == m || p[n - 3] == m) return false;
  const char *in = p + 2;
  size_t len = n - 4;
  for (size_t i = 0; i + 1 < len; i++)
    if (in[i] == m && in[i + 1] == m) return false;
  spg_trim(&in, &len);
  if (!len || in[len - 1] == '.' || in[len - 1] == '!' || in[len - 1] == '?') return false;
  *text = in, *text_len = len;
  return true;
}

/* ---- a PDF's page furniture ------------------------------------------------------------------ */

#define PAGE_LINE_MAX 200 /* bytes of a line that is a page's footer or header, at most */
#define PAGE_FOLLOWERS 8  /* distinct lines after a page mark that are remembered */

/* Whether the line ends in a page number as a PDF's footer writes it: "pagina 3 van 8",
 * "Pagina 3/8", "page 3 of 8", "blz. 3 van 8" ("Verslag spiegelbijeenkomst | pagina 3 van 8"). */
static bool page_mark(const char *p, size_t n) {
  /* the number it ends with first: one compare for most lines */
  if (n < 6 || n > PAGE_LINE_MAX || !is_digit(p[n - 1])) return false;
  static const struct {
    const char *w;
    size_t n;
  } words[] = {{"pagina", 6}, {"page", 4}, {"blz", 3}};
  for (size_t i = 0; i + 3 < n; i++) {
    char c = p[i] | 0x20; /* ASCII lower case */
    if (c != 'p' && c != 'b') continue;
    for (size_t w = 0; w < SPG_COUNT(words); w++) {
      size_t k = words[w].n;
      if (i + k >= n || (i > 0 && is_ascii_alpha(p[i - 1]))) continue;
      size_t j = 0;
      while (j < k && (p[i + j] | 0x20) == words[w].w[j])
        j++;
      if (j < k) continue;
      size_t q = i + k;
      if (q < n && p[q] == '.') q++;
      while (q < n && p[q] == ' ')
        q++;
      if (q >= n || !is_digit(p[q])) continue;
      while (q < n && is_digit(p[q]))
        q++;
      while (q < n && p[q] == ' ')
        q++;
      if (q < n && p[q] == '/')
        q++;
      else if (n - q > 4 && (memcmp(p + q, "van ", 4) == 0 || memcmp(p + q, "of ", 3) == 0))
        q += p[q] == 'v' ? 4 : 3;
      else
        continue;
      while (q < n && p[q] == ' ')
        q++;
      if (q < n && is_digit(p[q])) return true;
    }
  }
  return false;
}

/* Whether the line marks a slide of a presentation's outline, exported or copied out of
 * PowerPoint or Keynote: "Dia 4", "--- Dia 4 ---", "=== Slide 12 ===", "Dia 3 van 12", a rule's
 * marks around it at most; or a poll's export, the slide's kind after a middle dot ("Slide 9 van
 * 12 · Open vraag (vraag van het team)", Mentimeter's), no title ('?' or ':') there. No text: it
 * ends a paragraph, as a blank line does. */
#define SLIDE_LINE_MAX 80
static bool slide_mark(const char *p, size_t n) {
  if (n < 5 || n > SLIDE_LINE_MAX) return false;
  size_t i = 0;
  while (i < n &&
         (p[i] == '-' || p[i] == '=' || p[i] == '*' || p[i] == '#' || p[i] == '_' || p[i] == ' '))
    i++;
  size_t k;
  if (n - i > 4 && ((p[i] | 0x20) == 'd') && memcmp(p + i + 1, "ia ", 3) == 0)
    k = i + 4;
  else if (n - i > 6 && ((p[i] | 0x20) == 's') && memcmp(p + i + 1, "lide ", 5) == 0)
    k = i + 6;
  else
    return false;
  if (k >= n || !is_digit(p[k])) return false;
  while (k < n && is_digit(p[k]))
    k++;
  while (k < n && p[k] == ' ')
    k++;
  if (n - k > 4 && (memcmp(p + k, "van ", 4) == 0 || memcmp(p + k, "of ", 3) == 0)) {
    k += p[k] == 'v' ? 4 : 3;
    while (k < n && is_digit(p[k]))
      k++;
    if (n - k > 3 && memcmp(p + k, " \xC2\xB7 ", 4) == 0) /* " · Open vraag" */
      return !memchr(p + k, '?', n - k) && !memchr(p + k, ':', n - k);
  }
  if (n > SLIDE_LINE_MAX / 2) return false;
  while (k < n &&
         (p[k] == '-' || p[k] == '=' || p[k] == '*' || p[k] == '#' || p[k] == '_' || p[k] == ' '))
    k++;
  return k == n;
}

/* The lines that come right after a page mark (blank lines aside): a running header, the same
 * on every page, when one of them comes back ("De Boog – dagbehandeling NAH   Spiegelbijeenkomst
 * 6 februari 2025"). Spans of the input, no copies. */
typedef struct page_state {
  bool after_mark; /* the last line that was not blank was a page mark */
  uint32_t n;
  const char *line[PAGE_FOLLOWERS];
  size_t len[PAGE_FOLLOWERS];
  uint32_t count[PAGE_FOLLOWERS];
} page_state;

/* Pass 1: counts the line after a page mark. */
static void page_line(page_state *ps, const char *line, size_t n) {
  if (!n) return;
  if (page_mark(line, n)) {
    ps->after_mark = true;
    return;
  }
  if (!ps->after_mark) return;
  ps->after_mark = false;
  for (uint32_t i = 0; i < ps->n; i++)
    if (ps->len[i] == n && memcmp(ps->line[i], line, n) == 0) {
      ps->count[i]++;
      return;
    }
  if (ps->n < PAGE_FOLLOWERS && n <= PAGE_LINE_MAX)
    ps->line[ps->n] = line, ps->len[ps->n] = n, ps->count[ps->n++] = 1;
}

/* Pass 2: whether the line is page furniture, a page mark or a running header after one. */
static bool page_furniture(page_state *ps, const char *line, size_t n) {
  if (page_mark(line, n)) return ps->after_mark = true;
  bool after = ps->after_mark;
  ps->after_mark = false;
  if (!after) return false;
  for (uint32_t i = 0; i < ps->n; i++)
    if (ps->count[i] >= 2 && ps->len[i] == n && memcmp(ps->line[i], line, n) == 0) return true;
  return false;
}

/* ---- an e-mail reply that answers a report between its quoted lines ------------------------ */

#define MAIL_QUOTED 3           /* quoted lines after the attribution line, at least */
#define MAIL_ATTRIBUTION 300    /* bytes of an attribution line, at most */
#define MAIL_REPLY "(antwoord)" /* the speaker of the reply's own lines */
#define MAIL_TURNS 4            /* quoted lines a label opens, and ... */
#define MAIL_SPEAKERS 2         /* ... labels that come back: the quote is a transcript */

/* Whether the line is a mail program's attribution before a quoted message: "Op vr 28 mrt 2025
 * om 16:12 schreef Sophie Brandsma <s.brandsma@...>:", "On Fri, 28 Mar 2025, Sophie wrote:". */
static bool mail_attribution(const char *p, size_t n) {
  if (n < 12 || n > MAIL_ATTRIBUTION || p[n - 1] != ':') return false;
  if (memcmp(p, "Op ", 3) != 0 && memcmp(p, "On ", 3) != 0) return false;
  for (size_t i = 3; i + 7 < n; i++)
    if (p[i] == ' ' && (memcmp(p + i, " schreef", 8) == 0 || memcmp(p + i, " wrote", 6) == 0))
      return true;
  return false;
}

/* The bytes of the quote marks that open the line ("> ", "> > ", ">"), 0 when none. Not ">>",
 * a caption's change of speaker. */
static size_t quote_marks(const char *p, size_t n) {
  size_t i = 0;
  while (i < n && p[i] == '>' && (i + 1 == n || p[i + 1] == ' ')) {
    i++;
    while (i < n && p[i] == ' ')
      i++;
  }
  return i;
}

typedef struct mail_state {
  uint32_t attribution; /* the attribution line, 0 when none (pass 1) */
  uint32_t quoted;      /* quoted lines after it (pass 1) */
  uint32_t labelled;    /* of them, lines a label opens once the quote marks are off (pass 1) */
  bool on;              /* a reply that quotes: its own lines and the quoted ones apart */
  bool transcript;      /* ... and what it quotes is a labelled transcript (MAIL_TURNS) */
} mail_state;

/* Pass 1: the first attribution line and the quoted lines after it, their quote marks taken
 * off (*line, *n) so that the labels of a quoted transcript are counted as labels. */
static void mail_scan(mail_state *m, const char **line, size_t *n, uint32_t lineno) {
  if (!m->attribution) {
    if (mail_attribution(*line, *n)) m->attribution = lineno;
  } else if (*n) {
    const size_t q = quote_marks(*line, *n);
    m->quoted += q > 0;
    *line += q, *n -= q;
  }
}

/* A mail header before the first text ("Van: ...", "Onderwerp: RE: ..."): its key and value. */
static bool mail_header(const char *p, size_t n, const char **value, size_t *value_len,
                        size_t *key_len) {
  static const char *const keys[] = {"aan",       "bcc",  "cc",      "date", "datum", "from",
                                     "onderwerp", "sent", "subject", "to",   "van",   "verzonden"};
  const char *colon = memchr(p, ':', n < 16 ? n : 16);
  char low[16];
  if (!colon || !fold_lower(p, (size_t)(colon - p), low, sizeof low) ||
      !in_list(low, keys, SPG_COUNT(keys)))
    return false;
  *key_len = (size_t)(colon - p);
  *value = colon + 1, *value_len = (size_t)(p + n - colon - 1);
  spg_trim(value, value_len);
  return true;
}

/* "Anja de Vries heeft de transcriptie gestart", "... started transcription": what a meeting
 * tool (Teams) writes among the turns, nobody's speech. A name of at most LABEL_MAX bytes
 * before it. */
static bool tool_event(const char *line, size_t n) {
#define EVENT(s) {s, sizeof s - 1}
  static const struct {
    const char *s;
    size_t n;
  } events[] = {EVENT(" heeft de transcriptie gestart"), EVENT(" heeft de transcriptie gestopt"),
                EVENT(" heeft de opname gestart"),       EVENT(" heeft de opname gestopt"),
                EVENT(" started transcription"),         EVENT(" stopped transcription"),
                EVENT(" started recording"),             EVENT(" stopped recording")};
#undef EVENT
  while (n && (line[n - 1] == '.' || line[n - 1] == ' '))
    n--;
  if (!n || (line[n - 1] != 't' && line[n - 1] != 'n' && line[n - 1] != 'g'))
    return false; /* most lines: one compare */
  for (size_t i = 0; i < SPG_COUNT(events); i++) {
    const size_t el = events[i].n;
    if (n > el && n - el <= LABEL_MAX && memcmp(line + n - el, events[i].s, el) == 0) return true;
  }
  return false;
}

/* The digits that open a line of a line-numbered transcript ("  12  Ik belde ...", a blank
 * line "  13"), with the white space around them: the number's length to skip, 0 when the line
 * does not open with 1 to 6 digits followed by white space or its end. *number gets the value. */
static size_t line_number(const char *p, size_t n, uint32_t *number) {
  size_t i = 0, d = 0;
  uint32_t v = 0;
  while (i < n && (p[i] == ' ' || p[i] == '\t'))
    i++;
  while (i < n && p[i] >= '0' && p[i] <= '9' && d < 7)
    v = v * 10 + (uint32_t)(p[i++] - '0'), d++;
  if (!d || d > 6 || (i < n && p[i] != ' ' && p[i] != '\t')) return 0;
  while (i < n && (p[i] == ' ' || p[i] == '\t'))
    i++;
  *number = v;
  return i;
}

/* What stands in a transcript's margins on every line (spg_read_text finds out first). */
enum {
  MARGIN_NUMBERS = 1, /* a line number before the text (line_numbered) */
  MARGIN_TIMES = 2,   /* a time mark in brackets after it (margin_times) */
  MARGIN_QUOTES = 4   /* an e-mail's quote marks before it (mail_state.transcript) */
};

/* The time mark in brackets that ends line l ("... er bent. (00:00:04)"), its time to *ms: the
 * line's length without it, n when it has none. */
static size_t end_time_mark(const char *l, size_t n, int64_t *ms) {
  while (n && (l[n - 1] == ' ' || l[n - 1] == '\t' || l[n - 1] == '\r'))
    n--;
  if (!n || (l[n - 1] != ')' && l[n - 1] != ']')) return n;
  int64_t t = SPG_NO_TIME;
  const size_t k = strip_trailing_time(l, n, &t);
  if (k == n) return n;
  *ms = t;
  return k;
}

/* The next line, without what stands in its margins (margins: MARGIN_*): spg_lines_next for
 * the text reader. *ms (when not NULL) gets the time mark after the line, SPG_NO_TIME if none. */
static inline bool text_line_next(spg_lines *it, unsigned margins, const char **line, size_t *n,
                                  int64_t *ms) {
  if (ms) *ms = SPG_NO_TIME;
  if (!spg_lines_next(it, line, n)) return false;
  if (margins & MARGIN_NUMBERS) {
    uint32_t number;
    const size_t k = line_number(*line, *n, &number);
    *line += k, *n -= k;
  }
  if (margins & MARGIN_QUOTES) {
    size_t b = 0;
    while (b < *n && ((*line)[b] == ' ' || (*line)[b] == '\t'))
      b++;
    const size_t k = b + quote_marks(*line + b, *n - b);
    *line += k, *n -= k;
  }
  if (margins & MARGIN_TIMES) {
    int64_t t = SPG_NO_TIME;
    *n = end_time_mark(*line, *n, &t);
    if (ms) *ms = t;
  }
  return true;
}

/* Lines before the first turn of a labelled transcript that are no speech: a meeting tool's
 * export opens with the meeting's name, its date and its length ("Spiegelbijeenkomst klanten
 * ZW-20250313_140114-Vergaderingsopname", "13 maart 2025, 14:01", "59 min 3 s"). They are
 * header lines when there are at most PREAMBLE_LINES of them, each at most PREAMBLE_BYTES,
 * before a line the table accepts as a label; it (a copy of the iterator) stands after the
 * first of them. A longer text before the first label is speech, an anonymous speaker's. */
#define PREAMBLE_LINES 4
#define PREAMBLE_BYTES 120
static bool short_preamble(spg_lines it, unsigned margins, size_t first_len,
                           const spg_label_table *t) {
  if (first_len > PREAMBLE_BYTES) return false;
  unsigned lines = 1;
  const char *line;
  size_t n;
  spg_label_line ll;
  bool meta_key, accepted;
  while (text_line_next(&it, margins, &line, &n, NULL)) {
    spg_trim(&line, &n);
    if (!n || is_hash_line(line, n) || tool_event(line, n)) continue;
    if (spg_label_table_lookup(t, line, n, &ll, &meta_key, &accepted) && accepted && !meta_key)
      return true;
    if (++lines > PREAMBLE_LINES || n > PREAMBLE_BYTES) return false;
  }
  return false;
}

/* Whether a line speaks of the transcript itself: how it was made ("transcriptie woordelijk
 * door een onderzoeksassistent", "Letterlijke uitschrift van de geluidsopname"), what the codes
 * stand for ("staat de letter I voor de gespreksleider"), what meeting it was. */
static bool about_transcript(const char *line, size_t n) {
  static const char *const words[] = {"transcript", "uitschrift",         "opname",
                                      "legenda",    "aangeduid",          "staat voor",
                                      "staan voor", "spiegelbijeenkomst", "spiegelgesprek",
                                      "focusgroep", "uitgeschreven"};
  char low[512];
  if (n >= sizeof low) n = sizeof low - 1;
  for (size_t i = 0; i < n; i++)
    low[i] = (char)(line[i] >= 'A' && line[i] <= 'Z' ? line[i] + 32 : line[i]);
  low[n] = 0;
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    if (strstr(low, words[i])) return true;
  return false;
}

/* Whether the anonymous text from the current line on, up to an accepted label at most
 * PROSE_LINES lines ahead, is a labelled transcript's introduction in prose (who transcribed
 * it, what the codes stand for, how pauses are written): a line of it speaks of the transcript
 * (about_transcript). Such text is no one's speech; anonymous text that says nothing of the
 * kind ("Eerst wil ik iets zeggen over de avond zelf.") stays speech. */
#define PROSE_LINES 40
static bool prose_introduction(spg_lines it, unsigned margins, const char *line, size_t n,
                               const spg_label_table *t) {
  bool about = about_transcript(line, n);
  spg_label_line ll;
  bool meta_key, accepted;
  for (unsigned k = 0; k < PROSE_LINES && text_line_next(&it, margins, &line, &n, NULL); k++) {
    spg_trim(&line, &n);
    if (n && spg_label_table_lookup(t, line, n, &ll, &meta_key, &accepted) && accepted && !meta_key)
      return about;
    about = about || about_transcript(line, n);
  }
  return false;
}

/* What pass 2 carries from line to line. */
typedef struct text_state {
  bool in_turn;       /* a turn is open */
  bool pending_break; /* a blank line (or a heading) since its last text: a paragraph break */
  int64_t pending_ms; /* a lone timestamp line's time, for the next turn */
} text_state;

/* Whether turn t's text so far stops without a sentence's end (".", "!", "?", "…", or one of
 * them before a closing quote or bracket). */
static bool mid_sentence(const spg_session *s, const spg_turn *t) {
  if (!t->raw_len) return false; /* no text yet (and perhaps no buffer) */
  const char *p = s->raw.data + t->raw_off;
  size_t n = t->raw_len;
  while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\n' || p[n - 1] == '"' ||
               p[n - 1] == '\'' || p[n - 1] == ')'))
    n--;
  if (!n) return false;
  char c = p[n - 1];
  if (c == '.' || c == '!' || c == '?') return false;
  return !(n >= 3 && memcmp(p + n - 3, "\xE2\x80\xA6", 3) == 0); /* "…" */
}

/* Appends a line of text to the open turn, or opens an anonymous speaker's turn with it. */
static spg_status add_line(spg_session *s, text_state *ts, const char *line, size_t n,
                           uint32_t lineno, spg_error *err) {
  if (!ts->in_turn) {
    int sp = spg_session_speaker(s, "", 0);
    if (sp < 0 || spg_session_begin_turn(s, (uint32_t)sp, lineno, ts->pending_ms, SPG_NO_TIME))
      return nomem(s, err, lineno);
    ts->in_turn = true;
    ts->pending_ms = SPG_NO_TIME;
  }
  if ((ts->pending_break && spg_session_turn_text(s, "", 0)) || spg_session_turn_text(s, line, n))
    return nomem(s, err, lineno);
  ts->pending_break = false;
  return SPG_OK;
}

/* Whether the open turn's text ends with a mark in square brackets ("... [gelach]"). */
static bool ends_with_mark(const spg_session *s) {
  const spg_turn *t = &s->turns.v[s->turns.n - 1];
  const char *p = s->raw.data + t->raw_off;
  size_t n = t->raw_len;
  while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\n'))
    n--;
  return n && p[n - 1] == ']';
}

bool spg_turn_continues(const spg_session *s, int sp) {
  if (sp < 0 || !s->turns.n) return false;
  const spg_turn *last = &s->turns.v[s->turns.n - 1];
  return last->speaker == (uint32_t)sp && mid_sentence(s, last);
}

/* The turn of speaker label from line lineno (time ms), with its first text: a new one, or the
 * open turn of the same speaker when that stopped mid-sentence (Whisper and WhisperX write a
 * line per segment, cutting sentences in two). */
/* The label without the mark of a speaker who resumes ("MENEER DE BOER (VERVOLG)", a
 * screenplay's "(CONT'D)") or interrupts ("Mevrouw Bakker (interrumperend)", a verbatim
 * report's): the same speaker. */
static size_t resumed_label(const char *label, size_t n) {
  static const char *const marks[] = {"(vervolg)",           "(vervolgt)",  "(cont'd)",
                                      "(cont\342\200\231d)", "(continued)", "(interrumperend)",
                                      "(interrumperende)"};
  if (n < 8 || label[n - 1] != ')') return n;
  return strip_suffix(label, n, marks, SPG_COUNT(marks), true);
}

/* The participant an interpreter speaks for ("Tolk Arabisch (namens meneer Haddad)": "Meneer
 * Haddad", the first letter in capitals as a label has it), written to out (LABEL_MAX + 1
 * bytes); 0 when the label is no interpreter's on someone's behalf. */
static size_t voiced_label(const char *label, size_t n, char *out) {
  if (n < 12 || (label[0] != 'T' && label[0] != 't') || memcmp(label + 1, "olk", 3) != 0 ||
      label[n - 1] != ')')
    return 0;
  const char *open = memchr(label, '(', n);
  if (!open || (size_t)(label + n - open) < 10 || memcmp(open + 1, "namens ", 7) != 0) return 0;
  const char *who = open + 8;
  size_t len = (size_t)(label + n - 1 - who);
  while (len && who[len - 1] == ' ')
    len--;
  if (!len || len > LABEL_MAX) return 0;
  memcpy(out, who, len);
  if (out[0] >= 'a' && out[0] <= 'z') out[0] = (char)(out[0] - 32);
  out[len] = 0;
  return len;
}

static spg_status label_turn(spg_session *s, text_state *ts, const char *label, size_t label_len,
                             uint32_t lineno, int64_t ms, const char *text, size_t text_len,
                             spg_error *err) {
  label_len = resumed_label(label, label_len);
  char voiced[LABEL_MAX + 1];
  const size_t voiced_len = voiced_label(label, label_len, voiced);
  if (voiced_len) label = voiced, label_len = voiced_len;
  int sp = spg_session_speaker(s, label, label_len);
  /* the same speaker again while their sentence is open: its words go on, also across the
   * blank line between two blocks (Zoom and Otter cut a sentence where a block ends); after a
   * mark of what is heard ("[gelach]") a paragraph begins */
  bool same = ts->in_turn && spg_turn_continues(s, sp);
  if (sp < 0 || (!same && spg_session_begin_turn(s, (uint32_t)sp, lineno, ms, SPG_NO_TIME)) ||
      (same && ts->pending_break && ends_with_mark(s) && spg_session_turn_text(s, "", 0)) ||
      (text_len && spg_session_turn_text(s, text, text_len)))
    return nomem(s, err, lineno);
  ts->in_turn = true;
  ts->pending_break = false;
  ts->pending_ms = SPG_NO_TIME;
  return SPG_OK;
}

/* A heading of a text without speakers ("## Tops", "**Thema: bereikbaarheid**"): a paragraph of
 * its own, and what follows it another. */
static spg_status add_heading(spg_session *s, text_state *ts, const char *h, size_t n,
                              uint32_t lineno, spg_error *err) {
  ts->pending_break = ts->in_turn && s->turns.v[s->turns.n - 1].raw_len;
  spg_status st = add_line(s, ts, h, n, lineno, err);
  ts->pending_break = true;
  return st;
}

/* Whether the line is a mail header ("Onderwerp: RE: verslag"); its value, when it has one,
 * goes to meta of its key (*st: how that went). */
static bool mail_header_meta(spg_session *s, const char *line, size_t n, uint32_t lineno,
                             spg_error *err, spg_status *st) {
  const char *value;
  size_t value_len, key_len;
  if (!mail_header(line, n, &value, &value_len, &key_len)) return false;
  *st = value_len && spg_session_add_meta(s, line, key_len, value, value_len, lineno)
            ? nomem(s, err, lineno)
            : SPG_OK;
  return true;
}

/* A line of an e-mail reply that quotes a report (mail_state.on): a header line at the top
 * ("Van:", "Onderwerp:"); a quoted line, its '>' taken off, the report's anonymous participant's;
 * the reply's own line its listener's, MAIL_REPLY. */
static spg_status mail_line(spg_session *s, text_state *ts, const char *line, size_t n,
                            uint32_t lineno, spg_error *err) {
  spg_status st;
  if (!s->turns.n && mail_header_meta(s, line, n, lineno, err, &st)) return st;
  const size_t q = quote_marks(line, n);
  const char *label = q ? "" : MAIL_REPLY;
  const size_t label_len = q ? 0 : strlen(MAIL_REPLY);
  line += q, n -= q;
  if (!n) { /* ">" alone: the quoted text's blank line */
    if (ts->in_turn && s->turns.v[s->turns.n - 1].raw_len) ts->pending_break = true;
    return SPG_OK;
  }
  const int sp = spg_session_speaker(s, label, label_len);
  if (sp < 0) return nomem(s, err, lineno);
  if (!q) s->speakers.v[sp].role = SPG_ROLE_LISTENER, s->speakers.v[sp].role_fixed = true;
  if (ts->in_turn && s->turns.v[s->turns.n - 1].speaker == (uint32_t)sp)
    return add_line(s, ts, line, n, lineno, err);
  return label_turn(s, ts, label, label_len, lineno, ts->pending_ms, line, n, err);
}

/* A line of an e-mail that quotes a transcript (mail_state.transcript) that is not quoted: a
 * header line at the top (meta of its key), the reply's own text above the attribution (meta
 * "antwoord"), the attribution (meta "citaat") or a remark the replier put between the quoted
 * lines, or a signature below them (meta "opmerking"). */
static spg_status mail_meta(spg_session *s, const char *line, size_t n, uint32_t lineno,
                            uint32_t attribution, spg_error *err) {
  spg_status st;
  if (lineno < attribution && !spg_session_meta(s, "antwoord") &&
      mail_header_meta(s, line, n, lineno, err, &st))
    return st;
  const char *key = lineno < attribution    ? "antwoord"
                    : lineno == attribution ? "citaat"
                                            : "opmerking";
  return spg_session_append_meta(s, key, line, n, lineno) ? nomem(s, err, lineno) : SPG_OK;
}

/* Whether the transcript numbers its lines in the margin, as qualitative research tools and
 * word processors print them ("   1  Transcript spiegelbijeenkomst ...", "  16  I: Goedemiddag
 * allemaal.", a blank line "   4"), as conversation analysts number theirs below a header
 * that is not ("001  RON:  ja (.) ik wel."): of the first NUMBERED_LOOK lines from the first
 * numbered one, at least NUMBERED_MIN, and nine in ten of those looked at, open with a number set
 * apart by two spaces or a tab that goes up by one a line (by as many as the lines between: a page
 * may skip its blank lines). A list ("1. ...", "2 De folder.") or a column of times does not. */
#define NUMBERED_LOOK 60
#define NUMBERED_MIN 10
static bool line_numbered(const char *data, size_t len) {
  spg_lines it;
  spg_lines_init(&it, data, len);
  const char *line;
  size_t n;
  unsigned looked = 0, counted = 0;
  uint32_t last = 0, last_line = 0;
  while (looked < NUMBERED_LOOK && spg_lines_next(&it, &line, &n)) {
    uint32_t number;
    const size_t k = line_number(line, n, &number);
    if (!looked && !k) continue; /* a header above the numbered lines */
    looked++;
    if (!k) continue;
    /* the number stands apart: two spaces or a tab after it, or nothing ("12 Het parkeren." is
     * a point of a list) */
    size_t d = 0;
    while (d < k && (line[d] == ' ' || line[d] == '\t'))
      d++;
    while (d < k && line[d] >= '0' && line[d] <= '9')
      d++;
    if (k < n && k - d < 2 && line[d] != '\t') continue;
    if (last_line && number > last && number - last == it.lineno - last_line) counted++;
    last = number, last_line = it.lineno;
  }
  return counted + 1 >= NUMBERED_MIN && (counted + 1) * 10 >= looked * 9;
}

/* Whether (nearly) every line ends with a time mark in brackets, as some transcription services
 * note each line's time ("Ik ben Ria. (00:00:07)"): of the first MARGIN_LOOK non-blank lines,
 * at least MARGIN_TIMED and seven in ten. A transcript whose label lines alone carry a time
 * ("Jan de Vries (00:12:03)" above the words) stays below that. */
#define MARGIN_LOOK 80
#define MARGIN_TIMED 5
static bool margin_times(const char *data, size_t len) {
  spg_lines it;
  spg_lines_init(&it, data, len);
  const char *line;
  size_t n;
  unsigned looked = 0, timed = 0;
  while (looked < MARGIN_LOOK && spg_lines_next(&it, &line, &n)) {
    spg_trim(&line, &n);
    if (!n) continue;
    looked++;
    int64_t ms;
    timed += end_time_mark(line, n, &ms) < n;
  }
  return timed >= MARGIN_TIMED && timed * 10 >= looked * 7;
}

/* The labels a layout's detector has seen at the start of lines, and how often each (up to
 * TALLY_LABELS distinct ones, keyed by their bytes and the column their text starts at; spans of
 * the input, no copies): dash_labelled's and column_labelled's. */
#define TALLY_LABELS 32
typedef struct label_tally {
  struct {
    const char *p;
    size_t n;
    unsigned col, count;
  } seen[TALLY_LABELS];
  size_t distinct;
} label_tally;

static void tally_add(label_tally *t, const char *p, size_t n, unsigned col) {
  size_t i = 0;
  while (i < t->distinct &&
         !(t->seen[i].n == n && t->seen[i].col == col && memcmp(t->seen[i].p, p, n) == 0))
    i++;
  if (i == t->distinct) {
    if (t->distinct == TALLY_LABELS) return;
    t->seen[i].p = p, t->seen[i].n = n, t->seen[i].col = col, t->seen[i].count = 0;
    t->distinct++;
  }
  t->seen[i].count++;
}

/* The labels at column col that came back (two lines or more); *lines gets their lines. */
static unsigned tally_again(const label_tally *t, unsigned col, unsigned *lines) {
  unsigned again = 0;
  *lines = 0;
  for (size_t i = 0; i < t->distinct; i++)
    if (t->seen[i].col == col && t->seen[i].count >= 2) again++, *lines += t->seen[i].count;
  return again;
}

/* Whether the transcript's labels end with a dash, not a colon ("Gespreksleider Ria -
 * Goedenavond allemaal.", "Bram - Ja, eh, ik ben Bram"): of the first DASH_LOOK non-blank
 * lines, at least DASH_LINES open with a name's or a role's shape (analyse_label) and a dash,
 * by two or more labels that come back, and they outnumber the lines a label with a colon
 * opens twice over. Elsewhere a dash after a line's first words is speech ("Nou - ik weet
 * het niet"). */
#define DASH_LOOK 200
#define DASH_LINES 6
static bool dash_labelled(const char *data, size_t len, unsigned margins) {
  label_tally tally = {0};
  unsigned looked = 0, colon_lines = 0;
  spg_lines it;
  spg_lines_init(&it, data, len);
  const char *line;
  size_t n;
  while (looked < DASH_LOOK && text_line_next(&it, margins, &line, &n, NULL)) {
    spg_trim(&line, &n);
    if (!n) continue;
    looked++;
    const char *dash = label_dash(line, line + n);
    if (!dash) continue;
    size_t k = (size_t)(dash - line);
    label_shape sh;
    if (!analyse_label(line, k, &sh) || sh.rejected || sh.meta_key || !(sh.namelike || sh.role_led))
      continue;
    tally_add(&tally, line, k, 0);
  }
  unsigned lines;
  if (tally_again(&tally, 0, &lines) < 2 || lines < DASH_LINES) return false;
  /* only then the lines a label with a colon opens, over the same lines */
  spg_lines_init(&it, data, len);
  for (unsigned k = 0; k < looked && text_line_next(&it, margins, &line, &n, NULL);) {
    spg_trim(&line, &n);
    if (!n) continue;
    k++;
    spg_label_line ll;
    colon_lines += spg_label_scan(line, n, &ll);
  }
  return lines >= 2 * colon_lines;
}

/* A transcript whose labels stand in a column of their own, as a PDF of a typed transcript
 * converts to text, or a typewriter's layout sets it: the name at the margin, the words from a
 * fixed column on, their next lines indented to that column ("Saskia Mol          Ja, ik ben
 * de moeder van Daan, ..." / "                    negentien en hij heeft ..."). The column
 * (in characters) when, over the first COLUMN_LOOK lines (COLUMN_FIRST when none of those opens
 * so: a cover page is shorter), COLUMN_LINES lines or more open with
 * a label's shape, two blanks or more and text at one column, two of their labels come back, and
 * lines indented to that column go on with them (or the turns are single lines, COLUMN_ALONE of
 * them); 0 otherwise. Labels with a colon are the colon's. */
#define COLUMN_LOOK 300
#define COLUMN_FIRST 60
#define COLUMN_LINES 4
#define COLUMN_ALONE 8
#define COLUMN_MIN 6
#define COLUMN_MAX 48
static unsigned column_labelled(const char *data, size_t len, unsigned margins) {
  label_tally tally = {0};
  uint16_t opens[COLUMN_MAX + 1] = {0}, goes_on[COLUMN_MAX + 1] = {0};
  unsigned looked = 0;
  spg_lines it;
  spg_lines_init(&it, data, len);
  const char *line;
  size_t n;
  while (looked < COLUMN_LOOK && text_line_next(&it, margins, &line, &n, NULL)) {
    /* no line of the first COLUMN_FIRST opened with a name at a column: none will (most files) */
    if (looked == COLUMN_FIRST && !tally.distinct) return 0;
    const size_t indent = leading_blanks(line, n);
    const char *t = line;
    size_t tn = n;
    spg_trim(&t, &tn);
    if (!tn) continue;
    looked++;
    if (indent) {
      if (indent >= COLUMN_MIN && indent <= COLUMN_MAX) goes_on[indent]++;
      continue;
    }
    const char *text;
    unsigned at;
    /* a column of times before the names ("00:00:05    Gespreksleider   Welkom allemaal") */
    const char *name = t;
    int64_t ms;
    const size_t tk = timestamp_at(t, tn, true, &ms);
    if (tk && tk < tn && t[tk] == ' ') {
      name = t + tk;
      while (name < t + tn && *name == ' ')
        name++;
    }
    const char *gap = column_gap(t, name, t + tn, 0, &text, &at);
    if (!gap || at < COLUMN_MIN || at > COLUMN_MAX || gap[-1] == ':') continue;
    const size_t k = (size_t)(gap - name);
    label_shape sh;
    if (!analyse_label(name, k, &sh) || sh.rejected || sh.meta_key ||
        !(sh.namelike || sh.role_led || sh.code))
      continue;
    opens[at]++;
    tally_add(&tally, name, k, at);
  }
  unsigned best = 0;
  for (unsigned c = COLUMN_MIN; c <= COLUMN_MAX; c++)
    if (opens[c] > opens[best]) best = c;
  if (!best || opens[best] < COLUMN_LINES) return 0;
  unsigned lines;
  if (tally_again(&tally, best, &lines) < 2) return 0;
  return goes_on[best] >= 2 || opens[best] >= COLUMN_ALONE ? best : 0;
}

/* Whether a line is a Markdown thematic break: three or more '-', '*' or '_' (blanks between). */
static bool thematic_break(const char *p, size_t n) {
  if (n < 3 || (p[0] != '-' && p[0] != '*' && p[0] != '_')) return false;
  unsigned marks = 0;
  for (size_t i = 0; i < n; i++) {
    if (p[i] == p[0])
      marks++;
    else if (p[i] != ' ')
      return false;
  }
  return marks >= 3;
}

/* Whether a heading ("## Transcript", "Transcriptie") says the transcript's words follow: what
 * stands above it in a meeting assistant's export (a summary it wrote, action items, topics) is
 * no one's speech. */
static bool transcript_heading(const char *p, size_t n) {
  static const char *const names[] = {"transcript",          "transcriptie",
                                      "volledig transcript", "volledige transcriptie",
                                      "uitgeschreven tekst", "verbatim"};
  while (n && (p[0] == '#' || p[0] == ' '))
    p++, n--;
  const char c = n ? (char)(p[0] | 0x20) : 0; /* one compare for most lines */
  if (c != 't' && c != 'v' && c != 'u') return false;
  while (n && (p[n - 1] == ' ' || p[n - 1] == ':'))
    n--;
  char low[32];
  return n && fold_lower(p, n, low, sizeof low) && in_list(low, names, SPG_COUNT(names));
}

spg_status spg_read_text(spg_session *s, const char *data, size_t len, spg_error *err) {
  s->format = SPG_FORMAT_TEXT;
  spg_status table_status;
  if (spg_read_table(s, data, len, &table_status, err)) return table_status; /* read_table.c */
  spg_label_table table = {0};
  spg_lines it;
  const char *line;
  size_t n;
  spg_label_line ll;

  /* Pass 1: every candidate label and how often it opens a line. */
  header_block hb = {0};
  own_labels own = {0};
  page_state pages = {0};
  mail_state mail = {0};
  unsigned chat_lines = 0; /* lines a chat's date and time opens (chat_stamp_at) */
  unsigned cues = 0;       /* a screenplay's indented names in capitals (cue_name) */
  outline_state outline = {0};
  const unsigned margins = (line_numbered(data, len) ? MARGIN_NUMBERS : 0) |
                           (margin_times(data, len) ? MARGIN_TIMES : 0);
  table.dashed = dash_labelled(data, len, margins);
  table.column = table.dashed ? 0 : (uint16_t)column_labelled(data, len, margins);
  uint32_t transcript_at = 0; /* "## Transcript": the turns below it */
  uint32_t rule_at = 0;       /* the last thematic break ("---") */
  uint32_t label_at = 0;      /* the last line a label opens */
  bool title_above = false;   /* a record's title at the margin, only indented lines since */
  uint32_t titles = 0;        /* such titles so far */
  spg_lines_init(&it, data, len);
  while (text_line_next(&it, margins, &line, &n, NULL)) {
    const size_t indent = leading_blanks(line, n);
    spg_trim(&line, &n);
    if (!n) title_above = false;
    heading_label(&line, &n);
    int64_t f4_ms;
    strip_f4_marks(&line, &n, &f4_ms);
    page_line(&pages, line, n);
    const size_t unquoted = n;
    mail_scan(&mail, &line, &n, it.lineno);
    if (n && (is_digit(line[0]) || line[0] == '[') && chat_lines < CHAT_LINES) {
      int64_t ms = SPG_NO_TIME;
      chat_lines += chat_stamp_at(line, n, &ms) > 0;
    }
    if (n && !transcript_at && (is_hash_line(line, n) || n < 24) && transcript_heading(line, n))
      transcript_at = it.lineno;
    if (thematic_break(line, n)) rule_at = it.lineno;
    if (!n || is_hash_line(line, n)) {
      header_block_line(&table, &hb, it.lineno, NULL, 0, line, n);
      own_line(&own, NULL, 0, false);
      continue;
    }
    int r = spg_label_table_scan(&table, line, n, &ll);
    if (r < 0) {
      spg_label_table_free(&table);
      return nomem(s, err, it.lineno);
    }
    if (r == 0 && hb.state == 1 && indent >= HEADER_INDENT)
      hb.last = it.lineno; /* "Sprekers: GL ...;\n          LAU, MAR ...": the value goes on */
    else
      header_block_line(&table, &hb, it.lineno, &ll, r, line, n);
    if (r > 0) label_at = it.lineno;
    if (r > 0 && indent >= RECORD_INDENT && title_above) record_field(&table, &ll, titles);
    if (n && indent < RECORD_INDENT) {
      title_above = r == 0;
      titles += title_above;
    }
    mail.labelled += r > 0 && n < unquoted;
    const bool cue = r == 0 && indent >= CUE_INDENT && cue_name(line, n);
    cues += cue;
    own_line(&own, line, n, r == 0 && (own_label_shape(line, n) || cue));
    outline_line(&outline, line, n, indent);
  }
  spg_label_table_finish(&table);
  mail.on = mail.attribution && mail.quoted >= MAIL_QUOTED;
  mail.transcript = mail.on && table.labelled && mail.labelled >= MAIL_TURNS &&
                    recurring_labels(&table) >= MAIL_SPEAKERS;
  comment_anchors_finish(&table, data, len);
  header_block_finish(&table, &hb);
  listed_keys_finish(&table);
  header_keys_finish(&table, &hb);
  const bool chat = chat_lines >= CHAT_LINES; /* a chat export: its system lines are no text */
  /* not beside labels with a colon that are certain */
  const bool own_ok = own.n >= OWN_DISTINCT && own.again && !table.labelled;
  /* a screenplay: its speakers' cues indented, the words below them indented too; what stands
   * at the margin (scene headings, stage directions, the cast list) is no one's speech */
  const bool screenplay = own_ok && cues >= SCREENPLAY_CUES;
  /* an outline: its lines' indentation goes into the text with them (score.c reads it) */
  /* a board's records: their fields are indented, and no outline's nodes */
  s->records = !table.labelled && table.records && !own_ok && !chat && !mail.on;
  s->outline =
      !table.labelled && !own_ok && !chat && !mail.on && !s->records && outline_is(&outline);
  /* a meeting assistant's export: its summary above the transcript, its footer below a rule */
  const uint32_t body_from = table.labelled ? transcript_at : 0;
  const uint32_t footer_from = table.labelled && rule_at > label_at ? rule_at : 0;
  char section[64] = "kop"; /* the heading above the summary's lines: their meta key */
  const unsigned ahead = margins | (mail.transcript ? MARGIN_QUOTES : 0); /* looking ahead */
  uint32_t quoted_at = 0; /* the last quoted line with text (mail.transcript) */

  /* Pass 2: headers, turns and their text. */
  spg_status st = SPG_OK;
  text_state ts = {.pending_ms = SPG_NO_TIME};
  int64_t f4_end = SPG_NO_TIME; /* the f4 mark that ended the line before */
  uint32_t header_at = 0;       /* the line of the last header line ("Sprekers: ...") */
  int preamble = -1;       /* the lines before the first turn are a header: unknown yet */
  int prose = -1;          /* ... or an introduction in prose (prose_introduction): unknown */
  unsigned preamble_n = 0; /* of them, stored */
  spg_lines_init(&it, data, len);
  int64_t line_ms; /* the time mark after the line (MARGIN_TIMES) */
  while (st == SPG_OK && text_line_next(&it, margins, &line, &n, &line_ms)) {
    uint32_t lineno = it.lineno;
    const size_t indent = screenplay ? leading_blanks(line, n) : 0;
    const char *const untrimmed = line;
    spg_trim(&line, &n);
    heading_label(&line, &n);
    if (n && line[0] == 'b' && wiki_mark(line, n)) line += 4, n -= 4; /* "bq. " quotes */
    /* "R1: ... #00:01:02-3#": a paragraph's mark is its end, the start of the next turn */
    if (f4_end != SPG_NO_TIME) ts.pending_ms = f4_end;
    strip_f4_marks(&line, &n, &f4_end);
    if (!n) {
      if (ts.in_turn && s->turns.v[s->turns.n - 1].raw_len) ts.pending_break = true;
      continue;
    }
    if (footer_from && lineno >= footer_from) { /* "_Dit transcript is automatisch ..._" */
      if (lineno > footer_from && spg_session_append_meta(s, "slot", line, n, lineno))
        st = nomem(s, err, lineno);
      continue;
    }
    if (pages.n && page_furniture(&pages, line, n)) continue; /* "... | pagina 3 van 8" */
    if (slide_mark(line, n)) { /* "--- Dia 4 ---": a paragraph ends */
      if (ts.in_turn && s->turns.v[s->turns.n - 1].raw_len) ts.pending_break = true;
      continue;
    }
    if (mail.transcript) { /* the quoted transcript is read as one; the reply is its meta */
      const size_t q = lineno > mail.attribution ? quote_marks(line, n) : 0;
      /* a quoted line the mail program wrapped without marks on its second part goes on
       * (right after a quoted line, in a turn, not a remark in brackets) */
      const bool wrapped =
          !q && lineno == quoted_at + 1 && ts.in_turn && line[0] != '[' && line[0] != '(';
      if (!q && !wrapped) {
        st = mail_meta(s, line, n, lineno, mail.attribution, err);
        continue;
      }
      line += q, n -= q;
      if (!n) { /* ">" alone: the quoted text's blank line */
        if (ts.in_turn && s->turns.v[s->turns.n - 1].raw_len) ts.pending_break = true;
        continue;
      }
      quoted_at = lineno;
    } else if (mail.on) { /* the quoted report is the participants', the reply's are not */
      if (lineno != mail.attribution) st = mail_line(s, &ts, line, n, lineno, err);
      continue;
    }
    if (is_hash_line(line, n)) {
      const char *heading;
      size_t heading_len;
      st = hash_line(s, line, n, lineno, !s->turns.n, &heading, &heading_len, err);
      char key[sizeof section]; /* "## Samenvatting": the key of what follows */
      if (lineno < body_from && heading_len && fold_lower(heading, heading_len, key, sizeof key))
        memcpy(section, key, sizeof key);
      /* A later heading of a text without speakers (a written summary: "## Tops", "## Wat kan
       * beter") is a paragraph of its own: score.c reads it as the heading of what follows. In
       * a transcript with speakers it stays out of everyone's speech. */
      if (st != SPG_OK || !heading_len || table.labelled) continue;
      st = add_heading(s, &ts, heading, heading_len, lineno, err);
      continue;
    }
    const char *said;
    /* before the first turn of a label: an anonymous text before it in a labelled transcript
     * is its title page ("TRANSCRIPT FOCUSGROEP", "Project: ...", the legend) */
    const bool before_labels = !s->turns.n || (table.labelled && spg_one_voice(s));
    if (before_labels && (said = who_is_who(line, n)) != NULL) { /* "GL = gespreksleider" */
      if (spg_session_append_meta(s, "sprekers", said, (size_t)(line + n - said), lineno))
        st = nomem(s, err, lineno);
      continue;
    }
    /* "Legenda:" or "Legenda sprekers" on its own line, its statements below it */
    if (before_labels && legend_heading(line, n)) continue;
    const char *bold;
    size_t bold_len;
    if (!table.labelled && bold_heading(line, n, &bold, &bold_len)) { /* "**Thema: ...**" */
      if (!s->turns.n && !spg_session_meta(s, "titel")) {
        if (spg_session_add_meta(s, "titel", 5, bold, bold_len, lineno)) st = nomem(s, err, lineno);
        continue;
      }
      st = add_heading(s, &ts, bold, bold_len, lineno, err);
      continue;
    }
    if (screenplay && !own_known(&own, line, n) &&
        (!s->turns.n || indent == 0 || (line[0] == '(' && line[n - 1] == ')'))) {
      /* the title page and the cast list before the first cue: the introduction */
      if (!s->turns.n && spg_session_append_meta(s, "inleiding", line, n, lineno))
        st = nomem(s, err, lineno);
      else if (ts.in_turn && s->turns.v[s->turns.n - 1].raw_len)
        ts.pending_break = true; /* a stage direction ends the paragraph */
      continue;
    }
    if (own_ok && own_known(&own, line, n)) { /* "Gespreksleider" alone on its line */
      st = label_turn(s, &ts, line, n, lineno, ts.pending_ms, NULL, 0, err);
      continue;
    }
    if (chat) { /* "12-03-2025 19:53 - Linda reumaverpleegkundige: Dank voor alle verhalen" */
      int64_t ms = SPG_NO_TIME;
      const size_t k = chat_stamp_at(line, n, &ms);
      const char *from, *colon;
      if (k && (from = chat_sender(line + k, n - k, &colon)) != NULL) {
        const char *text = colon + 1;
        size_t text_len = (size_t)(line + n - text);
        spg_trim(&text, &text_len);
        if (!(text_len = chat_text(text, text_len))) continue; /* "<Media weggelaten>" */
        const size_t from_len = (size_t)(colon - from);
        if (ts.in_turn && last_speaker_is(s, from, from_len)) { /* the same sender goes on */
          ts.pending_break = true;
          st = add_line(s, &ts, text, text_len, lineno, err);
        } else {
          st = label_turn(s, &ts, from, from_len, lineno, ms, text, text_len, err);
        }
        continue;
      }
      if (k || !(n = chat_text(line, n))) continue; /* "... heeft groep ... aangemaakt" */
    }
    bool meta_key, accepted; /* every label line was seen by pass 1: the table knows its shape */
    const bool looked = spg_label_table_lookup(&table, line, n, &ll, &meta_key, &accepted);
    if (!looked && counts_line(&table, line, n)) { /* "Reacties: 👍 2": a post ends */
      if (ts.in_turn && s->turns.v[s->turns.n - 1].raw_len) ts.pending_break = true;
      continue;
    }
    if (looked) {
      if ((meta_key &&
           (before_labels || (lineno >= table.header_lo && lineno <= table.header_hi))) ||
          (!s->turns.n &&
           (attendance_line(&table, &ll) || lead_header_line(&table, &hb, lineno, &ll)))) {
        if (ll.text_len &&
            spg_session_add_meta(s, ll.label, ll.label_len, ll.text, ll.text_len, lineno))
          st = nomem(s, err, lineno);
        header_at = lineno;
        continue;
      }
      if (accepted && lineno >= body_from) { /* above "## Transcript": a topic's time */
        int64_t ms = ll.ms != SPG_NO_TIME     ? ll.ms
                     : line_ms != SPG_NO_TIME ? line_ms
                                              : ts.pending_ms;
        st = label_turn(s, &ts, ll.label, ll.label_len, lineno, ms, ll.text, ll.text_len, err);
        continue;
      }
    }

    /* "   Labels: 🟢 Top · bejegening" under a card's title: the record's text, a paragraph of
     * its own */
    if (s->records && record_line(&table, line, n)) {
      if (blanks_only(untrimmed, line)) n += (size_t)(line - untrimmed), line = untrimmed;
      if (ts.in_turn && s->turns.v[s->turns.n - 1].raw_len) ts.pending_break = true;
      st = add_line(s, &ts, line, n, lineno, err);
      continue;
    }
    /* "          LAU, MAR, EST medewerkers ...": an indented line under a header line goes on
     * with its value */
    if (header_at && lineno == header_at + 1 && !s->turns.n && s->meta.n &&
        (size_t)(line - untrimmed) >= HEADER_INDENT && blanks_only(untrimmed, line)) {
      if (spg_session_append_meta(s, s->meta.v[s->meta.n - 1].key, line, n, lineno))
        st = nomem(s, err, lineno);
      header_at = lineno;
      continue;
    }
    if (tool_event(line, n)) continue; /* "Anja heeft de transcriptie gestart" */
    if (lineno < body_from) {          /* the assistant's summary, action items, topics */
      if (spg_session_append_meta(s, section, line, n, lineno)) st = nomem(s, err, lineno);
      continue;
    }
    if (!s->turns.n && table.labelled) {
      if (preamble < 0) preamble = short_preamble(it, ahead, n, &table);
      if (preamble) { /* the first is the titel, the others "kop", "kop 2", ... */
        char key[16];
        if (!preamble_n++ && !spg_session_meta(s, "titel"))
          snprintf(key, sizeof key, "titel");
        else if (preamble_n <= 2)
          snprintf(key, sizeof key, "kop");
        else
          snprintf(key, sizeof key, "kop %u", preamble_n - 1);
        if (spg_session_add_meta(s, key, strlen(key), line, n, lineno)) st = nomem(s, err, lineno);
        continue;
      }
      if (prose < 0) prose = prose_introduction(it, ahead, line, n, &table);
      if (prose) { /* "In dit transcript staat de letter I voor de gespreksleider, ..." */
        if (spg_session_append_meta(s, "inleiding", line, n, lineno)) st = nomem(s, err, lineno);
        continue;
      }
    }
    /* A lone timestamp line dates the next turn; a bracketed one before text is dropped. */
    int64_t ms;
    size_t tk = timestamp_at(line, n, true, &ms);
    if (tk == n) {
      ts.pending_ms = ms;
      continue;
    }
    tk = timestamp_at(line, n, false, &ms);
    if (tk && tk < n && (line[tk] == ' ' || line[tk] == '\t')) {
      line += tk, n -= tk;
      spg_trim(&line, &n);
    }
    /* an outline's node, a record's indented line: its depth stays before it */
    if ((s->outline || s->records) && blanks_only(untrimmed, line))
      n += (size_t)(line - untrimmed), line = untrimmed;
    st = add_line(s, &ts, line, n, lineno, err);
  }
  spg_label_table_free(&table);
  if (st != SPG_OK) return st;
  if (!s->turns.n)
    return spg_fail(err, SPG_ERR_EMPTY, s->source, 0, "no transcript text, only header lines");
  return SPG_OK;
}
