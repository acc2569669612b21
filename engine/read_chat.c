/*
 * read_chat.c — CHAT transcripts (.cha): the transcription format of CHILDES and TalkBank,
 * written by CLAN and by researchers of conversation, language and clinical interviews (Dutch
 * corpora among them), often saved as .txt.
 *
 * Input: UTF-8 text of tiers, a tier's further lines opening with a tab:
 *
 *   @UTF8 / @Begin / @End                     the file's frame; nothing after @End is read
 *   @Participants:<TAB>INE Ineke_Smulders Investigator, HEN Henk Participant, ...
 *                                            who speaks: a code, a name (optional), a role
 *   @ID:<TAB>nld|spiegel|HEN|64;|male|||Participant|||   the role again (used when the list
 *                                            has none)
 *   @Date: / @Location: / @Situation: / @Comment: / @Transcriber: / @Media:   meta
 *   @G:<TAB>deel 2 / any other @header       a gem or a header: no one's words
 *   *HEN:<TAB>&-eh ja, ik ben Henk .        an utterance of speaker HEN
 *   <TAB>en ik ben vierenzestig .            ... its next line
 *   %com:<TAB>HEN steekt zijn hand op .      a dependent tier (comments, codes): no words
 *
 * Output: meta, speakers and turns. A speaker's label is the name of @Participants ('_' a
 * blank) or else the code. Consecutive utterances of one speaker are one turn, each utterance
 * a paragraph of its own (CHAT gives one utterance a line, so its end is a sentence's end);
 * a media bullet ("\x15" 12300_15800 "\x15") dates the turn.
 *
 * An utterance's text loses CHAT's codes and keeps the words as said (clean_utterance):
 * bracketed codes ("[/]", "[//]", "[= ...]", "[* ...]", "[+ ...]", "[?]", "[>]") and the angle
 * brackets that scope them, the words a retracing said over ("<de map> [/] de map" as "de map"),
 * pauses ("(.)", "(..)", "(1.5)"), events and fragments ("&=lacht",
 * "&+sp", "&~", "&*"), unintelligible speech ("xxx", "yyy", "www"), omitted words ("0de"), word
 * suffixes ("ok@s:eng"), the parentheses of omitted sounds ("(h)eb" as "heb"), CA marks ("↑",
 * "°", "≈"); a filler keeps its word ("&-eh" as "eh"); the terminator joins the word before it
 * (" ." as ".", "+..." as "…", "+/." as "…", "+/?" as "?"), a linker that opens an utterance
 * ("+<", "++", "+^", "+,") goes; '_' between words is a blank, '+' in a compound nothing.
 *
 * Roles: CHAT's role of a participant, from CHAT's closed list: Investigator, Interviewer, Host,
 * Leader (and Moderator) lead; Doctor, Nurse, Teacher, Therapist, Clinician, Attorney, Justice,
 * Caretaker, Observer, Audience are the organisation's professionals: listeners; a client's roles
 * (Participant, Patient, Client, Partner, Relative, Mother, Father, Child, Target_Child,
 * Student, Adult, Friend, Visitor, Guest, Member, ...) take part. The roles are fixed only when
 * the list names someone who leads and someone who takes part; otherwise (everyone
 * "Participant", or "Speaker") roles.c infers them from what is said, as for any transcript.
 *
 * Errors (SPG_ERR_FORMAT, naming the line): a speaker tier without its colon; a file with no
 * utterance is SPG_ERR_EMPTY.
 *
 * Cost: one pass; an utterance is cleaned into one buffer reused for the file.
 */
#include "readers.h"

#include <stdlib.h>
#include <strings.h>

#define CHAT_PARTICIPANTS 64 /* speakers of the @Participants list that are kept */
#define CHAT_CODE 16         /* bytes of a speaker code */
#define CHAT_LABEL 64        /* bytes of a name */

