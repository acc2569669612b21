/*
 * roles.c — who is who in a spiegelbijeenkomst, and where the circle ends and the dialogue
 * begins.
 *
 * Input: speakers and turns from a reader, header metadata, normalised turn text (s->norm) and
 * the lexicon (roles.tsv: first word of a label -> role; handover.tsv: phrases with which the
 * gespreksleider opens part 2). Output: every speaker's role and turn count, every turn's phase,
 * and s->dialogue_turn.
 *
 * Roles, in increasing precedence:
 *  1. The label. Its first word, lower-cased with its final '.' or ':' dropped, is looked up in
 *     roles.tsv: "Gespreksleider", "GL", "Voorzitter" -> moderator; "Deelnemer 4", "Mevrouw K.",
 *     "Moeder van Sem", "Patiënt" -> participant; "Arts (dr. Bakker)", "Toehoorder 2" ->
 *     listener; "Notulist" -> minutes. The word is also tried with its dot ("dhr."), and a code
 *     ("P3", "T2") by its letters ("p", "t") when roles.tsv lists them. When the first word says
 *     nothing, the words inside a "(...)" group are tried ("Jan (toehoorder)").
 *     The anonymous speaker "" is a participant. A label that says nothing ("Anja", "Spreker
 *     3", "SPEAKER_00", "Poliassistent Erwin": what Teams and automatic transcription write)
 *     is decided by what the speaker says, after 2 and 3, in this order (speaker.role_from):
 *     a. their introduction: "ik ben gespreksleider" in their first turn makes the moderator,
 *        "Ik ben Sabine, verpleegkundige." opening it a listener (introduced_role);
 *     b. when still no one is the moderator, the one who talks like one: opens the session,
 *        welcomes, invites, asks on, summarises, thanks (moderator.tsv; infer_moderator), when
 *        one speaker stands out clearly;
 *     c. once the phases are known: professionals only speak in the dialogue and ask there,
 *        so a speaker who first speaks after the hand-over and asks (a '?'; in a transcript
 *        without any, a question's word order: asks()) in at least half of their turns is a
 *        listener; so is one whom the moderator's opening names ("Sandra Mol (Wadlink)", named
 *        "Sandra Mol van de klantenservice" where the listeners are introduced: opening_names);
 *     d. everyone else is a participant, the unknown voices of a mirror meeting being mostly
 *        its clients.
 *  2. The header "# rollen: Anja=gespreksleider, Jan=deelnemer, Dr. Smit=toehoorder" (also in a
 *     WebVTT NOTE). Pairs are separated by ',' or ';', label and role by '=' or ':'. Labels may
 *     themselves hold commas ("Vries, Jan de=toehoorder", as Teams writes names): a label runs
 *     up to its '='. Roles may be given in English or Dutch (spg_role_parse), or as any role
 *     word of roles.tsv ("arts", "patiënt"). Labels match exactly, else case-insensitively.
 *  3. The options (--roles), same syntax; they override the header.
 *  An unknown role or a label that no speaker has is SPG_ERR_USAGE naming the header's line.
 *
 * Phases. Part 1 ("de kring") is clients telling; part 2 the dialogue in which the toehoorders
 * may ask questions. Part 2 starts at the first turn that is either
 *   - a listener's turn: professionals only speak in part 2; or
 *   - a moderator's turn holding a hand-over phrase ("tweede deel", "vragen stellen", "de
 *     toehoorders mogen nu"), matched word by word on the lower-cased normalised text, with
 *     "*" in a phrase standing for zero to three words. Two guards keep the introduction from
 *     ending part 1 before it began: phrases count only after a participant has spoken (the
 *     opening turn explains both parts), and not in a sentence that defers them ("straks",
 *     "later", "zo meteen", "na de pauze", ... unless it also says "nu"): "Straks mogen de
 *     toehoorders vragen stellen" is still part 1.
 * The hand-over turn itself opens part 2. Without a hand-over every turn is in part 1 and
 * s->dialogue_turn == s->turns.n.
 */
#include "internal.h"
#include "lexicon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WORD_MAX 64
#define INTRO_LISTENER_WORDS 6 /* "ik ben mark ik ben adviseur": where a listener says it */

/* ---- roles from labels ---------------------------------------------------------------------- */

static spg_role lex_role(const spg_lexicon *lex, const char *w, size_t n) {
  if (!lex || !n || n >= WORD_MAX - 2) return SPG_ROLE_UNKNOWN;
  char low[WORD_MAX * 2];
  long fl = spg_fold_case(w, n, low, sizeof low - 2);
  if (fl <= 0) return SPG_ROLE_UNKNOWN;
  for (int dotted = 0; dotted < 2; dotted++) {
    size_t len = (size_t)fl;
    if (dotted) low[len++] = '.';
    uint32_t id = spg_lexicon_find(lex, low, len);
    if (id) {
      const spg_lex_word *word = spg_lexicon_word(lex, id);
      if (word && word->role > SPG_ROLE_UNKNOWN && word->role <= SPG_ROLE_MINUTES)
        return (spg_role)word->role;
    }
  }
  return SPG_ROLE_UNKNOWN;
}

static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* The letters of a code "P3", "GL2", "T12" (1-3 letters, 1-3 digits); 0 when w is none. */
static size_t code_letters(const char *w, size_t n) {
  size_t i = 0;
  while (i < n && i < 4 && is_alpha(w[i])) i++;
  if (i == 0 || i > 3) return 0;
  size_t d = i;
  while (d < n && is_digit(w[d])) d++;
  return d == n && d - i >= 1 && d - i <= 3 ? i : 0;
}

static bool is_word_sep(char c) {
  return c == ' ' || c == '\t' || c == '(' || c == ')' || c == '/' || c == ',' || c == ':';
}

