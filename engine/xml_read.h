/*
 * xml_read.h — reading XML the one safe way (xml_read.c), for the Transcriber reader, the
 * comparison and the report: from memory, no network, no DTD loaded, no entity substituted,
 * libxml2's errors returned rather than printed.
 */
#ifndef SPG_XML_READ_H
#define SPG_XML_READ_H

#include <libxml/tree.h>
#include <stddef.h>

/* The document of data[0..len) (at most INT_MAX bytes), name its URL for messages (NULL: none),
 * encoding the one to read it in whatever its declaration says (NULL: the declaration's);
 * extra_options are more XML_PARSE_* flags. NULL when it is not well-formed or memory runs out:
 * msg (cap bytes) gets libxml2's message without its trailing line end, *line its line (0 when
 * unknown). */
xmlDocPtr spg_xml_read(const char *data, size_t len, const char *name, const char *encoding,
                       int extra_options, char *msg, size_t cap, unsigned long *line);

#endif
