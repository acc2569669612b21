/*
 * cli_compare.c — two subcommands for people rather than machines:
 *
 *   spiegel compare [options] FILE...   sessions over time -> comparison XML (or CSV)
 *   spiegel report [options] FILE...    session / comparison XML -> one self-contained HTML page
 *
 * compare takes session XML, corpus XML or transcripts (analysed on the fly), in any mix, and
 * hands them to the library (compare.c). report applies docs/report/session.xsl or
 * compare.xsl, picked by the root element, with libxslt; given a transcript it analyses it
 * first, given several files it compares them first. Both write atomically (cli_util.c).
 *
 * Security: XML is parsed without network access, DTD loading or entity substitution, and a
 * DOCTYPE is refused; the transformation runs with every libxslt security preference set to
 * forbid (no file or network reads or writes): the stylesheets need nothing but the input.
 */
#include "cli_util.h"

#include "compare.h"
#include "lexicon.h"
#include "xml_read.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libexslt/exslt.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

static const char compare_usage[] =
    "usage: spiegel compare [options] FILE...\n"
    "\n"
    "Compares spiegelbijeenkomsten over time. FILEs are session XML (spiegel analyze), corpus\n"
    "XML or transcripts (analysed on the fly), ordered by their '# datum:' header. Writes per\n"
    "theme and session the mentions, positive and negative counts and mean polarity with the\n"
    "change since the session before, and links the learning points and positives of each\n"
    "session to those of the next: recurring, resolved, new; holds, faded. See docs/compare.md.\n"
    "\n"
    "options:\n"
    "  -o, --output FILE       write to FILE (atomically) instead of standard output\n"
    "  --csv[=themes|links]    CSV instead of XML: one row per theme and session (default),\n"
    "                          or one row per link\n"
    "  --order date|given      order by the datum header (default) or as given\n"
    "  --group none|organisatie|domein\n"
    "                          one series per organisation or domain (default: one series)\n"
    "  --threshold X           similarity needed for a link, in (0, 1] (default 0.25)\n"
    "  --format, --roles, --plain, --lexicons, --dict, -q   as for spiegel analyze\n"
    "  -h, --help              this text\n"
    "\n"
    "exit status: 0 ok; 1 bad input (a file that could not be read or analysed, a session\n"
    "without a date, output that could not be written); 2 bad usage.\n";

static const char report_usage[] =
    "usage: spiegel report [options] FILE...\n"
    "\n"
    "Writes one self-contained HTML page (no scripts, no network): for a session (its XML or\n"
    "its transcript) the tops, learning points and quick-wins by theme with the speakers' own\n"
    "words, a theme chart and the transcript; for a comparison (its XML, or several sessions,\n"
    "which are compared first) the trends per theme and the recurring, resolved and new\n"
    "learning points. The stylesheets are docs/report/*.xsl; xsltproc applies them too.\n"
    "\n"
    "options:\n"
    "  -o, --output FILE       write to FILE (atomically) instead of standard output\n"
    "  --lang nl|en            language of the page (default nl)\n"
    "  --participants          the short summary for the participants: pseudonymised, no\n"
    "                          transcript, no scores or evidence, no professionals' names\n"
    "  --stylesheets DIR       where session.xsl and compare.xsl are (default:\n"
    "                          $SPIEGEL_REPORTS, else docs/report of the source tree, else\n"
    "                          PREFIX/share/spiegel/report)\n"
    "  --order, --group, --threshold   as for spiegel compare (several FILEs)\n"
    "  --format, --roles, --plain, --lexicons, --dict, -q   as for spiegel analyze\n"
    "  -h, --help              this text\n"
    "\n"
    "exit status: 0 ok; 1 bad input; 2 bad usage.\n";

typedef struct options {
  const char *output, *lexicons, *dict, *stylesheets, *lang;
  spg_options opt;
  spg_compare_options cmp;
  int csv; /* -1: XML; else spg_compare_csv */
  int participants;
  int quiet;
  const char **files;
  int n_files;
} options;


