#!/usr/bin/python3
"""gen_corpus.py — a deterministic corpus of Dutch spiegelbijeenkomst transcripts for benchmarks.

    /usr/bin/python3 bench/gen_corpus.py --mb 1024 --out build/bench-corpus [--seed 1]

Writes files of about 50 to 500 KB, in plain text (60 %), WebVTT (25 %) and SRT (15 %), into
nested directories (DOMAIN/ORGANISATION/YEAR/NNNNN-slug.EXT) until the total reaches --mb
megabytes (10^6 bytes). Each file is a whole meeting: headers (titel, datum, organisatie,
domein), the moderator's opening, a round of clients telling what went well and what did not,
praise, complaints, suggestions and concrete quick-wins across the themes of the method
(bejegening, samenwerking, zorgproces, informatie, voorzieningen, privacy, deskundigheid), then
the dialogue with the professionals (the toehoorders). Speech has fillers (eh, nou), negation,
intensifiers, contrast ("maar"), questions, compounds made on the fly and names, so the word
types keep growing with the corpus as in real text (Heaps' law) and a per-type cache is not
flattered by a tiny vocabulary.

Deterministic: file i is generated from its own generator seeded with "SEED:i", using only
random() (whose sequence Python keeps stable across versions), so a larger corpus starts with
exactly the files of a smaller one and every run on every machine gives the same bytes.
Streaming: one file is built and written at a time, so generating gigabytes needs a few MB.
Standard library only (Debian's /usr/bin/python3).
"""

import argparse
import os
import random
import sys

# ---- vocabulary ------------------------------------------------------------------------------