static spg_role label_role(const spg_lexicon *lex, const char *label) {
  size_t n = strlen(label);
  size_t i = 0;
  while (i < n && is_word_sep(label[i])) i++;
  size_t j = i;
  while (j < n && !is_word_sep(label[j])) j++;
  size_t wl = j - i;
  if (wl == 2 && (label[i] == 'D' || label[i] == 'd') && label[i + 1] == 'e' && j + 1 < n &&
      label[j + 1] >= 'a' && label[j + 1] <= 'z') {
    i = j + 1; /* "De voorzitter", "De heer Van Dam": a verbatim report's article; not the
                  surname "De Vries" */
    for (j = i; j < n && !is_word_sep(label[j]);)
      j++;
    wl = j - i;
  }
  while (wl && (label[i + wl - 1] == '.' || label[i + wl - 1] == ':')) wl--;
  spg_role r = lex_role(lex, label + i, wl);
  if (r) return r;
  size_t letters = code_letters(label + i, wl);
  if (letters && (r = lex_role(lex, label + i, letters))) return r;
  /* "Jan (toehoorder)", "Dr. Smit (arts)"; a meeting tool's display name "Ingrid Bos |
   * gespreksleider" */
  const char *open = memchr(label, '(', n);
  const char *close = open ? memchr(open, ')', (size_t)(label + n - open)) : NULL;
  const char *bar = memchr(label, '|', n);
  if (!close && bar) open = bar, close = label + n;
  if (open && close) {
    for (const char *p = open + 1; p < close;) {
      while (p < close && is_word_sep(*p)) p++;
      const char *q = p;
      while (q < close && !is_word_sep(*q)) q++;
      size_t len = (size_t)(q - p);
      while (len && p[len - 1] == '.') len--;
      if (len && (r = lex_role(lex, p, len))) return r;
      p = q;
    }
  }
  /* "Linda reumaverpleegkundige", "Karin teamleider poli": a chat's contact name with the
   * profession after it in lower case (a name is capitalised: not "Jan de Boer"); the word or
   * its last part ("reuma" + "verpleegkundige") a listener's role word */
  for (const char *p = label + j; p < label + n;) {
    while (p < label + n && is_word_sep(*p))
      p++;
    const char *q = p;
    while (q < label + n && !is_word_sep(*q))
      q++;
    const size_t len = (size_t)(q - p);
    if (len >= 4 && *p >= 'a' && *p <= 'z') {
      for (size_t k = 0; k + 4 <= len; k++) /* the word, then its last parts */
        if ((r = lex_role(lex, p + k, len - k)) == SPG_ROLE_LISTENER) return r;
    }
    p = q;
  }
  return SPG_ROLE_UNKNOWN; /* decided once the phases are known (spg_assign_roles) */
}

/* ---- # rollen: and --roles ------------------------------------------------------------------ */

static void trim(const char **p, size_t *n) {
  while (*n && (**p == ' ' || **p == '\t')) (*p)++, (*n)--;
  while (*n && ((*p)[*n - 1] == ' ' || (*p)[*n - 1] == '\t')) (*n)--;
}

static bool same_folded(const char *a, size_t an, const char *b, size_t bn) {
  char fa[256], fb[256];
  if (an >= sizeof fa / 2 || bn >= sizeof fb / 2) return false;
  long la = spg_fold_case(a, an, fa, sizeof fa), lb = spg_fold_case(b, bn, fb, sizeof fb);
  return la >= 0 && la == lb && memcmp(fa, fb, (size_t)la) == 0;
}

static int find_speaker(const spg_session *s, const char *label, size_t n) {
  for (size_t i = 0; i < s->speakers.n; i++) {
    const char *l = s->speakers.v[i].label;
    if (strlen(l) == n && memcmp(l, label, n) == 0) return (int)i;
  }
  for (size_t i = 0; i < s->speakers.n; i++) {
    const char *l = s->speakers.v[i].label;
    if (same_folded(l, strlen(l), label, n)) return (int)i;
  }
  return -1;
}

static void speaker_list(const spg_session *s, char *out, size_t cap) {
  size_t o = 0;
  out[0] = 0;
  for (size_t i = 0; i < s->speakers.n && o + 8 < cap; i++) {
    const char *l = s->speakers.v[i].label;
    int w = snprintf(out + o, cap - o, "%s\"%s\"", i ? ", " : "", l);
    if (w < 0 || (size_t)w >= cap - o) {
      snprintf(out + o, cap - o, ", ...");
      return;
    }
    o += (size_t)w;
  }
}

/* Applies "Label=role, Label=role"; where names the source in messages ("# rollen", "--roles").
 * With s NULL only checks the list's form and role names (spg_roles_check). */
static spg_status apply_roles(spg_session *s, const spg_lexicon *lex, const char *spec,
                              const char *where, unsigned long line, spg_error *err) {
  const char *p = spec, *end = spec + strlen(spec);
  while (p < end) {
    while (p < end && (*p == ' ' || *p == '\t' || *p == ',' || *p == ';')) p++;
    if (p >= end) break;
    const char *sep = p;
    while (sep < end && *sep != '=' && *sep != ':') sep++;
    if (sep >= end) {
      return spg_fail(err, SPG_ERR_USAGE, s ? s->source : NULL, line,
                      "%s: expected LABEL=ROLE, found \"%.*s\"", where,
                      (int)(end - p > 60 ? 60 : end - p), p);
    }
    const char *label = p;
    size_t label_len = (size_t)(sep - p);
    trim(&label, &label_len);
    const char *role = sep + 1;
    const char *role_end = role;
    while (role_end < end && *role_end != ',' && *role_end != ';') role_end++;
    size_t role_len = (size_t)(role_end - role);
    trim(&role, &role_len);
    p = role_end;
    if (!label_len || !role_len)
      return spg_fail(err, SPG_ERR_USAGE, s ? s->source : NULL, line,
                      "%s: expected LABEL=ROLE, found \"%.*s\"", where,
                      (int)(role_end - label > 60 ? 60 : role_end - label), label);

    spg_role r = SPG_ROLE_UNKNOWN;
    char folded[WORD_MAX * 2];
    long fl = role_len < WORD_MAX ? spg_fold_case(role, role_len, folded, sizeof folded - 1) : -1;
    bool ok = false;
    if (fl > 0) {
      folded[fl] = 0;
      ok = spg_role_parse(folded, &r) == 0;
      if (!ok && (r = lex_role(lex, role, role_len)) != SPG_ROLE_UNKNOWN) ok = true;
    }
    if (!ok)
      return spg_fail(err, SPG_ERR_USAGE, s ? s->source : NULL, line,
                      "%s: unknown role \"%.*s\" for \"%.*s\" (use gespreksleider, deelnemer, "
                      "toehoorder, notulist, or moderator, participant, listener, minutes)",
                      where, (int)(role_len > 40 ? 40 : role_len), role,
                      (int)(label_len > 60 ? 60 : label_len), label);
    if (!s) continue; /* a check: which speakers there are is each transcript's business */
    int sp = find_speaker(s, label, label_len);
    if (sp < 0) {
      char list[300];
      speaker_list(s, list, sizeof list);
      return spg_fail(err, SPG_ERR_USAGE, s->source, line,
                      "%s: no speaker \"%.*s\" in the transcript (speakers: %s)", where,
                      (int)(label_len > 60 ? 60 : label_len), label, list);
    }
    s->speakers.v[sp].role = r;
    s->speakers.v[sp].role_fixed = true;
  }
  return SPG_OK;
}