typedef struct chat_person {
  char code[CHAT_CODE];
  char label[CHAT_LABEL];
  spg_role role;
  int speaker; /* index in the session, -1 before the first utterance */
} chat_person;

typedef struct chat_state {
  chat_person people[CHAT_PARTICIPANTS];
  size_t n;
  spg_buf header; /* the header being read, its next lines joined with a blank */
  char header_key[32];
  uint32_t header_line;
  spg_buf said; /* the utterance being read, as written */
  int said_speaker;
  uint32_t said_line;
  spg_buf clean; /* an utterance's words (clean_utterance) */
} chat_state;

/* ---- roles ---- */

static spg_role chat_role(const char *w, size_t n) {
  static const char *const lead[] = {"host", "interviewer", "investigator", "leader", "moderator"};
  static const char *const listen[] = {"attorney", "audience",  "caretaker",   "clinician",
                                       "doctor",   "justice",   "nurse",       "observer",
                                       "teacher",  "therapist", "professional"};
  static const char *const take[] = {
      "adult",   "boy",    "brother",     "child",        "client",       "father",   "female",
      "friend",  "girl",   "grandfather", "grandmother",  "guest",        "male",     "member",
      "mother",  "parent", "participant", "partner",      "patient",      "playmate", "relative",
      "sibling", "sister", "student",     "target_adult", "target_child", "teenager", "visitor"};
  char low[24];
  if (!n || n >= sizeof low) return SPG_ROLE_UNKNOWN;
  for (size_t i = 0; i < n; i++)
    low[i] = w[i] >= 'A' && w[i] <= 'Z' ? (char)(w[i] + 32) : w[i];
  low[n] = 0;
  for (size_t i = 0; i < SPG_COUNT(lead); i++)
    if (!strcmp(low, lead[i])) return SPG_ROLE_MODERATOR;
  for (size_t i = 0; i < SPG_COUNT(listen); i++)
    if (!strcmp(low, listen[i])) return SPG_ROLE_LISTENER;
  for (size_t i = 0; i < SPG_COUNT(take); i++)
    if (!strcmp(low, take[i])) return SPG_ROLE_PARTICIPANT;
  return SPG_ROLE_UNKNOWN;
}

static chat_person *person(chat_state *c, const char *code, size_t n) {
  for (size_t i = 0; i < c->n; i++)
    if (strlen(c->people[i].code) == n && memcmp(c->people[i].code, code, n) == 0)
      return &c->people[i];
  return NULL;
}

static chat_person *add_person(chat_state *c, const char *code, size_t n) {
  chat_person *p = person(c, code, n);
  if (p || c->n == CHAT_PARTICIPANTS || n >= CHAT_CODE) return p;
  p = &c->people[c->n++];
  memcpy(p->code, code, n);
  p->code[n] = 0;
  memcpy(p->label, code, n);
  p->label[n] = 0;
  p->role = SPG_ROLE_UNKNOWN;
  p->speaker = -1;
  return p;
}

/* "INE Ineke_Smulders Investigator, HEN Henk Participant, CHI Target_Child" */
static void participants(chat_state *c, const char *p, const char *end) {
  while (p < end) {
    const char *e = memchr(p, ',', (size_t)(end - p));
    if (!e) e = end;
    const char *w[8];
    size_t wn[8], k = 0;
    for (const char *q = p; q < e && k < 8;) {
      while (q < e && spg_is_space(*q))
        q++;
      const char *r = q;
      while (r < e && !spg_is_space(*r))
        r++;
      if (r > q) w[k] = q, wn[k++] = (size_t)(r - q);
      q = r;
    }
    chat_person *pp = k ? add_person(c, w[0], wn[0]) : NULL;
    if (pp && k >= 2) {
      pp->role = chat_role(w[k - 1], wn[k - 1]);
      if (k >= 3) { /* the name: the words between code and role, '_' a blank */
        size_t o = 0;
        for (size_t i = 1; i + 1 < k; i++)
          for (size_t j = 0; j < wn[i] && o + 2 < CHAT_LABEL; j++)
            pp->label[o++] = w[i][j] == '_' ? ' ' : w[i][j];
        pp->label[o] = 0;
      }
    }
    p = e + 1;
  }
}

