"""Fidelity of the bundled content to its five source documents.

For each source document this file lists its items (numbers, dates, weeks, times, questions,
quotes, recommendations, section headings) and the page a reader would look for each on; the
tests assert that every item is there, so that a later edit cannot drop one silently. They also
assert that no figure title, clock time or chart value appears that the source does not give:
what the editors added on purpose is listed in ``ADDED_ON_PURPOSE`` and must be shown as a
suggestion. The site is built once for the whole session (the ``bundled`` fixture).
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import Build

KORTLAEGNING = "packages/samarbejdsprojekter-kortlaegning"
SEMINAR = "gatherings/nasjonalt-dialogseminar-2023"
WEBINARS = "series/inkluderende-kulturskoler-webinarer-2022/index.html"
PROGRAMME = "series/fremtidens-kulturskole-regionale-program-2024-2025/index.html"
KULTURSPOR = "series/kulturspor"


def text_of(bundled: Build, path: str, selector: str | None = None) -> str:
    """The visible text of a page's article (or of ``selector`` within it), spaces collapsed."""
    article = bundled.article(path)
    parts = article.select(selector) if selector else [article]
    return " ".join(" ".join(p.get_text(" ", strip=True).split()) for p in parts)


# --- 000: Kulturspor, Viborg ------------------------------------------------------------------

SOURCE_000: dict[str, list[str]] = {
    f"{KULTURSPOR}/index.html": [
        "Vedtaget en vision for Kulturlæring for de 0-25 årige",
        "Baggrund for Kulturspor",
        "Ved møde den 8. december 2021 besluttede Kultur- og Fritidsudvalget følgende:",
        "at Kulturskolen Viborg i 2022 tilføres 500.000 kr. til udvikling og implementering af "
        "‘Kulturspor’ i indskolingen i skoleåret 2022-2023.",
        "at Kulturskolen Viborg i 2023 tilføres yderligere 500.000 kr. Til udvikling og "
        "implementering af ‘Kulturspor’ i skoleåret 2023-2024.",
        "skal være gennemført i skoleåret 2024-2025",
        "mindst én gang i løbet af skoletrinnet",
        "sikre, at alle børn og unge aktivt i deres skole møder et varieret udbud",
        "styrke samarbejdet og relationerne mellem de deltagende institutioner",
        "skabe en model for tværfaglig kvalificering",
        "Formøde/opstartsmøde",
        "Teams",
        "Planlægningsmøde",
        "På skolen",
        "Midtvejsrefleksion",
        "Løbende eller et fastsat møde midtvejs",
        "Evaluering og afslutning af samarbejde",
        "Hvis muligt deltager en fra skolens ledelse",
        "Koordinator fra Kulturskolen tager første kontakt",
    ],
    f"{KULTURSPOR}/opstartsmoede/index.html": [
        "At indkredse sammenhæng (SMTTE)",
        "At skabe kontakt og tillid",
        "At indkredse tematikken for samarbejdet",
        "At fastsætte rammerne for forløbet",
        "At lave konkrete aftaler for fremtidige møder",
        "Hvilken baggrund har kunstner og lærer (fag, optagetheder, erfaringer m.m.)",
        "Hvilken forudsætninger har eleverne, de fysiske rammer, lærer og kunstnerne",
        "Hvilket tema og fag skal der undervises i?",
    ],
    f"{KULTURSPOR}/planlaegningsmoede/index.html": [
        "Hvem og hvor – se evt. Skabelon s. 6.",
        "At indkredse mål, tegn og tiltag (SMTTE)",
        "At planlægge det fælles undervisningsforløb",
        "At drøfte rollefordelingen",
        "At sikre, at materialeudgifter er en del af den eksisterende ramme.",
        "Tal om hele klassen samt børn med særlige undervisningsmæssige behov.",
    ],
    f"{KULTURSPOR}/midtvejsrefleksion/index.html": [
        "Hvilke tegn ser vi?",
        "Skal vi justere vores mål?",
        "Fungerer vores samarbejde, som vi havde håbet?",
    ],
    f"{KULTURSPOR}/evaluering-og-afslutning/index.html": [
        "At vurdere samarbejdet",
        "Vil vi gribe samarbejdet anderledes an næste gang?",
        "Hvad vil I hver især gerne arbejde videre med?",
    ],
    "worksheets/kulturspor-skabelon/index.html": [
        "Hjælpeskabelon til fælles forberedelsen mellem kunstner og faglærer",
        "Hvem gør hvad?",
        "Hvordan skal vi samarbejde?",
        "Hvad er målet med undervisningen?",
        "Hvilke tiltag og handlinger aftaler vi?",
        "Hvilke materialer skal anvendes?",
        "Hvordan skal undervisningen organiseres, så alle børn kan deltage? (ramme og progression)",
        "Hvordan skal der arbejdes med de forskellige delelementer?",
        "Evaluering af undervisningen",
        "Hvilke tegn vil vi holde øje med, så vi ved vi er på vej mod målet?",
    ],
}

# --- 001: mapping of 26 collaboration projects -----------------------------------------------

PRESENTATION_001 = f"{KORTLAEGNING}/presentations/kortlaegning/index.html"