/* Parses the options both subcommands share; returns -1 to continue, else an exit status. */
static int parse(int argc, char **argv, options *o, int report) {
  memset(o, 0, sizeof *o);
  spg_options_init(&o->opt);
  spg_compare_options_init(&o->cmp);
  o->opt.warn = cli_warn;
  o->opt.warn_ctx = &o->quiet;
  o->csv = -1;
  o->lang = "nl";
  o->files = calloc((size_t)argc + 1, sizeof *o->files);
  if (!o->files) return EXIT_BAD_INPUT;
  int only_files = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i], *val = NULL;
    int r;
    if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
      o->files[o->n_files++] = a;
    } else if (strcmp(a, "--") == 0) {
      only_files = 1;
    } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(report ? report_usage : compare_usage, stdout);
      return 0;
    } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
      o->quiet = 1;
    } else if (strcmp(a, "--plain") == 0) {
      o->opt.flags |= SPG_OPT_PLAIN;
    } else if (!report && (strcmp(a, "--csv") == 0 || strncmp(a, "--csv=", 6) == 0)) {
      const char *t = a[5] ? a + 6 : "themes";
      if (strcmp(t, "themes") == 0)
        o->csv = SPG_COMPARE_CSV_THEMES;
      else if (strcmp(t, "links") == 0)
        o->csv = SPG_COMPARE_CSV_LINKS;
      else
        return cli_usage_error("--csv takes themes or links, not '%s'", t);
    } else if (report && strcmp(a, "--participants") == 0) {
      o->participants = 1;
    } else if ((r = cli_option(argc, argv, &i, "--output", "-o", &val)) != 0) {
      if (r < 0) return EXIT_USAGE;
      o->output = val;
    } else if ((r = cli_option(argc, argv, &i, "--order", NULL, &val)) != 0) {
      if (r < 0) return EXIT_USAGE;
      if (strcmp(val, "date") == 0)
        o->cmp.order = SPG_ORDER_DATE;
      else if (strcmp(val, "given") == 0)
        o->cmp.order = SPG_ORDER_GIVEN;
      else
        return cli_usage_error("--order takes date or given, not '%s'", val);
    } else if ((r = cli_option(argc, argv, &i, "--group", NULL, &val)) != 0) {
      if (r < 0) return EXIT_USAGE;
      if (strcmp(val, "none") == 0)
        o->cmp.group = SPG_GROUP_NONE;
      else if (strcmp(val, "organisatie") == 0 || strcmp(val, "organisation") == 0 ||
               strcmp(val, "organization") == 0)
        o->cmp.group = SPG_GROUP_ORGANISATION;
      else if (strcmp(val, "domein") == 0 || strcmp(val, "domain") == 0)
        o->cmp.group = SPG_GROUP_DOMAIN;
      else
        return cli_usage_error("--group takes none, organisatie or domein, not '%s'", val);
    } else if ((r = cli_option(argc, argv, &i, "--threshold", NULL, &val)) != 0) {
      if (r < 0) return EXIT_USAGE;
      char *end;
      errno = 0;
      double t = strtod(val, &end);
      if (errno || end == val || *end || !(t > 0 && t <= 1))
        return cli_usage_error("--threshold takes a number in (0, 1], not '%s'", val);
      o->cmp.threshold = t;
    } else if (report && (r = cli_option(argc, argv, &i, "--lang", NULL, &val)) != 0) {
      if (r < 0) return EXIT_USAGE;
      if (strcmp(val, "nl") != 0 && strcmp(val, "en") != 0)
        return cli_usage_error("--lang takes nl or en, not '%s'", val);
      o->lang = val;
    } else if (report && (r = cli_option(argc, argv, &i, "--stylesheets", NULL, &val)) != 0) {
      if (r < 0) return EXIT_USAGE;
      o->stylesheets = val;
    } else if ((r = cli_option(argc, argv, &i, "--format", NULL, &val)) != 0) {
      if (r < 0) return EXIT_USAGE;
      if (spg_format_parse(val, &o->opt.format)) return cli_usage_error("unknown format '%s'", val);
    } else if ((r = cli_option(argc, argv, &i, "--roles", NULL, &val)) != 0) {
      if (r < 0) return EXIT_USAGE;
      o->opt.roles = val;
    } else if ((r = cli_option(argc, argv, &i, "--lexicons", NULL, &val)) != 0) {
      if (r < 0) return EXIT_USAGE;
      o->lexicons = val;
    } else if ((r = cli_option(argc, argv, &i, "--dict", NULL, &val)) != 0) {
      if (r < 0) return EXIT_USAGE;
      o->dict = val;
    } else {
      return cli_usage_error("unknown option '%s'", a);
    }
  }
  if (o->n_files == 0)
    return cli_usage_error(report ? "report needs a FILE (session or comparison XML, or a "
                                    "transcript)%s"
                                  : "compare needs FILEs (session XML or transcripts)%s",
                           "");
  return -1;
}