/* "@ID: nld|corpus|HEN|64;|male|||Participant|||": the role of a participant the list left
 * without one */
static void id_header(chat_state *c, const char *p, const char *end) {
  const char *field[10];
  size_t fn[10], k = 0;
  for (const char *q = p; k < 10;) {
    const char *bar = memchr(q, '|', (size_t)(end - q));
    field[k] = q, fn[k++] = (size_t)((bar ? bar : end) - q);
    if (!bar) break;
    q = bar + 1;
  }
  if (k < 8) return;
  const char *code = field[2], *role = field[7];
  size_t cn = fn[2], rn = fn[7];
  spg_trim(&code, &cn);
  spg_trim(&role, &rn);
  chat_person *pp = cn ? add_person(c, code, cn) : NULL;
  if (pp && pp->role == SPG_ROLE_UNKNOWN) pp->role = chat_role(role, rn);
}

static int header_done(spg_session *s, chat_state *c) {
  if (!c->header_key[0]) return 0;
  const char *v = c->header.data, *end = v + c->header.len;
  size_t vn = c->header.len;
  spg_trim(&v, &vn);
  end = v + vn;
  static const struct {
    const char *chat, *meta;
  } keys[] = {{"date", "datum"},         {"location", "locatie"},
              {"situation", "situatie"}, {"transcriber", "transcribent"},
              {"media", "media"},        {"activities", "activiteiten"},
              {"comment", "opmerking"}};
  int rc = 0;
  if (!strcasecmp(c->header_key, "participants"))
    participants(c, v, end);
  else if (!strcasecmp(c->header_key, "id"))
    id_header(c, v, end);
  else
    for (size_t i = 0; i < SPG_COUNT(keys); i++)
      if (vn && !strcasecmp(c->header_key, keys[i].chat)) {
        rc = spg_session_append_meta(s, keys[i].meta, v, vn, c->header_line);
        break;
      }
  c->header_key[0] = 0;
  c->header.len = 0;
  return rc;
}

/* ---- utterances ---- */

static bool is_letter_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* A CA mark or a CHAT symbol of the main tier that is no word: "↑" "↓" "≈" "°" "∆" "∇" "⌈" "⌉"
 * "⌊" "⌋" "▔" "▁" "☺" "∙" "⁎" "⁑" "⤇" "∬" "↫" "‡" "„" (the last two mark a tag: a comma).
 * Its bytes, or 0. */
static size_t ca_mark(const unsigned char *p, size_t n, bool *comma) {
  static const char *const marks[] = {
      "\xE2\x86\x91", "\xE2\x86\x93", "\xE2\x87\x97", "\xE2\x86\x97", "\xE2\x86\x92",
      "\xE2\x86\x98", "\xE2\x87\x98", "\xE2\x89\x88", "\xE2\x89\x8B", "\xE2\x88\x86",
      "\xE2\x88\x87", "\xE2\x8C\x88", "\xE2\x8C\x89", "\xE2\x8C\x8A", "\xE2\x8C\x8B",
      "\xE2\x96\x94", "\xE2\x96\x81", "\xE2\x98\xBA", "\xE2\x88\x99", "\xE2\x81\x8E",
      "\xE2\x81\x91", "\xE2\xA4\x87", "\xE2\x88\xAC", "\xE2\x86\xAB", "\xC2\xB0",
      "\xE2\x80\xA1", "\xE2\x80\x9E", "\xE2\x88\xBE", "\xE2\x88\x9E"};
  for (size_t i = 0; i < SPG_COUNT(marks); i++) {
    const size_t k = strlen(marks[i]);
    if (n >= k && memcmp(p, marks[i], k) == 0) {
      *comma = i == 25 || i == 26;
      return k;
    }
  }
  return 0;
}