SOURCE_001: dict[str, list[str]] = {
    PRESENTATION_001: [
        # numbers
        "26 støttede samarbejdsprojekter",
        "11 projekter gennemført med midler fra Nationalt netværk af skoletjenesters pulje",
        "15 projekter støttet af Kulturstyrelsen",
        "etableret i 2013 og igangsatte arbejdet i 2014",
        "98 pct. af projektdeltagerne var i høj grad eller nogen grad motiverede",
        "(90 pct.) bevaret eller øget undervejs",
        "Kun 10 pct. af projektdeltagerne blev mindre motiveret",
        "95 pct.",
        "32 pct.",
        "88 pct. af projektdeltagerne oplevede",
        "for 45 pct. af projektdeltagerne blev det mere tydeligt",
        "Stort set alle projektdeltagere (95 pct.)",
        "78 pct.",
        "54 pct.",
        "60 pct.",
        "36 pct.",
        "34 pct.",
        "17 pct.",
        "9 pct.",
        "fra kulturinstitutioner/eksterne læringsmiljøer (78 pct.)",
        "98 pct.",
        "96 pct.",
        "19 pct. af projektdeltagerne angiver",
        "93 pct. angiver",
        "som det eneste er det, der i en eller anden grad motiverer alle projektdeltagerne",
        "N = 57–58",
        # the network's remit and the MBUL report with its quote, cut at the start as the
        # source cuts it
        "Som en del af opdraget skal Nationalt netværk af skoletjenester afdække og formidle "
        "praksiseksempler og erfaringer fra hele landet",
        "Rapporten “Øget samspil mellem skole og fritidsliv”",
        "“(...) har de en styrke til at fremme børns og unges faglige, sociale og personlige "
        "udvikling - også de børn og unge, som det formelle system ikke altid kan nå” "
        "(MBUL, 2016)",
        # the questions the mapping sheds light on
        "Hvad har motiveret projektdeltagerne til at deltage i et samarbejdsprojekt, og har "
        "projektet levet op til deres forventninger?",
        "Hvilke roller har projektdeltagerne spillet i projekterne",
        "Hvilket udbytte har projektdeltagerne fået ud af at deltage i et samarbejdsprojekt?",
        "Hvilke udfordringer har projektdeltagerne oplevet undervejs i deres samarbejdsprojekter?",
        # survey questions, each with its own figure
        "I hvilken grad var følgende din motivation til at deltage i projektet?",
        "I hvilken grad har du været involveret i følgende opgaver i projektet?",
        "Projektdeltagernes involvering i opgaverne i samarbejdsprojekterne",
        # quotes; those the slides cut show (…)
        "“Det blev undervejs tydeligt, at projektet krævede, at museets medarbejder påtog sig "
        "en tovholderrolle. (…)”",
        "“Eleverne var en stor del af projektet fra start til slut. (…)”",
        "“Erfaringen er, at de involverede lærere får et stort medejerskab til forløbene samt "
        "bliver klogere på kulturinstitutionen/det eksterne læringsmiljøs tilbud og "
        "muligheder”",
        "“Det har været meget givtigt at få indgående kendskab til skolehverdagen, eleverne "
        "og læreren”",
        "“Det er vigtigt at have et udviklingsperspektiv på indholdet hele tiden, så det ikke "
        "bliver en rigid ‘turpakke’”",
        # a finding that is no finding stays so
        "viser imidlertid ikke, at de projektdeltagere, der er kontaktpersoner, oplever denne "
        "udfordring i højere grad end øvrige projektdeltagere",
        # recommendations, the transport ones included
        "selve det at lære at samarbejde i sig selv kan være et mål med samarbejder",
        "rollen som kontaktperson kan give gode muligheder for at opdyrke netværk",
        "Husk at have fokus på videndeling",
        "det ikke er nok at indsamle viden",
        "Skoleverdenen: Vær opmærksom på at udnytte det læringspotentiale, der ligger i "
        "transportsituationen",
        "vær opmærksom på, hvor meget transporten fylder for både elever og lærere",
        "Aktører bag transportløsninger: Vær opmærksom på, om potentialerne for at udnytte "
        "læringsperspektiverne",
        "Kommunen kan spille en vigtig rolle i forbindelse med forankring af udviklede "
        "undervisningstilbud",
        # the reason for choosing PLC
        "da tvivlen om, hvor man kan henvende sig til den anden part, netop er én af de barrierer",
        # section headings
        "Del 1: Motivation til deltagelse i samarbejdsprojekter",
        "Del 2: Roller i samarbejdsprojekter",
        "Del 3: Udbytter i samarbejdsprojekter",
        "Del 3: Få udfordringer",
        "Del 4: Videndeling i samarbejdsprojekter",
        "Del 5: Forankring af udviklede undervisningstilbud",
        # findings: the combination of actors, the leads of Del 3 and Del 4, the Del 5 example
        "En kombination der i vores daglige arbejde rundt om i landet har vist sig frugtbar til "
        "at skabe bæredygtige samarbejder.",
        "Langt størstedelen af projektdeltagerne oplever deres samarbejdsprojekt som værende "
        "vellykket; også på trods af udfordringer.",
        "Projektdeltagerne har indsamlet værdifuld viden om at indgå samarbejder",
        "men også at der arbejdes forskelligt med videndeling af disse erfaringer",
        "Dette er et godt eksempel på, hvordan konkrete erfaringer, man har gjort sig i "
        "samarbejdsprojektet, har varig betydning for den åbne skole fremadrettet.",
        "Eksemplet viser også et projekt, hvor skolerne spiller en stor rolle i forankringen",
        # the one motivation factor whose answers differ
        "Dette er dog den eneste motivationsfaktor, hvor der er forskel i besvarelserne",
    ],
    f"{KORTLAEGNING}/preparation/index.html": [
        "Del 3: Udbytter og udfordringer i samarbejdsprojekter",
        "For kommuner: Kommunen kan spille en vigtig rolle",
        "Skoleverdenen: Vær opmærksom på at udnytte det læringspotentiale",
        "Aktører bag transportløsninger",
        "så I undgår at tilbuddene bliver statiske",
    ],
    f"{KORTLAEGNING}/index.html": [
        "Erfaringer fra støttede samarbejdsprojekter mellem skoler, kommuner, "
        "kulturinstitutioner og eksterne læringsmiljøer",
        "udarbejdet af Nationalt netværk af skoletjenester i 2016",
        "en spørgeskemaundersøgelse blandt alle projektdeltagere i puljeprojekterne og "
        "projekterne i MÅS samt af skriftlige afrapporteringer fra puljeprojekterne",
    ],
}

