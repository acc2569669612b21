/*
 * test_encoding.c — engine/encoding.c: what counts as empty, binary, UTF-8, Windows-1252 and
 * UTF-16/32 text, the conversions, their warnings, and the line numbers of errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct warnings {
  int count;
  unsigned long line;
  char last[256];
} warnings;

static void record_warning(void *ctx, const char *file, unsigned long line, const char *message) {
  warnings *w = ctx;
  w->count++;
  w->line = line;
  snprintf(w->last, sizeof w->last, "%s", message);
}

typedef struct check {
  spg_status status;
  char *converted;
  size_t converted_len;
  spg_error err;
  warnings warn;
} check;

static void run(check *c, const char *data, size_t len) {
  spg_options opt;
  spg_options_init(&opt);
  memset(c, 0, sizeof *c);
  opt.warn = record_warning;
  opt.warn_ctx = &c->warn;
  c->status = spg_check_encoding("t.txt", data, len, &c->converted, &c->converted_len, &opt,
                                 &c->err);
}

#define RUN(c, lit) run(c, lit, sizeof lit - 1)

static void done(check *c) { free(c->converted); }

/* ---- empty ---- */

static void empty_file_is_empty(void **state) {
  check c;
  run(&c, "", 0);
  assert_int_equal(c.status, SPG_ERR_EMPTY);
  assert_string_equal(c.err.message, "empty file");
  assert_null(c.converted);
}

static void whitespace_only_is_empty(void **state) {
  check c;
  RUN(&c, "  \n\t\r\n   \n\f");
  assert_int_equal(c.status, SPG_ERR_EMPTY);
  RUN(&c, "\xEF\xBB\xBF \n\xC2\xA0\n");
  assert_int_equal(c.status, SPG_ERR_EMPTY);
}

/* ---- UTF-8 ---- */

static void utf8_passes_unconverted(void **state) {
  check c;
  RUN(&c, "Gespreksleider: Welkom!\nMevrouw K.: Het ging over de cli\xC3\xABnt \xE2\x82\xAC 5.\n");
  assert_int_equal(c.status, SPG_OK);
  assert_null(c.converted);
  assert_int_equal(c.warn.count, 0);
}

static void utf8_bom_is_left_in_place(void **state) {
  check c;
  RUN(&c, "\xEF\xBB\xBFJan: hallo\n");
  assert_int_equal(c.status, SPG_OK);
  assert_null(c.converted);
  assert_int_equal(c.warn.count, 0);
}

static void invalid_utf8_names_line_and_byte(void **state) {
  /* Valid "é" on line 1, a lone Latin-1 byte at byte 5 of line 3: a mixed file, an error. */
  check c;
  RUN(&c, "Caf\xC3\xA9 open\nregel twee\nabcd\xE9 fout\n");
  assert_int_equal(c.status, SPG_ERR_ENCODING);
  assert_int_equal(c.err.line, 3);
  assert_non_null(strstr(c.err.message, "byte 5"));
  assert_string_equal(c.err.file, "t.txt");
  assert_null(c.converted);
}

static void surrogates_and_overlongs_are_invalid(void **state) {
  check c;
  RUN(&c, "caf\xC3\xA9 \xED\xA0\x80 x\n"); /* an encoded surrogate */
  assert_int_equal(c.status, SPG_ERR_ENCODING);
  assert_int_equal(c.err.line, 1);
  assert_non_null(strstr(c.err.message, "byte 7"));
  RUN(&c, "\xC3\xA9\n\xC0\xAF\n"); /* overlong '/' */
  assert_int_equal(c.status, SPG_ERR_ENCODING);
  assert_int_equal(c.err.line, 2);
  RUN(&c, "\xC3\xA9\n\n\xE0\x80\xAF\n"); /* overlong 3-byte '/' */
  assert_int_equal(c.status, SPG_ERR_ENCODING);
  assert_int_equal(c.err.line, 3);
  RUN(&c, "\xC3\xA9\n\xF4\x90\x80\x80\n"); /* above U+10FFFF */
  assert_int_equal(c.status, SPG_ERR_ENCODING);
}

static void crlf_lines_are_counted(void **state) {
  check c;
  RUN(&c, "\xC3\xA9\r\nb\r\nc\xFF\r\n");
  assert_int_equal(c.status, SPG_ERR_ENCODING);
  assert_int_equal(c.err.line, 3);
}

/* ---- Windows-1252 ---- */