/* The role a word of a who-is-who line names: "gespreksleider", "toehoorders", "deelnemers",
 * a listener's word of roles.tsv ("studieloopbaanbegeleider"), in the plural too. */
static spg_role said_role(const spg_lexicon *lex, const char *w, size_t n) {
  char folded[WORD_MAX * 2];
  long fl = n && n < WORD_MAX ? spg_fold_case(w, n, folded, sizeof folded - 1) : -1;
  if (fl <= 0) return SPG_ROLE_UNKNOWN;
  static const char *const plurals[] = {"", "s", "en", "n", "'s"}; /* "naasten" */
  for (size_t i = 0; i < SPG_COUNT(plurals); i++) {
    size_t pl = strlen(plurals[i]), len = (size_t)fl;
    if (len <= pl + 2 || memcmp(folded + len - pl, plurals[i], pl) != 0) continue;
    char stem[WORD_MAX * 2];
    memcpy(stem, folded, len - pl);
    stem[len - pl] = 0;
    spg_role r;
    if (spg_role_parse(stem, &r) == 0 && r != SPG_ROLE_UNKNOWN) return r;
    if ((r = lex_role(lex, stem, len - pl)) != SPG_ROLE_UNKNOWN) return r;
  }
  return SPG_ROLE_UNKNOWN;
}

/* The role the words [p, end) name: their first word, else the first word in brackets that
 * names one ("studenten (deelnemers)"). */
static spg_role said_roles_of(const spg_lexicon *lex, const char *p, const char *end) {
  bool first = true;
  int depth = 0;
  while (p < end) {
    while (p < end &&
           (*p == ' ' || *p == '\t' || *p == '(' || *p == ')' || *p == ',' || *p == ':')) {
      depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
      p++;
    }
    const char *w = p; /* "toehoorders:" before what they do: the word without its colon */
    while (p < end && *p != ' ' && *p != '\t' && *p != '(' && *p != ')' && *p != ',' && *p != ':')
      p++;
    if (p == w) break;
    spg_role r = first || depth > 0 ? said_role(lex, w, (size_t)(p - w)) : SPG_ROLE_UNKNOWN;
    if (r != SPG_ROLE_UNKNOWN) return r;
    first = false;
  }
  return SPG_ROLE_UNKNOWN;
}

/* Gives speaker sp (none when < 0) role r, unless a role was given before. */
static void give_role(spg_session *s, int sp, spg_role r) {
  if (sp >= 0 && r != SPG_ROLE_UNKNOWN && !s->speakers.v[sp].role_fixed)
    s->speakers.v[sp].role = r, s->speakers.v[sp].role_fixed = true;
}

/* Gives role r to the speaker of label [l, l + n), or to every speaker of a range of codes
 * ("Spreker 5 t/m Spreker 13", "Spreker 5 tot en met 13"), unless a role was given before. */
static void said_range(spg_session *s, const char *l, size_t n, spg_role r) {
  static const char *const ranges[] = {" t/m ", " tot en met ", " - ", " to "};
  const char *to = NULL;
  size_t tl = 0;
  for (size_t i = 0; i < SPG_COUNT(ranges) && !to; i++) {
    tl = strlen(ranges[i]);
    for (const char *q = l; q + tl <= l + n && !to; q++)
      if (memcmp(q, ranges[i], tl) == 0) to = q;
  }
  size_t a_end = to ? (size_t)(to - l) : n, p = a_end;
  while (p && l[p - 1] >= '0' && l[p - 1] <= '9')
    p--; /* "Spreker 5": prefix "Spreker ", 5 */
  if (!to || p == a_end || a_end - p > 3) {
    give_role(s, n ? find_speaker(s, l, n) : -1, r);
    return;
  }
  const char *b = to + tl, *end = l + n;
  while (b < end && !(*b >= '0' && *b <= '9'))
    b++; /* "Spreker 13" or "13" */
  long first = strtol(l + p, NULL, 10), last = b < end ? strtol(b, NULL, 10) : -1;
  if (last < first || last - first > 200 || p > 40) return;
  for (long k = first; k <= last; k++) {
    char label[64];
    int w = snprintf(label, sizeof label, "%.*s%ld", (int)p, l, k);
    give_role(s, w > 0 ? find_speaker(s, label, (size_t)w) : -1, r);
  }
}

/* An attendance list under a role ("toehoorders: Ronald Kuiper (hoofd bezoekzaken), Esther
 * Vlot (...)", "deelnemers (naasten): Samira (partner), mw. Brouwer (moeder), ..."): role r for
 * each speaker the list names, by the whole name or, where the labels are first names, by its
 * first word. What stands in brackets says what a person is, not who. */
static void attendance(spg_session *s, spg_role r, const char *p, const char *end) {
  if (r == SPG_ROLE_UNKNOWN) return;
  while (p < end) {
    const char *q = p, *name_end = NULL;
    int depth = 0;
    for (; q < end && (depth || (*q != ',' && *q != ';')); q++) {
      if (*q == '(' && !depth++ && !name_end) name_end = q;
      if (*q == ')' && depth) depth--;
      if (!depth && end - q >= 4 && memcmp(q, " en ", 4) == 0) break;
    }
    const char *name = p;
    size_t n = (size_t)((name_end ? name_end : q) - p);
    trim(&name, &n);
    int sp = n ? find_speaker(s, name, n) : -1;
    const char *space = memchr(name, ' ', n);
    if (sp < 0 && space && name[0] >= 'A' && name[0] <= 'Z')
      sp = find_speaker(s, name, (size_t)(space - name)); /* "Ronald Kuiper": "Ronald" */
    give_role(s, sp, r);
    p = q < end ? q + (*q == ' ' ? 4 : 1) : end;
  }
}

/* The labels that open the item [p, end) of a legend in prose: the words before its bracket
 * when they are a label or a range of codes ("B1 t/m B8 (deelnemers)"), else its first word or
 * two ("GL gespreksleider", "Ellen Brink gespreksleider"); 0 when no speaker has them. *rest
 * gets where the words that name the role begin. */
#define LEGEND_RANGE_MAX 24
static size_t legend_labels(const spg_session *s, const char *p, const char *end,
                            const char **rest) {
  const char *bracket = memchr(p, '(', (size_t)(end - p));
  const char *pre = p;
  size_t n = (size_t)((bracket ? bracket : end) - p);
  trim(&pre, &n);
  if (n && n <= LEGEND_RANGE_MAX) {
    const char *to = NULL;
    for (const char *q = pre; q + 5 <= pre + n && !to; q++)
      if (memcmp(q, " t/m ", 5) == 0) to = q;
    if (find_speaker(s, pre, to ? (size_t)(to - pre) : n) >= 0) {
      *rest = bracket ? bracket : end;
      return (size_t)(pre + n - p);
    }
  }
  const char *w = pre;
  for (int words = 0; words < 2 && w < end; words++) {
    while (w < end && *w != ' ' && *w != '(')
      w++;
    if (w > pre && find_speaker(s, pre, (size_t)(w - pre)) >= 0) {
      *rest = w;
      return (size_t)(w - p);
    }
    while (w < end && *w == ' ')
      w++;
  }
  return 0;
}