FIGURE_TITLES_001 = {
    "Projektdeltagernes motivation til at deltage i et samarbejdsprojekt",
    "Projektdeltagernes involvering i opgaverne i samarbejdsprojekterne",
}
"""The only figure titles the source gives; no other figure may carry a title."""

FIGURE_N_001 = {title: "N = 57–58" for title in FIGURE_TITLES_001}
"""The source gives N (and a question) only for these two figures."""

FIGURE_CAPTIONS_001 = {
    "88 pct. af projektdeltagerne oplevede, at det i høj grad eller nogen grad var tydeligt, "
    "hvilken rolle de skulle spille i deres samarbejdsprojekt, og for 45 pct. af "
    "projektdeltagerne blev det mere tydeligt, hvad deres rolle var, undervejs i projektet.",
    "Kortlægningen viser, at projektdeltagerne oplever mange forskellige udbytter af projekterne",
    "Projektdeltagerne er blevet spurgt til, hvilke af en række udfordringer de har mødt i "
    "deres samarbejdsprojekter",
    "Kortlægningen viser, at motivationen og lysten til at videndele i høj grad er til stede "
    "blandt projektdeltagerne",
}
"""Untitled figures are labelled with these words of the source, verbatim."""

CHART_VALUES_001 = {"95", "32", "88", "45", "78", "54", "60", "36", "34", "17", "9", "98", "96"}
"""Every percentage the source gives that a chart may draw."""

# --- 002: "Veien videre", the national dialogue seminar and the theme packages ------------------

SOURCE_002: dict[str, list[str]] = {
    f"{SEMINAR}/index.html": [
        "27. april 2023",
        "Utdanningsdirektoratet (Udir), KS, Norsk kulturskoleråd",
        "god samhandling mellom kulturskolen og andre lokale aktører som skole, SFO, "
        "barnehage, korps og kor og kanskje sykehjem",
        "Meld. St. 18 (2020–2021) Oppleve, skape, dele",
        "8.5 Kulturskolen i lokalsamfunnet",
        "8.5.2 Samarbeidet mellom kulturskole og utdanningssektoren",
        "8.5.3 Vurdering",
        "Prinsipper for læring, utvikling og danning",
        "Suksesskriterier",
        "På hvilke områder kan kulturskolen og de øvrige aktørene i oppvekstsektoren "
        "samarbeide? Hva skal til for å få til dette?",
        "Hvordan kan suksesskriteriene omsettes i konkret handling",
        "KS’, Udirs og Kulturskolerådets visjoner, oppgaver og mulighetsrom",
        "Om Kulturkarusell, innledning ved Bergen kommune",
        "Et (film)innblikk i Outmus-prosjektet, Nord universitet",
        "innledning ved Sunnfjord kommune",
        "Avslutning og oppsummering",
        "Filmopptaket på Vimeo",
        "Nasjonalt dialogseminar om Fremtidens kulturskole gjennomført",
        "Tilbakemeldingene til arrangørene i løpet av dialogseminaret",
        "(+47) 94 24 22 26",
        "(+47) 48 06 30 60",
        "torkel.oien@kulturskoleradet.no",
        "Barnehage, skole, skolefritidsordninga (SFO) og frivilligheita er sentrale "
        "samarbeidspartnarar for kulturskolen",
        "På hvilke områder kan kulturskolen og SFO samarbeide",
        "På hvilke områder kan kulturskolen og barnehagen samarbeide?",
        "Hva skal til for at flere barn og unge får tatt del i kulturaktiviteter gjennom "
        "kulturskolen?",
        "Hva kan de tre nasjonale aktørene bidra med?",
        "Alle prioriterer fra ett til tre punkt",
        "anders.ronningen@kulturskoleradet.no",
        # the roles as the source words them
        "Velg en møteleder og tidtaker",
        "Velg en skriver",
        "Velg en som holder dere på sporet tematisk",
        # the note addressed to municipalities and others who would use the recording
        "Merk: Kommuner og andre som vil nyttiggjøre seg opptaket kan gjerne ta kontakt med "
        "Norsk kulturskoleråd (post@kulturskoleradet.no) for sparring rundt hvordan materialet "
        "kan benyttes.",
    ],
    f"{SEMINAR}/facilitator/index.html": [
        "post@kulturskoleradet.no",
        # the feedback introduction, whole
        "I tilknytning til tematikken i programmet, er det laget ulike dialogoppgaver. Slik "
        "gjorde vi det også i dialogseminaret. Der ba vi om tilbakemeldinger fra alle gruppene.",
    ],
    "packages/hovedfunn-og-bakgrunn/index.html": [
        "Pakke 1",
        "Temapakker for arbeid på vei mot Fremtidens kulturskole",
        "«På vei mot Fremtidens kulturskole»",
        "Derfor har vi laget tre «temapakker» som henger sammen:",
        "Pakke 2: Kulturskolen i samfunnet",
        "Pakke 3: Kulturskole hele livet",
        "Form, metode og målgruppe",
        "Tre presentasjoner, som bygger på rapportens innhold, spørsmål og kunnskapsgrunnlag",
        "Prosessarbeid med representanter for andre kommuner/organisasjoner på samling",
        "Regionale rådgivere, veiledere og andre som vil tilrettelegge for presentasjon og prosess",
        "er dette en del av planen videre:",
        "vil det lages regionale og nasjonale møteplasser",
        "KS' åtte regioner og Kulturskolerådets ti fylkesavdelinger oppfordres til å møtes "
        "«lokalt»",
    ],
    PROGRAMME: [
        "Fremtidens kulturskole: Invitasjon til deltakelse i regionale program",
        "tas nå videre gjennom regionale program",
        "Alle fylkesavdelinger i Norsk kulturskoleråd inviteres nå til å melde interesse",
        "Hele invitasjonen",
        "Ofte stilte spørsmål/FAQ",
        "Grunnlagsdokument for programmet (kulturskoleradet.no - PDF)",
    ],
}

