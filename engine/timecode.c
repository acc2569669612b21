/*
 * timecode.c — timestamps and cue timing lines.
 *
 * Input: bytes that may start with a time; output: milliseconds and the bytes consumed. Used by
 * all three readers: plain text ("[00:12:03] Gespreksleider: ...", "Jan (00:12): ..."), WebVTT
 * ("00:01:02.345 --> 00:01:05.000 align:start") and SRT ("00:00:01,000 --> 00:00:04,000").
 *
 * Accepted shapes:
 *   H:MM:SS, HH:MM:SS, HHH:MM:SS   hours of any width (WebVTT allows more than two digits)
 *   M:SS, MM:SS, MMM:SS            two fields are always minutes and seconds: "(00:12)" is twelve
 *                                  seconds, and "75:30" (75 minutes) is a valid recording time
 *   a fraction ".mmm" or ",mmm"    1 to 9 digits; ".5" is 500 ms, digits past the third are
 *                                  dropped (some tools write ".1234567")
 * Minutes and seconds after the first field are exactly two digits below 60. A time that runs
 * straight into another digit or ":digit" ("12:30:456", "1:02:03:04") is no timestamp at all;
 * a dot or comma that no digit follows is left alone ("om 10:30." ends a sentence).
 *
 * YouTube's SubViewer captions (.sbv) time a cue with the two times and a comma between them
 * alone on the line ("0:00:03.200,0:00:05.700").
 *
 * Timing lines accept "-->" with or without spaces around it, and minutes and seconds of one
 * digit as the transcript of a Teams .docx in its older layout writes them ("0:0:5.927 -->
 * 0:0:10.199", "0:4:15.98 --> 0:4:22.396"): next to an arrow they can only be times; whatever
 * follows the end time after white space (WebVTT cue settings, SRT "X1:40 Y1:20" coordinates) is
 * ignored. An end before the start is kept: readers do not judge the clock, they pass it on.
 *
 * The timelines of ELAN and EXMARaLDA may leave points without a time (a boundary set by hand,
 * not aligned to the recording); spg_fill_times gives them one from their neighbours.
 */
#include "readers.h"

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Reads 1..max digits; returns how many (0 = none). */
static size_t read_digits(const char *s, size_t n, size_t max, int64_t *value) {
  size_t i = 0;
  int64_t v = 0;
  while (i < n && i < max && is_digit(s[i])) v = v * 10 + (s[i++] - '0');
  *value = v;
  return i;
}

/* A time at s; loose: minutes and seconds of one digit too ("0:4:15.98"). */
static size_t parse_time(const char *s, size_t n, bool loose, int64_t *ms) {
  int64_t field[3], v;
  size_t i = 0, nf = 0;
  size_t d = read_digits(s, n, 9, &v);
  if (!d || (d < n && is_digit(s[d]))) return 0;
  field[nf++] = v;
  i = d;
  while (nf < 3 && i + 1 < n && s[i] == ':' && is_digit(s[i + 1])) {
    d = read_digits(s + i + 1, n - i - 1, 3, &v);
    if ((d != 2 && !(loose && d == 1)) || v > 59) return 0;
    field[nf++] = v;
    i += 1 + d;
  }
  if (nf < 2) return 0;
  /* "1:02:03:04" or "12:30:4": not a time we understand. */
  if (i < n && s[i] == ':' && i + 1 < n && is_digit(s[i + 1])) return 0;
  int64_t total = nf == 3 ? (field[0] * 60 + field[1]) * 60 + field[2] : field[0] * 60 + field[1];
  total *= 1000;
  if (i + 1 < n && (s[i] == '.' || s[i] == ',') && is_digit(s[i + 1])) {
    size_t j = i + 1, k = 0;
    int64_t frac = 0;
    while (j < n && is_digit(s[j])) {
      if (k < 3) frac = frac * 10 + (s[j] - '0'), k++;
      j++;
      if (j - i > 10) return 0; /* more than 9 fraction digits: not a time */
    }
    while (k < 3) frac *= 10, k++;
    total += frac;
    i = j;
  }
  if (i < n && is_digit(s[i])) return 0;
  *ms = total;
  return i;
}

size_t spg_parse_time(const char *s, size_t n, int64_t *ms) {
  return parse_time(s, n, false, ms);
}