static int put(spg_buf *b, const char *p, size_t n) {
  return spg_buf_append(b, p, n);
}

/* Ends the word written so far: a blank before the next one (none at the start). */
static int blank(spg_buf *b) {
  return b->len && b->data[b->len - 1] != ' ' ? spg_buf_putc(b, ' ') : 0;
}

/* A terminator or a mark glued to the word before: the blank before it goes. */
static int glue(spg_buf *b, const char *p, size_t n) {
  while (b->len && b->data[b->len - 1] == ' ')
    b->len--;
  return b->len ? put(b, p, n) : 0;
}

/* One token of a main tier (no blanks in it), written to out as words. */
static int token(spg_buf *out, const char *t, size_t n) {
  if (n == 1 && (t[0] == '.' || t[0] == '?' || t[0] == '!' || t[0] == ',' || t[0] == ';'))
    return glue(out, t, 1);
  if (t[0] == '+') { /* a terminator "+...", "+/.", "+//?" or a linker "+<", "++", "+^" */
    const bool q = memchr(t, '?', n) != NULL, e = memchr(t, '!', n) != NULL;
    const bool cut = n > 2 && (memchr(t, '/', n) || (n >= 4 && memcmp(t + 1, "...", 3) == 0));
    if (q) return glue(out, "?", 1);
    if (e) return glue(out, "!", 1);
    if (cut) return glue(out, "\xE2\x80\xA6", 3);
    if (memchr(t, '.', n)) return glue(out, ".", 1);
    return 0;
  }
  if (t[0] == '&') { /* "&-eh" a filler's word; "&=lacht", "&+sp", "&~", "&*INV:ja" no words */
    if (n > 2 && t[1] == '-')
      t += 2, n -= 2;
    else
      return 0;
  }
  if (t[0] == '0' && n > 1 && is_letter_byte((unsigned char)t[1])) return 0; /* omitted */
  if ((n == 3 || n == 2) && (t[0] == 'x' || t[0] == 'y' || t[0] == 'w') && t[1] == t[0] &&
      (n == 2 || t[2] == t[0]))
    return 0; /* "xxx", "yyy", "www" */
  if (blank(out)) return -1;
  const size_t start = out->len;
  for (size_t i = 0; i < n;) {
    const unsigned char c = (unsigned char)t[i];
    bool comma = false;
    size_t k;
    if (c == '@' && i > 0) break; /* "ok@s:eng", "mama@f": the word ends */
    if (c == '(' || c == ')' || c == '<' || c == '>' || c == '^' || c == '+') {
      i++; /* "(h)eb", a compound's '+', a scope's brackets */
      continue;
    }
    if (c == '_') {
      if (spg_buf_putc(out, ' ')) return -1;
      i++;
      continue;
    }
    if (c >= 0x80 && (k = ca_mark((const unsigned char *)t + i, n - i, &comma)) > 0) {
      if (comma && glue(out, ",", 1)) return -1;
      i += k;
      continue;
    }
    if (spg_buf_putc(out, (char)c)) return -1;
    i++;
  }
  if (out->len == start && out->len) out->len--; /* nothing written: the blank goes too */
  return 0;
}