DOMAINS = {
    "ziekenhuis": dict(
        orgs=["Maasziekenhuis", "Ziekenhuis Rivierenland", "Sint Anna Ziekenhuis",
              "Medisch Centrum Noordwest", "Gelre Ziekenhuizen", "Ziekenhuis Amstelland"],
        units=["cardiologie", "oncologie", "de polikliniek orthopedie", "de spoedeisende hulp",
               "de afdeling longziekten", "de dagbehandeling", "neurologie", "de kinderafdeling",
               "de verpleegafdeling chirurgie", "de poli dermatologie"],
        staff=["de verpleegkundige", "de arts", "de specialist", "de cardioloog",
               "de zaalarts", "de anesthesist", "de baliemedewerker", "de fysiotherapeut",
               "de verpleegkundig specialist", "de diëtist", "de nachtdienst", "de chirurg"],
        things=["de opname", "het ontslaggesprek", "de uitslag", "de operatie", "de controle",
                "het infuus", "de medicatie", "de wachtkamer", "het patiëntenportaal",
                "de ontslagbrief", "de nazorg", "de eerste hulp", "het bloedprikken",
                "de overdracht", "de maaltijden", "de parkeergarage", "de bewegwijzering"],
        listeners=["Verpleegkundige Jansen", "Dr. Smit", "Teamleider Bakker", "Arts (dr. Visser)",
                   "Afdelingshoofd De Boer", "Verpleegkundig specialist Mulder"],
    ),
    "ggz": dict(
        orgs=["GGZ Noord-Holland-Noord", "Parnassia", "GGZ Oost Brabant", "Altrecht",
              "Dimence", "Lentis"],
        units=["de kliniek", "het FACT-team", "de ambulante behandeling", "de crisisdienst",
               "de deeltijdbehandeling", "de afdeling angst en depressie"],
        staff=["mijn behandelaar", "de psychiater", "de ervaringsdeskundige", "de psycholoog",
               "de casemanager", "de sociotherapeut", "de groepsbegeleider",
               "de regiebehandelaar", "de verpleegkundige"],
        things=["de intake", "het behandelplan", "de wachtlijst", "de groepstherapie",
                "het signaleringsplan", "de crisiskaart", "de medicatie", "het eindgesprek",
                "de terugvalpreventie", "de dagbesteding", "het herstelplan", "de wachttijd"],
        listeners=["Behandelaar Koster", "Psychiater (dr. Peeters)", "Teamleider Hendriks",
                   "Casemanager Willems", "Ervaringsdeskundige Dekker"],
    ),
    "gemeente": dict(
        orgs=["Gemeente Zaanstad", "Gemeente Deventer", "Gemeente Leeuwarden",
              "Gemeente Tilburg", "Gemeente Amersfoort", "Gemeente Heerlen"],
        units=["het wijkteam", "de Wmo-consulenten", "het sociaal loket", "schuldhulpverlening",
               "de afdeling werk en inkomen", "het jongerenloket"],
        staff=["de consulent", "de wijkcoach", "de klantmanager", "de schuldhulpverlener",
               "de medewerker van het loket", "mijn contactpersoon", "de jobcoach",
               "de telefoniste", "de wijkverpleegkundige"],
        things=["de aanvraag", "het keukentafelgesprek", "de beschikking", "de huishoudelijke hulp",
                "de traplift", "de uitkering", "het formulier", "de brief", "de wachttijd",
                "het bezwaar", "de website", "de bijstand", "het leerwerktraject", "de pas"],
        listeners=["Consulent Van Dam", "Teamleider Vos", "Wethouder Meijer",
                   "Klantmanager Jacobs", "Beleidsmedewerker Smits"],
    ),
    "jeugdzorg": dict(
        orgs=["Jeugdbescherming West", "Lindenhout", "Youké", "Karakter", "Pluryn",
              "Jeugdzorg Drenthe"],
        units=["de pleegzorg", "het gezinshuis", "de ambulante jeugdhulp",
               "de residentiële groep", "de jeugdbescherming", "de opvoedondersteuning"],
        staff=["de gezinsvoogd", "de jeugdhulpverlener", "de pedagogisch medewerker",
               "de groepsleiding", "de mentor", "de gedragswetenschapper", "de pleegzorgbegeleider"],
        things=["het plan van aanpak", "de overdracht", "het gezinsgesprek", "de bezoekregeling",
                "de wachtlijst", "de verhuizing", "de school", "het verslag",
                "de ondertoezichtstelling", "het weekendverlof", "de logeeropvang"],
        listeners=["Gezinsvoogd Peters", "Gedragswetenschapper Van Leeuwen",
                   "Teamleider Kok", "Pedagogisch medewerker Bos"],
    ),
    "onderwijs": dict(
        orgs=["ROC Midden Nederland", "Hogeschool Utrecht", "Graafschap College",
              "Basisschool De Regenboog", "Het Stedelijk Lyceum", "Summa College"],
        units=["de opleiding verpleegkunde", "de bovenbouw", "de mentorklassen",
               "de stageafdeling", "de opleiding sociaal werk", "de onderbouw"],
        staff=["de mentor", "de docent", "de stagebegeleider", "de decaan",
               "de leerlingbegeleider", "de conciërge", "de intern begeleider", "de directeur"],
        things=["het rooster", "de stage", "de toetsweek", "de ouderavond", "het cijfer",
                "de elektronische leeromgeving", "de kantine", "het huiswerk", "de les",
                "de herkansing", "het studieadvies", "de roosterwijziging"],
        listeners=["Docent Vermeulen", "Mentor De Groot", "Teamleider Schouten",
                   "Decaan Van den Berg", "Directeur Brouwer"],
    ),
    "thuiszorg": dict(
        orgs=["Buurtzorg", "Thuiszorg West-Brabant", "Zorgaccent", "Vivium", "Cordaan",
              "Evean"],
        units=["het wijkteam thuiszorg", "het verpleeghuis", "de dagbesteding",
               "de afdeling kleinschalig wonen", "de huishoudelijke ondersteuning"],
        staff=["de wijkverpleegkundige", "de verzorgende", "de planner",
               "de eerst verantwoordelijke", "de huishoudelijke hulp", "de activiteitenbegeleider",
               "de specialist ouderengeneeskunde", "de invalkracht"],
        things=["de planning", "het zorgplan", "de douchebeurt", "de maaltijd", "de alarmknop",
                "het zorgdossier", "de medicatierol", "de avondronde", "de familieavond",
                "de tijden", "het vervoer", "de steunkousen"],
        listeners=["Wijkverpleegkundige Hoekstra", "Planner Van Wijk", "Teamleider Prins",
                   "Specialist ouderengeneeskunde (dr. Kuipers)"],
    ),
}

