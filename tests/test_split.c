/* test_split.c — engine/split.c: Dutch sentence boundaries (abbreviations from the real
 * lexicons/abbreviations.txt, initials, numbers, list numbers, ellipses, quotes, lower-case
 * continuation, paragraph breaks, long unpunctuated speech) and spg_split_text. */
#include "testutil.h"

#include "internal.h"
#include "lexicon.h"
#include "morph.h"

#include <stdio.h>
#include <time.h>

/* A session of format fmt with one turn per text, normalised and split. */
static spg_session *split_turns_as(const spg_lexicon *lex, spg_format fmt, const char *const *texts,
                                   size_t n) {
  spg_session *s = spg_session_new("test");
  assert_non_null(s);
  s->format = fmt;
  for (size_t i = 0; i < n; i++) {
    assert_int_equal(spg_session_begin_turn(s, 0, (uint32_t)i + 1, SPG_NO_TIME, SPG_NO_TIME), 0);
    assert_int_equal(spg_session_turn_text(s, texts[i], strlen(texts[i])), 0);
  }
  for (size_t i = 0; i < n; i++) {
    spg_turn *t = &s->turns.v[i];
    t->norm_off = (uint32_t)s->norm.len;
    assert_int_equal(spg_normalize(s->raw.data + t->raw_off, t->raw_len, t->raw_off, &s->norm,
                                   &s->norm_map, NULL, NULL, 0),
                     0);
    t->norm_len = (uint32_t)(s->norm.len - t->norm_off);
  }
  spg_split_prepare(s); /* as analyze.c: the whole text first */
  for (size_t i = 0; i < n; i++)
    assert_int_equal(spg_split_turn(s, (uint32_t)i, lex), 0);
  /* every sentence: inside its turn, not empty, no white space at its ends, in order */
  for (size_t i = 0; i < s->sentences.n; i++) {
    const spg_sentence *x = &s->sentences.v[i];
    const spg_turn *t = &s->turns.v[x->turn];
    assert_true(x->norm_len > 0);
    assert_true(x->norm_off >= t->norm_off &&
                x->norm_off + x->norm_len <= t->norm_off + t->norm_len);
    assert_true(i >= t->first_sentence && i < t->first_sentence + t->n_sentences);
    char a = s->norm.data[x->norm_off], b = s->norm.data[x->norm_off + x->norm_len - 1];
    assert_true(a != ' ' && a != '\n' && b != ' ' && b != '\n');
    if (i)
      assert_true(x->norm_off >= s->sentences.v[i - 1].norm_off + s->sentences.v[i - 1].norm_len);
  }
  return s;
}

static spg_session *split_turns(const spg_lexicon *lex, const char *const *texts, size_t n) {
  return split_turns_as(lex, SPG_FORMAT_AUTO, texts, n);
}

/* Splits one turn of a transcript of format fmt and compares its sentences with want
 * (NULL-terminated). */
static void expect_split_as(void **state, spg_format fmt, const char *text,
                            const char *const *want) {
  fixture *f = *state;
  spg_session *s = split_turns_as(f->lex, fmt, &text, 1);
  size_t n = 0;
  while (want[n])
    n++;
  for (size_t i = 0; i < s->sentences.n && i < n; i++) {
    const spg_sentence *x = &s->sentences.v[i];
    if (strlen(want[i]) != x->norm_len || memcmp(want[i], s->norm.data + x->norm_off, x->norm_len))
      fail_msg("sentence %zu: got \"%.*s\", want \"%s\"", i, (int)x->norm_len,
               s->norm.data + x->norm_off, want[i]);
  }
  if (s->sentences.n != n) {
    for (size_t i = 0; i < s->sentences.n; i++)
      fprintf(stderr, "  [%zu] %.*s\n", i, (int)s->sentences.v[i].norm_len,
              s->norm.data + s->sentences.v[i].norm_off);
    fail_msg("%zu sentences, want %zu, in \"%s\"", s->sentences.n, n, text);
  }
  assert_int_equal(s->turns.v[0].n_sentences, n);
  spg_session_free(s);
}

static void expect_split(void **state, const char *text, const char *const *want) {
  expect_split_as(state, SPG_FORMAT_AUTO, text, want);
}

#define SPLIT(text, ...) expect_split(state, text, (const char *const[]){__VA_ARGS__, NULL})
/* ... the same, the turn read from an SRT caption file */
#define SPLIT_SRT(text, ...)                                                                       \
  expect_split_as(state, SPG_FORMAT_SRT, text, (const char *const[]){__VA_ARGS__, NULL})

static void terminators_end_sentences(void **state) {
  SPLIT("Dit is een zin. Dit is er nog een! Is dit een vraag? Ja.", "Dit is een zin.",
        "Dit is er nog een!", "Is dit een vraag?", "Ja.");
  SPLIT("Echt?! Ja!!! Goed zo.", "Echt?!", "Ja!!!", "Goed zo.");
  SPLIT("Zonder punt aan het eind", "Zonder punt aan het eind");
}

static void abbreviations_do_not_end(void **state) {
  SPLIT("Er waren o.a. artsen bij. Bijv. de huisarts kwam ook.", "Er waren o.a. artsen bij.",
        "Bijv. de huisarts kwam ook.");
  SPLIT("Dhr. Jansen en mevr. De Vries, d.w.z. de ouders, kwamen i.p.v. de kinderen.",
        "Dhr. Jansen en mevr. De Vries, d.w.z. de ouders, kwamen i.p.v. de kinderen.");
  SPLIT("Het ging t.a.v. de zgn. quick-wins om ca. 20 mensen in kamer nr. 5. Daarna koffie.",
        "Het ging t.a.v. de zgn. quick-wins om ca. 20 mensen in kamer nr. 5.", "Daarna koffie.");
  /* a few abbreviations close a list and so a sentence */
  SPLIT("Er was koffie, thee enz. Daarna gingen we praten.", "Er was koffie, thee enz.",
        "Daarna gingen we praten.");
  SPLIT("Dat was ongeveer 330 v. Chr. Bijna 1000 jaar later niet meer.",
        "Dat was ongeveer 330 v. Chr.", "Bijna 1000 jaar later niet meer.");
}