/* The words of an utterance as written, into c->clean; *ms gets a media bullet's start. */
static int clean_utterance(chat_state *c, const char *p, size_t n, int64_t *ms) {
  spg_buf *out = &c->clean;
  out->len = 0;
  const char *end = p + n;
  size_t retraced = SIZE_MAX; /* out's length before the last word or scope */
  bool in_scope = false;      /* inside "<...>" */
  while (p < end) {
    const char ch = *p;
    if (spg_is_space(ch)) {
      p++;
      continue;
    }
    if (ch == '\x15') { /* a media bullet: "\x15" 12300_15800 "\x15" */
      const char *close = memchr(p + 1, '\x15', (size_t)(end - p - 1));
      if (*ms == SPG_NO_TIME && p + 1 < end && p[1] >= '0' && p[1] <= '9') {
        int64_t v = 0;
        for (const char *d = p + 1; d < end && *d >= '0' && *d <= '9' && v < INT64_MAX / 10; d++)
          v = v * 10 + (*d - '0');
        *ms = v;
      }
      p = close ? close + 1 : end;
      continue;
    }
    if (ch == '[') { /* a code: "[/]", "[= ...]", "[* m]", "[>1]" */
      const char *close = memchr(p, ']', (size_t)(end - p));
      /* a retracing ("[/]" repeated, "[//]" corrected, "[///]", "[/-]"): the words it scopes
         ("<de map> [/]", or the word before) were said over; the words that follow count */
      if (p + 1 < end && p[1] == '/' && retraced != SIZE_MAX) out->len = retraced;
      retraced = SIZE_MAX;
      p = close ? close + 1 : end;
      continue;
    }
    if (ch == '(' && p + 1 < end && (p[1] == '.' || (p[1] >= '0' && p[1] <= '9'))) {
      const char *close = memchr(p, ')', (size_t)(end - p)); /* a pause */
      if (close) {
        p = close + 1;
        continue;
      }
    }
    const char *q = p;
    while (q < end && !spg_is_space(*q) && *q != '[' && *q != '\x15')
      q++;
    /* where a retracing would cut back to: the scope's '<', or this word */
    if (ch == '<' || !in_scope) retraced = out->len;
    if (ch == '<') in_scope = true;
    if (q[-1] == '>') in_scope = false;
    if (token(out, p, (size_t)(q - p))) return -1;
    p = q;
  }
  while (out->len && out->data[out->len - 1] == ' ')
    out->len--;
  return 0;
}

/* Whether the cleaned utterance holds a word: a letter or a digit. */
static bool has_word(const spg_buf *b) {
  for (size_t i = 0; i < b->len; i++) {
    const unsigned char c = (unsigned char)b->data[i];
    if (is_letter_byte(c) || (c >= '0' && c <= '9')) return true;
  }
  return false;
}

static int utterance_done(spg_session *s, chat_state *c) {
  if (c->said_speaker < 0) return 0;
  const int sp = c->said_speaker;
  c->said_speaker = -1;
  int64_t ms = SPG_NO_TIME;
  if (clean_utterance(c, c->said.data, c->said.len, &ms)) return -1;
  if (!has_word(&c->clean)) return 0;
  const bool same = s->turns.n && s->turns.v[s->turns.n - 1].speaker == (uint32_t)sp;
  if (same) { /* the next utterance: a paragraph of its own */
    if (spg_session_turn_text(s, "", 0)) return -1;
  } else if (spg_session_begin_turn(s, (uint32_t)sp, c->said_line, ms, SPG_NO_TIME)) {
    return -1;
  }
  return spg_session_turn_text(s, c->clean.data, c->clean.len);
}

/* The session's speaker of code, added at its first utterance. */
static int speaker_of(spg_session *s, chat_state *c, const char *code, size_t n) {
  chat_person *p = add_person(c, code, n);
  if (!p) return spg_session_speaker(s, code, n); /* beyond the list's room: the code */
  if (p->speaker < 0) p->speaker = spg_session_speaker(s, p->label, strlen(p->label));
  return p->speaker;
}

/* Fixes the roles of the list when it names someone who leads and someone who takes part. */
static void fix_roles(spg_session *s, const chat_state *c) {
  bool lead = false, take = false;
  for (size_t i = 0; i < c->n; i++)
    lead |= c->people[i].role == SPG_ROLE_MODERATOR,
        take |= c->people[i].role == SPG_ROLE_PARTICIPANT;
  if (!lead || !take) return;
  for (size_t i = 0; i < c->n; i++) {
    const chat_person *p = &c->people[i];
    if (p->speaker < 0 || p->role == SPG_ROLE_UNKNOWN) continue;
    s->speakers.v[p->speaker].role = p->role;
    s->speakers.v[p->speaker].role_fixed = true;
  }
}

