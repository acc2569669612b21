/*
 * detect.c — which reader fits a transcript, judged by its content, never by its file name
 * (a Teams export saved as "verslag.txt" is still WebVTT).
 *
 *   WebVTT  "WEBVTT" opens the file (after an optional byte-order mark and white space) and is
 *           followed by a space, a tab, a line end or nothing ("WEBVTT - Teams export").
 *   SRT     a subtitle number line followed by a timing line ("1" then "00:00:01,000 -->
 *           00:00:04,000"), or a timing line as the first non-blank line (SRT without numbers).
 *           Only the first 64 KB and first 50 non-blank lines are examined, so detection costs
 *           nothing on a 50 MB file and a plain transcript that quotes a timing line deep inside
 *           stays plain text. A '.' instead of ',' in the times is accepted: many SRT writers
 *           use it, and the SRT reader takes both.
 *   SBV     a SubViewer caption timing ("0:00:03.200,0:00:05.700") as the first non-blank line
 *           (YouTube's captions, saved as .sbv or .txt).
 *   CHAT    a CHAT transcript (CHILDES, TalkBank): "@UTF8" or "@Begin" as the first non-blank
 *           line, or "@Begin" among the first ten after other "@" header lines ("@Font:").
 *   ASS     (Advanced) SubStation Alpha subtitles: "[Script Info]" as the first non-blank line
 *           (any case), as Aegisub and every other SSA writer opens the file.
 *   TextGrid  a Praat TextGrid: 'File type = "ooTextFile"' as the first non-blank line and
 *           'Object class = "TextGrid"' as the next (the long and the short text format), or
 *           an older short file's 'File type = "ooTextFile short"' over '"TextGrid"'.
 *   TRS     a Transcriber transcript: XML whose root element is <Trans> (after the XML
 *           declaration, a DOCTYPE, comments).
 *   EAF     an ELAN annotation file: XML whose root element is <ANNOTATION_DOCUMENT>.
 *   EXB     an EXMARaLDA basic transcription: XML whose root element is <basic-transcription>
 *           (EXMARaLDA opens it with a comment, "<!-- (c) http://www.rrz.uni-hamburg.de/... -->").
 *   text    everything else.
 */
#include "readers.h"

#include <strings.h>

/* Whether p[0..n) opens with the line 'File type = "ooTextFile"' (or 'ooTextFile short') and
 * then 'Object class = "TextGrid"', white space around the '=' as Praat and other writers put it.
 */
static bool textgrid_head(const char *p, size_t n) {
  spg_lines it;
  spg_lines_init(&it, p, n < 4096 ? n : 4096);
  const char *line;
  size_t ln;
  static const char *const want[2][2] = {{"File type", "\"ooTextFile"},
                                         {"Object class", "\"TextGrid\""}};
  for (int i = 0; i < 2; i++) {
    do
      if (!spg_lines_next(&it, &line, &ln)) return false;
    while (i && spg_is_blank(line, ln));
    spg_trim(&line, &ln);
    if (i && ln == 10 && memcmp(line, "\"TextGrid\"", 10) == 0)
      return true; /* an older short text file: 'File type = "ooTextFile short"', '"TextGrid"' */
    const size_t k = strlen(want[i][0]);
    if (ln <= k || memcmp(line, want[i][0], k) != 0) return false;
    line += k, ln -= k;
    spg_trim(&line, &ln);
    if (!ln || line[0] != '=') return false;
    line++, ln--;
    spg_trim(&line, &ln);
    const size_t v = strlen(want[i][1]);
    if (ln < v || memcmp(line, want[i][1], v) != 0) return false;
  }
  return true;
}

/* The name of the root element of the XML in p[0..n): what stands after the '<' that opens it,
 * NULL when p opens with something else. The declaration, a DOCTYPE (its internal subset too),
 * comments and processing instructions before it are skipped, in the first 4 KB. */