static void windows1252_is_converted_with_warning(void **state) {
  check c;
  RUN(&c, "Jan: het caf\xE9 was dicht.\nPiet: \x93Prima\x94, \x80 5 \x96 goed.\n");
  assert_int_equal(c.status, SPG_OK);
  assert_non_null(c.converted);
  assert_string_equal(c.converted, "Jan: het caf\xC3\xA9 was dicht.\nPiet: \xE2\x80\x9CPrima"
                                   "\xE2\x80\x9D, \xE2\x82\xAC 5 \xE2\x80\x93 goed.\n");
  assert_int_equal(c.converted_len, strlen(c.converted));
  assert_int_equal(c.warn.count, 1);
  assert_string_equal(c.warn.last, "not UTF-8; read as Windows-1252");
  assert_int_equal(c.warn.line, 1);
  done(&c);
}

static void latin1_bytes_become_their_code_points(void **state) {
  check c;
  RUN(&c, "\xEB\xEF\xFC\xE7\xA0x");
  assert_int_equal(c.status, SPG_OK);
  assert_string_equal(c.converted, "\xC3\xAB\xC3\xAF\xC3\xBC\xC3\xA7\xC2\xA0x");
  done(&c);
}

static void windows1252_undefined_byte_is_an_error(void **state) {
  check c;
  RUN(&c, "abc\ndef \x81 ghi\n");
  assert_int_equal(c.status, SPG_ERR_ENCODING);
  assert_int_equal(c.err.line, 2);
}

static void windows1252_with_control_junk_is_an_error(void **state) {
  check c;
  RUN(&c, "caf\xE9 \x1B[0m, een lange regel tekst die verder normaal is en niet binair oogt.\n"
          "nog een regel om het percentage controletekens laag te houden, echt waar.\n");
  assert_int_equal(c.status, SPG_ERR_ENCODING);
}

/* ---- binary ---- */

static void nul_byte_is_binary_with_line(void **state) {
  check c;
  RUN(&c, "regel een\nregel\0twee\n");
  assert_int_equal(c.status, SPG_ERR_BINARY);
  assert_int_equal(c.err.line, 2);
  assert_non_null(strstr(c.err.message, "UTF-16"));
}

static void utf16_without_bom_is_binary(void **state) {
  check c;
  RUN(&c, "J\0a\0n\0:\0 \0h\0a\0l\0l\0o\0");
  assert_int_equal(c.status, SPG_ERR_BINARY);
}

static void many_control_bytes_are_binary(void **state) {
  char data[400];
  for (size_t i = 0; i < sizeof data; i++) data[i] = (char)(i % 7 == 0 ? 0x01 : 'a' + i % 26);
  check c;
  run(&c, data, sizeof data);
  assert_int_equal(c.status, SPG_ERR_BINARY);
}

static void a_stray_control_byte_only_warns(void **state) {
  check c;
  RUN(&c, "Jan: hallo\nPiet: dag\x07 allemaal, en een heel verhaal erachteraan om lang te zijn.\n");
  assert_int_equal(c.status, SPG_OK);
  assert_null(c.converted);
  assert_int_equal(c.warn.count, 1);
  assert_int_equal(c.warn.line, 2);
}