static void initials_do_not_end(void **state) {
  SPLIT("Ik sprak J. de Vries. Mevrouw K. zei niets. Th. Jansen ook niet.", "Ik sprak J. de Vries.",
        "Mevrouw K. zei niets.", "Th. Jansen ook niet.");
  SPLIT("Dokter A. B. Smit was er. Hij ook.", "Dokter A. B. Smit was er.", "Hij ook.");
  /* a letter before a word that never starts a surname does end the sentence */
  SPLIT("De eigenschap heet B. Maar dat is een ander verhaal.", "De eigenschap heet B.",
        "Maar dat is een ander verhaal.");
}

static void numbers_times_dates(void **state) {
  SPLIT("Om 12.30 uur begon het. Het kostte 1.000 euro en 3.5 procent meer. Om 10.00. Toen niet.",
        "Om 12.30 uur begon het.", "Het kostte 1.000 euro en 3.5 procent meer.", "Om 10.00.",
        "Toen niet.");
  SPLIT("Dat was in 2004. 2005 was beter.", "Dat was in 2004.", "2005 was beter.");
  SPLIT("Zie www.zorg.nl voor meer. Of bel 06.12345678 op 1.1.2024 of zo.",
        "Zie www.zorg.nl voor meer.", "Of bel 06.12345678 op 1.1.2024 of zo.");
}

static void ellipses(void **state) {
  SPLIT("Ik dacht... nou ja, laat maar. Toen... Ja, toen ging ik.",
        "Ik dacht... nou ja, laat maar.", "Toen...", "Ja, toen ging ik.");
  SPLIT("Ik dacht\xe2\x80\xa6 Hij kwam niet.", "Ik dacht...", "Hij kwam niet.");
  SPLIT("En toen ... eh ... wist ik het niet meer.", "En toen ... eh ... wist ik het niet meer.");
}

static void quoted_speech(void **state) {
  SPLIT("Hij zei: \"Ga maar zitten.\" Toen ging ik zitten.", "Hij zei: \"Ga maar zitten.\"",
        "Toen ging ik zitten.");
  SPLIT("\"Waarom?\" vroeg ze. \"Daarom!\" riep hij.", "\"Waarom?\" vroeg ze.",
        "\"Daarom!\" riep hij.");
  SPLIT("Ze zei \xe2\x80\x98Prima.\xe2\x80\x99 Daarna was het stil.", "Ze zei 'Prima.'",
        "Daarna was het stil.");
  SPLIT(",,Mijn niveau is omhoog gegaan.'' Ze lachte. ,, Dit verzin je niet.''",
        "\"Mijn niveau is omhoog gegaan.\"", "Ze lachte.", "\" Dit verzin je niet.\"");
  SPLIT("Ik had pijn. (Veel pijn.) Niemand kwam.", "Ik had pijn.", "(Veel pijn.)", "Niemand kwam.");
  /* Markdown's italics close after the mark and open before a sentence */
  SPLIT("*Marjan vroeg of het hielp.* Bijna niemand wist het.", "*Marjan vroeg of het hielp.*",
        "Bijna niemand wist het.");
  SPLIT("Het was goed. *Ja, heel goed.*", "Het was goed.", "*Ja, heel goed.*");
}

static void lower_case_continues(void **state) {
  SPLIT("Hoezo? zei hij. Ja! riep ze.", "Hoezo? zei hij.", "Ja! riep ze.");
  SPLIT("Het was 5 p.m. en toen ging ik.", "Het was 5 p.m. en toen ging ik.");
  /* but 's and 't are lower-case starts of a sentence */
  SPLIT("Het was laat. 's Ochtends was het beter. 't Is goed. 's avonds niet.", "Het was laat.",
        "'s Ochtends was het beter.", "'t Is goed.", "'s avonds niet.");
}

static void text_without_capitals(void **state) {
  /* lower-cased speech recognition: case gives no signal, punctuation does */
  SPLIT("ik ging naar huis. daar was niemand. wat nu? ik dacht... nou ja.", "ik ging naar huis.",
        "daar was niemand.", "wat nu?", "ik dacht... nou ja.");
}

/* A transcript that starts its sentences in lower case after their full stop, names keeping
 * their capitals (a conversation analyst's, speech recognition's): there a full stop or a
 * question mark before a lower-case word ends a sentence; an abbreviation still does not, a
 * question a verb reports still goes on, "(.)" is a pause. Written text (capitals after its
 * full stops) keeps a lower-case word after one in the sentence. */
static void lower_case_sentence_starts(void **state) {
  SPLIT("goedemiddag allemaal. ik ben Hans (.) ik ben gespreksleider. achter u zitten drie "
        "mensen, Laura en Marco. zij luisteren. wie wil beginnen? ik ga bijv. eerst. hoezo? zei "
        "hij.",
        "goedemiddag allemaal.", "ik ben Hans (.) ik ben gespreksleider.",
        "achter u zitten drie mensen, Laura en Marco.", "zij luisteren.", "wie wil beginnen?",
        "ik ga bijv. eerst.", "hoezo? zei hij.");
  /* a verb after the full stop opens the next sentence there (an imperative, "zet") */
  SPLIT("ik ben Hans. ik ben gespreksleider. jullie zijn er. welkom. je staat bij de deur. zet "
        "het op het bord.",
        "ik ben Hans.", "ik ben gespreksleider.", "jullie zijn er.", "welkom.",
        "je staat bij de deur.", "zet het op het bord.");
  SPLIT("Het was laat. Ik ging. Daarna ging ik. Hoezo? Ja. Nou. dus ik belde.", "Het was laat.",
        "Ik ging.", "Daarna ging ik.", "Hoezo?", "Ja.", "Nou. dus ik belde.");
}