THEME_WORDS = {
    "bejegening": ["vriendelijk", "respectvol", "serieus genomen", "aandacht", "geduldig",
                   "betrokken", "bot", "kortaf", "onbeleefd", "warm", "menselijk", "afstandelijk"],
    "samenwerking": ["overdracht", "afstemming", "samenwerking", "doorverwijzing", "contact",
                     "overleg", "terugkoppeling"],
    "zorgproces": ["wachttijd", "planning", "afspraak", "procedure", "wachtlijst", "doorlooptijd",
                   "bereikbaarheid"],
    "informatie": ["uitleg", "informatie", "folder", "brief", "website", "duidelijkheid",
                   "communicatie"],
    "voorzieningen": ["wachtkamer", "parkeerplaats", "koffieautomaat", "lift", "toilet",
                      "bewegwijzering", "ingang"],
    "privacy": ["privacy", "dossier", "gesprekskamer", "balie", "beroepsgeheim"],
    "deskundigheid": ["deskundig", "kundig", "ervaren", "vakkundig", "onervaren",
                      "goed opgeleid"],
}

POS_ADJ = ["vriendelijk", "fijn", "prettig", "duidelijk", "behulpzaam", "geduldig", "betrokken",
           "attent", "warm", "rustig", "goed", "prima", "top", "geweldig", "deskundig",
           "respectvol", "snel", "zorgvuldig", "flexibel", "toegankelijk", "menselijk",
           "oprecht", "meelevend", "professioneel", "heel fijn", "ontzettend lief", "super"]
NEG_ADJ = ["onvriendelijk", "kortaf", "bot", "onduidelijk", "traag", "chaotisch", "slecht",
           "vervelend", "onbereikbaar", "afstandelijk", "rommelig", "onpersoonlijk", "laat",
           "ingewikkeld", "verwarrend", "onbeleefd", "ongeïnteresseerd", "slordig", "stressvol",
           "teleurstellend", "frustrerend", "niet prettig"]
INTENS = ["heel", "erg", "echt", "ontzettend", "enorm", "zo", "best wel", "héél", "super",
          "bijzonder", "vreselijk", "behoorlijk"]
DAMP = ["een beetje", "redelijk", "wat", "enigszins", "vrij", "soms wat"]
FILLERS = ["eh", "nou", "ja", "hè", "zeg maar", "weet je", "eigenlijk", "gewoon"]
FEELINGS = ["gehoord", "serieus genomen", "gezien", "welkom", "veilig", "thuis", "begrepen",
            "geholpen", "gerustgesteld"]
BAD_FEELINGS = ["niet gehoord", "van het kastje naar de muur gestuurd", "een nummer",
                "aan mijn lot overgelaten", "niet serieus genomen", "in de steek gelaten",
                "overvallen", "niet welkom"]
TIME_SPANS = ["drie weken", "twee maanden", "een half jaar", "anderhalf uur", "vijf weken",
              "een kwartier", "bijna een jaar", "tien dagen", "drie kwartier", "twee uur"]
QUICK_WINS = ["een bordje bij de ingang", "even terugbellen", "een folder met de belangrijkste "
              "telefoonnummers", "een stoel bij de balie", "een naambordje op de deur",
              "een briefje met de afspraken", "een sms als de afspraak verschuift",
              "een vast aanspreekpunt", "een kop koffie in de wachtkamer",
              "de telefoontijden op de website zetten", "een kaartje met de naam van de "
              "behandelaar", "een herinnering de dag van tevoren", "de wachttijd op een scherm",
              "een duidelijke plattegrond", "een terugbelverzoek via de website",
              "een rustige ruimte voor slecht-nieuwsgesprekken", "een checklist voor de "
              "ontslagdag", "een vaste dag voor het telefonisch spreekuur"]