MINUTES_002 = ["25", "20", "55", "20", "50", "10"]
"""The seminar's programme as the source times it, block by block."""

# --- 003: webinars of "Inkluderende kulturskoler" ----------------------------------------------

SOURCE_003: dict[str, list[str]] = {
    WEBINARS: [
        "20. januar 2022 · 12:00",
        "21. januar 2022 · 08:30",
        "24. januar 2022 · 15:00",
        "26. januar 2022 · 09:00",
        "28. januar 2022 · 11:00",
        "28. januar 2022 · 13:30",
        "26. januar 2022 · 10:00",
        "28. januar 2022 · 12:00",
        "28. januar 2022 · 14:30",
        "31. januar 2022 · 14:00",
        "1. februar 2022 · 12:00",
        "4. februar 2022 · 10:30",
        "7. februar 2022 · 09:00",
        "7. februar 2022 · 13:30",
        "14. februar 2022 · 09:00",
        "7. februar 2022 · 10:00",
        "7. februar 2022 · 14:30",
        "14. februar 2022 · 10:00",
        "uke 9–14 2022 · mandag/onsdag/fredag · 09:00–10:00",
        "Grunnleggende informasjon om ordningen og innspill fra Rammeplan for kulturskolen",
        "Kravspesifikasjon og kriterier",
        "Tips om samarbeid og tiltak",
        "Arbeid med forankring og intensjonsavtaler",
        "Presentasjon av søknadsskjema, portal",
        "Helpdesk for søknadsproseser og søknadsportal",
        "Informasjon til kommunene",
        "Webinarer med informasjon om ordningen",
        "Ferdigstilling av søknadsportal",
        "Søknadsperiode",
        "Behandling av søknader",
        "Offentliggjøring av tildelinger",
        # the strategy the scheme belongs to, with its background and aims
        "Bakgrunn og føringer Fordypning med mangfold",
        "2021-2024",
        "Vedtak i Norsk kulturskoleråds Landsting 2020",
        "Strategien skal bidra til barn og unges rett til å være en del av et "
        "fordypningsprogram – uavhengig av hvor de bor",
        "Strategien skal bidra til å sikre økonomisk forutsigbarhet",
        "2022-2023, fordelt på skoleår",
        "Kr. 12 500 000",
        "Inntil 12,5 millioner kroner er planlagt fordelt over to år.",
        "i forbindelse med kalenderårene 2022 og 2023",
        # the three-step review of applications
        "1) Sakkyndig utvalg",
        "Utvalget innstiller kvalifiserte søknader.",
        "2) Geografisk utvalg",
        "Utvalget prioriterer de kvalifiserte søknadene i forhold til geografisk spredning.",
        "3) Innstillingsutvalg",
        "Utvalget foretar den endelige innstillingen av søknadene.",
        # practical reminders
        "Høyreklikk på teksten ved ditt bilde og skriv inn ditt navn og arbeidssted",
        "Husk å mute din mikrofon, men ha gjerne kameraet på",
        "Lenke til Norsk kulturskoleråds infoside om fordypning, klikk her.",
        # the range covers the helpdesk, which runs into April
        "januar 2022 – april 2022",
    ],
    "packages/inkluderende-kulturskoler-aktivitetsomrader/presentations/aktivitetsomrader/"
    "index.html": [
        "Interkommunale tiltak",
        "Regionale tiltak",
        "Tverrkunstneriske prosesser og produksjoner",
        "Digital utvikling",
        "Erfaringsdeling",
        "Sum for perioden: Kr. 12 500 000",
        "Periode: 2022-2023, fordelt på skoleår",
        "i forbindelse med kalenderårene 2022 og 2023",
        "Inntil 12,5 millioner kroner er planlagt fordelt over to år.",
    ],
}

