/*
 * morph.c — the analyzer and its word-type cache: Dutch morphology through hunspell, asked
 * once per distinct word, never per token.
 *
 * hunspell answers roughly 180k words per second; a transcript corpus repeats its words
 * constantly (a few thousand types cover most tokens), so each surface form is resolved once
 * and kept in an open-addressing hash table keyed by the exact surface bytes. A token then
 * costs one hash and one memcmp.
 *
 * Resolving a type (resolve()):
 *   1. fold case ("Wachttijden" -> "wachttijden"); note the capital (names, sentence starts);
 *   2. look the form up in the lexicon vocabulary;
 *   3. ask hunspell for an analysis: the nl dictionary gives stems and compound parts,
 *      " pa:wacht st:wacht pa:tijden st:tijd" -> lemma "wachttijd", head "tijd", first part
 *      "wacht" (a verb stem: also tried as the infinitive "wachten");
 *   4. when neither form nor lemma carries a polarity, try the lexicon's affixes: "on-" and
 *      "-loos" negate their base ("onduidelijk", "respectloos"), "super-", "kei-", "dood-"
 *      intensify it ("supervriendelijk");
 *   5. words with a hyphen ("super-vriendelijk", "zorg-verzekeraar") use their last part as
 *      head and their first as modifier.
 *
 * Memory: the cache is bounded. When it exceeds TYPE_LIMIT types it is emptied between
 * sessions (spg_morph_reset_if_full), so a corpus of gigabytes never grows it without bound.
 *
 * The dictionary is loaded when the first word needs it, not when the analyzer is made (its
 * files are checked then): a batch whose outputs are all up to date loads none (24 MB, 0.06 s),
 * and a batch's workers start before any is loaded (each loads one when it first needs it;
 * the loads themselves take turns, see hunspell_global).
 */
#define _GNU_SOURCE /* memfd_create */
#include "morph.h"

#include <errno.h>
#include <fcntl.h>
#include <hunspell/hunspell.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <unistd.h>

/* Bounds on the word types kept, so that memory does not grow with the corpus (docs/batch.md):
 * an analyzer used alone empties its table beyond TYPE_LIMIT types (~170 bytes each with their
 * strings); the shared store keeps at most SHARED_LIMIT (~140 bytes each) and then stops
 * growing; an analyzer with a share keeps only a table entry per type (~60 bytes) and empties
 * it beyond SHARED_LOCAL_LIMIT, refilling from the store without asking hunspell again. */
#define TYPE_LIMIT 200000
#define SHARED_LIMIT 120000
#define SHARED_LOCAL_LIMIT 60000 /* under 65,536: the table stays at 131,072 slots */
#define MAX_WORD 128             /* longer "words" are resolved without hunspell */

/* What analyzers made by spg_analyzer_share have in common: a small pool of hunspell
 * dictionaries (each ~24 MB and 0.08 s to load; hunspell is not thread-safe, so a call holds
 * the lock of the handle it uses) and a store of the word types any of them resolved, so a word
 * is sent to hunspell once per run, not once per thread. One handle for all threads would make
 * hunspell, a quarter of the work while the vocabulary is new, a serial section (-j2 ran 1.5x
 * one worker); one per thread would cost 24 MB per thread. The pool has one per thread up to
 * HUNSPELL_POOL: a thread takes a free handle, its own first, and waits only when all are busy.
 * A thread looks in the store only when its own table misses (once per new type for that
 * thread); the hot path takes no lock. Records never move and their strings live in the
 * store's arena until the last analyzer is freed; once published only their `known` field
 * changes, under the store's lock (spg_morph_known). The store stops growing at
 * SHARED_LIMIT types (the threads then resolve new types themselves). */
#define HUNSPELL_POOL 3

static const spg_wordtype no_type; /* types.v[0] */

/* hunspell keeps one process-wide table for UTF-8 dictionaries, made by the first handle and
 * freed by the last through a plain counter: two handles made at once can both make it (one
 * leaks; LeakSanitizer found it when the threads of a batch began to load their dictionaries
 * themselves) and lose a count (the table freed while a handle still uses it). So every handle
 * is made and destroyed under this lock, whoever owns it (a pool, an analyzer alone, another
 * library user's thread). Loading is rare: at most a few times per run. */
static pthread_mutex_t hunspell_global = PTHREAD_MUTEX_INITIALIZER;

/* hunspell keeps the dictionary's words in a hash table with one chain per slot, sized by the
 * word count on the first line of the .dic: the table is full, and a lookup of a string that is
 * no word (most of the hundreds one compound search makes) walks a chain, a cache miss and a
 * strcmp per link; hunspell's `strcmp` alone was 5 % of a 1 GB run. The count is only a size
 * hint (hunspell reads the words to the end of the file whatever it says), so hun_create hands
 * hunspell the same .dic with the count multiplied, through a file in memory. Its size decides
 * only which words share a chain, never the order of homonyms (the file's), so every answer is
 * the same (tests/test_morph.c compares them). On the 52,159 words the first part of the bench
 * corpus sends to hunspell, an analysis takes 9 % less time with twice the slots and 13 % less
 * with four times (docs/performance.md). Each slot is a pointer: four times costs 4.3 MB more
 * per dictionary, twice 1.4 MB. An analyzer alone (one dictionary: -j1, the one-core target)
 * takes four times; a pool of dictionaries, which is the one near the memory limit with two of
 * them, keeps hunspell's own size since the eleventh round: twice took -j2 over 100 MB in one
 * run of three (99.8-100.5 MB), once 96.4-96.7 MB, for 2.5 % more user time on the part of the
 * bench corpus where the vocabulary is new and the same wall-clock time (bench/ab.py -j 2). */
#define TABLE_ALONE 4
#define TABLE_POOL 1