/* A legend in prose, without '=' ("GL gespreksleider; RON, DEN, JOS patiënten; LAU, MAR
 * medewerkers van de kliniek (luisteren)", "I (gespreksleider), B1 t/m B8 (deelnemers), T1 t/m
 * T3 (toehoorders: vaatchirurg, ...)"): items apart at commas outside brackets; an item's
 * labels take the role its other words name (their first word, else one in brackets), and so
 * do the bare labels listed before it ("RON, DEN, JOS patiënten"). */
#define LEGEND_PENDING 16
static void prose_legend(spg_session *s, const spg_lexicon *lex, const char *p, const char *end) {
  struct {
    const char *l;
    size_t n;
  } pending[LEGEND_PENDING];
  size_t np = 0;
  while (p < end) {
    const char *q = p;
    int depth = 0;
    for (; q < end && (depth || *q != ','); q++)
      depth += *q == '(' ? 1 : *q == ')' && depth ? -1 : 0;
    const char *item = p, *rest = NULL;
    size_t n = legend_labels(s, item, q, &rest);
    if (n) {
      const char *label = item;
      size_t ln = n;
      trim(&label, &ln);
      spg_role r = said_roles_of(lex, rest, q);
      if (r == SPG_ROLE_UNKNOWN) {
        if (np < LEGEND_PENDING) pending[np].l = label, pending[np].n = ln, np++;
      } else {
        said_range(s, label, ln, r);
        for (size_t i = 0; i < np; i++)
          said_range(s, pending[i].l, pending[i].n, r);
        np = 0;
      }
    } else {
      np = 0; /* words that are no label: a sentence, not a legend */
    }
    p = q < end ? q + 1 : end;
  }
}

/* Who is who as a transcript's own header says it, one statement a line: "Spreker 1 =
 * gespreksleider (extern)", "Spreker 2, Spreker 3 en Spreker 4 = toehoorders
 * (studieloopbaanbegeleider, roostermaker)", "Spreker 5 t/m Spreker 13 = studenten
 * (deelnemers)" (meta "sprekers", from a WebVTT NOTE block or a '#' line), or "Spreker 1:
 * gespreksleider" (a meta field whose key is a speaker's label). Unlike "# rollen:" it is read
 * leniently: a label the transcript does not have and a role it cannot read are passed over. */
static void apply_said_roles(spg_session *s, const spg_lexicon *lex) {
  for (size_t i = 0; i < s->meta.n; i++) {
    const spg_meta *m = &s->meta.v[i];
    const char *v = m->value, *vend = v + strlen(v);
    if (strcmp(m->key, "sprekers") != 0) {
      int sp = find_speaker(s, m->key, strlen(m->key));
      if (sp >= 0)
        give_role(s, sp, said_roles_of(lex, v, vend));
      else
        attendance(s, said_roles_of(lex, m->key, m->key + strlen(m->key)), v, vend);
      continue;
    }
    for (const char *p = v; p < vend;) {
      const char *stop = p;
      while (stop < vend && *stop != ';' && *stop != '\n')
        stop++;
      const char *eq = memchr(p, '=', (size_t)(stop - p));
      if (!eq) prose_legend(s, lex, p, stop);
      spg_role r = eq ? said_roles_of(lex, eq + 1, stop) : SPG_ROLE_UNKNOWN;
      for (const char *q = p; r != SPG_ROLE_UNKNOWN && q < eq;) {
        const char *e = q; /* a label ends at ',' or " en " */
        while (e < eq && *e != ',' && !(eq - e >= 4 && memcmp(e, " en ", 4) == 0))
          e++;
        const char *label = q;
        size_t n = (size_t)(e - q);
        trim(&label, &n);
        said_range(s, label, n, r);
        q = e < eq && *e == ',' ? e + 1 : e + (e < eq ? 4 : 0);
      }
      p = stop < vend ? stop + 1 : stop;
    }
  }
}

spg_status spg_roles_check(const spg_lexicon *lex, const char *spec, spg_error *err) {
  return spec ? apply_roles(NULL, lex, spec, "--roles", 0, err) : SPG_OK;
}

/* ---- hand-over phrases ------------------------------------------------------------------------- */

/* Word characters: ASCII letters and digits, the apostrophe ("zo'n") and UTF-8 letters; the
 * typographic quotes, dashes and ellipsis (U+2013..U+2026) and « » separate words. */
static size_t separator_len(const unsigned char *p, size_t n) {
  unsigned c = p[0];
  if (c < 0x80) return (is_alpha((char)c) || is_digit((char)c) || c == '\'') ? 0 : 1;
  if (c == 0xE2 && n >= 3 && p[1] == 0x80 && p[2] >= 0x93 && p[2] <= 0xA6 && p[2] != 0x99 &&
      p[2] != 0x98)
    return 3;
  if (c == 0xC2 && n >= 2 && (p[1] == 0xAB || p[1] == 0xBB || p[1] == 0xA0)) return 2;
  return 0;
}

/* separator_len() == 0 for an ASCII byte: inline in the loops of next_word, which run per
 * byte of every moderator turn. */
static inline bool is_word_ascii(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'';
}

typedef struct span { const char *p; size_t n; } span;

static bool is_wildcard(const span *w) { return w->n == 1 && w->p[0] == '*'; }

/* The next word of t at or after *pos (1, and *pos moves past it), or 0 at the end. */
static size_t next_word(const char *t, size_t n, size_t *pos, span *w) {
  const unsigned char *u = (const unsigned char *)t;
  size_t i = *pos;
  while (i < n) {
    if (u[i] < 0x80) {
      if (is_word_ascii(u[i])) break;
      i++;
      continue;
    }
    size_t k = separator_len(u + i, n - i);
    if (!k) break;
    i += k;
  }
  if (i >= n) return *pos = n, 0;
  size_t start = i;
  while (i < n && (u[i] < 0x80 ? is_word_ascii(u[i]) : !separator_len(u + i, n - i))) i++;
  w->p = t + start;
  w->n = i - start;
  *pos = i;
  return 1;
}

static bool word_eq(const char *a, size_t an, const char *b, size_t bn) {
  if (an != bn) return false;
  for (size_t i = 0; i < an; i++) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = (char)(x + 32);
    if (y >= 'A' && y <= 'Z') y = (char)(y + 32);
    if (x != y) return false;
  }
  return true;
}