CLOCK_TIMES_003 = {
    "12:00",
    "08:30",
    "15:00",
    "09:00",
    "11:00",
    "13:30",
    "10:00",
    "14:30",
    "14:00",
    "10:30",
}
"""Every clock time the webinar slides give."""

# --- 004: regional programme 2024–2025 ----------------------------------------------------------

SOURCE_004: dict[str, list[str]] = {
    PROGRAMME: [
        # the schedule: dates and weeks
        "Inspirasjonssamling før oppstart 15. mars 2024 · 09:00–14:00 · uke 11",
        "Koordinatorsamling 1 21. august 2024",
        "uke 34",
        "Fellessamling 1: oppstart av regionale program 24.–25. september 2024 · uke 39",
        "Veiledningsbesøk/veiledning kommunegruppe 1 oktober 2024 · uke 40–44",
        "Koordinatorsamling 2 29. oktober 2024",
        "Fellessamling 2 26.–27. november 2024 · uke 48",
        "Veiledningsbesøk/veiledning kommunegruppe 2 januar 2025 · uke 2–5",
        "Koordinatorsamling 3 23. januar 2025",
        "Fellessamling 3 12.–13. februar 2025 · uke 7",
        "Veiledningsbesøk/veiledning kommunegruppe 3 mars 2025 · uke 10–13",
        "Koordinatorsamling 4 29. april 2025",
        "Fellessamling 4 20.–21. mai 2025 · uke 21",
        "Veiledningsbesøk/veiledning kommunegruppe 4 juni/august 2025",
        "Koordinatorsamling 5 august 2025",
        "uke 34/35",
        "Fellessamling 5 11.–12. september 2025 · uke 37",
        "Koordinatorsamling 6 15.–16. oktober 2025 · uke 42 vurderes fysisk",
        "Fellessamling 6 20.–21. november 2025 · uke 47",
        "Veiledningsbesøk/veiledning kommunegruppe 5 november/desember 2025 · uke 48–50",
        "Delingsarena!",
        "Vurderes kombinert med oppstart av ny programperiode",
        "januar 2026",
        # both periods, each with where it comes from, and a range that covers every item
        "februar 2024 – juni 2025",
        "Avtalen gjelder for perioden februar 2024–juni 2025.",
        "Grunnlagsdokumentet, avsnittet Avtaleperiode",
        "august 2024 – desember 2025",
        "for perioden august 2024 – desember 2025",
        "Kontrakt – Regionale program 2024–2025",
        "mars 2024 – januar 2026",
        # sections
        "Det er frihet til å utforme og gi innhold til satsingen på regionalt og lokalt nivå",
        "Programmet",
        "«Kommunal samskaping – tjenesteutvikling med kulturskolen som døråpner»",
        # the contract's places to sign, as the source leaves them
        "Sted /dato Kommune: kommunedirektør: kulturskoleleder:",
        "Forankring",
        "sak 2021.15",
        "anbefalinger til KS og Kulturskolerådet etter pilotprosjektet Fremtidens kulturskole",
        "rammeplanen for kulturskolen",
        "Metode og arbeidsformer",
        "Programmet bygger på metodikken som er utviklet i pilotprosjektet",
        "Helhet og sammenheng",
        "Med utviklingsområde menes et område som fylkesavdelingene skal ha særlig fokus på i "
        "styreperioden.",
        "identifisere utviklingsbehov basert på ulike kunnskapsgrunnlag",
        "evaluere løsninger, tiltak og måloppnåelse",
        "Det skal utarbeides en utviklingsplan for programperioden",
        "Programperioden strekker seg over tre semester.",
        "Det er tre fysiske samlinger og tre digitale fellessamlinger for deltakerkommunene.",
        "minimum fire deltakere",
        "Kostnader ved deltakelse",
        "Deltakeravgiften for hver kommune er 20 000 kroner for hele programperioden.",
        "Programmet dekker veiledningsstøtte, faglig innhold og dagpakker på samlinger.",
        "Deltakeravgiften deles i tre og kommunene faktureres tre ganger i programperioden",
        "Utvelgelse av deltakerkommuner",
        "knytter utviklingsarbeidet tett opp til et utviklingsområde vedtatt av sin respektive "
        "fylkesavdeling",
        "går i dialog med sin fylkesavdeling om aktuelle former og arenaer for erfaringsdeling",
        "Forpliktelser",
        "Oppfylles ikke forpliktelsene, kan avtalen avsluttes før avtalt tid.",
        "Kontaktperson",
        "skal utveksles skriftlig senest ved oppstart av programperioden",
        "Trondheim august 2024",
        "Morten Christiansen",
        "Åste Selnæs Domaas",
        "leder for veiledning og rammeplanutvikling",
        "aste.domaas@kulturskoleradet.no",
        "91 74 65 89",
    ],
}