/* Whether data looks like XML rather than a transcript: its first non-blank byte opens a tag
 * other than a WebVTT voice tag. */
static int looks_like_xml(const char *data, size_t len) {
  size_t i = 0;
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) i = 3;
  while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
    i++;
  if (i + 1 >= len || data[i] != '<') return 0;
  return data[i + 1] == '?' || data[i + 1] == '!' ||
         ((data[i + 1] >= 'a' && data[i + 1] <= 'z') &&
          !(data[i + 1] == 'v' && i + 2 < len && (data[i + 2] == ' ' || data[i + 2] == '.')));
}

/* Adds every FILE to the comparison; all errors are printed. Returns 0 or EXIT_BAD_INPUT. */
static int add_files(options *o, spg_comparison *cmp, spg_analyzer *an) {
  int status = 0;
  for (int i = 0; i < o->n_files; i++) {
    spg_error err;
    spg_error_clear(&err);
    char *data = NULL;
    size_t len = 0;
    spg_status st = spg_read_input(o->files[i], &data, &len, &err);
    if (st == SPG_OK && looks_like_xml(data, len)) {
      st = spg_comparison_add_xml(cmp, o->files[i], data, len, &err);
    } else if (st == SPG_OK) {
      spg_session *s = NULL;
      st = spg_analyze(an, o->files[i], data, len, &o->opt, &s, &err);
      if (st == SPG_OK) st = spg_comparison_add_session(cmp, s, &err);
      spg_session_free(s);
    }
    free(data);
    if (st != SPG_OK) {
      if (!err.file[0]) snprintf(err.file, sizeof err.file, "%s", o->files[i]);
      cli_print_error(&err);
      status = EXIT_BAD_INPUT;
    }
  }
  return status;
}

/* Runs the comparison of o->files; *out gets it (caller frees) or the exit status is returned. */
static int build_comparison(options *o, spg_analyzer *an, spg_comparison **out) {
  spg_error err;
  spg_error_clear(&err);
  spg_comparison *cmp;
  if (spg_comparison_create(an, &o->cmp, &cmp, &err) != SPG_OK) {
    cli_print_error(&err);
    return EXIT_BAD_INPUT;
  }
  int rc = add_files(o, cmp, an);
  if (!rc && spg_comparison_run(cmp, &err) != SPG_OK) {
    cli_print_error(&err);
    rc = EXIT_BAD_INPUT;
  }
  if (rc) {
    spg_comparison_free(cmp);
    return rc;
  }
  /* One series across organisations is rarely meant: say so. */
  if (o->cmp.group == SPG_GROUP_NONE && !o->quiet) {
    const spg_compare_series *se = spg_comparison_series(cmp, 0);
    const char *first = NULL;
    for (size_t i = 0; se && i < se->n_sessions; i++) {
      const char *org = se->sessions[i]->organisation;
      if (!org) continue;
      if (!first)
        first = org;
      else if (strcmp(first, org) != 0) {
        fprintf(stderr,
                "spiegel: warning: the sessions are of more than one organisation (%s, "
                "%s) and are compared as one series; --group organisatie compares "
                "each apart\n",
                first, org);
        break;
      }
    }
  }
  *out = cmp;
  return 0;
}

