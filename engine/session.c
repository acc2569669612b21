/*
 * session.c — the session object that the stages fill: creation, speakers, header metadata,
 * turns and their raw text, and freeing everything at once.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

int spg_vec_grow(void **v, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap) return 0;
  size_t c = *cap ? *cap : 16;
  while (c < need) {
    if (c > SIZE_MAX / 2 / elem) return -1;
    c *= 2;
  }
  void *p = realloc(*v, c * elem);
  if (!p) return -1;
  *v = p;
  *cap = c;
  return 0;
}

void spg_options_init(spg_options *opt) { memset(opt, 0, sizeof *opt); }

spg_session *spg_session_new(const char *source) {
  spg_session *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  s->arena = spg_arena_create(16384);
  if (!s->arena || !(s->source = spg_arena_strdup(s->arena, source ? source : "-"))) {
    spg_session_free(s);
    return NULL;
  }
  spg_options_init(&s->opt);
  return s;
}

int spg_session_reset(spg_session *s, const char *source) {
  spg_arena_reset(s->arena);
  if (!(s->source = spg_arena_strdup(s->arena, source ? source : "-"))) return -1;
  s->format = SPG_FORMAT_AUTO;
  s->meta.n = s->speakers.n = s->turns.n = 0;
  if (s->speaker_slots) memset(s->speaker_slots, 0, s->n_speaker_slots * sizeof *s->speaker_slots);
  spg_buf_clear(&s->raw);
  spg_buf_clear(&s->norm);
  spg_normmap_clear(&s->norm_map);
  s->sentences.n = s->tokens.n = s->support_keys.n = s->evidence.n = 0;
  s->items.n = s->masks.n = 0;
  s->dialogue_turn = 0;
  s->outline = s->records = false;
  s->polarity = 0;
  s->lex = NULL;
  s->analyzer = NULL;
  spg_options_init(&s->opt);
  return 0;
}

void spg_session_free(spg_session *s) {
  if (!s) return;
  SPG_VEC_FREE(s->meta);
  SPG_VEC_FREE(s->speakers);
  free(s->speaker_slots);
  SPG_VEC_FREE(s->turns);
  spg_buf_free(&s->raw);
  spg_buf_free(&s->norm);
  spg_normmap_free(&s->norm_map);
  SPG_VEC_FREE(s->sentences);
  SPG_VEC_FREE(s->tokens);
  SPG_VEC_FREE(s->support_keys);
  SPG_VEC_FREE(s->evidence);
  SPG_VEC_FREE(s->items);
  SPG_VEC_FREE(s->masks);
  spg_arena_free(s->arena);
  free(s);
}

static uint64_t label_hash(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
  return h;
}

/* Speakers are found through a small open-addressing table, so a hostile file with tens of
 * thousands of distinct labels stays linear. */
static int speaker_table_grow(spg_session *s) {
  size_t n = s->n_speaker_slots ? s->n_speaker_slots * 2 : 64;
  uint32_t *slots = calloc(n, sizeof *slots);
  if (!slots) return -1;
  for (size_t i = 0; i < s->speakers.n; i++) {
    const char *l = s->speakers.v[i].label;
    size_t k = label_hash(l, strlen(l)) & (n - 1);
    while (slots[k]) k = (k + 1) & (n - 1);
    slots[k] = (uint32_t)i + 1;
  }
  free(s->speaker_slots);
  s->speaker_slots = slots;
  s->n_speaker_slots = n;
  return 0;
}

int spg_session_speaker(spg_session *s, const char *label, size_t len) {
  if ((s->speakers.n + 1) * 2 > s->n_speaker_slots && speaker_table_grow(s)) return -1;
  size_t mask = s->n_speaker_slots - 1, k = label_hash(label, len) & mask;
  for (; s->speaker_slots[k]; k = (k + 1) & mask) {
    const char *l = s->speakers.v[s->speaker_slots[k] - 1].label;
    if (strncmp(l, label, len) == 0 && l[len] == 0) return (int)s->speaker_slots[k] - 1;
  }
  spg_speaker sp = {0};
  if (!(sp.label = spg_arena_strndup(s->arena, label, len))) return -1;
  sp.display = sp.label;
  sp.role = SPG_ROLE_UNKNOWN;
  if (SPG_VEC_PUSH(s->speakers, sp)) return -1;
  s->speaker_slots[k] = (uint32_t)s->speakers.n;
  return (int)(s->speakers.n - 1);
}

int spg_session_add_meta(spg_session *s, const char *key, size_t klen, const char *value,
                         size_t vlen, uint32_t line) {
  while (klen && (*key == ' ' || *key == '\t')) key++, klen--;
  while (klen && (key[klen - 1] == ' ' || key[klen - 1] == '\t')) klen--;
  while (vlen && (*value == ' ' || *value == '\t')) value++, vlen--;
  while (vlen && (value[vlen - 1] == ' ' || value[vlen - 1] == '\t' || value[vlen - 1] == '\r'))
    vlen--;
  spg_meta m = {.line = line};
  if (!(m.key = spg_arena_strndup(s->arena, key, klen))) return -1;
  for (char *p = m.key; *p; p++)
    if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
  if (!(m.value = spg_arena_strndup(s->arena, value, vlen))) return -1;
  /* A later line with the same key replaces the earlier one. */
  for (size_t i = 0; i < s->meta.n; i++)
    if (strcmp(s->meta.v[i].key, m.key) == 0) return s->meta.v[i] = m, 0;
  return SPG_VEC_PUSH(s->meta, m);
}

