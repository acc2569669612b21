/*
 * xml_read.c — reading XML the one safe way, and its text and ids: see xml_read.h.
 */
#include "xml_read.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

xmlDocPtr spg_xml_open_transcript(spg_session *s, const char *data, size_t len, const char *tool,
                                  const char *root, spg_status *st, spg_error *err) {
  if (len > INT32_MAX) {
    *st = spg_fail(err, SPG_ERR_LIMIT, s->source, 0, "XML over 2 GiB");
    return NULL;
  }
  char msg[300];
  unsigned long line;
  xmlDocPtr doc =
      spg_xml_read(data, len, NULL, "UTF-8", XML_PARSE_BIG_LINES, msg, sizeof msg, &line);
  if (!doc) {
    *st = spg_fail(err, SPG_ERR_XML, s->source, line, "not a well-formed %s file: %s", tool, msg);
    return NULL;
  }
  const xmlNode *r = xmlDocGetRootElement(doc);
  if (!spg_xml_is(r, root)) {
    const long l = r ? xmlGetLineNo(r) : 0;
    *st = spg_fail(err, SPG_ERR_FORMAT, s->source, l > 0 ? (unsigned long)l : 0,
                   "the root element is <%s>, not %s's <%s>", r ? (const char *)r->name : "", tool,
                   root);
    xmlFreeDoc(doc);
    return NULL;
  }
  *st = SPG_OK;
  return doc;
}

xmlDocPtr spg_xml_read(const char *data, size_t len, const char *name, const char *encoding,
                       int extra_options, char *msg, size_t cap, unsigned long *line) {
  *line = 0;
  if (cap) msg[0] = 0;
  if (len > INT_MAX) {
    snprintf(msg, cap, "XML over 2 GiB");
    return NULL;
  }
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) {
    snprintf(msg, cap, "out of memory");
    return NULL;
  }
  /* no network, no DTD loading, no entity substitution; errors come back here, not stderr */
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | extra_options;
  xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)len, name, encoding, options);
  if (!doc) {
    const xmlError *e = xmlCtxtGetLastError(ctxt);
    snprintf(msg, cap, "%s", e && e->message ? e->message : "not well-formed XML");
    size_t ml = strlen(msg);
    while (ml && (msg[ml - 1] == '\n' || msg[ml - 1] == ' '))
      msg[--ml] = 0;
    *line = e && e->line > 0 ? (unsigned long)e->line : 0;
  }
  xmlFreeParserCtxt(ctxt);
  return doc;
}

bool spg_xml_is(const xmlNode *n, const char *name) {
  return n && n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, (const xmlChar *)name) == 0;
}

int spg_xml_text(const xmlNode *n, bool deep, spg_buf *out) {
  for (const xmlNode *c = n ? n->children : NULL; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content && spg_buf_puts(out, (const char *)c->content)) return -1;
    } else if (deep && c->type == XML_ELEMENT_NODE) {
      /* libxml2 nests elements 256 deep at most: the recursion is bounded */
      if (spg_xml_text(c, true, out)) return -1;
    }
  }
  return 0;
}

uint32_t spg_xml_line(const xmlNode *n) {
  const long l = n ? xmlGetLineNo(n) : 0;
  return l > 0 ? (uint32_t)l : 0;
}

int spg_xml_attr(const xmlNode *n, const char *name, spg_buf *out) {
  spg_buf_clear(out);
  if (spg_buf_reserve(out, 0)) return -1;
  out->data[0] = 0; /* empty when n has none */
  if (!n || n->type != XML_ELEMENT_NODE) return 0;
  for (const xmlAttr *a = n->properties; a; a = a->next) {
    if (xmlStrcmp(a->name, (const xmlChar *)name) != 0) continue;
    for (const xmlNode *c = a->children; c; c = c->next)
      if (c->type == XML_TEXT_NODE && c->content && spg_buf_puts(out, (const char *)c->content))
        return -1;
    if (spg_buf_reserve(out, 0)) return -1;
    out->data[out->len] = 0; /* NUL-terminated even when empty */
    return 1;
  }
  return 0;
}

int spg_xml_ids_add(spg_xml_ids *ids, const char *id, size_t value) {
  const size_t n = strlen(id);
  char *copy = malloc(n + 1);
  if (!copy) return -1;
  memcpy(copy, id, n + 1);
  spg_xml_id v = {.id = copy, .value = value, .order = ids->n};
  if (SPG_VEC_PUSH(*ids, v)) {
    free(copy);
    return -1;
  }
  return 0;
}

static int compare_ids(const void *a, const void *b) {
  const spg_xml_id *x = a, *y = b;
  const int c = strcmp(x->id, y->id);
  return c ? c : x->order < y->order ? -1 : x->order > y->order;
}

void spg_xml_ids_sort(spg_xml_ids *ids) {
  if (ids->n > 1) qsort(ids->v, ids->n, sizeof *ids->v, compare_ids);
}

const spg_xml_id *spg_xml_ids_find(const spg_xml_ids *ids, const char *id) {
  size_t lo = 0, hi = ids->n; /* the first id not below id */
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (strcmp(ids->v[mid].id, id) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < ids->n && strcmp(ids->v[lo].id, id) == 0 ? &ids->v[lo] : NULL;
}

void spg_xml_ids_free(spg_xml_ids *ids) {
  for (size_t i = 0; i < ids->n; i++)
    free(ids->v[i].id);
  SPG_VEC_FREE(*ids);
}