int cli_compare_main(int argc, char **argv) {
  options o;
  int rc = parse(argc, argv, &o, 0);
  if (rc >= 0) {
    free(o.files);
    return rc;
  }
  spg_lexicon *lex;
  spg_analyzer *an;
  if ((rc = cli_load(o.lexicons, o.dict, o.opt.roles, &lex, &an)) != 0) {
    free(o.files);
    return rc;
  }
  spg_comparison *cmp = NULL;
  rc = build_comparison(&o, an, &cmp);
  if (!rc) {
    cli_output out;
    if (cli_output_open(&out, o.output)) {
      rc = EXIT_BAD_INPUT;
    } else {
      spg_error err;
      spg_error_clear(&err);
      spg_status st = o.csv >= 0
                          ? spg_comparison_write_csv(cmp, out.f, (spg_compare_csv)o.csv, &err)
                          : spg_comparison_write_xml(cmp, out.f, &err);
      if (st != SPG_OK) cli_print_error(&err);
      if (cli_output_close(&out, st == SPG_OK) != 0 || st != SPG_OK) rc = EXIT_BAD_INPUT;
    }
  }
  spg_comparison_free(cmp);
  spg_analyzer_free(an);
  spg_lexicon_free(lex);
  free(o.files);
  return rc;
}

/* ---- report -------------------------------------------------------------------------------- */

/* The directory of the stylesheets: option, environment, beside the binary, source tree. */
static const char *find_stylesheets(const char *given, char *buf, size_t size) {
  static const char *const tries[] = {"/../docs/report", "/../../docs/report",
                                      "/../../../docs/report", "/../share/spiegel/report"};
  return cli_find_data_dir(given, "SPIEGEL_REPORTS", tries, 4, "session.xsl", "docs/report", buf,
                           size);
}

/* libxslt and libxml2 messages while compiling or applying a stylesheet, as "spiegel: ...". */
typedef struct report_errors {
  const char *name;
  char line[1024];
  size_t len;
  int count;
} report_errors;

static void report_error(void *ctx, const char *fmt, ...) {
  report_errors *e = ctx;
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  for (const char *p = buf; *p; p++) {
    if (*p == '\n' || e->len + 1 >= sizeof e->line) {
      if (e->len) fprintf(stderr, "spiegel: %s: %.*s\n", e->name, (int)e->len, e->line);
      e->len = 0;
      e->count++;
      if (*p == '\n') continue;
    }
    e->line[e->len++] = *p;
  }
}

static void report_flush(report_errors *e) {
  if (e->len) fprintf(stderr, "spiegel: %s: %.*s\n", e->name, (int)e->len, e->line);
  e->len = 0;
}

/* Parses XML for the report (no network, no DTD, no entities); NULL with the error printed. */
static xmlDocPtr parse_xml(const char *name, const char *data, size_t len) {
  if (len > INT_MAX) {
    fprintf(stderr, "spiegel: %s: XML over 2 GiB\n", name);
    return NULL;
  }
  char msg[400];
  unsigned long line;
  xmlDocPtr doc = spg_xml_read(data, len, name, NULL, 0, msg, sizeof msg, &line);
  if (!doc) {
    if (line)
      fprintf(stderr, "spiegel: %s:%lu: %s\n", name, line, msg);
    else
      fprintf(stderr, "spiegel: %s: %s\n", name, msg);
  } else if (doc->intSubset || doc->extSubset) {
    fprintf(stderr, "spiegel: %s: a DOCTYPE is not expected in spiegel XML\n", name);
    xmlFreeDoc(doc);
    doc = NULL;
  }
  return doc;
}

/* Adds label-en="..." to the <theme>s of sessions, from the lexicon, for --lang en. */
static void add_english_labels(xmlNodePtr root, const spg_lexicon *lex) {
  for (xmlNodePtr n = root; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (strcmp((const char *)n->name, "corpus") == 0) {
      add_english_labels(n->children, lex);
      continue;
    }
    if (strcmp((const char *)n->name, "session") != 0) continue;
    for (xmlNodePtr t = n->children; t; t = t->next) {
      if (t->type != XML_ELEMENT_NODE || strcmp((const char *)t->name, "themes") != 0) continue;
      for (xmlNodePtr th = t->children; th; th = th->next) {
        if (th->type != XML_ELEMENT_NODE || xmlHasProp(th, BAD_CAST "label-en")) continue;
        xmlChar *id = xmlGetProp(th, BAD_CAST "id");
        int i = id ? spg_lexicon_theme_index(lex, (const char *)id) : -1;
        const char *en = i >= 0 ? spg_lexicon_theme_label_en(lex, (size_t)i) : NULL;
        if (en && *en) xmlSetProp(th, BAD_CAST "label-en", BAD_CAST en);
        xmlFree(id);
      }
    }
  }
}