FELLESSAMLING_1 = "gatherings/fremtidens-kulturskole-fellessamling-1"

SOURCE_004[f"{FELLESSAMLING_1}/index.html"] = [
    "Fellessamling 1: oppstart av regionale program",
    "24.–25. september 2024",
    "Dag 1: 24. september 2024",
    "Dag 2: 25. september 2024",
    "Uke 39",
    "Fysisk",
    "Norsk kulturskoleråd",
    "Kommunegruppene møter på fellessamlinger og i lokalt arbeid gjennom hele perioden.",
]
SOURCE_004[f"{FELLESSAMLING_1}/facilitator/index.html"] = [
    "Kostnader i forbindelse med reise til samlinger og overnatting dekkes av deltakerkommunene.",
    "Programmet dekker veiledningsstøtte, faglig innhold og dagpakker på samlinger.",
]

CLOCK_TIMES_004 = {"09:00", "14:00"}
"""The only clock times the programme's schedule gives (the inspiration day)."""

DOCUMENTS = {
    "000": SOURCE_000,
    "001": SOURCE_001,
    "002": SOURCE_002,
    "003": SOURCE_003,
    "004": SOURCE_004,
}

ADDED_ON_PURPOSE = {
    f"{KORTLAEGNING}/runsheet/index.html": {
        "minutes": ["5", "10", "10", "10", "10", "5", "30"],
        "duration": "60–90",
    },
}
"""What the editors added that no source gives: the run-sheet of the mapping (the source is a
report, not a session plan). Each is shown on the page as a suggestion ('forslag')."""

CONVERTED = {"2,5 timer": "150 min"}
"""Quantities written in another unit than the source's, equal in value."""


@pytest.mark.parametrize(
    ("document", "path"),
    [(name, path) for name, pages in DOCUMENTS.items() for path in pages],
)
def test_every_item_of_the_source_is_on_the_page_a_reader_looks_at(
    bundled: Build, document: str, path: str
) -> None:
    page = text_of(bundled, path)
    missing = [item for item in DOCUMENTS[document][path] if item not in page]
    assert missing == [], f"{document}: {path} lacks {missing}"


def test_001_figures_carry_only_the_titles_questions_and_n_the_source_gives(
    bundled: Build,
) -> None:
    article = bundled.article(PRESENTATION_001)
    figures = article.select("figure.kd-chart")
    titles = [f.select_one(".kd-chart__title") for f in figures]
    shown = {t.get_text(strip=True) for t in titles if t is not None}
    assert shown == FIGURE_TITLES_001
    captions = {
        " ".join(c.get_text(" ", strip=True).split(":", 1)[1].split())
        for c in article.select(".kd-chart__caption")
    }
    assert captions == FIGURE_CAPTIONS_001
    for figure in figures:
        title = figure.select_one(".kd-chart__title")
        n = figure.select_one(".kd-chart__n")
        question = figure.select_one(".kd-chart__question")
        if title is None:
            # No title in the source: neither its N nor another figure's question either.
            assert n is None and question is None, figure.get_text(" ", strip=True)[:80]
        else:
            assert n is not None and n.get_text(strip=True) == FIGURE_N_001[title.get_text()]
            assert question is not None


def test_001_the_del_4_chart_has_no_del_1_question_or_n(bundled: Build) -> None:
    slide = bundled.article(PRESENTATION_001).select("li.kd-slide-card")[7]
    assert "Del 4" in slide.select_one(".kd-slide__title").get_text()
    figure = slide.select_one("figure.kd-chart")
    assert [v.get_text() for v in figure.select(".kd-chart__value")] == [
        "98 pct.",
        "96 pct.",
        "95 pct.",
    ]
    text = figure.get_text(" ", strip=True)
    assert "N =" not in text and "motivation til at deltage i projektet" not in text


def test_001_every_chart_value_is_a_number_of_the_source_and_measures_never_share_a_scale(
    bundled: Build,
) -> None:
    article = bundled.article(PRESENTATION_001)
    values = {v.get_text().removesuffix(" pct.") for v in article.select(".kd-chart__value")}
    assert values <= CHART_VALUES_001
    del_1 = article.select("li.kd-slide-card")[3]
    scales = del_1.select("svg.kd-chart__svg")
    assert [[v.get_text() for v in s.select(".kd-chart__value")] for s in scales] == [
        ["95 pct."],
        ["32 pct."],
    ]


def test_001_the_untitled_involvement_figure_says_its_values_are_not_given(
    bundled: Build,
) -> None:
    slide = bundled.article(PRESENTATION_001).select("li.kd-slide-card")[4]
    figure = slide.select("figure.kd-chart")[0]
    assert "Projektdeltagernes involvering" in figure.get_text()
    assert figure.select("svg") == []
    assert "gengiver ikke tallene" in figure.select_one(".kd-chart__missing").get_text()