static const char *xml_root(const char *p, size_t n) {
  const char *q = p, *end = p + (n < 4096 ? n : 4096);
  for (;;) {
    while (q < end && spg_is_space(*q))
      q++;
    if (end - q < 2 || *q != '<') return NULL;
    const char *close = NULL;
    if (q[1] == '?') { /* "<?xml ...?>" */
      for (const char *c = q + 2; c + 1 < end && !close; c++)
        if (c[0] == '?' && c[1] == '>') close = c + 1;
    } else if (end - q >= 4 && memcmp(q, "<!--", 4) == 0) { /* a '>' may stand inside */
      for (const char *c = q + 4; c + 2 < end && !close; c++)
        if (c[0] == '-' && c[1] == '-' && c[2] == '>') close = c + 2;
    } else if (q[1] == '!') { /* "<!DOCTYPE Trans SYSTEM ...>", "<!DOCTYPE x [<!ENTITY ...>]>" */
      const char *gt = memchr(q, '>', (size_t)(end - q));
      const char *bracket = memchr(q, '[', (size_t)(end - q));
      if (bracket && gt && bracket < gt) {
        const char *rb = memchr(bracket, ']', (size_t)(end - bracket));
        gt = rb ? memchr(rb, '>', (size_t)(end - rb)) : NULL;
      }
      close = gt;
    } else {
      return q + 1;
    }
    if (!close) return NULL;
    q = close + 1;
  }
}

/* Whether the root element at q (xml_root) is name, in p[0..n). */
static bool root_is(const char *q, const char *p, size_t n, const char *name) {
  if (!q) return false;
  const size_t k = strlen(name), left = (size_t)(p + n - q);
  return left > k && memcmp(q, name, k) == 0 && (spg_is_space(q[k]) || q[k] == '>' || q[k] == '/');
}

spg_format spg_detect_format(const char *data, size_t len) {
  if (!data) return SPG_FORMAT_TEXT;
  const char *p = data;
  size_t n = len;
  if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3, n -= 3;
  while (n && spg_is_space(*p)) p++, n--;
  if (n >= 6 && memcmp(p, "WEBVTT", 6) == 0 &&
      (n == 6 || p[6] == ' ' || p[6] == '\t' || p[6] == '\n' || p[6] == '\r'))
    return SPG_FORMAT_VTT;
  if (n >= 13 && strncasecmp(p, "[Script Info]", 13) == 0) return SPG_FORMAT_ASS;
  if (n >= 9 && memcmp(p, "File type", 9) == 0 && textgrid_head(p, n)) return SPG_FORMAT_TEXTGRID;
  if (n >= 7 && p[0] == '<') {
    const char *root = xml_root(p, n);
    if (root_is(root, p, n, "Trans")) return SPG_FORMAT_TRS;
    if (root_is(root, p, n, "ANNOTATION_DOCUMENT")) return SPG_FORMAT_EAF;
    if (root_is(root, p, n, "basic-transcription")) return SPG_FORMAT_EXB;
  }

  spg_lines it;
  spg_lines_init(&it, data, len < 65536 ? len : 65536);
  const char *line, *prev = NULL;
  size_t line_len, prev_len = 0;
  int nonblank = 0;
  int64_t a, b;
  bool at_headers = true; /* every non-blank line so far opens with '@' */
  while (nonblank < 50 && spg_lines_next(&it, &line, &line_len)) {
    if (spg_is_blank(line, line_len)) {
      prev = NULL;
      continue;
    }
    nonblank++;
    const char *t = line;
    size_t tn = line_len;
    spg_trim(&t, &tn);
    at_headers = at_headers && t[0] == '@';
    if (at_headers && nonblank <= 10 &&
        ((tn == 6 && memcmp(t, "@Begin", 6) == 0) ||
         (nonblank == 1 && tn == 5 && memcmp(t, "@UTF8", 5) == 0)))
      return SPG_FORMAT_CHAT;
    if (nonblank == 1 && spg_parse_sbv_timing(t, tn, &a, &b)) return SPG_FORMAT_SBV;
    if (spg_parse_timing(line, line_len, &a, &b) == 1 &&
        (nonblank == 1 || (prev && spg_is_number_line(prev, prev_len))))
      return SPG_FORMAT_SRT;
    prev = line;
    prev_len = line_len;
  }
  return SPG_FORMAT_TEXT;
}