/* A form's question number and a letter's point number open their text ("Vraag 4.", "A1.",
 * "B."); a question's remark in brackets at the paragraph's end stays with it. Elsewhere a
 * number before a capital still ends a sentence, and "Was het goed? (Ja.)" is two. */
static void numbered_labels_and_remarks(void **state) {
  SPLIT("Vraag 4. Wat ging er goed? (open vraag, 13 antwoorden)",
        "Vraag 4. Wat ging er goed? (open vraag, 13 antwoorden)");
  SPLIT("A1. Ouders zeiden: De arts was aardig.", "A1. Ouders zeiden: De arts was aardig.");
  SPLIT("B. VERBETERPUNTEN", "B. VERBETERPUNTEN");
  SPLIT("Ik woon hier sinds 2004. Het was kamer 4. Toen ging ik.", "Ik woon hier sinds 2004.",
        "Het was kamer 4.", "Toen ging ik.");
  SPLIT("Was het goed? (Ja.)", "Was het goed?", "(Ja.)");
  SPLIT("Was het goed? (ja) Nee.", "Was het goed?", "(ja) Nee.");
}

static void paragraph_break_always_ends(void **state) {
  SPLIT("Eerste deel zonder punt\n\nTweede deel ook niet\n\n\nDerde.", "Eerste deel zonder punt",
        "Tweede deel ook niet", "Derde.");
  SPLIT("Een zin die\ndoorloopt.", "Een zin die doorloopt.");
}

static void list_items_after_brackets(void **state) {
  SPLIT("Provincieraadslid (1985-1987) Volksvertegenwoordiger (1985-1995) Lid van de Raad",
        "Provincieraadslid (1985-1987)", "Volksvertegenwoordiger (1985-1995)", "Lid van de Raad");
  SPLIT("Er zijn twee groepen: (1) Nederlandstaligen en (2) Franstaligen.",
        "Er zijn twee groepen: (1) Nederlandstaligen en (2) Franstaligen.");
}

/* The number of a list item that opens a paragraph ("1.", "12)", "a)") does not end a sentence:
 * the item is one sentence with its number. Inside a paragraph a number before a capital still
 * ends one. */
static void list_numbers_do_not_end(void **state) {
  SPLIT("Tips:\n1. Bel de ouders terug.\n2. Een vast aanspreekpunt\n12) Twaalf\na) Derde punt",
        "Tips:", "1. Bel de ouders terug.", "2. Een vast aanspreekpunt", "12) Twaalf",
        "a) Derde punt");
  SPLIT("1. Eerste punt. Het tweede volgt.", "1. Eerste punt.", "Het tweede volgt.");
  SPLIT("Het waren er 3. Daarna ging ik.", "Het waren er 3.", "Daarna ging ik.");
}

static size_t count_words(const char *s, size_t n) {
  size_t w = 0;
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ')) w++;
  return w;
}

/* Auto-captions: 70 words without a mark. */
static void long_unpunctuated_run_is_cut(void **state) {
  fixture *f = *state;
  SPLIT("ja ik kwam binnen bij de balie en de mevrouw keek niet eens op ze was aan het bellen en "
        "ik stond daar maar te wachten met mijn papieren in mijn hand en niemand zei iets tegen "
        "mij maar na een kwartier kwam er een verpleegkundige die heel vriendelijk was en die nam "
        "me mee naar een kamer en toen moest ik weer wachten op de dokter die pas na een uur kwam",
        /* cut before "ze was" (pronoun + finite verb) and "maar na" (a marker), not before
           "ik stond" (after "en") or "maar te wachten" (an adverb) */
        "ja ik kwam binnen bij de balie en de mevrouw keek niet eens op",
        "ze was aan het bellen en ik stond daar maar te wachten met mijn papieren in mijn hand "
        "en niemand zei iets tegen mij",
        "maar na een kwartier kwam er een verpleegkundige die heel vriendelijk was en die nam me "
        "mee naar een kamer en toen moest ik weer wachten op de dokter die pas na een uur kwam");

  /* no marker at all: cut at 40 words */
  char many[2000] = "";
  for (int i = 0; i < 100; i++)
    strcat(many, "woord ");
  const char *m = many;
  spg_session *s = split_turns(f->lex, &m, 1);
  assert_int_equal(s->sentences.n, 3);
  for (size_t i = 0; i < 3; i++)
    assert_int_equal(
        count_words(s->norm.data + s->sentences.v[i].norm_off, s->sentences.v[i].norm_len),
        i < 2 ? 40 : 20);
  spg_session_free(s);
}