/* Applies dir/name.xsl to doc with the parameters; writes the page to out. 0 or -1. */
static int transform(xmlDocPtr doc, const char *dir, const char *name, const options *o,
                     FILE *out) {
  char path[PATH_MAX];
  int plen = snprintf(path, sizeof path, "%s/%s", dir, name);
  if (plen < 0 || (size_t)plen >= sizeof path) {
    fprintf(stderr, "spiegel: %s: path too long\n", dir);
    return -1;
  }
  report_errors errors = {.name = path};
  xsltSetGenericErrorFunc(&errors, report_error);
  xmlSetGenericErrorFunc(&errors, report_error);
  if (access(path, R_OK) != 0) {
    fprintf(stderr,
            "spiegel: %s: cannot read the stylesheet: %s (set --stylesheets or "
            "SPIEGEL_REPORTS)\n",
            path, strerror(errno));
    return -1;
  }
  xsltStylesheetPtr style = xsltParseStylesheetFile(BAD_CAST path);
  report_flush(&errors);
  if (!style || style->errors) {
    if (style) xsltFreeStylesheet(style);
    fprintf(stderr, "spiegel: %s: the stylesheet does not compile\n", path);
    return -1;
  }
  xsltSecurityPrefsPtr sec = xsltNewSecurityPrefs();
  xsltTransformContextPtr ctxt = sec ? xsltNewTransformContext(style, doc) : NULL;
  int rc = -1;
  if (ctxt && xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_FILE, xsltSecurityForbid) == 0 &&
      xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid) == 0 &&
      xsltSetSecurityPrefs(sec, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid) == 0 &&
      xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid) == 0 &&
      xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid) == 0 &&
      xsltSetCtxtSecurityPrefs(sec, ctxt) == 0) {
    const char *lang = strcmp(o->lang, "en") == 0 ? "'en'" : "'nl'";
    const char *params[] = {"lang", lang, "participants", o->participants ? "1" : "0", NULL};
    xmlDocPtr result = xsltApplyStylesheetUser(style, doc, params, NULL, NULL, ctxt);
    report_flush(&errors);
    if (result && ctxt->state == XSLT_STATE_OK) {
      rc = xsltSaveResultToFile(out, result, style) < 0 ? -1 : 0;
      if (rc)
        fprintf(stderr, "spiegel: %s: cannot write the HTML page: %s\n",
                o->output ? o->output : "standard output", strerror(errno ? errno : EIO));
    } else {
      fprintf(stderr, "spiegel: %s: the transformation failed\n", path);
    }
    xmlFreeDoc(result);
  }
  if (ctxt) xsltFreeTransformContext(ctxt);
  if (sec) xsltFreeSecurityPrefs(sec);
  xsltFreeStylesheet(style);
  xsltSetGenericErrorFunc(NULL, NULL);
  xmlSetGenericErrorFunc(NULL, NULL);
  return rc;
}