#define PHRASE_WORDS 16

/* Whether phrase words pw[k..] match the text from word position pos (wildcard: 0-3 words). */
static bool match_from(const span *pw, size_t npw, size_t k, const char *t, size_t n, size_t pos,
                       size_t *match_end) {
  if (k == npw) return *match_end = pos, true;
  if (is_wildcard(&pw[k])) {
    size_t p = pos;
    for (int skip = 0; skip <= 3; skip++) {
      if (match_from(pw, npw, k + 1, t, n, p, match_end)) return true;
      span w;
      if (!next_word(t, n, &p, &w)) break;
    }
    return false;
  }
  span w;
  size_t p = pos;
  if (!next_word(t, n, &p, &w) || !word_eq(w.p, w.n, pw[k].p, pw[k].n)) return false;
  return match_from(pw, npw, k + 1, t, n, p, match_end);
}

static bool contains_word_seq(const char *t, size_t n, const char *seq) {
  span sw[4];
  size_t ns = 0, pos = 0;
  size_t sl = strlen(seq);
  while (ns < 4 && next_word(seq, sl, &pos, &sw[ns])) ns++;
  size_t end;
  for (size_t p = 0; p < n;) {
    span w;
    size_t at = p;
    if (!next_word(t, n, &p, &w)) break;
    if (word_eq(w.p, w.n, sw[0].p, sw[0].n) && match_from(sw, ns, 0, t, n, at, &end)) return true;
  }
  return false;
}

static bool ends_sentence(char c) { return c == '.' || c == '?' || c == '!' || c == '\n'; }

/* The sentence around [a, b) (at most 300 bytes either side) defers the hand-over. */
static bool deferred(const char *t, size_t n, size_t a, size_t b) {
  static const char *const later[] = {"straks",      "later",        "zo meteen",
                                      "zometeen",    "dadelijk",     "zodadelijk",
                                      "zo direct",   "na de pauze",  "na afloop",
                                      "aan het eind", "aan het einde", "volgende keer"};
  size_t lo = a, hi = b;
  while (lo > 0 && a - lo < 300 && !ends_sentence(t[lo - 1])) lo--;
  while (hi < n && hi - b < 300 && !ends_sentence(t[hi])) hi++;
  const char *s = t + lo;
  size_t len = hi - lo;
  if (contains_word_seq(s, len, "nu")) return false;
  for (size_t i = 0; i < sizeof later / sizeof later[0]; i++)
    if (contains_word_seq(s, len, later[i])) return true;
  return false;
}

/* A phrase of the lexicon (hand-over or moderator) split into words once per session ('*' kept
 * as a wildcard word). */
typedef struct word_phrase {
  span w[PHRASE_WORDS];
  size_t n;
} word_phrase;

/* The phrases, and a filter of their first words (spg_word_filter_bit, ASCII case folded as
 * word_eq does): most words of a turn start no phrase, and one bit test rules them out
 * without a loop over the phrases. A wildcard first word admits every word (any_first). */
typedef struct phrase_list {
  word_phrase *v;
  size_t n;
  uint64_t firsts[8];
  bool any_first;
} phrase_list;

/* The lexicon's phrases of one kind (SPG_PHRASE_HANDOVER, SPG_PHRASE_MODERATOR), split into
 * words. The caller frees h->v. None (h->n = 0) when the lexicon has none, or without memory:
 * no hand-over is then detected by phrase, only by a listener speaking, and no moderator by
 * their words. */
static void phrase_list_make(const spg_lexicon *lex, uint8_t kind, phrase_list *h_out) {
  *h_out = (phrase_list){0};
  size_t *count = &h_out->n;
  size_t n;
  const uint32_t *of_kind = spg_lexicon_phrases_of(lex, kind, &n);
  word_phrase *list = n ? malloc(n * sizeof *list) : NULL;
  if (!list) return;
  h_out->v = list;
  for (size_t i = 0; i < n; i++) {
    const spg_phrase *ph = spg_lexicon_phrase(lex, of_kind[i]);
    if (!ph || !ph->text) continue;
    word_phrase *h = &list[*count];
    h->n = 0;
    size_t tl = strlen(ph->text);
    for (size_t j = 0; j < tl && h->n < PHRASE_WORDS;) {
      while (j < tl && (ph->text[j] == ' ' || ph->text[j] == '\t')) j++;
      if (j >= tl) break;
      size_t k = j;
      while (k < tl && ph->text[k] != ' ' && ph->text[k] != '\t') k++;
      if (k - j == 1 && ph->text[j] == '*') {
        h->w[h->n++] = (span){ph->text + j, 1};
      } else {
        size_t q = j; /* the phrase word without surrounding punctuation */
        span w;
        while (h->n < PHRASE_WORDS && q < k && next_word(ph->text, k, &q, &w)) h->w[h->n++] = w;
      }
      j = k;
    }
    if (h->n) {
      if (is_wildcard(&h->w[0])) h_out->any_first = true;
      unsigned b = spg_word_filter_bit((unsigned char)h->w[0].p[0], h->w[0].n);
      h_out->firsts[b / 64] |= 1ull << (b % 64);
      (*count)++;
    }
  }
}

/* Whether any phrase matches at any word of t (and, when may_defer, is not deferred). The text is
 * read once, word by word, and each word is tried against the phrases: the order of the two loops
 * does not change the answer, and reading every moderator turn once per phrase was 3% of the
 * pipeline. */
static bool phrase_list_match(const phrase_list *h, const char *t, size_t n, bool may_defer) {
  const word_phrase *list = h->v;
  for (size_t p = 0; p < n;) {
    span w;
    size_t at = p;
    if (!next_word(t, n, &p, &w)) break;
    unsigned b = spg_word_filter_bit((unsigned char)w.p[0], w.n);
    if (!h->any_first && !(h->firsts[b / 64] >> (b % 64) & 1)) continue;
    for (size_t i = 0; i < h->n; i++) {
      const span *pw = list[i].w;
      size_t end;
      if ((is_wildcard(&pw[0]) || word_eq(w.p, w.n, pw[0].p, pw[0].n)) &&
          match_from(pw, list[i].n, 0, t, n, at, &end) &&
          !(may_defer && deferred(t, n, (size_t)(w.p - t), end)))
        return true;
    }
  }
  return false;
}

/* ---- a moderator known by what they say ----------------------------------------------------- */

/* The text of turn t: normalised, or raw when normalisation has not run (tests, tools). */
static const char *turn_text(const spg_session *s, const spg_turn *t, size_t *len) {
  *len = t->norm_len ? t->norm_len : t->raw_len;
  return t->norm_len ? s->norm.data + t->norm_off : s->raw.data + t->raw_off;
}