static void speech_clauses(void **state) {
  /* a subject pronoun with a finite verb opens a clause, unless bound to the one before */
  SPLIT("ik woon hier sinds vorig jaar na een val in de badkamer ik heb toen heel lang in het "
        "ziekenhuis gelegen en ik vond het daar niet fijn want ze zeiden dat ik moest wachten "
        "de verzorging hier is heel lief alleen 's ochtends moet ik soms lang wachten",
        "ik woon hier sinds vorig jaar na een val in de badkamer",
        "ik heb toen heel lang in het ziekenhuis gelegen en ik vond het daar niet fijn want ze "
        "zeiden dat ik moest wachten de verzorging hier is heel lief",
        "alleen 's ochtends moet ik soms lang wachten");
  /* "maar" and "alleen" as adverbs */
  SPLIT("er is een probleem met parkeren bij de ingang er zijn maar zes plekken voor bezoek en "
        "de voordeur is niet alleen 's avonds op slot",
        "er is een probleem met parkeren bij de ingang er zijn maar zes plekken voor bezoek en "
        "de voordeur is niet alleen 's avonds op slot");
  /* an imperative tip (lexicons/imperatives.txt) opens a clause, but not after a subject */
  SPLIT("de balie is alleen op dinsdag open tot een uur of twaalf in de middag hang gewoon een "
        "briefje op de deur met de tijden en dan zet ik het ook in de agenda",
        "de balie is alleen op dinsdag open tot een uur of twaalf in de middag",
        "hang gewoon een briefje op de deur met de tijden en dan zet ik het ook in de agenda");
  /* ... from five words with its object or a determiner after it; not after a subject */
  SPLIT("nee dat wist ik niet zet dat dan ook in die brief of op een sticker op de rolstoel want "
        "dan weet iedereen het meteen",
        "nee dat wist ik niet",
        "zet dat dan ook in die brief of op een sticker op de rolstoel want dan weet iedereen het "
        "meteen");
  SPLIT("die zit al jaren in de kast en ik zet die stoel elke week weer terug op de plek waar hij "
        "hoort te staan",
        "die zit al jaren in de kast en ik zet die stoel elke week weer terug op de plek waar hij "
        "hoort te staan");
  /* after a verb "maar" is an adverb ("stond daar maar te wachten"), unless a subject and its
   * finite verb follow: then it opens a clause */
  SPLIT("de vertrouwenspersoon was wel heel goed toen ik daar eenmaal kwam maar ik wist eerst "
        "niet eens dat die bestond op school",
        "de vertrouwenspersoon was wel heel goed toen ik daar eenmaal kwam",
        "maar ik wist eerst niet eens dat die bestond op school");
  SPLIT("ik heb toen een hele ochtend op de gang gezeten en ik stond daar maar te wachten tot er "
        "iemand kwam",
        "ik heb toen een hele ochtend op de gang gezeten en ik stond daar maar te wachten tot er "
        "iemand kwam");
  /* "misschien een" after a noun opens a wish; after a verb or an adverb it is the adverb */
  SPLIT("de kantine is echt duur twee vijftig voor een broodje misschien een magnetron "
        "neerzetten zodat we ons eigen eten kunnen opwarmen in de pauze",
        "de kantine is echt duur twee vijftig voor een broodje",
        "misschien een magnetron neerzetten zodat we ons eigen eten kunnen opwarmen in de pauze");
  SPLIT("ik zat in de wachtkamer en het was toen allemaal bij elkaar misschien een uur voordat de "
        "arts kwam en dat vond ik lang",
        "ik zat in de wachtkamer en het was toen allemaal bij elkaar misschien een uur voordat de "
        "arts kwam en dat vond ik lang");
  SPLIT("ik zat in de wachtkamer en na de pauze was het volgens mij misschien een uur wachten "
        "voor ik aan de beurt was",
        "ik zat in de wachtkamer en na de pauze was het volgens mij misschien een uur wachten voor "
        "ik aan de beurt was");
  /* written text: "maar" after eight words without a comma is not cut */
  SPLIT("Hij speelde in 1997 en 1998 in dienst van Rabo maar kon daar zijn faam niet waarmaken.",
        "Hij speelde in 1997 en 1998 in dienst van Rabo maar kon daar zijn faam niet waarmaken.");
}

/* lexicons/verbs.txt: a subject and a finite verb of its number open a clause in speech
 * without marks, from a few words on; not after a preposition or subordinator, and not for an
 * infinitive after a singular noun ("wilde de arts lopen"). */