/* The XML to render, in memory: the file itself, its analysis, or a comparison of several. */
static int report_input(options *o, spg_lexicon **lex, spg_analyzer **an, char **xml, size_t *len,
                        const char **name) {
  *xml = NULL;
  *len = 0;
  *name = o->files[0];
  char *data = NULL;
  size_t dlen = 0;
  spg_error err;
  spg_error_clear(&err);
  if (o->n_files == 1) {
    if (spg_read_input(o->files[0], &data, &dlen, &err) != SPG_OK) {
      cli_print_error(&err);
      return EXIT_BAD_INPUT;
    }
    if (looks_like_xml(data, dlen)) {
      *xml = data;
      *len = dlen;
      /* the lexicon only for English theme labels: no lexicon, no labels, no error */
      char buf[PATH_MAX];
      spg_error lerr;
      if (strcmp(o->lang, "en") == 0 &&
          spg_lexicon_load(cli_find_lexicons(o->lexicons, buf, sizeof buf), lex, &lerr) != SPG_OK)
        *lex = NULL;
      return 0;
    }
  }
  int rc = cli_load(o->lexicons, o->dict, o->opt.roles, lex, an);
  if (rc) {
    free(data);
    return rc;
  }
  FILE *f = open_memstream(xml, len);
  if (!f) {
    free(data);
    return EXIT_BAD_INPUT;
  }
  spg_status st = SPG_OK;
  if (o->n_files == 1) {
    spg_options opt = o->opt;
    if (o->participants) opt.flags |= SPG_OPT_PSEUDONYMISE;
    spg_session *s = NULL;
    spg_xml_writer *w = NULL;
    st = spg_analyze(*an, o->files[0], data, dlen, &opt, &s, &err);
    if (st == SPG_OK) st = spg_xml_writer_create(f, 0, &w, &err);
    if (st == SPG_OK) st = spg_xml_write_session(w, s, 0, &err);
    if (st == SPG_OK) st = spg_xml_writer_finish(w, &err);
    spg_xml_writer_free(w);
    spg_session_free(s);
    if (st != SPG_OK) cli_print_error(&err);
  } else {
    spg_comparison *cmp = NULL;
    *name = "comparison";
    rc = build_comparison(o, *an, &cmp);
    if (!rc && spg_comparison_write_xml(cmp, f, &err) != SPG_OK) {
      cli_print_error(&err);
      rc = EXIT_BAD_INPUT;
    }
    spg_comparison_free(cmp);
  }
  free(data);
  if (fclose(f) != 0 && !rc) rc = EXIT_BAD_INPUT;
  if (st != SPG_OK && !rc) rc = EXIT_BAD_INPUT;
  if (rc) {
    free(*xml);
    *xml = NULL;
  }
  return rc;
}

int cli_report_main(int argc, char **argv) {
  options o;
  int rc = parse(argc, argv, &o, 1);
  if (rc >= 0) {
    free(o.files);
    return rc;
  }
  spg_lexicon *lex = NULL;
  spg_analyzer *an = NULL;
  char *xml = NULL;
  size_t len = 0;
  const char *name = NULL;
  rc = report_input(&o, &lex, &an, &xml, &len, &name);
  xmlDocPtr doc = rc ? NULL : parse_xml(name, xml, len);
  if (!rc && !doc) rc = EXIT_BAD_INPUT;
  const char *sheet = NULL;
  if (doc) {
    xmlNodePtr root = xmlDocGetRootElement(doc);
    const char *r = root ? (const char *)root->name : "";
    if (strcmp(r, "session") == 0 || strcmp(r, "corpus") == 0)
      sheet = "session.xsl";
    else if (strcmp(r, "comparison") == 0)
      sheet = "compare.xsl";
    if (!sheet) {
      fprintf(stderr,
              "spiegel: %s: the root is <%s>; a report needs <session>, <corpus> or "
              "<comparison>\n",
              name, r);
      rc = EXIT_BAD_INPUT;
    } else if (lex) {
      add_english_labels(root, lex);
    }
  }
  if (!rc) {
    exsltRegisterAll();
    char buf[PATH_MAX];
    const char *dir = find_stylesheets(o.stylesheets, buf, sizeof buf);
    cli_output out;
    if (cli_output_open(&out, o.output)) {
      rc = EXIT_BAD_INPUT;
    } else {
      int ok = transform(doc, dir, sheet, &o, out.f) == 0;
      if (cli_output_close(&out, ok) != 0 || !ok) rc = EXIT_BAD_INPUT;
    }
  }
  if (doc) xmlFreeDoc(doc);
  free(xml);
  spg_analyzer_free(an);
  spg_lexicon_free(lex);
  free(o.files);
  xsltCleanupGlobals();
  return rc;
}
