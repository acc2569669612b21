/*
 * pipeline_only.c — the analysis without any output: how fast the pipeline alone is.
 *
 * Reads file names, one per line, from standard input and runs spg_analyze_reusing on each
 * (one thread, one session reused): every stage up to classify and support, but no XML, no
 * file created. Against `spiegel batch -j1` on the same files it shows what the output costs
 * and what the analysis alone can reach (docs/performance.md, "Tenth round").
 *
 *   make build/pipeline-only
 *   find build/bench/corpus-1024mb-seed1 -type f ! -name .complete | sort |
 *     /usr/bin/time -v build/pipeline-only lexicons
 */
#include "spiegel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: pipeline-only LEXICON_DIR < file-list\n");
    return 2;
  }
  spg_error err;
  spg_lexicon *lex = NULL;
  spg_analyzer *an = NULL;
  if (spg_lexicon_load(argv[1], &lex, &err) != SPG_OK ||
      spg_analyzer_create(lex, NULL, &an, &err) != SPG_OK) {
    fprintf(stderr, "pipeline-only: %s:%lu: %s\n", err.file, err.line, err.message);
    return 1;
  }
  spg_session *s = NULL;
  char path[4096];
  size_t done = 0, failed = 0, bytes = 0;
  while (fgets(path, sizeof path, stdin)) {
    path[strcspn(path, "\n")] = 0;
    char *data;
    size_t len;
    if (!path[0]) continue;
    if (spg_read_input(path, &data, &len, &err) == SPG_OK) {
      if (spg_analyze_reusing(an, path, data, len, NULL, &s, &err) == SPG_OK) {
        done++;
      } else {
        fprintf(stderr, "pipeline-only: %s:%lu: %s\n", err.file, err.line, err.message);
        failed++;
      }
      bytes += len;
      free(data);
    } else {
      fprintf(stderr, "pipeline-only: %s: %s\n", path, err.message);
      failed++;
    }
  }
  fprintf(stderr, "pipeline-only: %zu transcripts analysed, %zu failed, %zu bytes\n", done, failed,
          bytes);
  spg_session_free(s);
  spg_analyzer_free(an);
  spg_lexicon_free(lex);
  return failed ? 1 : 0;
}