static void speech_subjects_and_verbs(void **state) {
  SPLIT("ik was altijd een fanatieke wandelaar de operatie zelf is perfect gegaan ik liep de "
        "volgende dag al met het looprek door de gang de verpleegkundigen op de afdeling waren "
        "geweldig",
        "ik was altijd een fanatieke wandelaar", "de operatie zelf is perfect gegaan",
        "ik liep de volgende dag al met het looprek door de gang",
        "de verpleegkundigen op de afdeling waren geweldig");
  /* "het" takes a singular verb, a noun in -s a plural one */
  SPLIT("ik kon de poli orthopedie op de eerste verdieping niet vinden de bordjes verwijzen nog "
        "naar de oude ingang en het eten was koud",
        "ik kon de poli orthopedie op de eerste verdieping niet vinden",
        "de bordjes verwijzen nog naar de oude ingang en het eten was koud");
  /* kept: a noun phrase after a subordinator or a preposition, after "en", an infinitive */
  SPLIT("ik heb heel lang gewacht omdat de dokter op de afdeling bleef en ik zat in de "
        "wachtkamer te lezen tot het donker werd buiten",
        "ik heb heel lang gewacht omdat de dokter op de afdeling bleef en ik zat in de wachtkamer "
        "te lezen tot het donker werd buiten");
  SPLIT("misschien kunnen jullie op de website zetten wanneer het rustig is bij de bloedafname "
        "want 's middags is het daar leeg",
        "misschien kunnen jullie op de website zetten wanneer het rustig is bij de bloedafname "
        "want 's middags is het daar leeg");
  SPLIT("toen kwam ik thuis en wilde de huisarts nog even langskomen bij ons in de straat maar "
        "dat lukte niet meer die dag",
        "toen kwam ik thuis en wilde de huisarts nog even langskomen bij ons in de straat",
        "maar dat lukte niet meer die dag");
  /* after a verb the pronoun is its subject ("toen liep ik"), unless a frequent singular
   * finite verb follows it; a plural after it may be an infinitive ("moesten we gaan") */
  SPLIT("de logopediste heeft me weer leren praten want in het begin kon ik echt niks zeggen ze "
        "had eindeloos geduld met mij",
        "de logopediste heeft me weer leren praten want in het begin kon ik echt niks zeggen",
        "ze had eindeloos geduld met mij");
  SPLIT("het was een hele drukke week op de afdeling en toen het eindelijk klaar was moesten we "
        "gaan en dat vonden we goed",
        "het was een hele drukke week op de afdeling en toen het eindelijk klaar was moesten we "
        "gaan en dat vonden we goed");
  SPLIT("de informatieavond voor mensen die een nieuwe knie krijgen vond ik heel goed je hoort "
        "ook verhalen van anderen",
        "de informatieavond voor mensen die een nieuwe knie krijgen vond ik heel goed je hoort ook "
        "verhalen van anderen");
  /* an indefinite pronoun is a subject too; not after a binder ("omdat iedereen") */
  SPLIT("ik snapte in het begin helemaal niks van het boekje en het portfolio niemand wist wat "
        "je daar precies in moest zetten",
        "ik snapte in het begin helemaal niks van het boekje en het portfolio",
        "niemand wist wat je daar precies in moest zetten");
  SPLIT("het eten is op de afdeling vaak koud en niet lekker alles ging daar toen ook heel snel "
        "en heel rommelig",
        "het eten is op de afdeling vaak koud en niet lekker",
        "alles ging daar toen ook heel snel en heel rommelig");
  SPLIT("ik kon die avond niet meer naar binnen omdat iedereen al naar huis was gegaan en de "
        "deur op slot zat",
        "ik kon die avond niet meer naar binnen omdat iedereen al naar huis was gegaan en de deur "
        "op slot zat");
  /* a frequent adjective stays one before a noun that could be a verb ("verhaal" of
   * "verhalen"): no subject "mijn hele" */
  SPLIT("met een vaste coach is het een wereld van verschil ik hoef niet meer bij iedere "
        "afspraak mijn hele verhaal te doen",
        "met een vaste coach is het een wereld van verschil ik hoef niet meer bij iedere afspraak "
        "mijn hele verhaal te doen");
  /* "u" right after a subject is its object, no subject of a clause of its own */
  SPLIT("als ik maar weet op welke dag en welk uur ik u kan bereiken dan is het voor mij al "
        "goed genoeg",
        "als ik maar weet op welke dag en welk uur ik u kan bereiken dan is het voor mij al goed "
        "genoeg");
  /* "hier" ends a clause before a subject and its verb: no subordinator, as "daar" may be */
  SPLIT("ik had schulden en dat vind ik nog steeds moeilijk om te zeggen zo hier ik werd niet "
        "veroordeeld en dat was voor mij het belangrijkste",
        "ik had schulden en dat vind ik nog steeds moeilijk om te zeggen zo hier",
        "ik werd niet veroordeeld en dat was voor mij het belangrijkste");
  /* "zelf" ends a noun phrase: "de orthopeed zelf is" */
  SPLIT("en dan krijg je geen uitleg over de reden de orthopeed zelf is heel kundig en de knie "
        "doet het prima",
        "en dan krijg je geen uitleg over de reden",
        "de orthopeed zelf is heel kundig en de knie doet het prima");
}

/* In punctuated speech that drops a mark now and then, an imperative with its particle opens a
 * clause after five words or more ("zet er dan", "vraag gewoon"); not a verb at the end of a
 * clause with "dan" and a finite verb after it ("ik de volgende keer kom | dan kan ik"), and
 * without a particle a run of words stays one clause. */
static void speech_imperative_in_punctuated_turn(void **state) {
  SPLIT("en die voorschotten, die worden soms ineens aangepast zonder dat je weet waarom, dan "
        "krijg je opeens tachtig euro minder zet er dan gewoon bij wat er veranderd is",
        "en die voorschotten, die worden soms ineens aangepast zonder dat je weet waarom, dan "
        "krijg je opeens tachtig euro minder",
        "zet er dan gewoon bij wat er veranderd is");
  SPLIT("Het gesprek werd gepland, zonder te vragen wanneer wij konden vraag gewoon even welke "
        "dag beide ouders kunnen, dat is één telefoontje.",
        "Het gesprek werd gepland, zonder te vragen wanneer wij konden",
        "vraag gewoon even welke dag beide ouders kunnen, dat is één telefoontje.");
  SPLIT("Misschien kunnen jullie, dat zou fijn zijn, in de brief zetten bij welke arts ik de "
        "volgende keer kom dan kan ik daar ook om vragen.",
        "Misschien kunnen jullie, dat zou fijn zijn, in de brief zetten bij welke arts ik de "
        "volgende keer kom dan kan ik daar ook om vragen.");
  SPLIT("Ja, de wachttijd was lang en toen ik belde zet de assistente mij weer in de wacht.",
        "Ja, de wachttijd was lang en toen ik belde zet de assistente mij weer in de wacht.");
}

/* A verb second with its subject after it opens a main clause: after a time phrase, a
 * prepositional phrase (with "van" going on) or an adverb of time; not after a word that points
 * back ("daar", "dat": left dislocation is one sentence), nor after a binder. */
