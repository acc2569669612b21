/*
 * xml_read.h — reading XML the one safe way (xml_read.c), for the Transcriber, ELAN and
 * EXMARaLDA readers, the comparison and the report: from memory, no network, no DTD loaded, no
 * entity substituted, libxml2's errors returned rather than printed; and taking text and
 * attribute values out of the tree without expanding an entity reference a DOCTYPE declared.
 */
#ifndef SPG_XML_READ_H
#define SPG_XML_READ_H

#include "internal.h"

#include <libxml/tree.h>
#include <stddef.h>

/* The document of data[0..len) (at most INT_MAX bytes), name its URL for messages (NULL: none),
 * encoding the one to read it in whatever its declaration says (NULL: the declaration's);
 * extra_options are more XML_PARSE_* flags. NULL when it is not well-formed or memory runs out:
 * msg (cap bytes) gets libxml2's message without its trailing line end, *line its line (0 when
 * unknown). */
xmlDocPtr spg_xml_read(const char *data, size_t len, const char *name, const char *encoding,
                       int extra_options, char *msg, size_t cap, unsigned long *line);

/* A transcript's document, read for session s by spg_xml_read as UTF-8 whatever its
 * declaration says (the encoding gate has made the text UTF-8), with big line numbers: its root
 * element must be root. NULL with *st and err set: over 2 GiB (SPG_ERR_LIMIT), not well-formed
 * (SPG_ERR_XML, "not a well-formed <tool> file: <libxml2's message>", its line), another root
 * (SPG_ERR_FORMAT, "the root element is <x>, not <tool>'s <root>"). */
xmlDocPtr spg_xml_open_transcript(spg_session *s, const char *data, size_t len, const char *tool,
                                  const char *root, spg_status *st, spg_error *err);

/* Whether n is the element name. */
bool spg_xml_is(const xmlNode *n, const char *name);

/* Appends the text of n's children to out: text and CDATA nodes, and with deep the text inside
 * child elements too. An entity reference (&x; of a DOCTYPE) adds nothing: it is never expanded,
 * so neither an external file nor a billion laughs is read. 0, or -1 out of memory. */
int spg_xml_text(const xmlNode *n, bool deep, spg_buf *out);

/* The value of n's attribute name (no namespace looked at) into out, cleared first and
 * NUL-terminated (empty when n has none), entity references left out as spg_xml_text does. 1
 * when n has it, 0 when not, -1 out of memory. */
int spg_xml_attr(const xmlNode *n, const char *name, spg_buf *out);

/* n's line in its document, 0 when unknown. */
uint32_t spg_xml_line(const xmlNode *n);

/* The ids of a document's elements (time slots, timeline points, speakers) and what each names:
 * added in document order, sorted once, then found by binary search; of two equal ids the first
 * added is found. */
typedef struct spg_xml_id {
  char *id; /* owned */
  size_t value;
  size_t order;
} spg_xml_id;
typedef SPG_VEC(spg_xml_id) spg_xml_ids;

int spg_xml_ids_add(spg_xml_ids *ids, const char *id, size_t value); /* 0 or -1 */
void spg_xml_ids_sort(spg_xml_ids *ids);
const spg_xml_id *spg_xml_ids_find(const spg_xml_ids *ids, const char *id);
void spg_xml_ids_free(spg_xml_ids *ids);

#endif