SUGGEST = ["het zou fijn zijn als", "ik zou willen vragen of", "wat mij zou helpen is als",
           "zou het niet handig zijn als", "het zou al schelen als", "een idee is misschien dat",
           "ik zou het prettig vinden als", "het lijkt me goed als"]
SUGGEST_VERB = ["misschien kunnen jullie", "kunnen jullie niet gewoon", "jullie zouden eens",
                "probeer eens", "ik zou zeggen:"]
QUICK_ACTS = ["een bordje ophangen bij de ingang", "even terugbellen als het later wordt",
              "de folder meegeven bij de intake", "een stoel bij de balie zetten",
              "de telefoontijden op de website zetten", "een sms sturen als het uitloopt",
              "het verslag binnen een week opsturen", "de naam van de behandelaar op de brief "
              "zetten", "een vaste contactpersoon noemen", "de wachtkamer opfleuren met planten"]
COMPOUND_A = ["wacht", "zorg", "patiënt", "cliënt", "behandel", "telefoon", "ontslag", "opname",
              "afspraak", "informatie", "medicijn", "avond", "nacht", "weekend", "ouder",
              "familie", "bezoek", "gesprek", "dossier", "pleeg", "school", "stage", "rooster",
              "woning", "wijk", "buurt", "hulp", "vervoer", "parkeer", "koffie", "balie",
              "spreek", "keuken", "douche", "maaltijd", "thuis", "werk", "team", "overleg",
              "dienst", "crisis", "groeps", "herstel", "uitkerings", "aanvraag", "bezwaar"]
COMPOUND_B = ["tijd", "lijst", "kamer", "plan", "gesprek", "brief", "dienst", "team", "nummer",
              "moment", "ronde", "regeling", "formulier", "procedure", "afspraak", "ruimte",
              "portaal", "systeem", "map", "boekje", "kaart", "dag", "week", "uur", "vraag",
              "loket", "begeleider", "medewerker", "overleg", "verslag", "beleid", "zaal",
              "wagen", "plek", "bord", "tafel", "avond", "contact", "kosten", "rooster"]
FIRST = ["Anja", "Kees", "Fatima", "Mohamed", "Ingrid", "Joke", "Henk", "Priya", "Sanne",
         "Daan", "Yusuf", "Marieke", "Bram", "Wilma", "Ahmed", "Els", "Gerrit", "Noor", "Sem",
         "Lotte", "Kofi", "Ria", "Tineke", "Jeroen", "Samira", "Pieter", "Hatice", "Ruud"]
LAST = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
        "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
        "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "Kaya", "El Amrani",
        "Yilmaz", "Boateng", "Hoekstra", "Koster", "Prins", "Huisman", "Kuipers"]
SYLL = ["ber", "ka", "lin", "do", "mer", "ste", "van", "ho", "ri", "sen", "tra", "wel", "gen",
        "bo", "ma", "lo", "ter", "hu", "ne", "vel", "kam", "dor", "pe", "sto", "lan", "wijk"]
STREETS = ["Dorpsstraat", "Kerkweg", "Stationsplein", "Molenlaan", "Julianastraat",
           "Beatrixlaan", "Havenkade", "Schoolstraat", "Parklaan", "Marktplein"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]