def test_what_the_editors_added_is_shown_as_a_suggestion(bundled: Build) -> None:
    for path, added in ADDED_ON_PURPOSE.items():
        article = bundled.article(path)
        cells = [
            c.get_text(" ", strip=True)
            for c in article.select("table.kd-runsheet tbody td.kd-minutes")
        ]
        assert cells == [f"{m} (forslag)" for m in added["minutes"]]
        head = text_of(bundled, path, ".kd-sheet-head")
        assert f"{added['duration']} min (forslag)" in head
        assert article.select_one(".kd-note--suggested") is not None
    overview = text_of(bundled, f"{KORTLAEGNING}/index.html", "dl.kd-facts")
    assert "60–90 min (forslag)" in overview


def test_002_the_programme_has_the_source_s_minutes_and_no_clock_time_of_its_own(
    bundled: Build,
) -> None:
    article = bundled.article(f"{SEMINAR}/index.html")
    minutes = [c.get_text(strip=True) for c in article.select("table.kd-programme td.kd-minutes")]
    assert minutes == MINUTES_002
    # The source gives durations only: the page counts from 0:00 and says so.
    assert article.select_one(".kd-note--relative") is not None
    assert "Tid" not in [dt.get_text() for dt in article.select("dl.kd-facts dt")]


def test_002_the_collection_s_three_presentations_are_not_said_of_one_package(
    bundled: Build,
) -> None:
    for id in ("hovedfunn-og-bakgrunn", "kulturskolen-i-samfunnet", "kulturskole-hele-livet"):
        article = bundled.article(f"packages/{id}/index.html")
        form = next(
            li
            for li in article.select("li")
            if li.get_text(strip=True).startswith("Tre presentasjoner")
        )
        # The list sits in the collection's section, under the collection's own heading.
        section = form.find_parent("section", class_="kd-section--top")
        heading = section.find_previous_sibling("h2").get_text(strip=True)
        assert heading == "Temapakker for arbeid på vei mot Fremtidens kulturskole"


def test_002_links_without_an_address_in_the_source_say_so(bundled: Build) -> None:
    article = bundled.article(f"{SEMINAR}/index.html")
    # The news article, the recording and the feedback document: named, none with an address.
    named = [
        "Nasjonalt dialogseminar om Fremtidens kulturskole gjennomført",
        "Filmopptaket på Vimeo",
        "Tilbakemeldingene til arrangørene i løpet av dialogseminaret",
    ]
    for title in named:
        holder = next(li for li in article.select("li, p") if title in li.get_text())
        assert holder.select("a") == []
        assert "adressen er ikke oppgitt" in holder.get_text()


@pytest.mark.parametrize(
    ("path", "allowed"), [(WEBINARS, CLOCK_TIMES_003), (PROGRAMME, CLOCK_TIMES_004)]
)
def test_no_clock_time_the_source_does_not_give(
    bundled: Build, path: str, allowed: set[str]
) -> None:
    shown = set(re.findall(r"\b\d{2}:\d{2}\b", text_of(bundled, path)))
    assert shown and shown <= allowed


@pytest.mark.parametrize("page", ["index.html", "facilitator/index.html", "runsheet/index.html"])
def test_004_the_two_day_gathering_has_no_time_or_programme_the_source_does_not_give(
    bundled: Build, page: str
) -> None:
    path = f"{FELLESSAMLING_1}/{page}"
    assert re.findall(r"\b\d{1,2}:\d{2}\b", text_of(bundled, path)) == []
    article = bundled.article(path)
    assert article.select("table, .kd-guide, .kd-live") == []
    assert len(article.select(".kd-note--no-programme")) == 2


def test_004_no_minutes_are_counted_for_days_without_a_programme(bundled: Build) -> None:
    for path in ("gatherings/index.html", "index.html"):
        card = next(
            c
            for c in bundled.article(path).select("li.kd-card")
            if "Fellessamling 1" in c.get_text()
        )
        meta = card.select_one(".kd-card__meta").get_text(" ", strip=True)
        assert "min" not in meta and "program ikke oppgitt" in meta, meta


def test_a_series_date_range_covers_all_of_its_items(bundled: Build) -> None:
    cards = {
        card.select_one("strong").get_text(): card.select_one(".kd-card__meta").get_text()
        for card in bundled.article("series/index.html").select("li.kd-card")
    }
    # The helpdesk runs to week 14 (April); the sharing arena is in January 2026.
    assert "januar 2022 – april 2022" in cards["Webinarer for ordningen Inkluderende kulturskoler"]
    assert (
        "mars 2024 – januar 2026" in cards["Fremtidens kulturskole – regionale program 2024–2025"]
    )


def test_004_durations_are_the_source_s_in_minutes(bundled: Build) -> None:
    page = text_of(bundled, PROGRAMME)
    assert page.count(f"Varighet: {CONVERTED['2,5 timer']}") == 5
    assert re.findall(r"Varighet: (\d+) min", page) == ["150"] * 5


# --- fixes against the sources: each test fails if its fix is undone --------------------------

THEME_PACKAGES_002 = ("hovedfunn-og-bakgrunn", "kulturskolen-i-samfunnet", "kulturskole-hele-livet")


