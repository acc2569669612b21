/*
 * batch.h — many transcripts at once: a directory tree in, one XML per transcript and an index
 * (corpus.xml) out, on all cores, resumable, and shardable across machines. See docs/batch.md.
 *
 *   spg_batch_run    discovers the inputs, keeps this run's share (--shard I/N), analyses what is
 *                    not up to date with one analyzer per worker thread, writes every output
 *                    atomically and the index in input order (so the bytes never depend on the
 *                    number of threads)
 *   spg_batch_merge  joins the indexes of the shards of one corpus into the index a single run
 *                    would have written, byte for byte
 *
 * Every public name starts with spg_batch_. Like the rest of the library it never prints and
 * never exits: what happens to each input is handed to a callback, and the caller decides.
 */
#ifndef SPG_BATCH_H
#define SPG_BATCH_H

#include "spiegel.h"

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The index of an unsharded run; a shard writes "corpus-I-of-N.xml" so that shards can share
 * one output directory. */
#define SPG_BATCH_INDEX "corpus.xml"
/* The settings stamp in the output directory (see docs/batch.md, "Resume"). */
#define SPG_BATCH_STAMP ".spiegel-batch"

typedef enum {
  SPG_BATCH_ANALYSED = 1, /* analysed now, output written */
  SPG_BATCH_UP_TO_DATE,   /* the output of an earlier run was kept */
  SPG_BATCH_FAILED        /* could not be read or analysed; an <error> in the index */
} spg_batch_outcome;

/* What the index says about one input. Strings are owned by the batch run. */
typedef struct spg_batch_record {
  const char *source; /* the input path as found: the root given, then the path under it; as
                         valid UTF-8 (an ill-formed byte reads U+FFFD, see path) */
  const char *path;   /* the same path's bytes as the file system has them */
  const char *output; /* the XML, relative to the output directory; NULL when failed */
  spg_batch_outcome outcome;
  uint64_t bytes; /* input size */
  /* A session (outcome != SPG_BATCH_FAILED): */
  const char *format; /* "text", "vtt", "srt" */
  const char *date;   /* the datum / date header, or NULL */
  const char *title;  /* the titel / title header, or NULL */
  uint64_t speakers, sentences, words, positives, learning_points, quick_wins;
  const char *polarity; /* as in the session XML: "-0.125" */
  /* A failure: */
  spg_status status;
  unsigned long line;
  const char *message;
} spg_batch_record;

/* Counts so far; handed to the progress callback and returned at the end. */
typedef struct spg_batch_summary {
  size_t files; /* inputs in this run's share (failed discoveries included) */
  size_t done;  /* inputs finished so far */
  size_t analysed, up_to_date, failed;
  uint64_t bytes;      /* total size of the inputs of this share */
  uint64_t bytes_done; /* size of the inputs finished so far */
  uint64_t bytes_analysed;
  uint64_t sentences_analysed;
  unsigned jobs;        /* worker threads used */
  int settings_changed; /* the stamp differed: nothing could be kept */
  int interrupted;      /* *cancel was set: stopped early, no index written */
  char index[4096];     /* the index written */
} spg_batch_summary;

/* Called once per finished input, from a worker thread, one call at a time (under a lock).
 * failure is the full error record when the input failed, else NULL. */
typedef void (*spg_batch_progress_fn)(void *ctx, const spg_batch_summary *so_far,
                                      const spg_batch_record *record, const spg_error *failure);

typedef struct spg_batch_options {
  const char *const *inputs; /* directories (walked for *.txt *.vtt *.srt *.sbv *.cha *.ass *.ssa
                              *.TextGrid *.trs *.eaf *.exb) and files */
  size_t n_inputs;
  const char *files_from;  /* or also: a file listing inputs, one path a line ("-": standard
                              input); each is placed under the output directory at its path as
                              listed (batch.c, "Lists of inputs"); NULL: none */
  int files_from_null;     /* the list's paths end with a NUL byte (find -print0), not '\n' */
  const char *outdir;      /* created when missing */
  unsigned jobs;           /* worker threads; 0: the CPUs this process may run on */
  unsigned shard, shards;  /* this run takes share `shard` (1-based) of `shards`; 0, 0: all */
  spg_options analysis;    /* format, roles, flags (SPG_OPT_NO_TRANSCRIPT ...), warnings;
                              the warn callback is called from worker threads */
  const char *dict;        /* hunspell dictionary base for each worker's analyzer, or NULL */
  const char *lexicon_dir; /* its files are hashed into the settings stamp, or NULL */
  int force;               /* analyse everything again, up to date or not */
  int csv;                 /* 0: XML only; 1: also a CSV of items per input (NAME.csv) and of
                              the whole run (corpus.csv); 2: the same with one row per sentence */
  size_t sort_memory;      /* bytes each of the run's lists (inputs found, named, to do, done)
                              may hold before it spills to a temporary file in the output
                              directory (spool.c); 0: 4 MB. Memory does not grow with the
                              number of inputs */
  volatile int *cancel;    /* when it becomes non-zero, workers stop after their file */
  spg_batch_progress_fn progress;
  void *progress_ctx;
} spg_batch_options;

void spg_batch_options_init(spg_batch_options *opt);

/* Runs a batch. Returns SPG_OK when the run went through, even if inputs failed (summary->failed
 * counts them; each was reported through the callback and is an <error> in the index). An error
 * status means the run as a whole could not go on: the output directory or the index could not
 * be written, no analyzer could be created, bad options (SPG_ERR_USAGE). summary may be NULL. */
spg_status spg_batch_run(const spg_lexicon *lex, const spg_batch_options *opt,
                         spg_batch_summary *summary, spg_error *err);

/* Merges indexes into out_path (written atomically); their records spill beside it beyond memory
 * bytes (0: 4 MB), so that memory does not grow with the number of records. Each of paths is an
 * index file or a directory holding corpus.xml or corpus-I-of-N.xml files. Shards must all be
 * there, once each, made with the same settings; records are ordered as spg_batch_run orders them,
 * so the merged index of shards 1/N .. N/N equals, byte for byte, the index of one unsharded run.
 * *failed receives the number of <error> records in the merged index (may be NULL). */
spg_status spg_batch_merge(const char *const *paths, size_t n_paths, const char *out_path,
                           size_t memory, size_t *failed, spg_error *err);

/* The shard (0-based, < shards) that an input path relative to its root belongs to: FNV-1a 64
 * of the path's bytes, modulo shards. Exposed for tests and for tools that plan shards. */
unsigned spg_batch_shard_of(const char *relative_path, unsigned shards);

#ifdef __cplusplus
}
#endif
#endif