/* The role a speaker gives themselves in their first turn, SPG_ROLE_UNKNOWN when none: "Ik ben
 * Paul Wiersma, ik ben gespreksleider" (anywhere in the turn) makes a moderator; "Ik ben
 * Sabine, verpleegkundige." or "ik ben Joost de teamleider" at the start of the turn makes a
 * listener (a professional introduces themselves before asking), after a greeting or thanks
 * at most ("Dank je wel, ik ben Bart, teamleider"). Between "ik ben" and the role word
 * (roles.tsv) only a name, an article or an adverb of intro_between may stand ("ik ben dus
 * Femke, verpleegkundig specialist"; "ik ben verwezen door de huisarts" introduces no one). The
 * role word must follow "ik ben" within INTRO_WORDS words of the same sentence. A client who says
 * "ik ben zelf verpleegkundige" or "ik ben ook arts geweest" is no professional of the
 * organisation: "zelf", "ook", "vroeger" and "was" in between rule it out; and only the moderator
 * is found after the turn's first sentence ("ik ben moeder, mijn zoon is arts" stays a
 * participant). */
#define INTRO_WORDS 4
static spg_role introduced_role(const spg_lexicon *lex, const char *t, size_t n) {
  static const char *const not_staff[] = {"zelf", "ook", "vroeger", "was", "geweest", "niet"};
  static const char *const intro_between[] = {"de",
                                              "het",
                                              "een",
                                              "hier",
                                              "vanavond",
                                              "vandaag",
                                              "vanmiddag",
                                              "vanochtend",
                                              "vanmorgen",
                                              "onafhankelijk",
                                              "onafhankelijke",
                                              "als",
                                              "jullie",
                                              "uw",
                                              "jouw",
                                              "dus"};
  /* a greeting or thanks may come first: "Dank je wel, ik ben Bart, teamleider" */
  static const char *const courtesy[] = {
      "dank",  "je",  "u",  "wel", "bedankt", "goedemiddag", "goedenavond", "goedemorgen",
      "hallo", "hoi", "ja", "nou", "oké",     "oke",         "allemaal"};
  size_t pos = 0, words = 0;
  bool first_sentence = true, leading = true;
  span prev = {0}, w;
  while (next_word(t, n, &pos, &w)) {
    size_t at = (size_t)(w.p - t);
    for (size_t k = prev.p ? (size_t)(prev.p - t) + prev.n : 0; k < at; k++)
      if (ends_sentence(t[k]) && !leading) first_sentence = false;
    bool polite = false;
    for (size_t j = 0; leading && j < sizeof courtesy / sizeof courtesy[0]; j++)
      if (word_eq(w.p, w.n, courtesy[j], strlen(courtesy[j]))) polite = true;
    leading = leading && polite;
    if (!leading) words++;
    if (prev.p && word_eq(prev.p, prev.n, "ik", 2) && word_eq(w.p, w.n, "ben", 3)) {
      size_t q = pos;
      span r;
      for (int k = 0; k < INTRO_WORDS && next_word(t, n, &q, &r); k++) {
        bool stop = false;
        for (size_t j = (size_t)(w.p - t) + w.n; j < (size_t)(r.p - t); j++)
          if (ends_sentence(t[j])) stop = true;
        if (stop) break;
        bool excluded = false;
        for (size_t j = 0; j < sizeof not_staff / sizeof not_staff[0]; j++)
          if (word_eq(r.p, r.n, not_staff[j], strlen(not_staff[j]))) excluded = true;
        if (excluded) break;
        spg_role role = lex_role(lex, r.p, r.n);
        if (role == SPG_ROLE_MODERATOR) return role;
        /* within the first words: "Ik ben Sabine, verpleegkundige", "ik ben mark ik ben
         * adviseur hulpmiddelen" (a name first, the profession in a second "ik ben") */
        if (role == SPG_ROLE_LISTENER && first_sentence && words <= INTRO_LISTENER_WORDS)
          return role;
        if (role != SPG_ROLE_UNKNOWN) break;
        /* what may stand between "ik ben" and the role: a name, an article, a few adverbs
           ("ik ben Joost de teamleider", "ik ben vanavond gespreksleider"); anything else is
           another sentence ("ik ben verwezen door de huisarts") */
        bool between = r.n && r.p[0] >= 'A' && r.p[0] <= 'Z';
        for (size_t j = 0; !between && j < sizeof intro_between / sizeof intro_between[0]; j++)
          if (word_eq(r.p, r.n, intro_between[j], strlen(intro_between[j]))) between = true;
        if (!between) break;
      }
    }
    prev = w;
  }
  return SPG_ROLE_UNKNOWN;
}

/* Speakers whose label names no role take the role they introduce themselves with. */
static void introductions(spg_session *s, const spg_lexicon *lex) {
  if (!lex) return;
  bool *seen = calloc(s->speakers.n + 1, sizeof *seen);
  if (!seen) return;
  for (size_t i = 0; i < s->turns.n; i++) {
    const spg_turn *t = &s->turns.v[i];
    spg_speaker *sp = &s->speakers.v[t->speaker];
    if (seen[t->speaker]) continue;
    seen[t->speaker] = true;
    if (sp->role != SPG_ROLE_UNKNOWN || !sp->label[0]) continue;
    size_t len;
    const char *text = turn_text(s, t, &len);
    spg_role r = len ? introduced_role(lex, text, len) : SPG_ROLE_UNKNOWN;
    if (r != SPG_ROLE_UNKNOWN) sp->role = r, sp->role_from = SPG_ROLE_FROM_INTRODUCTION;
  }
  free(seen);
}

#define ASK_WH 1u
#define ASK_VERB 2u
#define ASK_YOU 4u