class Gen:
    """Every choice goes through random() so the sequence is stable across Python versions."""

    def __init__(self, seed):
        self.rng = random.Random(seed)

    def r(self):
        return self.rng.random()

    def pick(self, seq):
        return seq[int(self.r() * len(seq))]

    def between(self, lo, hi):
        return lo + int(self.r() * (hi - lo + 1))

    def chance(self, p):
        return self.r() < p

    # --- words that keep the vocabulary growing ---
    def compound(self):
        a, b = self.pick(COMPOUND_A), self.pick(COMPOUND_B)
        if self.chance(0.15):
            b = self.pick(COMPOUND_B) + b
        return "de " + a + b

    def made_name(self):
        n = "".join(self.pick(SYLL) for _ in range(self.between(2, 3)))
        return n.capitalize()

    def person(self):
        if self.chance(0.3):
            return self.made_name()
        return self.pick(FIRST)

    def surname(self):
        if self.chance(0.25):
            return self.made_name() + self.pick(["s", "ink", "man", "huis", "veld", ""])
        return self.pick(LAST)


def cap(s):
    return s[:1].upper() + s[1:] if s else s


def sentence_positive(g, d):
    staff, thing = g.pick(d["staff"]), g.pick(d["things"])
    adj = g.pick(POS_ADJ)
    if g.chance(0.4):
        adj = g.pick(INTENS) + " " + adj
    forms = [
        lambda: f"{cap(staff)} was {adj}.",
        lambda: f"Ik voelde me echt {g.pick(FEELINGS)} door {staff}.",
        lambda: f"Wat ik heel fijn vond, is dat {staff} de tijd nam om alles uit te leggen.",
        lambda: f"{cap(thing)} ging {adj}, daar ben ik {g.pick(INTENS)} tevreden over.",
        lambda: f"Ik wil {staff} echt bedanken, die was {adj} en dacht met me mee.",
        lambda: f"Een compliment voor {staff}: {adj} en altijd bereikbaar.",
        lambda: f"Toen ik belde over {thing} werd ik binnen {g.pick(['een uur', 'een dag', 'tien minuten', 'twee uur'])} teruggebeld, "
                f"dat vond ik {adj}.",
        lambda: f"De sfeer op {g.pick(d['units'])} is {adj}, je wordt als mens gezien.",
        lambda: f"{cap(staff)} {g.person()} heeft me {g.pick(INTENS)} goed geholpen met "
                f"{g.compound()}.",
        lambda: f"Ik had niet verwacht dat {thing} zo {adj} zou verlopen.",
        lambda: f"Er werd echt naar me geluisterd, ook toen het over {g.compound()} ging.",
    ]
    return g.pick(forms)()


def sentence_negative(g, d):
    staff, thing = g.pick(d["staff"]), g.pick(d["things"])
    adj = g.pick(NEG_ADJ)
    if g.chance(0.3):
        adj = g.pick(INTENS) + " " + adj
    forms = [
        lambda: f"Ik moest {g.pick(TIME_SPANS)} wachten op {thing}, en niemand zei iets.",
        lambda: f"{cap(staff)} was {adj}, ik voelde me {g.pick(BAD_FEELINGS)}.",
        lambda: f"{cap(thing)} was {adj} geregeld.",
        lambda: f"Niemand legde uit waarom {thing} niet doorging.",
        lambda: f"Ik werd niet serieus genomen toen ik vertelde over {g.compound()}.",
        lambda: f"Het was niet duidelijk wie er verantwoordelijk was voor {thing}.",
        lambda: f"Ik ben {g.pick(['drie', 'vier', 'vijf', 'zes'])} keer doorverbonden en kreeg "
                f"steeds een ander verhaal.",
        lambda: f"{cap(staff)} was wel aardig, maar {thing} was {adj}.",
        lambda: f"Ik heb nooit een reactie gekregen op mijn vraag over {g.compound()}.",
        lambda: f"Het is jammer dat {staff} geen tijd had, het voelde {adj}.",
        lambda: f"Bij {g.pick(d['units'])} zijn ze {g.pick(DAMP)} {adj} met afspraken.",
        lambda: f"De informatie over {thing} klopte niet met wat {staff} zei.",
        lambda: f"Ik stond op de {g.pick(STREETS)} te wachten en niemand kwam.",
    ]
    return g.pick(forms)()