static void speech_inverted_clauses(void **state) {
  /* a marker with a finite verb and its subject after it opens a main clause */
  SPLIT("ik vind de app waar ze foto's in zetten echt heel fijn dan zie ik wat hij gedaan heeft "
        "alleen wordt die niet altijd bijgehouden",
        "ik vind de app waar ze foto's in zetten echt heel fijn dan zie ik wat hij gedaan heeft",
        "alleen wordt die niet altijd bijgehouden");
  /* "thuis" in first place, a verb and its subject after it */
  SPLIT("ik word maar een keer in de week gedoucht dat vind ik te weinig thuis deed ik dat elke "
        "dag en dat mis ik wel heel erg",
        "ik word maar een keer in de week gedoucht dat vind ik te weinig",
        "thuis deed ik dat elke dag en dat mis ik wel heel erg");
  /* an evaluation in a cleft without a subject, after a verb; not after a noun, where "wat" is
   * the relative pronoun of speech */
  SPLIT("de zorg voor mijn moeder is heel goed ze weten hoe ze haar moeten benaderen en dat werkt "
        "wat wel slecht is zijn de invalkrachten",
        "de zorg voor mijn moeder is heel goed ze weten hoe ze haar moeten benaderen en dat werkt",
        "wat wel slecht is zijn de invalkrachten");
  SPLIT("ik kreeg na de opname van de afdeling een heel dik formulier wat echt slecht is voor "
        "mensen zoals ik",
        "ik kreeg na de opname van de afdeling een heel dik formulier wat echt slecht is voor "
        "mensen zoals ik");
  /* after "niet" too, with its particle "nou", which opens no clause of its own there */
  SPLIT("ik heb hem aan mijn buurman gegeven die is accountant geweest en die snapte het ook niet "
        "zet nou gewoon bovenaan wat er aan de hand is",
        "ik heb hem aan mijn buurman gegeven die is accountant geweest en die snapte het ook niet",
        "zet nou gewoon bovenaan wat er aan de hand is");
  /* a particle ends the clause before an imperative with its object */
  SPLIT("ik kom uit tiel dat is een uur reizen dus dan sta je weet je voor niks op zet het "
        "gewoon de avond van tevoren in de app",
        "ik kom uit tiel dat is een uur reizen dus dan sta je weet je voor niks op",
        "zet het gewoon de avond van tevoren in de app");
  SPLIT("de orthopeed legde de voor- en nadelen eerlijk uit het wachten is nog altijd lang vorige "
        "week zat ik er weer ruim een uur",
        "de orthopeed legde de voor- en nadelen eerlijk uit het wachten is nog altijd lang",
        "vorige week zat ik er weer ruim een uur");
  SPLIT("ik heb de operatie een jaar uitgesteld vanwege de zorg voor mijn vrouw op de poli zat ik "
        "nog steeds drie kwartier te wachten",
        "ik heb de operatie een jaar uitgesteld vanwege de zorg voor mijn vrouw",
        "op de poli zat ik nog steeds drie kwartier te wachten");
  SPLIT("ik werk in de bouw dus ik moest snel weer aan het werk bij de balie van de poli hoor je "
        "nog steeds alles van de mensen",
        "ik werk in de bouw dus ik moest snel weer aan het werk",
        "bij de balie van de poli hoor je nog steeds alles van de mensen");
  SPLIT("ik moest heel lang wachten op een nieuwe afspraak met de arts gelukkig kon ik toen wel "
        "bij de huisarts terecht",
        "ik moest heel lang wachten op een nieuwe afspraak met de arts",
        "gelukkig kon ik toen wel bij de huisarts terecht");
  /* a preposition with an object pronoun is a first constituent too */
  SPLIT("de wijkcoach heeft me dat allemaal uitgelegd en heel goed geholpen via haar ben ik bij "
        "het steunpunt mantelzorg in de wijk terechtgekomen",
        "de wijkcoach heeft me dat allemaal uitgelegd en heel goed geholpen",
        "via haar ben ik bij het steunpunt mantelzorg in de wijk terechtgekomen");
  SPLIT("ik heb vorige week nog heel lang met haar gesproken over de zorg voor mijn moeder en dat "
        "ging goed",
        "ik heb vorige week nog heel lang met haar gesproken over de zorg voor mijn moeder en dat "
        "ging goed");
  /* an evaluation in a cleft opens a sentence; "wat" after a noun without one stays a
   * relative pronoun of speech, and after "alles" or a verb of knowing it is bound */
  SPLIT("ik heb het daar ook met de mentor over gehad en niet alleen over school wat ik wel "
        "lastig vond is dat er niemand was die het oppakte",
        "ik heb het daar ook met de mentor over gehad en niet alleen over school",
        "wat ik wel lastig vond is dat er niemand was die het oppakte");
  SPLIT("ik heb het daar ook met de mentor over gehad en over het formulier wat ik toen van de "
        "school kreeg en dat ging goed",
        "ik heb het daar ook met de mentor over gehad en over het formulier wat ik toen van de "
        "school kreeg en dat ging goed");
  SPLIT("ik heb het daar ook met de mentor over gehad en hij deed eigenlijk alles wat ik heel "
        "fijn vond in die tijd",
        "ik heb het daar ook met de mentor over gehad en hij deed eigenlijk alles wat ik heel fijn "
        "vond in die tijd");
  /* one sentence each */
  SPLIT("die nieuwe aanmeldzuilen bij de ingang van het ziekenhuis daar snap ik helemaal niks van "
        "eerlijk gezegd",
        "die nieuwe aanmeldzuilen bij de ingang van het ziekenhuis daar snap ik helemaal niks van "
        "eerlijk gezegd");
  SPLIT("mijn kleinkinderen mogen altijd komen ook buiten de bezoektijden dat vind ik echt heel "
        "fijn hier",
        "mijn kleinkinderen mogen altijd komen ook buiten de bezoektijden dat vind ik echt heel "
        "fijn hier");
  SPLIT("ik weet nog goed hoe het ging en toen kreeg ik eindelijk een brief van de gemeente over "
        "mijn aanvraag",
        "ik weet nog goed hoe het ging en toen kreeg ik eindelijk een brief van de gemeente over "
        "mijn aanvraag");
}

/* A chain of noun phrases as long as the text ("de kamer van de kamer van ...") is read a few
 * words at a time: no recursion through it, and every sentence ends at MAX_RUN words. */