/* Which of asks()'s word classes w is in (ASK_* bits), in one pass over a table. */
static unsigned ask_class(span w) {
  static const struct {
    const char *s;
    unsigned char n, cls;
  } words[] = {
#define W(str, cls) {str, sizeof str - 1, cls}
      W("wie", ASK_WH),      W("wat", ASK_WH),      W("waar", ASK_WH),     W("wanneer", ASK_WH),
      W("waarom", ASK_WH),   W("hoe", ASK_WH),      W("welke", ASK_WH),    W("hoeveel", ASK_WH),
      W("hoelang", ASK_WH),  W("u", ASK_YOU),       W("je", ASK_YOU),      W("jij", ASK_YOU),
      W("jullie", ASK_YOU),  W("is", ASK_VERB),     W("was", ASK_VERB),    W("zijn", ASK_VERB),
      W("waren", ASK_VERB),  W("heeft", ASK_VERB),  W("hebt", ASK_VERB),   W("heb", ASK_VERB),
      W("had", ASK_VERB),    W("hadden", ASK_VERB), W("wist", ASK_VERB),   W("weet", ASK_VERB),
      W("weten", ASK_VERB),  W("kunt", ASK_VERB),   W("kun", ASK_VERB),    W("kan", ASK_VERB),
      W("kon", ASK_VERB),    W("konden", ASK_VERB), W("kunnen", ASK_VERB), W("wilt", ASK_VERB),
      W("wil", ASK_VERB),    W("wilde", ASK_VERB),  W("zou", ASK_VERB),    W("zouden", ASK_VERB),
      W("vond", ASK_VERB),   W("vindt", ASK_VERB),  W("vind", ASK_VERB),   W("vonden", ASK_VERB),
      W("bent", ASK_VERB),   W("doet", ASK_VERB),   W("deed", ASK_VERB),   W("deden", ASK_VERB),
      W("mag", ASK_VERB),    W("mocht", ASK_VERB),  W("moet", ASK_VERB),   W("moest", ASK_VERB),
      W("moeten", ASK_VERB), W("gaat", ASK_VERB),   W("ging", ASK_VERB),   W("gingen", ASK_VERB),
      W("kreeg", ASK_VERB),  W("krijgt", ASK_VERB), W("hoorde", ASK_VERB), W("merkte", ASK_VERB),
      W("heette", ASK_VERB),
#undef W
  };
  if (w.n > 7) return 0;
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    if (words[i].n == w.n && word_eq(w.p, w.n, words[i].s, w.n)) return words[i].cls;
  return 0;
}

/* Whether a turn asks something: a '?', or in a transcript without any (unpunctuated speech, as
 * some automatic transcription writes it) a question word before a verb ("waar moet dat dan
 * hangen", "hoe was dat", "hoe vaak zou u") or a verb before "u", "je", "jij" or "jullie" ("heeft
 * u toen nog gebeld", "wist je dat", "was het u duidelijk"), one word between them at most: the
 * word orders of a Dutch question. */
static bool asks(const char *t, size_t n, bool unpunctuated) {
  if (memchr(t, '?', n)) return true;
  if (!unpunctuated) return false;
  unsigned prev = 0, before = 0; /* the classes of the two words before */
  span w;
  size_t pos = 0;
  while (next_word(t, n, &pos, &w)) {
    unsigned cls = ask_class(w), near = prev | before;
    if (((near & ASK_WH) && (cls & ASK_VERB)) || ((near & ASK_VERB) && (cls & ASK_YOU)))
      return true;
    before = prev;
    prev = cls;
  }
  return false;
}

/* A transcript without a single '?' is unpunctuated speech (asks()). */
static bool unpunctuated(const spg_session *s) {
  return s->raw.len && !memchr(s->raw.data, '?', s->raw.len);
}

/* When no label, header or option names a moderator ("Spreker 1", "Anja", "SPEAKER_00", as
 * automatic transcription and Teams write them), the speaker who talks like one is taken for
 * one: who opens the session, and whose turns welcome, invite, thank, summarise or ask
 * (moderator.tsv; a '?'). Each turn of a speaker whose label names no role scores 1 for a
 * moderator phrase, else 1/2 for a question; the first turn of the session adds 3/2. The best
 * speaker becomes the moderator when the score is at least MOD_MIN_SCORE, at least half of
 * their turns score, and the next best has at most half that score: a participant who asks
 * twice or thanks once is not taken for the gespreksleider, and a session without a clear
 * one keeps everybody a participant, as before. */
#define MOD_MIN_SCORE 3.0
static void infer_moderator(spg_session *s, const spg_lexicon *lex) {
  size_t ns = s->speakers.n;
  if (!lex || ns < 2 || s->turns.n < 3) return;
  for (size_t i = 0; i < ns; i++)
    if (s->speakers.v[i].role == SPG_ROLE_MODERATOR) return;
  phrase_list cues;
  phrase_list_make(lex, SPG_PHRASE_MODERATOR, &cues);
  double *score = calloc(ns, sizeof *score);
  uint32_t *scored = calloc(ns, 2 * sizeof *scored);
  if (cues.n && score && scored) {
    uint32_t *turns = scored + ns;
    const bool bare = unpunctuated(s);
    for (size_t i = 0; i < s->turns.n; i++) {
      const spg_turn *t = &s->turns.v[i];
      const spg_speaker *sp = &s->speakers.v[t->speaker];
      if (sp->role != SPG_ROLE_UNKNOWN || !sp->label[0]) continue;
      size_t len;
      const char *text = turn_text(s, t, &len);
      double v = 0;
      if (len && phrase_list_match(&cues, text, len, false))
        v = 1;
      else if (len && asks(text, len, bare))
        v = 0.5;
      if (i == 0) v += 1.5;
      score[t->speaker] += v;
      scored[t->speaker] += v > 0;
      turns[t->speaker]++;
    }
    size_t best = ns, next = ns;
    for (size_t i = 0; i < ns; i++) {
      if (!turns[i]) continue;
      if (best == ns || score[i] > score[best])
        next = best, best = i;
      else if (next == ns || score[i] > score[next])
        next = i;
    }
    if (best < ns && score[best] >= MOD_MIN_SCORE && 2 * scored[best] >= turns[best] &&
        (next == ns || 2 * score[next] <= score[best])) {
      s->speakers.v[best].role = SPG_ROLE_MODERATOR;
      s->speakers.v[best].role_from = SPG_ROLE_FROM_SPEECH;
    }
  }
  free(score);
  free(scored);
  free(cues.v);
}

/* Whether the moderator's opening (their turns before anyone else speaks) names the speaker of
 * label: the label without what stands in brackets after it ("Sandra Mol (Wadlink)", as
 * people type their name in a video call), as whole words. A moderator introduces the
 * listeners there ("drie mensen van Wadlink die luisteren, Sandra Mol van de klantenservice,
 * ..."); only asked of someone who first speaks after the hand-over. */
static bool opening_names(const spg_session *s, const char *label) {
  size_t n = strlen(label);
  const char *open = memchr(label, '(', n);
  if (open) n = (size_t)(open - label);
  while (n && label[n - 1] == ' ')
    n--;
  if (n < 3 || !(label[0] >= 'A' && label[0] <= 'Z')) return false;
  for (size_t i = 0; i < s->turns.n; i++) {
    const spg_turn *t = &s->turns.v[i];
    if (s->speakers.v[t->speaker].role != SPG_ROLE_MODERATOR) break;
    size_t len;
    const char *text = turn_text(s, t, &len);
    for (const char *p = text; len >= n && p + n <= text + len;) {
      p = memchr(p, label[0], (size_t)(text + len - p));
      if (!p || p + n > text + len) break;
      if (memcmp(p, label, n) != 0) {
        p++;
        continue;
      }
      const bool start = p == text || !is_word_ascii((unsigned char)p[-1]);
      const bool stop = p + n == text + len || !is_word_ascii((unsigned char)p[n]);
      if (start && stop) return true;
      p++;
    }
  }
  return false;
}