def sentence_suggestion(g, d):
    forms = [
        lambda: f"{cap(g.pick(SUGGEST))} {g.pick(d['staff'])} even terugbelt als "
                f"{g.pick(d['things'])} uitloopt.",
        lambda: f"Mijn tip: {g.pick(QUICK_WINS)}.",
        lambda: f"{cap(g.pick(SUGGEST))} er {g.pick(QUICK_WINS)} komt.",
        lambda: f"{cap(g.pick(SUGGEST_VERB))} {g.pick(QUICK_ACTS)}.",
        lambda: f"Ik heb nog een tip: {g.pick(QUICK_ACTS)}.",
        lambda: f"Misschien kan er {g.pick(QUICK_WINS)} komen, dat kost toch bijna niks.",
        lambda: f"Het zou helpen als {g.pick(d['staff'])} zich gewoon even voorstelt.",
        lambda: f"Waarom niet {g.pick(QUICK_WINS)}?",
        lambda: f"Wat ik zou willen is dat {g.pick(d['things'])} beter wordt afgestemd met "
                f"{g.compound()}.",
    ]
    return g.pick(forms)()


def sentence_neutral(g, d):
    forms = [
        lambda: f"Ik kom hier nu {g.pick(['twee', 'drie', 'vier', 'zeven'])} jaar, sinds "
                f"{g.pick(MONTHS)} {g.between(2012, 2023)}.",
        lambda: f"Mijn {g.pick(['moeder', 'zoon', 'dochter', 'man', 'vrouw', 'buurman'])} "
                f"was er ook bij.",
        lambda: f"Dat was op een {g.pick(['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag'])} "
                f"om {g.between(8, 17)}.{g.pick(['00', '15', '30', '45'])} uur.",
        lambda: f"Ik woon aan de {g.pick(STREETS)} {g.between(1, 220)}, dus het is "
                f"{g.between(2, 40)} minuten met de bus.",
        lambda: f"Het ging over {g.pick(d['things'])} en {g.compound()}.",
        lambda: f"{cap(g.pick(FILLERS))}, hoe zal ik het zeggen.",
        lambda: f"Dat was bij {g.pick(d['units'])}, bij {g.pick(d['staff'])} "
                f"{g.surname()}.",
        lambda: f"Ik weet niet meer precies of dat in {g.pick(MONTHS)} was.",
    ]
    return g.pick(forms)()


def participant_turn(g, d):
    n = g.between(2, 9)
    out = []
    if g.chance(0.4):
        out.append(cap(g.pick(FILLERS)) + ",")
    for _ in range(n):
        x = g.r()
        if x < 0.30:
            s = sentence_positive(g, d)
        elif x < 0.62:
            s = sentence_negative(g, d)
        elif x < 0.78:
            s = sentence_suggestion(g, d)
        else:
            s = sentence_neutral(g, d)
        out.append(s)
    return " ".join(out)


MODERATOR_OPEN = [
    "Welkom allemaal bij deze spiegelbijeenkomst over {unit} van {org}.",
    "Fijn dat jullie er zijn. Vandaag gaat het over jullie ervaringen met {unit}.",
    "We beginnen met een rondje: wat ging er goed, en wat kan er beter?",
    "De medewerkers luisteren in het eerste deel alleen; zij stellen later hun vragen.",
    "Alles wat hier gezegd wordt, blijft anoniem in het verslag.",
]
MODERATOR_ASK = [
    "Wie wil er beginnen?", "Dank u wel. Wie gaat er verder?",
    "Kunt u daar een voorbeeld van geven?", "Wat had u op dat moment nodig gehad?",
    "Herkennen anderen dit?", "En wat ging er wel goed?",
    "Wat zou volgens u een eerste kleine verbetering zijn?",
    "Dank voor uw openheid. Mevrouw, wilt u ook iets zeggen?",
    "Hoe was het contact met {staff}?", "Wat vond u van {thing}?",
]
HANDOVER = [
    "Dan gaan we nu naar het tweede deel: de medewerkers mogen vragen stellen.",
    "We zijn aan het tweede deel toe. Wie van de toehoorders wil een vraag stellen?",
]
LISTENER_Q = [
    "Dank jullie wel, dit is heel waardevol. Mag ik vragen wat er precies misging bij {thing}?",
    "Wat ik hoor is dat {thing} beter moet. Hoe had u het liever gezien?",
    "Dat van {quick} nemen we meteen mee, dat is makkelijk te regelen.",
    "Ik schrik ervan dat u zich {bad} voelde. Dat is niet hoe we willen werken.",
    "Kunt u iets meer vertellen over de wachttijd?",
    "Dank voor de complimenten voor {staff}, die zal ik doorgeven aan het team.",
]
CLOSING = [
    "Dank jullie wel allemaal. We sturen het verslag binnen twee weken op.",
    "Hartelijk dank voor jullie inbreng; de quick-wins pakken we direct op.",
]