/* A field that lines are appended to stops growing at META_APPEND_MAX bytes: a header of
 * thousands of such lines (a hostile file) costs no quadratic copying. */
#define META_APPEND_MAX 4096
int spg_session_append_meta(spg_session *s, const char *key, const char *value, size_t vlen,
                            uint32_t line) {
  const char *old = spg_session_meta(s, key);
  if (!old) return spg_session_add_meta(s, key, strlen(key), value, vlen, line);
  const size_t ol = strlen(old);
  if (ol + vlen > META_APPEND_MAX) return 0;
  char *joined = malloc(ol + 1 + vlen + 1);
  if (!joined) return -1;
  memcpy(joined, old, ol);
  joined[ol] = '\n';
  memcpy(joined + ol + 1, value, vlen);
  int rc = spg_session_add_meta(s, key, strlen(key), joined, ol + 1 + vlen, line);
  free(joined);
  return rc;
}

int spg_session_begin_turn(spg_session *s, uint32_t speaker, uint32_t line, int64_t start_ms,
                           int64_t end_ms) {
  spg_turn t = {.speaker = speaker, .line = line, .start_ms = start_ms, .end_ms = end_ms};
  t.raw_off = (uint32_t)s->raw.len;
  if (s->raw.len > UINT32_MAX / 2) return -1;
  return SPG_VEC_PUSH(s->turns, t);
}

int spg_session_turn_text(spg_session *s, const char *text, size_t len) {
  if (!s->turns.n) return -1;
  spg_turn *t = &s->turns.v[s->turns.n - 1];
  if (s->raw.len + len + 1 > UINT32_MAX / 2) return -1;
  if (t->raw_len && spg_buf_putc(&s->raw, '\n')) return -1;
  if (spg_buf_append(&s->raw, text, len)) return -1;
  t->raw_len = (uint32_t)(s->raw.len - t->raw_off);
  return 0;
}

const char *spg_session_source(const spg_session *s) { return s->source; }
spg_format spg_session_format(const spg_session *s) { return s->format; }

int spg_date_key(const char *key) {
  if (!key) return -1;
  if (!strcmp(key, "datum")) return 2;
  if (!strcmp(key, "date")) return 1;
  return !strncmp(key, "datum ", 6) || !strncmp(key, "date ", 5) ? 0 : -1;
}

const char *spg_session_date(const spg_session *s) {
  const char *best = NULL;
  int rank = -1;
  for (size_t i = 0; i < s->meta.n; i++) {
    const int r = spg_date_key(s->meta.v[i].key);
    if (r > rank) rank = r, best = s->meta.v[i].value;
  }
  return best;
}

const char *spg_session_meta(const spg_session *s, const char *key) {
  for (size_t i = 0; i < s->meta.n; i++)
    if (strcmp(s->meta.v[i].key, key) == 0) return s->meta.v[i].value;
  return NULL;
}

void spg_session_get_stats(const spg_session *s, spg_session_stats *out) {
  memset(out, 0, sizeof *out);
  out->speakers = s->speakers.n;
  out->turns = s->turns.n;
  out->sentences = s->sentences.n;
  for (size_t i = 0; i < s->speakers.n; i++) out->words += s->speakers.v[i].words;
  for (size_t i = 0; i < s->items.n; i++) {
    switch (s->items.v[i].cls) {
    case SPG_CLASS_POSITIVE: out->positives++; break;
    case SPG_CLASS_QUICKWIN: out->quick_wins++; out->learning_points++; break;
    case SPG_CLASS_LEARNING: out->learning_points++; break;
    }
  }
  out->polarity = s->polarity;
}

void spg_session_raw_span(const spg_session *s, uint32_t norm_off, uint32_t norm_len,
                          uint32_t *raw_off, uint32_t *raw_len) {
  const spg_normmap *m = &s->norm_map;
  if (norm_len == 0 || norm_off >= m->len) {
    *raw_off = norm_off < m->len ? spg_normmap_raw(m, norm_off) : 0;
    *raw_len = 0;
    return;
  }
  uint32_t last = norm_off + norm_len - 1;
  if (last >= m->len) last = (uint32_t)m->len - 1;
  uint32_t a = spg_normmap_raw(m, norm_off), b = spg_normmap_raw(m, last);
  if (b < a) b = a;
  /* Extend to the end of the UTF-8 character at b. */
  b++;
  while (b < s->raw.len && ((unsigned char)s->raw.data[b] & 0xC0) == 0x80) b++;
  *raw_off = a;
  *raw_len = b - a;
}