/* ---- the stage ----------------------------------------------------------------------------------- */

spg_status spg_assign_roles(spg_session *s, const spg_lexicon *lex, spg_error *err) {
  for (size_t i = 0; i < s->speakers.n; i++) {
    spg_speaker *sp = &s->speakers.v[i];
    if (!sp->role_fixed) sp->role = sp->label[0] ? label_role(lex, sp->label) : SPG_ROLE_PARTICIPANT;
    sp->role_from = SPG_ROLE_FROM_GIVEN; /* until inferred below (a session assigned again) */
  }
  for (size_t i = 0; i < s->meta.n; i++) {
    const spg_meta *m = &s->meta.v[i];
    if (strcmp(m->key, "rollen") != 0 && strcmp(m->key, "roles") != 0) continue;
    spg_status st = apply_roles(s, lex, m->value, "# rollen", m->line, err);
    if (st != SPG_OK) return st;
  }
  apply_said_roles(s, lex);
  if (s->opt.roles) {
    spg_status st = apply_roles(s, lex, s->opt.roles, "--roles", 0, err);
    if (st != SPG_OK) return st;
  }

  introductions(s, lex);
  infer_moderator(s, lex);

  for (size_t i = 0; i < s->speakers.n; i++) s->speakers.v[i].turns = 0;
  uint32_t dialogue = (uint32_t)s->turns.n;
  bool participant_spoke = false;
  /* made when a moderator first speaks after a participant: a text without one (spiegel score's
   * one-line documents, a transcript of one voice) never pays for the lexicon's phrases */
  phrase_list phrases = {0};
  bool phrases_made = false;
  for (size_t i = 0; i < s->turns.n; i++) {
    spg_turn *t = &s->turns.v[i];
    spg_speaker *sp = &s->speakers.v[t->speaker];
    sp->turns++;
    if (dialogue != s->turns.n) continue;
    if (sp->role == SPG_ROLE_LISTENER) {
      dialogue = (uint32_t)i;
    } else if (sp->role == SPG_ROLE_MODERATOR && participant_spoke && lex) {
      size_t len;
      const char *text = turn_text(s, t, &len);
      if (!phrases_made) phrase_list_make(lex, SPG_PHRASE_HANDOVER, &phrases), phrases_made = true;
      if (text && len && phrase_list_match(&phrases, text, len, true)) dialogue = (uint32_t)i;
    } else if (sp->role == SPG_ROLE_PARTICIPANT || sp->role == SPG_ROLE_UNKNOWN) {
      participant_spoke = true;
    }
  }
  free(phrases.v);
  /* A label that names no role ("Poliassistent Erwin", "Anja"). By the method professionals
   * only speak in the dialogue, and there they ask: someone who first speaks after the
   * hand-over and asks in at least half of their turns is a listener. Everyone else is a
   * participant (a client may first speak up in the dialogue, to answer). */
  /* A meeting has one moderator: of two whose labels say so, the one with fewer turns who first
   * speaks in the dialogue and asks there is a listener ("Voorzitter Joop", the organisation's
   * chair, beside "Gespreksleider Anja"), judged as a label that names no role. */
  int lead = -1;
  for (size_t i = 0; i < s->speakers.n; i++) {
    const spg_speaker *sp = &s->speakers.v[i];
    if (sp->role == SPG_ROLE_MODERATOR && (lead < 0 || sp->turns > s->speakers.v[lead].turns))
      lead = (int)i;
  }
  bool second = false;
  for (size_t i = 0; lead >= 0 && i < s->speakers.n; i++) {
    spg_speaker *sp = &s->speakers.v[i];
    if ((int)i != lead && sp->role == SPG_ROLE_MODERATOR && !sp->role_fixed &&
        sp->role_from == SPG_ROLE_FROM_GIVEN && sp->turns < s->speakers.v[lead].turns)
      sp->role = SPG_ROLE_UNKNOWN, second = true;
  }
  uint32_t *asked = calloc(s->speakers.n + 1, 2 * sizeof *asked);
  if (asked) {
    uint32_t *turns = asked + s->speakers.n + 1;
    bool *in_circle = calloc(s->speakers.n + 1, sizeof *in_circle);
    const bool bare = unpunctuated(s);
    for (size_t i = 0; in_circle && i < s->turns.n; i++) {
      const spg_turn *t = &s->turns.v[i];
      if (i < dialogue) in_circle[t->speaker] = true;
      turns[t->speaker]++;
      /* only a label that names no role can make a listener: the others are not asked (a
       * branch of its own: folded into one condition, the compiler evaluated asks() first) */
      if (s->speakers.v[t->speaker].role != SPG_ROLE_UNKNOWN) continue;
      size_t len;
      const char *text = turn_text(s, t, &len);
      if (len && asks(text, len, bare)) asked[t->speaker]++;
    }
    for (size_t i = 0; in_circle && i < s->speakers.n; i++) {
      spg_speaker *sp = &s->speakers.v[i];
      if (sp->role != SPG_ROLE_UNKNOWN || in_circle[i] || !turns[i]) continue;
      if (2 * asked[i] >= turns[i])
        sp->role = SPG_ROLE_LISTENER, sp->role_from = SPG_ROLE_FROM_QUESTIONS;
      else if (opening_names(s, sp->label))
        sp->role = SPG_ROLE_LISTENER, sp->role_from = SPG_ROLE_FROM_NAMED;
    }
    free(in_circle);
    free(asked);
  }
  for (size_t i = 0; i < s->speakers.n; i++)
    if (s->speakers.v[i].role == SPG_ROLE_UNKNOWN) {
      spg_speaker *sp = &s->speakers.v[i];
      /* a second moderator who did not ask in the dialogue keeps the label's word */
      if (second && sp->label[0] && label_role(lex, sp->label) == SPG_ROLE_MODERATOR)
        sp->role = SPG_ROLE_MODERATOR;
      else
        sp->role = SPG_ROLE_PARTICIPANT, sp->role_from = SPG_ROLE_FROM_DEFAULT;
    }
  for (size_t i = 0; i < s->turns.n; i++) s->turns.v[i].phase = i < dialogue ? 1 : 2;
  s->dialogue_turn = dialogue;
  return SPG_OK;
}