def participants(g, d):
    labels = []
    n = g.between(4, 9)
    kinds = g.r()
    for i in range(n):
        if kinds < 0.25:
            labels.append(f"P{i + 1}")
        elif kinds < 0.5:
            labels.append(f"Deelnemer {i + 1}")
        else:
            t = g.pick(["Mevrouw", "Meneer", "Mevrouw", "Meneer", "Moeder van", "Vader van"])
            if t.endswith("van"):
                labels.append(f"{t} {g.person()}")
            else:
                labels.append(f"{t} {g.surname()[0].upper()}.")
    seen, out = set(), []
    for lab in labels:
        if lab not in seen:
            seen.add(lab)
            out.append(lab)
    return out


def meeting(g, domain, d, org, target, unit=None):
    """Yields (speaker, text) turns of one meeting until about target bytes of speech."""
    unit = d["units"][0] if unit is None else unit
    moderator = g.pick(["Gespreksleider", "Gespreksleider", "Voorzitter", "GL"])
    people = participants(g, d)
    listeners = [g.pick(d["listeners"]) for _ in range(g.between(1, 3))]
    listeners = list(dict.fromkeys(listeners))
    fill = dict(unit=unit, org=org)
    size = 0
    for line in MODERATOR_OPEN[: g.between(2, 5)]:
        t = line.format(**fill)
        size += len(t)
        yield moderator, t
    part2 = target * (0.7 + 0.15 * g.r())
    handed = False
    while size < target:
        if not handed and size > part2:
            handed = True
            t = g.pick(HANDOVER)
            size += len(t)
            yield moderator, t
        if handed and g.chance(0.45):
            q = g.pick(LISTENER_Q).format(thing=g.pick(d["things"]), quick=g.pick(QUICK_WINS),
                                          bad=g.pick(BAD_FEELINGS), staff=g.pick(d["staff"]))
            size += len(q)
            yield g.pick(listeners), q
        elif g.chance(0.25):
            q = g.pick(MODERATOR_ASK).format(staff=g.pick(d["staff"]), thing=g.pick(d["things"]))
            size += len(q)
            yield moderator, q
        t = participant_turn(g, d)
        size += len(t)
        yield g.pick(people), t
    yield moderator, g.pick(CLOSING)