static void long_noun_phrase_chain(void **state) {
  fixture *f = *state;
  size_t reps = 50000, len = 5 + reps * 13 + 1;
  char *text = malloc(len);
  assert_non_null(text);
  strcpy(text, "huis ");
  for (size_t i = 0; i < reps; i++)
    memcpy(text + 5 + i * 13, "de kamer van ", 13);
  text[len - 1] = 0;
  const char *t = text;
  spg_session *s = split_turns(f->lex, &t, 1);
  assert_true(s->sentences.n >= reps * 3 / 40);
  for (size_t i = 0; i < s->sentences.n; i++)
    assert_true(
        count_words(s->norm.data + s->sentences.v[i].norm_off, s->sentences.v[i].norm_len) <= 40);
  spg_session_free(s);
  free(text);
}

static void lower_case_after_question_in_captions(void **state) {
  /* captions give the question mark without the capital: the question is complete */
  SPLIT_SRT("En die derde persoon zei iets heel anders wie moet ik dan geloven? misschien kunnen "
            "ze een mail sturen",
            "En die derde persoon zei iets heel anders wie moet ik dan geloven?",
            "misschien kunnen ze een mail sturen");
  SPLIT_SRT("Dat was heel fijn! en daarna ging ik naar huis", "Dat was heel fijn!",
            "en daarna ging ik naar huis");
  /* a finite verb after it reports the question or the call */
  SPLIT_SRT("Waarom? vroeg ze toen. Is dat raar? vind ik niet.", "Waarom? vroeg ze toen.",
            "Is dat raar? vind ik niet.");
  /* a closer after the mark keeps the quoted question inside the sentence */
  SPLIT_SRT("Ze vroeg \"waarom?\" en liep weg.", "Ze vroeg \"waarom?\" en liep weg.");
  /* in written text case decides */
  SPLIT("Dat was heel fijn! en daarna ging ik naar huis",
        "Dat was heel fijn! en daarna ging ik naar huis");
}

static void speech_modal_waits_for_infinitive(void **state) {
  /* after a modal a noun phrase and a plural form in -en are its object and infinitive */
  SPLIT("iedereen vertelde wat ze zagen en ik mocht zelf mijn doelen noemen en daarna gingen we "
        "samen naar de zaal waar het heel warm was",
        "iedereen vertelde wat ze zagen en ik mocht zelf mijn doelen noemen en daarna gingen we "
        "samen naar de zaal waar het heel warm was");
  /* without a modal, or with its infinitive already given, the noun phrase opens a clause */
  SPLIT("iedereen vertelde wat ze zagen en het ging heel goed mijn doelen waren meteen duidelijk "
        "en daarna gingen we samen naar de zaal waar het warm was",
        "iedereen vertelde wat ze zagen en het ging heel goed",
        "mijn doelen waren meteen duidelijk en daarna gingen we samen naar de zaal waar het warm "
        "was");
  SPLIT("ik kon het daar altijd goed vinden mijn ouders waren er ook vaak bij en daarna gingen "
        "we samen naar de zaal waar het warm was",
        "ik kon het daar altijd goed vinden",
        "mijn ouders waren er ook vaak bij en daarna gingen we samen naar de zaal waar het warm "
        "was");
}

static void capitals_without_full_stops(void **state) {
  /* captions: a capitalised function word after a lower-case word starts a sentence */
  SPLIT("ik heb vier maanden gewacht en niks gehoord Niet een telefoontje van de praktijk Maar "
        "de behandelaar was heel warm",
        "ik heb vier maanden gewacht en niks gehoord", "Niet een telefoontje van de praktijk",
        "Maar de behandelaar was heel warm");
  /* names are not cut: after a preposition, a title, or with a capital after them */
  SPLIT("ik werk niet bij De Brug en ik ken meneer De Vries niet Het Parool schreef erover",
        "ik werk niet bij De Brug en ik ken meneer De Vries niet Het Parool schreef erover");
  SPLIT("Dat is goed, zegt De Wever vandaag.", "Dat is goed, zegt De Wever vandaag.");
  /* a capitalised imperative starts one too, also after a preposition (it names no one); an
   * adverb after "het" is no noun ("het gewoon" is no subject of "ruim"), and an imperative
   * after an adverb is an adverb ("gewoon ruim op tijd") */
  SPLIT("dat hakte er wel in Zeg het gewoon ruim op tijd een paar sessies van tevoren dan kun je "
        "je erop voorbereiden",
        "dat hakte er wel in",
        "Zeg het gewoon ruim op tijd een paar sessies van tevoren dan kun je je erop voorbereiden");
}

static void punctuated_long_sentence_is_kept(void **state) {
  const char *text =
      "Toen ik binnenkwam bij de poli, waar ik al drie keer eerder was geweest, keek de mevrouw "
      "achter de balie niet op, en ik moest meer dan een uur wachten voordat er iemand kwam die "
      "mij vertelde dat de dokter ziek was en dat ik maar een nieuwe afspraak moest maken.";
  expect_split(state, text, (const char *const[]){text, NULL});
}

/* A summary's points, one a paragraph, end their sentences at the line's end: those marks
 * count, so the text is not read as unpunctuated speech output and cut before "alleen". */
static void points_on_lines_are_punctuated(void **state) {
  SPLIT("Ineke legt uit dat het gaat om de ervaringen van de eigenaren en dat de medewerkers "
        "alleen luisteren.\n\nDe eigenaar van Pip kon online een afspraak maken en kreeg meteen "
        "een bevestiging per mail.\n\nDe eigenaar van Mies vond de dierenarts van de kliniek "
        "onvriendelijk.\n\nDe spoedingang is 's nachts slecht verlicht.",
        "Ineke legt uit dat het gaat om de ervaringen van de eigenaren en dat de medewerkers "
        "alleen luisteren.",
        "De eigenaar van Pip kon online een afspraak maken en kreeg meteen een bevestiging per "
        "mail.",
        "De eigenaar van Mies vond de dierenarts van de kliniek onvriendelijk.",
        "De spoedingang is 's nachts slecht verlicht.");
}