@pytest.mark.parametrize("id", THEME_PACKAGES_002)
def test_002_theme_packages_are_named_and_offered_by_the_source_without_contents(
    bundled: Build, id: str
) -> None:
    # The source made them ("Derfor har vi laget tre «temapakker»") and offers them for
    # download; it gives no contents. Never "announced" or "not made yet".
    page = text_of(bundled, f"packages/{id}/index.html")
    assert "Innhold ikke gjengitt" in page
    assert "gjengir ikke innholdet" in page
    assert "Innholdet (klikk og se/last ned)" in page
    assert "adressen er ikke oppgitt" in page
    for wrong in ("Varslet", "ikke laget", "ennå"):
        assert wrong not in page, wrong
    card = next(
        c for c in bundled.article("packages/index.html").select("li.kd-card") if id in str(c)
    )
    assert "Innhold ikke gjengitt" in card.get_text() and "Varslet" not in card.get_text()


def test_002_the_roles_keep_the_source_s_choose_wording(bundled: Build) -> None:
    for qs in ("dialogtema-1", "dialogtema-2"):
        roles = [
            li.get_text(strip=True)
            for li in bundled.article(f"questions/{qs}/index.html").select(".kd-roles li")
        ]
        assert roles and all(role.startswith("Velg en ") for role in roles), roles


def test_002_the_participant_page_has_the_note_to_municipalities(bundled: Build) -> None:
    page = text_of(bundled, f"{SEMINAR}/index.html")
    assert "Merk: Kommuner og andre" in page and "post@kulturskoleradet.no" in page


def test_001_the_slide_4_figure_says_the_text_gives_only_its_two_values(bundled: Build) -> None:
    slide = bundled.article(PRESENTATION_001).select("li.kd-slide-card")[3]
    figure = slide.select_one("figure.kd-chart")
    assert len(figure.select(".kd-chart__value")) == 2
    assert "gengiver kun disse tal" in figure.select_one(".kd-chart__partial").get_text()


def test_001_only_the_two_titled_figures_carry_a_source_line(bundled: Build) -> None:
    figures = bundled.article(PRESENTATION_001).select("figure.kd-chart")
    with_source = [f for f in figures if f.select_one(".kd-chart__source")]
    titles = {f.select_one(".kd-chart__title").get_text(strip=True) for f in with_source}
    assert len(with_source) == 2 and titles == FIGURE_TITLES_001


def test_003_regionale_tiltak_has_its_three_sentences(bundled: Build) -> None:
    slides = bundled.article(
        "packages/inkluderende-kulturskoler-aktivitetsomrader/presentations/aktivitetsomrader/"
        "index.html"
    ).select("li.kd-slide-card")
    regional = next(
        s
        for s in slides
        if s.select_one(".kd-slide__title").get_text(strip=True) == "Regionale tiltak"
    )
    text = " ".join(regional.get_text(" ", strip=True).split())
    for sentence in (
        "Fordypingsprogrammet er for elever som har særlig interesse og forutsetninger for å "
        "arbeide med faget.",
        "Undervisningstilbudet skal være vesentlig forsterket med hensyn til innhold og omfang "
        "i forhold til kjerneprogrammet.",
        "Med små kunstfag menes fag som har lite miljø knyttet rundt seg ved den enkelte "
        "kulturskole.",
    ):
        assert sentence in text, sentence
    # Written as the source writes it, not silently mended.
    page = text_of(
        bundled,
        "packages/inkluderende-kulturskoler-aktivitetsomrader/presentations/aktivitetsomrader/"
        "index.html",
    )
    assert "delta i interkommunalt og samarbeid, for å styrke" in page


def test_000_the_three_aims_follow_kulturspor_skal(bundled: Build) -> None:
    article = bundled.article(f"{KULTURSPOR}/index.html")
    lead = next(p for p in article.select("p") if p.get_text(strip=True) == "KULTURSPOR skal")
    aims = lead.find_next("ol")
    items = [li.get_text(strip=True) for li in aims.select("li")]
    assert [i.split(",")[0] for i in items] == [
        "sikre",
        "styrke samarbejdet og relationerne mellem de deltagende institutioner",
        "skabe en model for tværfaglig kvalificering af involverede kunstnere",
    ]


def test_004_the_contract_adds_no_words_of_its_own(bundled: Build) -> None:
    assert "fylles ut" not in text_of(bundled, PROGRAMME)


def test_004_the_timeline_makes_no_semesters_and_keeps_the_source_s_order(
    bundled: Build,
) -> None:
    article = bundled.article(PROGRAMME)
    headings = [h.get_text(strip=True) for h in article.select("h3")]
    # The source counts three semesters; the timeline makes none of its own.
    assert not [h for h in headings if re.search(r"vår|høst|semester", h, re.IGNORECASE)]
    november = next(
        m
        for m in article.select("section.kd-month")
        if m.select_one(".kd-month__name").get_text(strip=True) == "november 2025"
    )
    titles = [
        e.select_one(".kd-event__title").get_text(strip=True)
        for e in november.select("li.kd-event")
    ]
    assert titles == ["Fellessamling 6", "Veiledningsbesøk/veiledning kommunegruppe 5"]


def test_004_month_only_items_say_the_source_gives_no_day(bundled: Build) -> None:
    page = text_of(bundled, PROGRAMME)
    assert "Ingen dato" not in page
    marks = bundled.article(PROGRAMME).select(".kd-no-date")
    assert marks and {m.get_text(strip=True) for m in marks} == {"Dag ikke oppgitt"}