/* A number of seconds ("703.571714", "1.5e-05"): internal.h. Kept finite for any digits. */
bool spg_parse_seconds(const char *p, size_t n, int64_t *ms) {
  size_t i = 0;
  bool neg = false;
  if (i < n && (p[i] == '-' || p[i] == '+')) neg = p[i++] == '-';
  double v = 0, scale = 1;
  size_t digits = 0;
  while (i < n && p[i] >= '0' && p[i] <= '9')
    v = v * 10 + (p[i++] - '0'), digits++;
  if (i < n && p[i] == '.') {
    i++;
    while (i < n && p[i] >= '0' && p[i] <= '9')
      scale /= 10, v += (p[i++] - '0') * scale, digits++;
  }
  if (!digits) return false;
  if (i < n && (p[i] == 'e' || p[i] == 'E')) {
    i++;
    bool eneg = false;
    if (i < n && (p[i] == '-' || p[i] == '+')) eneg = p[i++] == '-';
    int e = 0;
    size_t ed = 0;
    while (i < n && p[i] >= '0' && p[i] <= '9' && ed < 4)
      e = e * 10 + (p[i++] - '0'), ed++;
    if (!ed) return false;
    for (; e > 0; e--)
      v = eneg ? v / 10 : v * 10;
  }
  if (i != n) return false;
  if (v > 1e12) v = 1e12; /* a time no recording has: kept finite */
  *ms = (int64_t)(v * 1000 + 0.5) * (neg ? -1 : 1);
  return true;
}

int spg_parse_timing(const char *line, size_t len, int64_t *start, int64_t *end) {
  /* Find the arrow; a timing line is short, but do not trust that: memchr is linear. */
  const char *arrow = NULL;
  for (const char *p = line, *stop = line + len; p < stop;) {
    const char *dash = memchr(p, '-', (size_t)(stop - p));
    if (!dash) break;
    if (stop - dash >= 3 && dash[1] == '-' && dash[2] == '>') {
      arrow = dash;
      break;
    }
    p = dash + 1;
  }
  if (!arrow) return 0;
  const char *p = line, *stop = arrow;
  size_t n = (size_t)(stop - p);
  spg_trim(&p, &n);
  int64_t a, b;
  if (!n || parse_time(p, n, true, &a) != n) return -1;
  p = arrow + 3;
  n = (size_t)(line + len - p);
  while (n && (*p == ' ' || *p == '\t')) p++, n--;
  size_t used = parse_time(p, n, true, &b);
  if (!used) return -1;
  if (used < n && p[used] != ' ' && p[used] != '\t') return -1;
  *start = a;
  *end = b;
  return 1;
}

bool spg_parse_sbv_timing(const char *line, size_t len, int64_t *start, int64_t *end) {
  spg_trim(&line, &len);
  int64_t a, b;
  size_t u = spg_parse_time(line, len, &a);
  if (!u || u + 1 >= len || line[u] != ',') return false;
  size_t v = spg_parse_time(line + u + 1, len - u - 1, &b);
  if (!v || u + 1 + v != len) return false;
  *start = a, *end = b;
  return true;
}

/* Points of a timeline without a time (readers.h): each gets the time at its place between the
 * nearest points before and after it that have one, in proportion to how many points lie
 * between; before the first known time that time, after the last the last, with none at all 0.
 * One pass forward to find each gap's end, so a timeline of a million points costs a million
 * steps. */
void spg_fill_times(int64_t *ms, size_t n) {
  size_t before = SIZE_MAX; /* the last point with a time, SIZE_MAX before the first */
  for (size_t i = 0; i < n;) {
    if (ms[i] != SPG_TIME_UNSET) {
      before = i++;
      continue;
    }
    size_t after = i;
    while (after < n && ms[after] == SPG_TIME_UNSET)
      after++;
    for (size_t k = i; k < after; k++) {
      if (before == SIZE_MAX)
        ms[k] = after < n ? ms[after] : 0;
      else if (after == n)
        ms[k] = ms[before];
      else /* in doubles: no overflow whatever the times and the gap's length */
        ms[k] = ms[before] + (int64_t)(((double)ms[after] - (double)ms[before]) *
                                       (double)(k - before) / (double)(after - before));
    }
    i = after;
  }
}