static void empty_and_odd_turns(void **state) {
  fixture *f = *state;
  const char *texts[] = {"", "   \n\n  ", "Eerste. Tweede.", "... . ! ?", "\"\" ( )"};
  spg_session *s = split_turns(f->lex, texts, 5);
  assert_int_equal(s->turns.v[0].n_sentences, 0);
  assert_int_equal(s->turns.v[0].first_sentence, 0);
  assert_int_equal(s->turns.v[1].n_sentences, 0);
  assert_int_equal(s->turns.v[2].first_sentence, 0);
  assert_int_equal(s->turns.v[2].n_sentences, 2);
  assert_int_equal(s->turns.v[3].first_sentence, 2);
  assert_true(s->turns.v[3].n_sentences >= 1);
  for (size_t i = 0; i < s->sentences.n; i++) {
    const spg_sentence *x = &s->sentences.v[i];
    assert_int_equal(x->first_token, 0);
    assert_int_equal(x->n_tokens, 0);
    assert_int_equal(x->flags, 0);
  }
  assert_int_equal(s->sentences.v[2].turn, 3);
  spg_session_free(s);
}

/* A 12 MB turn of one line must take linear time. */
static void long_turn_stays_linear(void **state) {
  fixture *f = *state;
  size_t n = 12u << 20;
  char *big = malloc(n + 1);
  assert_non_null(big);
  const char *pattern = "Dat was fijn. J. de Vries zei ... dat het om 12.30 uur kwam en ";
  size_t pl = strlen(pattern);
  for (size_t i = 0; i < n; i++)
    big[i] = pattern[i % pl];
  big[n] = 0;
  clock_t t0 = clock();
  const char *text = big;
  spg_session *s = split_turns(f->lex, &text, 1);
  assert_true(s->sentences.n > n / pl);
  spg_session_free(s);
  memset(big, 'x', n); /* one 12 MB chunk */
  s = split_turns(f->lex, &text, 1);
  assert_int_equal(s->sentences.n, 1);
  spg_session_free(s);
  free(big);
  assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 30.0);
}

/* spg_split_text writes into a temporary file; returns what it wrote (malloc'd). */
static char *split_text(spg_analyzer *an, const char *text) {
  FILE *out = tmpfile();
  assert_non_null(out);
  spg_error err;
  spg_error_clear(&err);
  assert_int_equal(spg_split_text(an, text, strlen(text), out, &err), SPG_OK);
  long size = ftell(out);
  rewind(out);
  char *got = calloc(1, (size_t)size + 1);
  assert_int_equal(fread(got, 1, (size_t)size, out), (size_t)size);
  fclose(out);
  return got;
}

static void split_text_one_sentence_per_line(void **state) {
  fixture *f = *state;
  char *got = split_text(f->an, "Eerste zin. Tweede\nzin, dhr. Jansen.\n\n \nNieuwe alinea. Laatste"
                                "\n\n\n");
  assert_string_equal(got, "Eerste zin.\nTweede zin, dhr. Jansen.\n\nNieuwe alinea.\nLaatste\n");
  free(got);
  got = split_text(NULL, "\n\nAlleen dit.\n");
  assert_string_equal(got, "Alleen dit.\n");
  free(got);
  got = split_text(NULL, "");
  assert_string_equal(got, "");
  free(got);
  /* a word hyphenated across a line break, and across a blank line, is joined */
  got = split_text(f->an, "Een veel-\ngebruikte methode.\n\nDe zorg-\n\nverzekeraar betaalt.");
  assert_string_equal(got, "Een veelgebruikte methode.\n\nDe zorgverzekeraar betaalt.\n");
  free(got);
}

static void split_text_reports_write_errors(void **state) {
  FILE *ro = fopen("/dev/null", "r");
  assert_non_null(ro);
  spg_error err;
  spg_error_clear(&err);
  assert_int_equal(spg_split_text(NULL, "Een zin. Nog een.", 17, ro, &err), SPG_ERR_IO);
  assert_int_equal(err.status, SPG_ERR_IO);
  fclose(ro);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(terminators_end_sentences),
      cmocka_unit_test(abbreviations_do_not_end),
      cmocka_unit_test(initials_do_not_end),
      cmocka_unit_test(numbers_times_dates),
      cmocka_unit_test(ellipses),
      cmocka_unit_test(quoted_speech),
      cmocka_unit_test(lower_case_continues),
      cmocka_unit_test(text_without_capitals),
      cmocka_unit_test(lower_case_sentence_starts),
      cmocka_unit_test(numbered_labels_and_remarks),
      cmocka_unit_test(paragraph_break_always_ends),
      cmocka_unit_test(list_items_after_brackets),
      cmocka_unit_test(list_numbers_do_not_end),
      cmocka_unit_test(long_unpunctuated_run_is_cut),
      cmocka_unit_test(speech_subjects_and_verbs),
      cmocka_unit_test(long_noun_phrase_chain),
      cmocka_unit_test(speech_inverted_clauses),
      cmocka_unit_test(speech_imperative_in_punctuated_turn),
      cmocka_unit_test(speech_clauses),
      cmocka_unit_test(lower_case_after_question_in_captions),
      cmocka_unit_test(speech_modal_waits_for_infinitive),
      cmocka_unit_test(capitals_without_full_stops),
      cmocka_unit_test(punctuated_long_sentence_is_kept),
      cmocka_unit_test(points_on_lines_are_punctuated),
      cmocka_unit_test(empty_and_odd_turns),
      cmocka_unit_test(long_turn_stays_linear),
      cmocka_unit_test(split_text_one_sentence_per_line),
      cmocka_unit_test(split_text_reports_write_errors),
  };
  /* the real abbreviation list: the splitter's rules are tested with the data they run on */
  return cmocka_run_group_tests(tests, fixture_setup_real, fixture_teardown);
}