int spg_morph_roomy_dic(const char *dic, unsigned factor, char *path, size_t cap) {
  int in = open(dic, O_RDONLY | O_CLOEXEC);
  if (in < 0) return -1;
  char head[64];
  ssize_t got = pread(in, head, sizeof head - 1, 0);
  int out = -1;
  if (got > 0) {
    head[got] = 0;
    size_t skip = strncmp(head, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0; /* a byte order mark */
    char *end;
    errno = 0;
    unsigned long count = strtoul(head + skip, &end, 10);
    size_t tail = strspn(end, " \t\r");
    /* only a plain count that hunspell would read as such, of a size whose table can be made
     * `factor` times larger (hunspell refuses one of more than 2 GB) */
    if (end != head + skip && head[skip] >= '0' && head[skip] <= '9' && end[tail] == '\n' &&
        !errno && count > 0 && count <= 10000000 && factor >= 1 && factor <= 16)
      out = memfd_create("spiegel-dic", MFD_CLOEXEC);
    off_t from = (off_t)(end + tail + 1 - head);
    struct stat st;
    char line[32];
    int n = snprintf(line, sizeof line, "%lu\n", count * factor);
    if (out >= 0 && (fstat(in, &st) || st.st_size < from || write(out, line, (size_t)n) != n))
      close(out), out = -1;
    for (off_t left = out >= 0 ? st.st_size - from : 0; left > 0;) {
      ssize_t k = sendfile(out, in, &from, (size_t)left);
      if (k <= 0) {
        close(out), out = -1;
        break;
      }
      left -= k;
    }
  }
  close(in);
  if (out >= 0 && snprintf(path, cap, "/proc/self/fd/%d", out) >= (int)cap) close(out), out = -1;
  if (out >= 0 && access(path, R_OK)) close(out), out = -1; /* no /proc */
  return out;
}

static Hunhandle *hun_create(const char *aff, const char *dic, unsigned factor) {
  pthread_mutex_lock(&hunspell_global);
  char path[64];
  int fd = factor > 1 ? spg_morph_roomy_dic(dic, factor, path, sizeof path) : -1;
  Hunhandle *h = Hunspell_create(aff, fd >= 0 ? path : dic);
  if (fd >= 0) close(fd);
  pthread_mutex_unlock(&hunspell_global);
  return h;
}

static void hun_destroy(Hunhandle *h) {
  if (!h) return;
  pthread_mutex_lock(&hunspell_global);
  Hunspell_destroy(h);
  pthread_mutex_unlock(&hunspell_global);
}

typedef struct shared_type {
  const char *surface;
  uint32_t surface_len;
  uint32_t hash;
  spg_wordtype t;
} shared_type;

typedef struct spg_typeshare {
  pthread_mutex_t lock; /* the store */
  pthread_mutex_t hun_locks[HUNSPELL_POOL];
  Hunhandle *handles[HUNSPELL_POOL]; /* handles[i] is read and loaded only under hun_locks[i] */
  unsigned n_handles;                /* slots in use; fixed once the threads run */
  char aff[1024], dic[1024];         /* to load another handle */
  spg_arena *arena;
  uint32_t *slots; /* hash slot -> index + 1 into types (0 = empty) */
  size_t n_slots;
  SPG_VEC(shared_type) types;
  unsigned refs;
} spg_typeshare;

/* A slot of an analyzer's type table: everything a token's lookup needs in one 16-byte read
 * plus, for a surface of more than SHORT_SURFACE bytes, the string itself (a table of 100,000
 * types no longer fits the caches: the lookup was four arrays, four misses). */
typedef struct type_slot {
  union {
    const char *surface; /* len > SHORT_SURFACE */
    uint64_t key;        /* len <= SHORT_SURFACE: the bytes themselves (short_key) */
  };
  uint32_t id;  /* 0 = empty */
  uint16_t len; /* the surface's length; LONG_SURFACE: look in surface_len */
  uint16_t tag; /* the hash's top 16 bits (its low bits chose the slot) */
} type_slot;

#define LONG_SURFACE 0xFFFF
/* Surfaces of up to eight bytes (most tokens of speech) are kept in the slot itself: a lookup
 * compares one word and never loads a string (for rarer words a second cache miss). */
#define SHORT_SURFACE 8

struct spg_analyzer {
  /* types.v[id]: the record of a type, in this analyzer's arena or, with a share, in the
   * shared store (read-only there: record->shared). Records never move. types.v[0] unused.
   * First member: morph.h reads it (spg_morph_get). */
  spg_typerecords types;
  const spg_lexicon *lex;
  Hunhandle *hunspell;  /* own; with a share, the pool's handle held between hun_lock/unlock */
  spg_typeshare *share; /* NULL for an analyzer used alone */
  unsigned hun_pref, hun_held; /* with a share: the pool handle tried first, the one held */
  char aff[1024], dic[1024];
  spg_arena *arena; /* type strings */
  type_slot *slots; /* open addressing, load factor under 1/2 */
  size_t n_slots;
  SPG_VEC(uint32_t) surface_len; /* by id (the slots keep the surface and a short length) */
  size_t hunspell_calls;
};
_Static_assert(offsetof(struct spg_analyzer, types) == 0,
               "spg_morph_get (morph.h) reads the records as the analyzer's first member");

/* The hash of a surface: eight bytes per multiply instead of byte-wise FNV (a word of five
 * bytes cost five dependent multiplies). Short tails are read as two overlapping 4-byte loads
 * or three single bytes, never past s + n; the length is mixed in first, so overlapping reads
 * of different lengths do not collide. Only ever compared within one process: the byte order
 * of the loads does not matter. */
static inline uint64_t load_u64(const unsigned char *p) {
  uint64_t v;
  memcpy(&v, p, sizeof v);
  return v;
}
static inline uint64_t load_u32(const unsigned char *p) {
  uint32_t v;
  memcpy(&v, p, sizeof v);
  return v;
}
#define HASH_MUL 0x9E3779B97F4A7C15ull

/* The last one to eight bytes of a surface (n <= 8) as one word: two overlapping 4-byte loads
 * or three single bytes, never past p + n. Together with n it names the bytes exactly: every
 * byte is in it, at a place that depends on n alone. */
static inline uint64_t short_key(const unsigned char *p, size_t n) {
  return n >= 4  ? load_u32(p) | load_u32(p + n - 4) << 32
         : n > 0 ? (uint64_t)p[0] | (uint64_t)p[n / 2] << 8 | (uint64_t)p[n - 1] << 16
                 : 0;
}

/* h so far, mixed with the last word w. */
static inline uint64_t hash_end(uint64_t h, uint64_t w) {
  h = (h ^ w) * HASH_MUL;
  h ^= h >> 29; /* the table takes the low bits: bring the well-mixed high ones down */
  h *= 0xBF58476D1CE4E5B9ull;
  return h ^ h >> 32;
}

/* The hash of a surface of n <= SHORT_SURFACE bytes from its key: hash_bytes' value. */
static inline uint64_t hash_short(uint64_t key, size_t n) {
  return hash_end((uint64_t)n * HASH_MUL, key);
}

static inline uint64_t hash_bytes(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  uint64_t h = (uint64_t)n * HASH_MUL;
  for (; n > 8; p += 8, n -= 8) {
    h = (h ^ load_u64(p)) * HASH_MUL;
    h ^= h >> 32;
  }
  return hash_end(h, short_key(p, n));
}

/* A zeroed table of n slots; one of 2 MB or more in huge pages where the system gives them (a
 * token's lookup lands anywhere in it: with 4 KB pages most lookups of a large table also
 * missed the TLB). Freed with free(). */
static type_slot *slots_alloc(size_t n) {
  size_t bytes = n * sizeof(type_slot);
  if (bytes < ((size_t)2 << 20)) return calloc(n, sizeof(type_slot));
  type_slot *t = spg_alloc_huge(bytes, NULL);
  if (t) memset(t, 0, bytes);
  return t;
}

static int table_init(spg_analyzer *an, size_t n_slots) {
  free(an->slots);
  an->slots = slots_alloc(n_slots);
  an->n_slots = n_slots;
  return an->slots ? 0 : -1;
}

static uint16_t slot_tag(uint64_t h) {
  return (uint16_t)(h >> 48);
}

/* Whether slot s holds surface w[0..len) of hash h. */
static inline bool slot_holds(const spg_analyzer *an, const type_slot *s, const char *w, size_t len,
                              uint64_t h);

/* Record rec as the next type id, with its hot fields (morph.h, spg_typehot): every id is
 * given here. Returns 0, or -1 when out of memory. */
static int push_record(spg_typerecords *r, const spg_wordtype *rec) {
  if (r->n >= r->hot_cap && spg_vec_grow((void **)&r->hot, &r->hot_cap, r->n + 1, sizeof *r->hot))
    return -1;
  if (r->n >= r->cap && spg_vec_grow((void **)&r->v, &r->cap, r->n + 1, sizeof *r->v)) return -1;
  r->hot[r->n] = (spg_typehot){.form_id = rec->form_id,
                               .lemma_id = rec->lemma_id,
                               .support_id = rec->support_id,
                               .modifier = rec->modifier,
                               .imperative = rec->imperative,
                               .value_via = rec->value_via,
                               .score_flags = rec->score_flags};
  r->v[r->n++] = rec;
  return 0;
}

static int table_reset(spg_analyzer *an) {
  spg_arena_free(an->arena);
  an->arena = spg_arena_create(1 << 16);
  an->types.n = an->surface_len.n = 1;
  return an->arena ? table_init(an, 1 << 14) : -1;
}

spg_status spg_analyzer_create(const spg_lexicon *lex, const char *dict_base, spg_analyzer **out,
                               spg_error *err) {
  *out = NULL;
  if (!dict_base) dict_base = getenv("SPIEGEL_DICT");
  if (!dict_base || !*dict_base) dict_base = "/usr/share/hunspell/nl";
  char aff[1024], dic[1024];
  snprintf(aff, sizeof aff, "%s.aff", dict_base);
  snprintf(dic, sizeof dic, "%s.dic", dict_base);
  for (int k = 0; k < 2; k++) {
    const char *path = k ? aff : dic;
    FILE *probe = fopen(path, "rb");
    if (!probe)
      return spg_fail(err, SPG_ERR_DICT, path, 0,
                      "hunspell dictionary not found (install hunspell-nl or set SPIEGEL_DICT)");
    fclose(probe);
  }
  spg_analyzer *an = calloc(1, sizeof *an);
  if (!an) return spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
  an->lex = lex;
  memcpy(an->aff, aff, sizeof aff);
  memcpy(an->dic, dic, sizeof dic);
  if (push_record(&an->types, &no_type) || SPG_VEC_PUSH(an->surface_len, 0) || table_reset(an)) {
    spg_analyzer_free(an);
    return spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
  }
  *out = an;
  return SPG_OK;
}

static void share_release(spg_typeshare *ts) {
  pthread_mutex_lock(&ts->lock);
  unsigned left = --ts->refs;
  pthread_mutex_unlock(&ts->lock);
  if (left) return;
  for (unsigned i = 0; i < HUNSPELL_POOL; i++) {
    hun_destroy(ts->handles[i]);
    pthread_mutex_destroy(&ts->hun_locks[i]);
  }
  pthread_mutex_destroy(&ts->lock);
  spg_arena_free(ts->arena);
  free(ts->slots);
  SPG_VEC_FREE(ts->types);
  free(ts);
}

void spg_analyzer_free(spg_analyzer *an) {
  if (!an) return;
  if (an->share)
    share_release(an->share);
  else if (an->hunspell)
    hun_destroy(an->hunspell);
  spg_arena_free(an->arena);
  free(an->slots);
  SPG_VEC_FREE(an->types);
  free(an->types.hot);
  SPG_VEC_FREE(an->surface_len);
  free(an);
}

size_t spg_analyzer_type_count(const spg_analyzer *an) {
  return an->types.n - 1;
}
size_t spg_analyzer_hunspell_calls(const spg_analyzer *an) {
  return an->hunspell_calls;
}
const spg_lexicon *spg_analyzer_lexicon(const spg_analyzer *an) {
  return an->lex;
}

void spg_morph_reset_if_full(spg_analyzer *an) {
  if (an->types.n > (an->share ? SHARED_LOCAL_LIMIT : TYPE_LIMIT)) table_reset(an);
}

/* ---- resolving a new type (cold path: once per distinct word) ----------------------------- */

static uint32_t find(const spg_lexicon *lex, const char *s, size_t n) {
  return n ? spg_lexicon_find(lex, s, n) : 0;
}

static bool has_polarity(const spg_lexicon *lex, uint32_t id) {
  const spg_lex_word *w = spg_lexicon_word(lex, id);
  return w && w->has_polarity;
}

static bool usable(const spg_lexicon *lex, uint32_t id) {
  const spg_lex_word *w = spg_lexicon_word(lex, id);
  return w && !w->stopword && (w->has_polarity || w->themes || w->quickwin);
}

static bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* The lexicon's infinitive of verb stem s[0..n), or 0. Dutch spells the infinitive from the
 * stem in four ways, tried in this order: "luister" -> "luisteren", "leg" -> "leggen" (a short
 * vowel keeps its consonant doubled), "praat" -> "praten" (a long vowel is undoubled), "geef"
 * -> "geven", "blijf" -> "blijven", "lees" -> "lezen" (f and s voiced). Only entries that
 * carry something count, so a noun stem never lands on an unrelated word. */
static uint32_t infinitive(const spg_lexicon *lex, const char *s, size_t n) {
  if (n < 3 || n > MAX_WORD - 4) return 0;
  char buf[MAX_WORD + 4];
  char last = s[n - 1];
  uint32_t id;
  memcpy(buf, s, n);
  memcpy(buf + n, "en", 2);
  if (usable(lex, id = find(lex, buf, n + 2))) return id;
  if (is_vowel(last)) return 0;
  bool long_vowel = n >= 4 && s[n - 2] == s[n - 3] && strchr("aeou", s[n - 2]);
  if (!long_vowel && is_vowel(s[n - 2]) && !is_vowel(s[n - 3]) && last != 'w' && last != 'j') {
    buf[n] = last; /* "leg" -> "leggen", "vertel" -> "vertellen" */
    memcpy(buf + n + 1, "en", 2);
    if (usable(lex, id = find(lex, buf, n + 3))) return id;
  }
  size_t k = n;
  memcpy(buf, s, n);
  if (long_vowel) buf[n - 2] = last, k = n - 1; /* "praat" -> "prat" */
  char voiced = last == 'f' ? 'v' : last == 's' ? 'z' : 0;
  if (long_vowel) {
    memcpy(buf + k, "en", 2);
    if (usable(lex, id = find(lex, buf, k + 2))) return id;
  }
  if (voiced) {
    buf[k - 1] = voiced;
    memcpy(buf + k, "en", 2);
    if (usable(lex, id = find(lex, buf, k + 2))) return id;
  }
  return 0;
}

/* A word the lexicon knows by s[0..n) itself, else, when s is a verb stem or a participle as
 * hunspell gives them ("luister" for "luistert", "verteld" for "vertelde", "wacht" as a
 * compound's part), by its infinitive ("luisteren", "vertellen", "wachten"). */
static uint32_t find_part(const spg_lexicon *lex, const char *s, size_t n) {
  uint32_t id = find(lex, s, n);
  if (usable(lex, id)) return id;
  uint32_t inf = infinitive(lex, s, n);
  if (!inf && n >= 5 && (s[n - 1] == 'd' || s[n - 1] == 't')) {
    /* a participle: "verteld" -> "vertel", "gewacht" -> "wacht", "geluisterd" -> "luister" */
    size_t ge = n >= 6 && s[0] == 'g' && s[1] == 'e' ? 2 : 0;
    inf = infinitive(lex, s + ge, n - ge - 1);
    if (!inf && ge) inf = infinitive(lex, s + ge, n - ge);
  }
  return inf ? inf : id;
}

/* The lemma hunspell gives, as find_part finds it; but when the lexicon has the verb under
 * both its stem and its infinitive ("luister" in Pattern's list, "luisteren" among the themes),
 * the infinitive wins if it carries all the stem does and more, so "luistert" is both a
 * polarity and the theme bejegening. */
static uint32_t find_lemma(const spg_lexicon *lex, const char *s, size_t n) {
  uint32_t id = find_part(lex, s, n);
  const spg_lex_word *w = spg_lexicon_word(lex, id);
  if (!w || w->stopword || w->themes) return id;
  uint32_t inf = infinitive(lex, s, n);
  const spg_lex_word *v = spg_lexicon_word(lex, inf);
  if (v && v->themes && (v->has_polarity || !w->has_polarity) && (v->quickwin || !w->quickwin))
    return inf;
  return id;
}

typedef struct analysis {
  char lemma[MAX_WORD * 2];
  char head[MAX_WORD], first[MAX_WORD];
  size_t lemma_len, head_len, first_len;
  int parts;
  bool known;
} analysis;

/* Reads hunspell's first analysis of form: " pa:wacht st:wacht pa:tijden st:tijd ts:NN2". */
static void analyse_locked(spg_analyzer *an, const char *form, analysis *a) {
  char **list = NULL;
  if (!an->hunspell) return; /* hunspell could not be loaded (out of memory): no analysis */
  an->hunspell_calls++;
  int n = Hunspell_analyze(an->hunspell, &list, form);
  if (n > 0) a->known = true;
  if (n <= 0) {
    if (list) Hunspell_free_list(an->hunspell, &list, n);
    return;
  }
  const char *p = list[0];
  char part[MAX_WORD] = "", stem[MAX_WORD] = "";
  size_t lemma_len = 0;
  /* Parts before the last are kept as written, the last one by its stem. */
  while (*p) {
    while (*p == ' ')
      p++;
    const char *e = p;
    while (*e && *e != ' ')
      e++;
    size_t len = (size_t)(e - p);
    if (len > 3 && len - 3 < MAX_WORD && (memcmp(p, "pa:", 3) == 0 || memcmp(p, "st:", 3) == 0)) {
      bool is_part = p[0] == 'p';
      if (is_part) {
        if (part[0]) { /* the previous part is complete: append it as written */
          size_t pl = strlen(part);
          if (lemma_len + pl < sizeof a->lemma)
            memcpy(a->lemma + lemma_len, part, pl), lemma_len += pl;
          if (a->parts == 1) {
            size_t sl = strlen(stem[0] ? stem : part);
            memcpy(a->first, stem[0] ? stem : part, sl);
            a->first_len = sl;
          }
        }
        memcpy(part, p + 3, len - 3);
        part[len - 3] = 0;
        stem[0] = 0;
        a->parts++;
      } else {
        memcpy(stem, p + 3, len - 3);
        stem[len - 3] = 0;
      }
    }
    p = e;
  }
  const char *last = stem[0] ? stem : part;
  size_t ll = strlen(last);
  if (ll && lemma_len + ll < sizeof a->lemma) {
    memcpy(a->lemma + lemma_len, last, ll);
    lemma_len += ll;
  }
  a->lemma_len = lemma_len;
  if (a->parts >= 2 && ll < MAX_WORD) {
    memcpy(a->head, last, ll);
    a->head_len = ll;
  }
  a->lemma[a->lemma_len] = 0;
  Hunspell_free_list(an->hunspell, &list, n);
}

/* hunspell is not thread-safe: an analyzer with a share takes a free handle of the pool (its
 * own first), or waits for its own; an->hunspell is that handle until hun_unlock. */
static void hun_lock(spg_analyzer *an) {
  spg_typeshare *ts = an->share;
  if (!ts) {
    if (!an->hunspell) an->hunspell = hun_create(an->aff, an->dic, TABLE_ALONE);
    return;
  }
  unsigned n = ts->n_handles, i = an->hun_pref;
  for (unsigned k = 0; k < n; k++, i = (i + 1) % n)
    if (pthread_mutex_trylock(&ts->hun_locks[i]) == 0) goto held;
  i = an->hun_pref;
  pthread_mutex_lock(&ts->hun_locks[i]);
held:
  /* A slot's dictionary is loaded by the first thread that takes the slot, while the other
   * threads work (the loads themselves take turns: hunspell_global). */
  if (!ts->handles[i]) ts->handles[i] = hun_create(ts->aff, ts->dic, TABLE_POOL);
  if (!ts->handles[i] && i) { /* cannot load another: share slot 0's */
    pthread_mutex_unlock(&ts->hun_locks[i]);
    i = 0;
    pthread_mutex_lock(&ts->hun_locks[0]);
    if (!ts->handles[0]) ts->handles[0] = hun_create(ts->aff, ts->dic, TABLE_POOL);
  }
  an->hun_held = i;
  an->hunspell = ts->handles[i];
}

static void hun_unlock(spg_analyzer *an) {
  if (!an->share) return;
  an->hunspell = NULL;
  pthread_mutex_unlock(&an->share->hun_locks[an->hun_held]);
}

/* The analysis of form (a->known: hunspell gave one). */
static void analyse(spg_analyzer *an, const char *form, analysis *a) {
  memset(a, 0, sizeof *a);
  hun_lock(an);
  analyse_locked(an, form, a);
  hun_unlock(an);
}

/* A record's known field may still change (spg_morph_known): in the shared store it is read
 * and written under the store's lock, in an analyzer's own arena only by its thread. */
static uint8_t read_known(spg_analyzer *an, const spg_wordtype *t) {
  if (!t->shared) return t->known;
  pthread_mutex_lock(&an->share->lock);
  uint8_t k = t->known;
  pthread_mutex_unlock(&an->share->lock);
  return k;
}

static void copy_type(spg_analyzer *an, const spg_wordtype *from, spg_wordtype *to) {
  if (!from->shared) {
    *to = *from;
    return;
  }
  pthread_mutex_lock(&an->share->lock);
  *to = *from;
  pthread_mutex_unlock(&an->share->lock);
}

bool spg_morph_known(spg_analyzer *an, const spg_wordtype *t) {
  if (!t) return false;
  uint8_t k = read_known(an, t);
  if (k == SPG_KNOWN_UNSURE) {
    /* the one place a type changes after it was resolved */
    hun_lock(an);
    an->hunspell_calls++;
    k = an->hunspell && Hunspell_spell(an->hunspell, t->form) ? 1 : 0;
    hun_unlock(an);
    spg_wordtype *w = (spg_wordtype *)t;
    if (t->shared) pthread_mutex_lock(&an->share->lock);
    w->known = k;
    if (t->shared) pthread_mutex_unlock(&an->share->lock);
  }
  return k == 1;
}

/* Affixes from the lexicon: prefix or suffix + a base that carries polarity. */
static void try_affixes(spg_analyzer *an, spg_wordtype *t) {
  const spg_lexicon *lex = an->lex;
  for (int pass = 0; pass < 2; pass++) {
    size_t count = pass ? spg_lexicon_suffix_count(lex) : spg_lexicon_prefix_count(lex);
    for (size_t i = 0; i < count; i++) {
      uint32_t id = pass ? spg_lexicon_suffix(lex, i) : spg_lexicon_prefix(lex, i);
      const char *affix = spg_lexicon_word(lex, id)->text;
      size_t al = strlen(affix) - 1; /* without the '-' */
      const char *a = pass ? affix + 1 : affix;
      if (t->form_len < al + 3) continue;
      const char *base = pass ? t->form : t->form + al;
      size_t bl = t->form_len - al;
      if (memcmp(pass ? t->form + bl : t->form, a, al) != 0) continue;
      if (base[0] == '-') base++, bl--; /* "super-vriendelijk" */
      uint32_t b = find(lex, base, bl);
      if (!has_polarity(lex, b) && pass == 0 && bl < MAX_WORD) {
        /* "onvriendelijke": the base's own stem */
        char buf[MAX_WORD];
        memcpy(buf, base, bl);
        buf[bl] = 0;
        analysis ab;
        analyse(an, buf, &ab);
        if (ab.lemma_len) b = find(lex, ab.lemma, ab.lemma_len);
      }
      if (!has_polarity(lex, b) && pass == 1 && bl > 3 && base[bl - 1] == 'e')
        b = find(lex, base, bl - 1); /* "hulpeloos" -> "hulp" */
      if (has_polarity(lex, b)) {
        t->affix_id = id;
        t->base_id = b;
        return;
      }
    }
  }
}

/* A copy of t in the arena, as a new type id (0 when out of memory). */
static uint32_t push_type(spg_analyzer *an, const spg_wordtype *t) {
  spg_wordtype *rec = spg_arena_alloc(an->arena, sizeof *rec);
  if (!rec) return 0;
  *rec = *t;
  rec->shared = 0;
  if (push_record(&an->types, rec)) return 0;
  return (uint32_t)(an->types.n - 1);
}

/* The strings of a record being resolved, until it is kept (keep_local, share_publish). */
typedef struct resolving {
  char folded[MAX_WORD * 4 + 1];
  analysis a;
} resolving;

/* Whether the lexicon describes word id (a polarity, themes, a quick action). */
static bool described(const spg_lexicon *lex, uint32_t id) {
  const spg_lex_word *w = spg_lexicon_word(lex, id);
  return w && (w->has_polarity || w->themes || w->quickwin);
}

/* w (*n bytes, NUL-terminated, "-ke" at its end) becomes its "-je" form in place, "filmpke" as
 * "filmpje", or with "-ske" "taakske" as "taakje" (*n one less), when the lexicon describes
 * that form and not w. */
static void flemish_diminutive(const spg_lexicon *lex, char *w, long *n) {
  if (described(lex, find(lex, w, (size_t)*n))) return;
  w[*n - 2] = 'j'; /* "filmpke" -> "filmpje" */
  if (described(lex, find(lex, w, (size_t)*n))) return;
  w[*n - 2] = 'k';
  if (*n >= 6 && w[*n - 3] == 's') { /* "taakske" -> "taakje" */
    w[*n - 3] = 'j', w[*n - 2] = 'e';
    if (described(lex, find(lex, w, (size_t)*n - 1))) {
      w[--*n] = 0;
      return;
    }
    w[*n - 3] = 's', w[*n - 2] = 'k';
  }
}

/* Resolves surface w into *out; its form and lemma point into r. */
static void resolve(spg_analyzer *an, const char *w, size_t len, spg_wordtype *out, resolving *r) {
  const spg_lexicon *lex = an->lex;
  spg_wordtype t = {0};
  char *folded = r->folded;
  long fl = spg_fold_case(w, len, folded, sizeof r->folded - 1);
  /* hunspell must never see invalid UTF-8: with the Dutch (UTF-8) dictionary it writes out of
   * bounds on some ill-formed sequences. spg_analyze's encoding gate keeps them out of the
   * pipeline; this keeps them out of hunspell for every other caller. Such a word stays
   * unknown (known = 0, no spell check later either). */
  const bool utf8 = fl >= 0;
  if (fl < 0) { /* too long or not UTF-8: keep the bytes */
    fl = (long)(len < sizeof r->folded - 1 ? len : sizeof r->folded - 1);
    memcpy(folded, w, (size_t)fl);
  }
  folded[fl] = 0;
  t.capital = len && ((w[0] >= 'A' && w[0] <= 'Z') || (unsigned char)w[0] >= 0xC3) &&
              (fl == 0 || folded[0] != w[0]);
  /* A spoken or regional variant is resolved as its standard form (spoken.tsv: "d'r" as "er",
   * "nie" as "niet"), so the entries of that form reach it */
  const spg_lex_word *vw = spg_lexicon_word(lex, find(lex, folded, (size_t)fl));
  if (vw && vw->standard) {
    const char *std = spg_lexicon_word(lex, vw->standard)->text;
    size_t sl = strlen(std);
    if (sl < sizeof r->folded) {
      memcpy(folded, std, sl + 1);
      fl = (long)sl;
    }
  }
  /* A Flemish diminutive in "-ke" ("filmpke", "briefke", "taakske") is its Dutch "-je" form
   * when the lexicon describes that one ("filmpje", "briefje", "taakje") and not the word */
  if (!vw && fl >= 5 && folded[fl - 2] == 'k' && folded[fl - 1] == 'e')
    flemish_diminutive(lex, folded, &fl);
  t.form_len = (uint32_t)fl;
  t.form_id = find(lex, folded, (size_t)fl);
  t.lemma_len = t.form_len;
  t.lemma_id = t.form_id;
  char *lemma_text = NULL;
  analysis *const a = &r->a; /* lemma_text points into it */

  bool letters = false;
  for (long i = 0; i < fl; i++)
    if ((folded[i] >= 'a' && folded[i] <= 'z') || (unsigned char)folded[i] >= 0x80) letters = true;
  if (utf8 && letters && fl >= 2 && fl < MAX_WORD) {
    /* A word the lexicon already describes is taken as it stands, without hunspell. */
    const spg_lex_word *lw = spg_lexicon_word(lex, t.form_id);
    if (lw && (lw->has_polarity || lw->themes || lw->quickwin || lw->modifier || lw->stopword)) {
      memset(a, 0, sizeof *a);
      a->known = true;
    } else {
      /* Only the analysis: the words it describes are the ones the spell check accepts that
       * have an analysis, and the spell check of the rest (names, typos, long compounds; the
       * costly calls) waits until someone asks (spg_morph_known), which is rare. */
      analyse(an, folded, a);
    }
    t.known = a->known ? 1 : SPG_KNOWN_UNSURE;
    if (a->lemma_len && (a->lemma_len != (size_t)fl || memcmp(a->lemma, folded, (size_t)fl))) {
      lemma_text = a->lemma;
      t.lemma_len = (uint32_t)a->lemma_len;
      t.lemma_id = find_lemma(lex, a->lemma, a->lemma_len);
    }
    if (a->head_len) t.head_id = find_part(lex, a->head, a->head_len);
    if (a->first_len) t.mod_id = find_part(lex, a->first, a->first_len);
    if (!t.head_id && !t.mod_id) {
      const char *dash = memchr(folded, '-', (size_t)fl);
      if (dash && dash > folded && dash < folded + fl - 1) {
        const char *last = strrchr(folded, '-') + 1;
        t.head_id = find_part(lex, last, (size_t)(folded + fl - last));
        t.mod_id = find_part(lex, folded, (size_t)(dash - folded));
      }
    }
    t.form = folded;
    if (!has_polarity(lex, t.form_id) && !has_polarity(lex, t.lemma_id)) try_affixes(an, &t);
  } else {
    t.form = folded;
  }
  t.lemma = lemma_text ? lemma_text : t.form;
  /* A stopword never matches through its lemma or parts ("is" -> "zijn"). */
  const spg_lex_word *fw = spg_lexicon_word(lex, t.form_id);
  if (fw && fw->stopword) t.lemma_id = t.form_id, t.head_id = t.mod_id = 0;
  spg_score_prepare_type(lex, &t); /* the scorer's per-type fields (morph.h) */
  *out = t;
}

/* A resolved record kept in this analyzer's own arena (its strings copied there): its id, or 0
 * when out of memory. */
static uint32_t keep_local(spg_analyzer *an, spg_wordtype *t) {
  const char *form = t->form;
  t->form = spg_arena_strndup(an->arena, form, t->form_len);
  t->lemma = t->lemma == form ? t->form : spg_arena_strndup(an->arena, t->lemma, t->lemma_len);
  if (!t->form || !t->lemma) return 0;
  return push_type(an, t);
}

/* ---- the store shared between threads (spg_analyzer_share) ---------------------------------- */

/* The shared record of surface w, or NULL. Takes the store's lock. */
static const spg_wordtype *share_find(spg_typeshare *ts, const char *w, size_t len, uint32_t h) {
  const spg_wordtype *found = NULL;
  pthread_mutex_lock(&ts->lock);
  if (ts->n_slots) {
    size_t mask = ts->n_slots - 1;
    for (size_t i = h & mask; ts->slots[i]; i = (i + 1) & mask) {
      const shared_type *st = &ts->types.v[ts->slots[i] - 1];
      if (st->hash == h && st->surface_len == len && memcmp(st->surface, w, len) == 0) {
        found = &st->t;
        break;
      }
    }
  }
  pthread_mutex_unlock(&ts->lock);
  return found; /* records never move: the array is allocated once (spg_analyzer_share) */
}

/* Copies type t of surface w into the store (its strings into the store's arena) and returns
 * the store's record (another thread's, when it published the word meanwhile). NULL when the
 * store is full or out of memory: the record is then kept by the analyzer alone, and the other
 * threads resolve the word themselves. */
static const spg_wordtype *share_publish(spg_typeshare *ts, const char *w, size_t len, uint32_t h,
                                         const spg_wordtype *t) {
  const spg_wordtype *kept = NULL;
  pthread_mutex_lock(&ts->lock);
  if (ts->types.n >= SHARED_LIMIT) goto done;
  if (ts->types.n * 2 >= ts->n_slots) { /* grow first: the load factor stays under 1/2 */
    size_t n_slots = ts->n_slots ? ts->n_slots * 2 : 1 << 14;
    uint32_t *slots = calloc(n_slots, sizeof *slots);
    if (!slots) goto done;
    for (size_t k = 0; k < ts->types.n; k++) {
      size_t j = ts->types.v[k].hash & (n_slots - 1);
      while (slots[j])
        j = (j + 1) & (n_slots - 1);
      slots[j] = (uint32_t)k + 1;
    }
    free(ts->slots);
    ts->slots = slots;
    ts->n_slots = n_slots;
  }
  size_t mask = ts->n_slots - 1, i = h & mask;
  for (; ts->slots[i]; i = (i + 1) & mask) {
    const shared_type *st = &ts->types.v[ts->slots[i] - 1];
    if (st->hash == h && st->surface_len == len && memcmp(st->surface, w, len) == 0) {
      kept = &st->t; /* another thread resolved it meanwhile: the same record */
      goto done;
    }
  }
  shared_type st = {.surface_len = (uint32_t)len, .hash = h, .t = *t};
  st.t.shared = 1;
  st.t.form = spg_arena_strndup(ts->arena, t->form, t->form_len);
  /* most surfaces are their lower-case form: one string for both */
  st.surface = st.t.form && len == t->form_len && memcmp(w, t->form, len) == 0
                   ? st.t.form
                   : spg_arena_strndup(ts->arena, w, len);
  st.t.lemma =
      t->lemma == t->form ? st.t.form : spg_arena_strndup(ts->arena, t->lemma, t->lemma_len);
  if (!st.surface || !st.t.form || !st.t.lemma || ts->types.n + 1 > ts->types.cap) goto done;
  ts->types.v[ts->types.n++] = st;
  ts->slots[i] = (uint32_t)ts->types.n;
  kept = &ts->types.v[ts->types.n - 1].t;
done:
  pthread_mutex_unlock(&ts->lock);
  return kept;
}

static void share_destroy_new(spg_typeshare *ts) {
  free(ts->types.v);
  spg_arena_free(ts->arena);
  free(ts);
}

spg_status spg_analyzer_share(spg_analyzer *an, spg_analyzer **out, spg_error *err) {
  *out = NULL;
  if (!an->share) {
    spg_typeshare *ts = calloc(1, sizeof *ts);
    if (!ts) return spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
    /* The store's records are written in place and read without copying: its array is
     * allocated once at its full size (virtual memory; pages are touched as it fills) so that
     * no record ever moves. */
    ts->types.v = malloc(SHARED_LIMIT * sizeof *ts->types.v);
    ts->types.cap = SHARED_LIMIT;
    ts->arena = spg_arena_create(1 << 16);
    if (!ts->types.v || !ts->arena || pthread_mutex_init(&ts->lock, NULL)) {
      share_destroy_new(ts);
      return spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
    }
    unsigned inited = 0;
    while (inited < HUNSPELL_POOL && pthread_mutex_init(&ts->hun_locks[inited], NULL) == 0)
      inited++;
    if (inited < HUNSPELL_POOL) {
      while (inited)
        pthread_mutex_destroy(&ts->hun_locks[--inited]);
      pthread_mutex_destroy(&ts->lock);
      share_destroy_new(ts);
      return spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
    }
    memcpy(ts->aff, an->aff, sizeof ts->aff);
    memcpy(ts->dic, an->dic, sizeof ts->dic);
    ts->handles[0] = an->hunspell; /* the first analyzer's handle (if loaded) joins the pool */
    ts->n_handles = 1;
    ts->refs = 1;
    an->hunspell = NULL;
    an->hun_pref = 0;
    an->share = ts;
  }
  spg_typeshare *ts = an->share;
  spg_analyzer *peer = calloc(1, sizeof *peer);
  if (!peer) return spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
  peer->lex = an->lex;
  if (push_record(&peer->types, &no_type) || SPG_VEC_PUSH(peer->surface_len, 0) ||
      table_reset(peer)) {
    spg_analyzer_free(peer); /* no share yet: frees only the peer */
    return spg_fail(err, SPG_ERR_NOMEM, NULL, 0, "out of memory");
  }
  /* Another slot of the pool while it is not full; its dictionary is loaded when a thread
   * first needs it (hun_lock). Threads are not running yet: no lock needed for n_handles. */
  unsigned pref = ts->n_handles < HUNSPELL_POOL ? ts->n_handles++ : ts->refs % HUNSPELL_POOL;
  memcpy(peer->aff, ts->aff, sizeof peer->aff);
  memcpy(peer->dic, ts->dic, sizeof peer->dic);
  peer->hun_pref = pref;
  pthread_mutex_lock(&ts->lock);
  ts->refs++;
  pthread_mutex_unlock(&ts->lock);
  peer->share = ts;
  *out = peer;
  return SPG_OK;
}

/* ---- the hot path: one lookup per token ----------------------------------------------------- */

/* A type this analyzer has not seen: from the shared store when another thread resolved it,
 * else resolved here (and published). Returns the local id or 0. */
/* A record of the shared store as a type id of this analyzer: used in place, a table entry per
 * type, not a copy of the record. 0 when out of memory. */
static uint32_t use_shared(spg_analyzer *an, const spg_wordtype *st) {
  if (push_record(&an->types, st)) return 0;
  return (uint32_t)(an->types.n - 1);
}

static uint32_t new_type(spg_analyzer *an, const char *w, size_t len, uint32_t h) {
  if (an->share) {
    const spg_wordtype *st = share_find(an->share, w, len, h);
    if (st) return use_shared(an, st);
  }
  /* "Wachttijden" at the start of a sentence: everything but the capital comes from the
   * folded form, so a capitalised word whose lower-case form is known takes its record. */
  if (len && len < MAX_WORD && (unsigned)((unsigned char)w[0] - 'A') < 26u) {
    char lower[MAX_WORD];
    memcpy(lower, w, len);
    lower[0] = (char)(w[0] - 'A' + 'a');
    uint64_t lh = hash_bytes(lower, len);
    size_t mask = an->n_slots - 1;
    for (size_t i = lh & mask; an->slots[i].id; i = (i + 1) & mask) {
      uint32_t known = an->slots[i].id;
      if (slot_holds(an, &an->slots[i], lower, len, lh)) {
        spg_wordtype t;
        copy_type(an, an->types.v[known], &t);
        t.capital = 1;
        spg_score_prepare_type(an->lex, &t); /* a capital changes it ("Marietje") */
        return push_type(an, &t);
      }
    }
  }
  resolving r;
  spg_wordtype t;
  resolve(an, w, len, &t, &r);
  /* With a share the store's copy is the one used: a record and its strings are not kept twice
   * (up to SHARED_LOCAL_LIMIT of them per thread) */
  const spg_wordtype *st = an->share ? share_publish(an->share, w, len, h, &t) : NULL;
  return st ? use_shared(an, st) : keep_local(an, &t);
}

/* memcmp(a, b, n) == 0 without a library call: after a 16-bit tag match the bytes nearly
 * always are equal, so the whole word is compared anyway; and with no call in it the lookup
 * of spg_morph_type saves no registers (a frame of six pushes per token). Overlapping loads,
 * never past a + n or b + n. */
static inline uint64_t load_u16(const unsigned char *p) {
  uint16_t v;
  memcpy(&v, p, sizeof v);
  return v;
}
static inline bool same_bytes(const char *a, const char *b, size_t n) {
  const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
  if (n >= 8) {
    for (size_t k = 0; k + 8 < n; k += 8)
      if (load_u64(x + k) != load_u64(y + k)) return false;
    return load_u64(x + n - 8) == load_u64(y + n - 8);
  }
  if (n >= 4) return load_u32(x) == load_u32(y) && load_u32(x + n - 4) == load_u32(y + n - 4);
  if (n >= 2) return load_u16(x) == load_u16(y) && x[n - 1] == y[n - 1];
  return n == 0 || x[0] == y[0];
}

static inline bool slot_holds(const spg_analyzer *an, const type_slot *s, const char *w, size_t len,
                              uint64_t h) {
  if (s->tag != slot_tag(h)) return false;
  if (len <= SHORT_SURFACE)
    return s->len == len && s->key == short_key((const unsigned char *)w, len);
  if (s->len != LONG_SURFACE) return s->len == len && same_bytes(s->surface, w, len);
  return an->surface_len.v[s->id] == len && same_bytes(s->surface, w, len);
}

/* A new type in empty slot i of the table (cold: once per distinct surface): resolved, its
 * surface kept, the table grown when half full. Out of line, so that the lookup in
 * spg_morph_type keeps its few registers and saves none per token. */
static __attribute__((noinline)) uint32_t add_type(spg_analyzer *an, const char *w, size_t len,
                                                   uint64_t h, size_t i) {
  uint32_t id = new_type(an, w, len, h);
  if (!id) return 0;
  const spg_wordtype *rec = an->types.v[id];
  type_slot slot = {
      .id = id, .len = (uint16_t)(len < LONG_SURFACE ? len : LONG_SURFACE), .tag = slot_tag(h)};
  if (len <= SHORT_SURFACE)
    slot.key = short_key((const unsigned char *)w, len);
  else if (!(slot.surface =
                 rec->shared /* the store's copy of the surface */
                     ? ((const shared_type *)((const char *)rec - offsetof(shared_type, t)))
                           ->surface
                     : spg_arena_strndup(an->arena, w, len)))
    return 0;
  if (SPG_VEC_PUSH(an->surface_len, (uint32_t)len)) return 0;
  an->slots[i] = slot;
  if (an->types.n * 2 > an->n_slots) { /* keep the load factor under 1/2 */
    size_t n_slots = an->n_slots * 2;
    type_slot *slots = slots_alloc(n_slots);
    if (!slots) return id; /* still correct, only slower to grow later */
    for (size_t k = 0; k < an->n_slots; k++) {
      const type_slot *s = &an->slots[k];
      if (!s->id) continue;
      size_t sl = an->surface_len.v[s->id];
      uint64_t th = sl <= SHORT_SURFACE ? hash_short(s->key, sl) : hash_bytes(s->surface, sl);
      size_t j = th & (n_slots - 1);
      while (slots[j].id)
        j = (j + 1) & (n_slots - 1);
      slots[j] = *s;
    }
    free(an->slots);
    an->slots = slots;
    an->n_slots = n_slots;
  }
  return id;
}

uint32_t spg_morph_type(spg_analyzer *an, const char *w, size_t len) {
  size_t mask = an->n_slots - 1;
  if (len <= SHORT_SURFACE) { /* the key is both the hash's last word and the comparison */
    uint64_t key = short_key((const unsigned char *)w, len);
    uint64_t h = hash_short(key, len);
    uint16_t tag = slot_tag(h);
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const type_slot *s = &an->slots[i];
      if (!s->id) return add_type(an, w, len, h, i);
      if (s->tag == tag && s->len == len && s->key == key) return s->id;
    }
  }
  uint64_t h = hash_bytes(w, len);
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const type_slot *s = &an->slots[i];
    if (!s->id) return add_type(an, w, len, h, i);
    if (slot_holds(an, s, w, len, h)) return s->id;
  }
}

bool spg_morph_is_word(void *analyzer, const char *w, size_t len) {
  spg_analyzer *an = analyzer;
  uint32_t id = spg_morph_type(an, w, len);
  const spg_wordtype *t = spg_morph_get(an, id);
  return t && (t->form_id || spg_morph_known(an, t));
}
