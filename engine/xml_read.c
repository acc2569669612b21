/*
 * xml_read.c — reading XML the one safe way: see xml_read.h.
 */
#include "xml_read.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>

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