def ms_to(ms, sep):
    h, ms = divmod(ms, 3600000)
    m, ms = divmod(ms, 60000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def wrap_cues(text, width):
    """Splits a turn into subtitle-sized chunks at word boundaries."""
    words, cur, out = text.split(" "), [], 0
    for w in words:
        cur.append(w)
        out += len(w) + 1
        if out >= width:
            yield " ".join(cur)
            cur, out = [], 0
    if cur:
        yield " ".join(cur)


def write_file(path, fmt, g, domain, d, org, unit, target):
    date = f"{g.between(1, 28)} {g.pick(MONTHS)} {g.between(2019, 2025)}"
    title = f"Spiegelbijeenkomst {unit}"
    clock = g.between(0, 600) * 1000
    parts = []
    if fmt == "txt":
        parts.append(f"# titel: {title}\n# datum: {date}\n# organisatie: {org}\n"
                     f"# domein: {domain}\n\n")
        stamps = g.chance(0.5)
        for speaker, text in meeting(g, domain, d, org, target, unit):
            clock += len(text) * 55 + g.between(500, 4000)
            if stamps:
                parts.append(f"[{ms_to(clock, '.')[:8]}] {speaker}: {text}\n")
            else:
                parts.append(f"{speaker}: {text}\n")
            if g.chance(0.2):
                parts.append("\n")
    elif fmt == "vtt":
        parts.append(f"WEBVTT\n\nNOTE titel: {title}\n\nNOTE datum: {date}\n\n")
        teams = g.chance(0.6)
        n = 0
        for speaker, text in meeting(g, domain, d, org, target, unit):
            for chunk in wrap_cues(text, g.between(60, 110)):
                dur = len(chunk) * 60 + 400
                n += 1
                if teams:
                    parts.append(f"{n:08x}-0000-4000-8000-{n:012x}/{n}-0\n"
                                 f"{ms_to(clock, '.')} --> {ms_to(clock + dur, '.')}\n"
                                 f"<v {speaker}>{chunk}</v>\n\n")
                else:
                    parts.append(f"{n}\n{ms_to(clock, '.')} --> {ms_to(clock + dur, '.')}\n"
                                 f"{speaker}: {chunk}\n\n")
                clock += dur + g.between(50, 900)
    else:
        n = 0
        for speaker, text in meeting(g, domain, d, org, target, unit):
            first = True
            for chunk in wrap_cues(text, g.between(50, 90)):
                dur = len(chunk) * 60 + 400
                n += 1
                label = f"{speaker}: " if first else ""
                first = False
                parts.append(f"{n}\n{ms_to(clock, ',')} --> {ms_to(clock + dur, ',')}\n"
                             f"{label}{chunk}\n\n")
                clock += dur + g.between(50, 900)
    data = "".join(parts).encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    return len(data)


def slug(s):
    out = []
    for ch in s.lower():
        if ch.isalnum() and ch.isascii():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=50, help="total size in MB (10^6 bytes)")
    ap.add_argument("--seed", default="1", help="seed (any string)")
    ap.add_argument("--out", required=True, help="directory to write (created)")
    ap.add_argument("--min-kb", type=int, default=50)
    ap.add_argument("--max-kb", type=int, default=500)
    ap.add_argument("-q", "--quiet", action="store_true")
    a = ap.parse_args()
    total_target = int(a.mb * 1e6)
    domains = sorted(DOMAINS)
    total, i = 0, 0
    while total < total_target:
        g = Gen(f"{a.seed}:{i}")
        domain = g.pick(domains)
        d = DOMAINS[domain]
        org = g.pick(d["orgs"])
        year = g.between(2019, 2025)
        x = g.r()
        fmt = "txt" if x < 0.60 else "vtt" if x < 0.85 else "srt"
        # Log-uniform sizes between min and max: many small meetings, some long ones.
        lo, hi = a.min_kb * 1000, a.max_kb * 1000
        target = int(lo * (hi / lo) ** g.r())
        target = min(target, max(total_target - total, lo // 2))
        unit = g.pick(d["units"])
        rel = os.path.join(domain, slug(org), str(year), f"{i:05d}-{slug(unit)}.{fmt}")
        path = os.path.join(a.out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        # Cues and markup add bytes beyond the speech target: aim the speech a little lower.
        speech = target * (0.80 if fmt == "txt" else 0.45 if fmt == "vtt" else 0.6)
        total += write_file(path, fmt, g, domain, d, org, unit, speech)
        i += 1
        if not a.quiet and sys.stderr.isatty() and i % 20 == 0:
            sys.stderr.write(f"\rgen_corpus: {i} files, {total / 1e6:.0f} MB")
    if not a.quiet:
        if sys.stderr.isatty():
            sys.stderr.write("\r")
        sys.stderr.write(f"gen_corpus: {i} files, {total / 1e6:.1f} MB in {a.out}\n")


if __name__ == "__main__":
    main()