enum { IN_NONE, IN_HEADER, IN_MAIN, IN_DEPENDENT };

spg_status spg_read_chat(spg_session *s, const char *data, size_t len, spg_error *err) {
  s->format = SPG_FORMAT_CHAT;
  chat_state *c = calloc(1, sizeof *c);
  if (!c) return spg_fail(err, SPG_ERR_NOMEM, s->source, 0, "out of memory");
  c->said_speaker = -1;
  spg_lines it;
  spg_lines_init(&it, data, len);
  spg_status st = SPG_OK;
  int in = IN_NONE;
  const char *line;
  size_t n;
  while (st == SPG_OK && spg_lines_next(&it, &line, &n)) {
    const uint32_t lineno = it.lineno;
    const bool tier = n && (line[0] == '@' || line[0] == '*' || line[0] == '%');
    spg_trim(&line, &n);
    if (!n) continue;
    if (!tier) { /* the tier above goes on: a line that opens with a tab (or lost it) */
      spg_buf *b = in == IN_MAIN ? &c->said : in == IN_HEADER ? &c->header : NULL;
      if (b && ((b->len && spg_buf_putc(b, ' ')) || spg_buf_append(b, line, n))) goto nomem;
      continue;
    }
    if (header_done(s, c) || utterance_done(s, c)) goto nomem;
    in = IN_NONE;
    if (line[0] == '@') {
      const char *colon = memchr(line, ':', n);
      size_t kn = (size_t)((colon ? colon : line + n) - line) - 1;
      if (kn == 3 && !strncasecmp(line + 1, "End", 3)) break;
      if (!colon || kn >= sizeof c->header_key) continue; /* "@Begin", "@UTF8", "@Bg" */
      memcpy(c->header_key, line + 1, kn);
      c->header_key[kn] = 0;
      c->header_line = lineno;
      if (spg_buf_append(&c->header, colon + 1, (size_t)(line + n - colon - 1))) goto nomem;
      in = IN_HEADER;
    } else if (line[0] == '*') {
      const char *colon = memchr(line, ':', n < CHAT_CODE + 2 ? n : CHAT_CODE + 2);
      if (!colon || colon == line + 1) {
        st = spg_fail(err, SPG_ERR_FORMAT, s->source, lineno,
                      "expected a speaker tier \"*CODE:<TAB>words\", found \"%.*s\"",
                      (int)(n < 40 ? n : 40), line);
        break;
      }
      const int sp = speaker_of(s, c, line + 1, (size_t)(colon - line - 1));
      if (sp < 0) goto nomem;
      c->said_speaker = sp;
      c->said_line = lineno;
      c->said.len = 0;
      if (spg_buf_append(&c->said, colon + 1, (size_t)(line + n - colon - 1))) goto nomem;
      in = IN_MAIN;
    } else { /* '%': a dependent tier */
      in = IN_DEPENDENT;
    }
  }
  if (st == SPG_OK && (header_done(s, c) || utterance_done(s, c))) goto nomem;
  if (st == SPG_OK) fix_roles(s, c);
  if (st == SPG_OK && !s->turns.n)
    st = spg_fail(err, SPG_ERR_EMPTY, s->source, 0, "a CHAT transcript with no utterances");
  spg_buf_free(&c->header);
  spg_buf_free(&c->said);
  spg_buf_free(&c->clean);
  free(c);
  return st;
nomem:
  spg_buf_free(&c->header);
  spg_buf_free(&c->said);
  spg_buf_free(&c->clean);
  free(c);
  return spg_fail(err, SPG_ERR_NOMEM, s->source, it.lineno, "out of memory");
}