/* Containers, RTF and JSON are named in the message: what to export instead. */
static void containers_are_named(void **state) {
  check c;
  RUN(&c, "PK\x03\x04\x14\0\x06\0word/document.xml");
  assert_int_equal(c.status, SPG_ERR_BINARY);
  assert_non_null(strstr(c.err.message, ".docx"));
  RUN(&c, "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
  assert_int_equal(c.status, SPG_ERR_BINARY);
  assert_non_null(strstr(c.err.message, "PDF"));
  RUN(&c, "{\\rtf1\\ansi\\deff0 {\\fonttbl}}\n");
  assert_int_equal(c.status, SPG_ERR_FORMAT);
  assert_non_null(strstr(c.err.message, "RTF"));
  /* a speech recogniser's JSON, an object or a list of them */
  RUN(&c, "\xEF\xBB\xBF{\n  \"text\": \" De zorg was goed.\", \"segments\": []}\n");
  assert_int_equal(c.status, SPG_ERR_FORMAT);
  assert_non_null(strstr(c.err.message, "JSON"));
  RUN(&c, "[ {\"start\": 0.0, \"text\": \"Goed.\"} ]\n");
  assert_int_equal(c.status, SPG_ERR_FORMAT);
  /* a transcript that opens with a time in brackets, or braces in speech, is text */
  RUN(&c, "[00:00:01] Jan: goed\n");
  assert_int_equal(c.status, SPG_OK);
  RUN(&c, "{gelach} Jan: goed\n");
  assert_int_equal(c.status, SPG_OK);
}

/* ---- UTF-16 / UTF-32 ---- */

static void utf16le_bom_is_converted(void **state) {
  check c;
  RUN(&c, "\xFF\xFEJ\0a\0n\0:\0 \0\xE9\0\n\0");
  assert_int_equal(c.status, SPG_OK);
  assert_non_null(c.converted);
  assert_string_equal(c.converted, "Jan: \xC3\xA9\n");
  assert_int_equal(c.converted_len, 8);
  assert_int_equal(c.warn.count, 1);
  assert_non_null(strstr(c.warn.last, "UTF-16LE"));
  done(&c);
}

static void utf16be_surrogate_pair_is_converted(void **state) {
  check c;
  RUN(&c, "\xFE\xFF\0o\0k\xD8\x3D\xDE\x00\x20\xAC");
  assert_int_equal(c.status, SPG_OK);
  assert_string_equal(c.converted, "ok\xF0\x9F\x98\x80\xE2\x82\xAC");
  assert_non_null(strstr(c.warn.last, "UTF-16BE"));
  done(&c);
}

static void utf16_unpaired_surrogate_names_line(void **state) {
  check c;
  RUN(&c, "\xFF\xFE" "a\0\n\0b\0\n\0\x00\xDC");
  assert_int_equal(c.status, SPG_ERR_ENCODING);
  assert_int_equal(c.err.line, 3);
  assert_non_null(strstr(c.err.message, "surrogate"));
  assert_null(c.converted);
}

static void utf16_odd_length_is_an_error(void **state) {
  check c;
  RUN(&c, "\xFF\xFE" "a\0b\0c");
  assert_int_equal(c.status, SPG_ERR_ENCODING);
  assert_null(c.converted);
}

static void utf16_bom_only_is_empty(void **state) {
  check c;
  RUN(&c, "\xFF\xFE \0\n\0");
  assert_int_equal(c.status, SPG_ERR_EMPTY);
  assert_null(c.converted);
}

static void utf16_nul_character_is_binary(void **state) {
  check c;
  RUN(&c, "\xFF\xFE" "a\0\0\0b\0");
  assert_int_equal(c.status, SPG_ERR_BINARY);
  assert_null(c.converted);
}

static void utf32le_bom_is_converted(void **state) {
  check c;
  RUN(&c, "\xFF\xFE\0\0h\0\0\0\xE9\0\0\0");
  assert_int_equal(c.status, SPG_OK);
  assert_string_equal(c.converted, "h\xC3\xA9");
  assert_non_null(strstr(c.warn.last, "UTF-32LE"));
  done(&c);
}

/* ---- size ---- */

static void giant_line_is_checked(void **state) {
  size_t n = 5u << 20;
  char *data = malloc(n);
  assert_non_null(data);
  for (size_t i = 0; i < n; i++) data[i] = (char)('a' + i % 26);
  memcpy(data + n / 2, "\xC3\xA9", 2);
  check c;
  run(&c, data, n);
  assert_int_equal(c.status, SPG_OK);
  assert_null(c.converted);
  data[n - 10] = (char)0xE9; /* one Latin-1 byte among valid UTF-8: an error at line 1 */
  run(&c, data, n);
  assert_int_equal(c.status, SPG_ERR_ENCODING);
  assert_int_equal(c.err.line, 1);
  data[n / 2] = 'x', data[n / 2 + 1] = 'y'; /* now only Latin-1: converted */
  run(&c, data, n);
  assert_int_equal(c.status, SPG_OK);
  assert_int_equal(c.converted_len, n + 1);
  done(&c);
  free(data);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(empty_file_is_empty),
      cmocka_unit_test(whitespace_only_is_empty),
      cmocka_unit_test(utf8_passes_unconverted),
      cmocka_unit_test(utf8_bom_is_left_in_place),
      cmocka_unit_test(invalid_utf8_names_line_and_byte),
      cmocka_unit_test(surrogates_and_overlongs_are_invalid),
      cmocka_unit_test(crlf_lines_are_counted),
      cmocka_unit_test(windows1252_is_converted_with_warning),
      cmocka_unit_test(latin1_bytes_become_their_code_points),
      cmocka_unit_test(windows1252_undefined_byte_is_an_error),
      cmocka_unit_test(windows1252_with_control_junk_is_an_error),
      cmocka_unit_test(nul_byte_is_binary_with_line),
      cmocka_unit_test(utf16_without_bom_is_binary),
      cmocka_unit_test(many_control_bytes_are_binary),
      cmocka_unit_test(a_stray_control_byte_only_warns),
      cmocka_unit_test(containers_are_named),
      cmocka_unit_test(utf16le_bom_is_converted),
      cmocka_unit_test(utf16be_surrogate_pair_is_converted),
      cmocka_unit_test(utf16_unpaired_surrogate_names_line),
      cmocka_unit_test(utf16_odd_length_is_an_error),
      cmocka_unit_test(utf16_bom_only_is_empty),
      cmocka_unit_test(utf16_nul_character_is_binary),
      cmocka_unit_test(utf32le_bom_is_converted),
      cmocka_unit_test(giant_line_is_checked),
  };
  return cmocka_run_group_tests_name("encoding", tests, NULL, NULL);
}
