"""Svenska: standardspråket för allt användarna läser."""

MESSAGES: dict[str, str] = {
    "greeting_channel": (
        "Hej! Jag är Modbot och hjälper er att moderera kommunens konton i sociala medier "
        "enligt rutinen. Koppla den här kanalen till ett konto med "
        '`koppla facebook "Kontots namn" https://facebook.com/konto`. Skriv `hjälp` för mer.'
    ),
    "greeting_personal": "Hej! Jag är Modbot. Skriv `hjälp` för att se vad jag kan.",
    "help": (
        "**Kommandon** (i en kanal: nämn mig först, t.ex. @Modbot hjälp)\n\n"
        '- `koppla <plattform> "<kontots namn>" <länk>`: flaggade kommentarer för kontot '
        "hamnar i den här kanalen. Plattform: facebook, instagram eller youtube.\n"
        "- `konton`: vilka konton som är kopplade och till vilken kanal.\n"
        "- `väntande`: öppna ärenden och tid kvar till 48-timmarsgränsen.\n"
        "- `nytt konto`: registrera ett nytt konto steg för steg (rutinen 2.1); `avbryt` avbryter.\n"
        "- `checklista`: checklistan för kanalens konton, med vem som bekräftat vad.\n"
        "- `byt ansvarig @namn`, `chef @namn`: chefen utser ansvarig tjänsteperson (och chef).\n"
        "- `avsluta konto`: chefen anmäler att kontot avslutas; slutarkivering följer.\n"
        "- `strateg här`: kommunikationsstrategens kanal, som får veta om nya och ändrade konton.\n"
        "- `publicerat`: kanalens konton har uppdaterats nu (rutinen: minst en gång i veckan).\n"
        "- `kansli här`: kanslienhetens kanal, dit synpunkter lämnas över.\n"
        '- `avdelning här "Namn"` eller `avdelning "Namn" @namn`: vem som svarar på synpunkter; '
        "`avdelningar` visar dem.\n"
        "- `synpunkter`: synpunkter som väntar på registrering i Synpunkten.\n"
        '- `anslut facebook "<konto>" <id> env:NAMN`: kommentarer kommer direkt från plattformen.\n'
        '- `utdrag "<konto>" <från> <till>`: allt på kontot under perioden som PDF (utlämnande); '
        '`sekretess "<konto>" <id> "<skäl>"` utesluter en uppgift ur utdraget.\n'
        "- `bevispaket <diarienummer>`: en borttagen kommentars bevis som PDF för diariet.\n"
        '- `arkivpaket "<konto>"`: halvårets paket till kommunarkivet.\n'
        '- `gallring "<konto>"`: gallringsförslag att godkänna; `bevara "<konto>" <id> "<skäl>"` '
        "undantar från gallring.\n"
        "- `personuppgifter <id>`: allt som finns om en person (kanslienhetens kanal).\n"
        "- `hjälp`: den här texten."
    ),
    "unknown_command": (
        "Det kommandot känner jag inte igen. Jag kan: `nytt konto`, `koppla`, `konton`, "
        "`checklista`, `väntande`, `byt ansvarig`, `chef`, `avsluta konto`, `publicerat`, "
        "`kansli här`, `strateg här`, `avdelning`, `avdelningar`, `synpunkter`, `anslut`, "
        "`utdrag`, `sekretess`, `bevispaket`, `arkivpaket`, `gallring`, `bevara`, "
        "`personuppgifter` och `hjälp`."
    ),
    "link_usage": (
        'Skriv så här: `koppla facebook "Hjo kommun" https://facebook.com/hjokommun` '
        "(plattform, kontots namn inom citattecken, länk till kontot)."
    ),
    "link_bad_platform": "Okänd plattform {platform}. Välj facebook, instagram eller youtube.",
    "link_bad_url": "{url} ser inte ut som en länk. Den ska börja med https://.",
    "linked": "Kontot {platform} {name} är nu kopplat till den här kanalen.",
    "relinked": (
        "Kontot {platform} {name} är nu kopplat till den här kanalen (tidigare en annan kanal)."
    ),
    "accounts_none": "Inga konton är kopplade än.",
    "accounts_header": "**Kopplade konton**",
    "accounts_line": "- {platform} {name} ({url}): {channel}; ansvarig: {officer}, chef: {manager}",
    "accounts_this_channel": "den här kanalen",
    "accounts_other_channel": "kanalen {channel}",
    "pending_none": "Inga öppna ärenden. Bra jobbat!",
    "pending_header": "**Öppna ärenden** (äldst först)",
    "pending_line": "- #{case} {platform} {account}, {author}: {state}, {time_left}",
    "pending_state_open": "inte beslutat",
    "pending_state_removal": "ska tas bort på plattformen ({diarium})",
    "time_left": "{duration} kvar",
    "time_overdue": "48-timmarsgränsen passerad för {duration} sedan",
    "duration": "{hours} h {minutes} min",
    "role_usage": "Skriv `byt ansvarig @namn` eller `chef @namn` och nämn en person med @.",
    "officer_set": "{name} är nu ansvarig tjänsteperson för {accounts}.",
    "manager_set": "{name} är nu chef för {accounts}.",
    "role_missing": "ingen utsedd",
    "error_no_account_in_channel": "Kanalen har inget kopplat konto. Koppla ett först med `koppla`.",
    "reminder_deadline": (
        "{officer}: {time_left} till 48-timmarsgränsen för ärende #{case} "
        "({platform} {account}, skrivet av {author}). {action} senast {deadline}. "
        "[Öppna kommentaren]({link})"
    ),
    "reminder_action_decide": "Avgör ärendet på dess kort",
    "reminder_action_remove": "Ta bort kommentaren och tryck Borttagen på plattformen",
    "reminder_overdue": (
        "{manager}: ärende #{case} ({platform} {account}, skrivet av {author}) har passerat "
        "48-timmarsgränsen {deadline} utan att vara klart. Ansvarig tjänsteperson: {officer}. "
        "Se till att det avgörs nu. [Öppna kommentaren]({link})"
    ),
    "reminder_no_officer": (
        "Ingen ansvarig tjänsteperson är utsedd (skriv `byt ansvarig @namn` i kanalen), så det här "
        "går till alla i kanalen"
    ),
    "reminder_no_manager": (
        "Ingen chef är utsedd (skriv `chef @namn` i kanalen), så det här går till alla i kanalen"
    ),
    "digest_title": "Bevakning {day}",
    "digest_intro": "Gå igenom {accounts} och tryck Bevakat idag när det är gjort.",
    "digest_none": "Inga öppna ärenden.",
    "digest_case": "#{case} {platform} {account}, {author}: {time_left}",
    "digest_attest": "Bevakat idag",
    "digest_published": "Publicerat idag",
    "digest_attested": "Bevakat av {name} {at}",
    "attested_reply": "{name} bekräftade dagens bevakning av {accounts}.",
    "monitoring_missing": (
        "{officer}: ingen har bekräftat dagens bevakning av {account} ännu. Gå igenom kontot "
        "och tryck Bevakat idag på dagens sammanställning i kanalen före arbetsdagens slut. "
        "[Öppna kontot]({link})"
    ),
    "monitoring_missed": (
        "{manager}: bevakningen av {account} bekräftades inte {day}. "
        "Ansvarig tjänsteperson: {officer}. Se till att kontot bevakas i dag. "
        "[Öppna kontot]({link})"
    ),
    "error_already_attested": "Bevakningen är redan bekräftad av {name} {at}.",
    "error_attest_only_today": "Det går bara att bekräfta dagens bevakning.",
    "published_set": "Noterat: {accounts} uppdaterades {at}.",
    "nudge_officer": (
        "{person}: {account} har inte uppdaterats sedan {since}. Rutinen säger minst en gång i "
        "veckan: publicera något nu och skriv `publicerat` i kontots kanal. [Öppna kontot]({link})"
    ),
    "nudge_manager": (
        "{person}: {account} har inte uppdaterats sedan {since}, två veckor. "
        "Ansvarig tjänsteperson: {officer}. Se till att kontot uppdateras i veckan. "
        "[Öppna kontot]({link})"
    ),
    "officer_missing": (
        "{person}: {account} har ingen ansvarig tjänsteperson. Utse en i dag med "
        "`ansvarig @namn` i kontots kanal. [Öppna kontot]({link})"
    ),
    "duty_archive_title": "Halvårsarkivering av {account}",
    "duty_culling_title": "Halvårsgallring av {account}",
    "duty_archive_what": (
        "Gör en skärmdump av kontots startsida och spara den som PDF. Bifoga PDF-filen i ett "
        "svar på det här kortet (i en kanal: i kortets tråd; i chatten med mig: här i chatten), "
        "så sparar jag den och lägger den i arkivpaketet. Skriv sedan "
        '`arkivpaket "{account}"` och skicka paketet till kommunarkivet (arkivexemplar av allt '
        "som publicerats, bevisen, startsidan och en manifestfil med SHA-256; rutinen avsnitt 4)."
    ),
    "duty_culling_what": (
        "Gallra information av tillfällig karaktär eller ringa betydelse enligt "
        'dokumenthanteringsplanen (rutinen avsnitt 5): skriv `gallring "{account}"` för ett '
        "förslag och godkänn det. Olagliga och olämpliga inlägg gallras direkt och diarieförs."
    ),
    "duty_period": "Halvåret från {period}, öppnad {opened}. Gör det senast {due}.",
    "duty_reference": "Diarie- eller arkivreferens, eller länk till filen",
    "duty_archive_button": "Arkiverat",
    "duty_culling_button": "Gallrat",
    "duty_done": "Klart: {name} {at}, referens {reference}",
    "duty_reminder": (
        "{person}: {title} är inte klar (öppnad {opened}). {what} Gör det senast {due}, "
        "sedan får chefen veta. [Öppna kontot]({link})"
    ),
    "duty_overdue": (
        "{person}: {title} har varit öppen i 30 dagar (sedan {opened}). "
        "Ansvarig tjänsteperson: {officer}. Se till att den blir gjord. [Öppna kontot]({link})"
    ),
    "error_task_not_found": "Uppgiften finns inte.",
    "error_task_done": "Uppgiften är redan klar: {name} {at}.",
    "error_reference_missing": "Skriv referensen eller länken (högst 500 tecken) och tryck igen.",
    "error_not_responsible": (
        "Bara kontots kanal, ansvariga tjänsteperson eller chef kan bocka av uppgiften."
    ),
    "department_usage": (
        'Skriv `avdelning här "Samhällsbyggnad"` i avdelningens kanal, eller '
        '`avdelning "Samhällsbyggnad" @namn` för en kontaktperson.'
    ),
    "department_set_channel": "{department} svarar på synpunkter i den här kanalen.",
    "department_set_person": "{person} svarar på synpunkter för {department}.",
    "departments_none": 'Inga avdelningar ännu. Lägg till med `avdelning här "Namn"`.',
    "departments_header": "**Avdelningar som svarar på synpunkter**",
    "departments_line": "- {department}: {contact}",
    "synpunkter_none": "Inga synpunkter väntar på registrering.",
    "synpunkter_header": "**Synpunkter att registrera** (äldst först)",
    "synpunkter_line": "- #{case} {platform} {account}, {author}: {vardagar} vardagar, {state}",
    "synpunkter_state_waiting": "väntar på svar",
    "synpunkter_state_answered": "besvarad",
    "synpunkter_state_published": "svar publicerat",
    "synpunkt_answer_due": (
        "{department}: synpunkten i ärende #{case} ({platform} {account}) väntar på ert svar "
        "sedan {since}. Svara på kortet i dag. [Öppna kommentaren]({link})"
    ),
    "synpunkt_registration_due": (
        "Synpunkten i ärende #{case} ({platform} {account}) besvarades {since} men är inte "
        "registrerad i Synpunkten. Registrera den i dag på kortet i den här kanalen. "
        "[Öppna kommentaren]({link})"
    ),
    "verify_event_changed": "Ändrad händelse: {subject} stämmer inte med sin hash",
    "verify_chain_broken": (
        "Bruten kedja: {subject} följer inte händelsen före (en händelse är borttagen eller "
        "inskjuten)"
    ),
    "verify_row_changed": (
        "Ändrad post: {subject} är inte som granskningskedjan senast registrerade den "
        "(ändrad utanför Modbot)"
    ),
    "verify_row_changed_before": (
        "Ändrad post: {subject} var redan ändrad utanför Modbot när {event} ändrade den"
    ),
    "verify_row_unrecorded": (
        "Oregistrerad post: {subject} finns inte i granskningskedjan (tillagd utanför Modbot)"
    ),
    "verify_row_missing": (
        "Post saknas: {subject} finns i granskningskedjan men inte i databasen (borttagen)"
    ),
    "verify_anchor_missing": (
        "Ankaret {subject} finns inte i kedjan: händelser efter det har tagits bort, eller "
        "kedjan är omskriven"
    ),
    "verify_anchors_ok": "Kedjan går genom alla {anchors} angivna ankare.",
    "verify_file_changed": "Ändrad bevisfil: {subject} har inte sin registrerade SHA-256",
    "verify_file_missing": "Bevisfil saknas: {subject}",
    "verify_head": "Kedjans senaste hash: {head}",
    "verify_case": " (ärende {case})",
    "verify_ok": (
        "Allt stämmer: {events} händelser i kedjan, {rows} poster och {files} bevisfiler "
        "kontrollerade."
    ),
    "verify_broken": (
        "{found} avvikelse(r) bland {events} händelser, {rows} poster och {files} bevisfiler. "
        "Behåll en kopia av databasen och bevismappen som de är och kontakta registrator."
    ),
    "screen_flagged": "Flaggas: {answer}",
    "screen_yes": "ja",
    "screen_no": "nej",
    "screen_category": "Föreslagen kategori: {category}",
    "screen_reason": "- {reason}",
    "kansli_set": "Den här kanalen tar nu emot synpunkter som kanslienheten ska registrera.",
    "evidence_attached": (
        "Sparat som bevis i ärende #{case}: {files}. Ärendet har nu {count} bevisfiler."
    ),
    "evidence_not_in_case_thread": (
        "Bifoga bevis genom att svara med bilden eller filen i tråden under ärendets kort, och "
        "startsidans PDF i ett svar på arkiveringsuppgiftens kort."
    ),
    "evidence_download_failed": "Jag kunde inte hämta {name}. Försök att bifoga filen igen.",
    "still_handling": "Ditt val behandlas redan. Vänta ett ögonblick, så uppdateras kortet.",
    "working_on_it": "Arbetar på det … Du får svar här när det är klart.",
    "parked_usage": "Så här: `modbot parked` visar det som väntar, `modbot parked retry <nr>` försöker igen.",
    "parked_none": "Inget väntar: alla bakgrundsjobb har gått igenom.",
    "parked_line": "{number}. {kind} {ref}: {attempts} försök, parkerat {at}: {error}",
    "parked_retried": "Nr {number} ({kind} {ref}) försöks igen av den körande boten inom en halv minut.",
    "parked_unknown": "Det finns inget parkerat nr {number}.",
    "cli_no_database": (
        "Databasen {path} finns inte, så det finns inget att läsa. Ange den som boten använder "
        "med MODBOT_DATABASE_URL (nu {url})."
    ),
    "cli_no_such_account": 'Det finns inget kopplat konto som heter "{name}".',
    "cli_account_on_several_platforms": (
        '"{name}" finns på flera plattformar ({platforms}): ange vilken med --plattform.'
    ),
    "cli_linked": (
        "Kontot {platform} {name} är nu kopplat till kanalen {channel}. Flaggade kommentarer "
        "för kontot kommer som kort där."
    ),
    "cli_relinked": (
        "Kontot {platform} {name} är nu kopplat till kanalen {channel} (tidigare {previous})."
    ),
    "cli_channel_unknown": (
        "Boten känner inte kanalen {channel} än, så den kan inte skriva där. Ange kanalens "
        "tjänsteadress med --service-url (serviceUrl i det Teams skickar till boten, t.ex. "
        "https://smba.trafficmanager.net/emea/), eller lägg till appen i teamet först."
    ),
    "cli_bad_service_url": "--service-url {url} ser inte ut som en länk (http:// eller https://).",
    "demo_not_in_development": (
        "`modbot demo` är bara för utveckling, inte för en bot med MODBOT_APP_ID: den kopplar "
        "ett påhittat konto till Agents Playground, som inte skickar några token."
    ),
    "demo_ready": (
        "Demokontot är klart: {platform} {account} är kopplat till kanalen General i Microsoft "
        "365 Agents Playground (konversation {channel} via {service_url}). `modbot demo` går att "
        "köra igen; det som redan är gjort görs inte om.\n\n"
        "1. Starta Playground först, i en egen terminal:\n"
        "   npx -y -p @microsoft/m365agentsplayground@0.2.28 agentsplayground -e {messages_url} "
        "-c msteams -p {playground_port}\n"
        "   Sidan öppnas i webbläsaren (utan webbläsare: sätt TEAMSAPPTESTER_BROWSER=none och "
        "öppna {playground_url}). Säger den en annan port (porten var upptagen), kör `modbot "
        "demo --service-url http://localhost:<port>/_connector` innan du går vidare.\n"
        "2. Starta boten i en annan terminal: `./scripts/start` (eller `.venv/bin/modbot "
        "serve`).\n"
        "3. Lägg till appen i teamet på Playgrounds sida; boten hälsar i kanalen General.\n"
        "4. Flagga en kommentar från en tredje terminal:"
    ),
    "demo_then": (
        "5. Inom några sekunder kommer ett kort, Flaggad kommentar #<nr>, för {account} i "
        "kanalen General i Playground. Välj kategori, skriv en anteckning och tryck Behåll "
        "eller Ta bort: kortet uppdateras för alla. curl svarar med ärendets nummer och "
        '"created": true. Samma curl en gång till ger inget nytt kort (det är samma '
        "kommentar); `modbot demo` skriver ut en ny."
    ),
    "removing_on_platform": "Tar bort kommentaren på plattformen … Kortet uppdateras när plattformen har svarat.",
    "public_list_vacant": "vakant – kontakta {ask}",
    "error_generic": "Något gick fel. Försök igen om en stund.",
    "error_case_not_found": "Ärendet finns inte.",
    "error_already_decided": "Ärendet är redan avgjort av {name} {at}.",
    "error_evidence_missing": (
        "Bevisen (skärmdump och avsändare) är inte sparade ännu. Försök igen om en stund."
    ),
    "error_not_awaiting_removal": "Ärendet väntar inte på borttagning.",
    "error_not_connected": (
        "Kontot är inte anslutet till sin plattform: ta bort kommentaren där och tryck på "
        "Borttagen på plattformen."
    ),
    "error_not_in_linked_channel": (
        "Bara medlemmar i kanalen som kontot är kopplat till kan besluta om dess kommentarer."
    ),
    "error_kansli_not_linked": (
        "Kanslienhetens kanal är inte vald. Be kanslienheten skriva `kansli här` i sin kanal."
    ),
    "error_not_in_channel": "Det här fungerar bara i en kanal i ett team.",
    "error_bad_action": "Knappen känns inte igen. Ladda om kortet och försök igen.",
    "platform_facebook": "Facebook",
    "platform_instagram": "Instagram",
    "platform_youtube": "YouTube",
    "category_fortal": "Förtal, personangrepp eller förolämpning",
    "category_hets": "Hets mot folkgrupp eller trakasserier",
    "category_vald": "Olovliga våldsskildringar eller pornografi",
    "category_brott": "Uppmaning till brott",
    "category_sekretess": "Sekretess eller känsliga personuppgifter",
    "category_bild": "Bild utan samtycke",
    "category_upphovsratt": "Upphovsrättsligt skyddat material",
    "category_kommersiellt": "Kommersiellt budskap",
    "category_annat": "Annat",
    "card_title": "Flaggad kommentar #{case}",
    "card_account": "Konto",
    "card_author": "Skriven av",
    "card_written": "Skriven",
    "card_deadline": "Ska bort senast",
    "card_time_left": "Till 48-timmarsgränsen",
    "card_suggested": "Föreslagen kategori",
    "card_reason": "Skäl",
    "card_flagged_by": "Flaggad av",
    "card_evidence": "Bevis",
    "card_own_screenshot_needed": (
        "Modbot kunde inte göra en skärmdump av kommentaren. Ta en egen skärmdump och bifoga "
        "den i tråden under kortet innan kommentaren tas bort."
    ),
    "parked_mail": (
        "E-postmeddelandet \"{subject}\" till {to} kunde inte skickas efter {attempts} försök "
        "({error}). Det väntar nu: en tekniker kan skicka det igen med `modbot parked`."
    ),
    "parked_event": (
        "En händelse från {source} (nr {ref}) kunde inte behandlas efter {attempts} försök. "
        "Den är sparad och väntar: en tekniker kan försöka igen med `modbot parked`."
    ),
    "parked_message": (
        "Ett meddelande till en kanal kunde inte levereras till Teams efter {attempts} försök "
        "({error}). Det väntar: en tekniker kan skicka det igen med `modbot parked`."
    ),
    "evidence_unwritable": (
        "Modbot kan inte spara bevis för {account} just nu: lagringen för bevisfilerna är full "
        "eller skrivskyddad. Nya flaggade kommentarer tas inte emot (avsändaren ombeds försöka "
        "igen) och kort kan dröja tills bevisen kan sparas. Be en tekniker frigöra utrymme "
        "eller göra lagringen skrivbar; sedan fortsätter allt av sig självt."
    ),
    "card_fresh_link": "Ny länk till bevisen",
    "card_evidence_count": "{count} filer sparade",
    "card_evidence_link": "Visa bevis",
    "card_open_comment": "Öppna kommentaren",
    "card_category": "Kategori",
    "card_category_placeholder": "Välj kategori",
    "card_note": "Anteckning",
    "card_note_placeholder": "Valfri anteckning till beslutet",
    "card_keep": "Behåll",
    "card_remove": "Ta bort",
    "card_synpunkt": "Synpunkt",
    "card_confirm_removed": "Borttagen på plattformen",
    "card_decided_keep": "Behålls – beslutat av {name} {at}",
    "card_decided_remove": "Ska tas bort – beslutat av {name} {at}",
    "card_decided_synpunkt": "Synpunkt – lämnad till kanslienheten av {name} {at}",
    "card_diarium": "Diarienummer",
    "card_remove_instruction": (
        "Ta bort kommentaren på {platform} och tryck sedan på Borttagen på plattformen."
    ),
    "card_removed": "Borttagen på plattformen {at} (bekräftat av {name})",
    "card_removed_by_platform": "Borttagen på {platform} {at} (begärt av {name})",
    "card_remove_on_platform": "Ta bort på {platform}",
    "card_remove_connected": (
        "Kommentaren är inte borttagen på {platform} än: tryck på Ta bort på {platform}."
    ),
    "card_platform_refused": "{platform} tog inte bort kommentaren ({at}): {reason}",
    "card_platform_unreachable": "{platform} gick inte att nå ({at}, {reason}). Inget är borttaget.",
    "card_platform_token": "Åtkomsttoken för {platform} kunde inte läsas ({at}): {reason}",
    "card_platform_retry": (
        "Försök igen, eller ta bort kommentaren på {platform} för hand och tryck på "
        "Borttagen på plattformen."
    ),
    "card_removed_late": "SENT: borttagen efter 48-timmarsgränsen ({late} för sent)",
    "card_note_shown": "Anteckning: {note}",
    "card_category_shown": "Kategori: {category}",
    "card_keep_routine": "Behåll – rutinfråga",
    "card_decided_routine_question": "Behålls – rutinfråga, beslutat av {name} {at}",
    "card_department": "Skicka synpunkten till",
    "card_department_placeholder": "Ingen – moderatorn svarar själv",
    "synpunkt_waiting": "Väntar på svar från {department}",
    "synpunkt_answer_from": "Svar från {department} ({name}) – publicera",
    "synpunkt_answer_label": "Svar att publicera (går att ändra)",
    "synpunkt_published_button": "Svar publicerat",
    "synpunkt_published": "Svar publicerat {at} av {name}",
    "synpunkt_registered": "Registrerad – ref {reference} ({name} {at})",
    "kansli_answer": "Svar",
    "kansli_no_answer": "Inget svar än",
    "kansli_reference": "Referens i Synpunkten (DF Respons)",
    "kansli_register_button": "Registrerad i Synpunkten",
    "kansli_record_link": "Utskrift av synpunkten",
    "department_title": "Synpunkt att besvara – ärende #{case}",
    "department_intro": "{moderator} ber {department} svara på en kommentar på {platform} {account}.",
    "department_answer_label": "Ert svar",
    "department_send": "Skicka svar",
    "department_answered": "Besvarad av {name} {at}",
    "error_bad_reference": "Skriv referensen från Synpunkten, t.ex. SYN-2026-0042 (3–40 tecken med minst en siffra).",
    "error_already_registered": "Redan registrerad – ref {reference} ({name} {at}).",
    "error_not_kansli": "Bara kanslienhetens kanal kan registrera synpunkter.",
    "error_answer_missing": "Skriv svaret först (högst 5000 tecken).",
    "error_not_the_department": "Bara avdelningen som fick frågan kan svara här.",
    "error_unknown_department": "Avdelningen finns inte. Välj en annan.",
    "mail_subject": "Snabbsynpunkt från {platform} {account} (ärende {case})",
    "mail_intro": "Synpunkt som kommit in via kommunens sociala medier (rutinen avsnitt 4.1).",
    "mail_link": "Länk",
    "mail_department": "Skickad för svar till",
    "mail_question": "Fråga",
    "kansli_title": "Synpunkt att registrera i Synpunkten – ärende #{case}",
    "kansli_intro": (
        "En kommentar på {platform} {account} har karaktär av synpunkt. "
        "Registrera den som snabbsynpunkt i Synpunkten (DF Respons)."
    ),
    "kansli_handed_over_by": "Lämnad av",
    "registration_intro": (
        "**Nytt konto** (rutinen 2 och 2.1). Jag frågar om en sak i taget och sparar efter "
        "varje svar, så du kan fortsätta senare. Skriv `avbryt` när som helst för att avbryta. "
        "I en kanal: nämn @Modbot i varje svar."
    ),
    "registration_resumed": "Du har redan en registrering på gång här. Vi fortsätter där du var.",
    "registration_cancelled": "Registreringen är avbruten. Inget konto har sparats.",
    "registration_done": (
        "Klart! {platform} {name} är registrerat och kopplat till den här kanalen. "
        "Checklistan (rutinen 2.1) ligger här i kanalen: chefen och ansvarig bekräftar sina punkter."
    ),
    "registration_q_platform": "1/9 Vilken plattform? Svara facebook, instagram eller youtube.",
    "registration_q_name": "2/9 Vad heter kontot (som det syns på plattformen)?",
    "registration_q_url": "3/9 Länk till kontot, t.ex. {example}",
    "registration_going_on": (
        "Du har en registrering av ett nytt konto på gång här. Svara på frågan nedan, eller "
        "skriv `avbryt` för att avbryta registreringen och använda kommandon igen."
    ),
    "registration_q_unit": "4/9 Vilken verksamhet eller enhet driver kontot?",
    "registration_q_purpose": "5/9 Vad är kontots syfte?",
    "registration_q_target_group": "6/9 Vilken är kontots målgrupp?",
    "registration_q_officer": "7/9 Vem är ansvarig tjänsteperson? Nämn personen med @.",
    "registration_q_manager_proposed": (
        "8/9 Enligt katalogen är {name} chef. Svara `ja` om det stämmer, eller nämn en annan "
        "verksamhets-/enhetschef med @."
    ),
    "registration_q_manager_answered": (
        "8/9 Katalogen anger ingen chef för den personen. Nämn verksamhets-/enhetschefen med @."
    ),
    "registration_q_manager_unavailable": (
        "8/9 Katalogen (Microsoft Graph) svarar inte just nu. Nämn verksamhets-/enhetschefen med @."
    ),
    "registration_q_manager_not_connected": (
        "8/9 Vem är verksamhets-/enhetschef? Nämn personen med @. (Katalogen, Microsoft Graph, "
        "är inte ansluten, så jag kan inte föreslå chefen.)"
    ),
    "registration_q_contact": (
        "9/9 Kontaktuppgifter som får visas i den offentliga förteckningen (funktionsbrevlåda "
        "eller telefon). Skriv `-` för kontaktcenter ({phone}). Skriv inga privata nummer."
    ),
    "registration_q_confirm": (
        "**Stämmer det här?**\n\n- Plattform: {platform}\n- Konto: {name} ({url})\n"
        "- Verksamhet/enhet: {unit}\n- Syfte: {purpose}\n- Målgrupp: {target_group}\n"
        "- Ansvarig: {officer}\n- Chef: {manager}\n- Kontakt i förteckningen: {contact}\n\n"
        "Svara `ja` för att registrera, eller `avbryt`."
    ),
    "registration_bad_platform": '"{answer}" är ingen plattform jag känner till.',
    "registration_bad_length": "Svaret ska vara mellan {shortest} och {longest} tecken.",
    "registration_bad_url": '"{answer}" är ingen giltig länk.',
    "registration_url_not_platform": "Länken går inte till {platform}.",
    "registration_mention_one": "Nämn exakt en person med @.",
    "registration_manager_is_officer": (
        "Chefen ska vara en annan person än ansvarig tjänsteperson (rutinen 2.1 punkt 6)."
    ),
    "registration_bad_contact": "Ange en e-postadress eller ett telefonnummer, eller `-`.",
    "registration_confirm_again": "Jag behöver ett `ja` för att registrera.",
    "registration_name_taken": "Det finns redan ett konto som heter {name} på den plattformen.",
    "strategist_not_linked": (
        "Kommunikationsstrategens kanal är inte angiven, så strategen har inte fått veta. Skriv "
        "`strateg här` i strategens kanal; då får strategen det som väntar."
    ),
    "strategist_set": (
        "Den här kanalen får nu veta om nya, ändrade och avslutade konton. "
        "{told} registrering(ar) som väntade har skickats hit."
    ),
    "strategist_registered": (
        "**Nytt konto i sociala medier** (rutinen 2.1 punkt 3): {platform} {account}\n\n"
        "- Länk: {link}\n- Verksamhet/enhet: {unit}\n- Syfte: {purpose}\n- Målgrupp: {target_group}\n"
        "- Ansvarig: {officer}\n- Chef: {manager}\n- Kontakt: {contact}\n- Registrerat av: {by}"
    ),
    "strategist_officer_changed": (
        "Ny ansvarig tjänsteperson för {platform} {account} ({link}): {person} "
        "(tidigare: {previous}). Utsedd av {by}."
    ),
    "strategist_manager_changed": (
        "Ny chef för {platform} {account} ({link}): {person} (tidigare: {previous}). Angiven av {by}."
    ),
    "strategist_closing": (
        "{platform} {account} ({link}) avslutas, anmält av {by}. Slutarkiveringen pågår; "
        "kontot tas bort ur förteckningen när den är klar."
    ),
    "strategist_closed": (
        "{platform} {account} ({link}) är avslutat. Slutarkiverat av {by}, referens {reference}. "
        "Kontot är borttaget ur förteckningen; dess handlingar finns kvar."
    ),
    "strategist_officer_gone": (
        "{person} finns inte längre som aktiv i katalogen, så {platform} {account} ({link}) saknar "
        "ansvarig tjänsteperson. Chefen har ombetts utse en ny."
    ),
    "officer_gone": (
        "{person}: {officer} är inte längre aktiv i katalogen (har slutat?), så {account} saknar "
        "ansvarig tjänsteperson. Utse en ny med `byt ansvarig @namn` i kontots kanal (rutinen "
        "avsnitt 3). {link}"
    ),
    "close_which": "Vilket konto? Skriv `avsluta konto <namn>`. Kanalens konton: {accounts}.",
    "closing_started": (
        "{account} avslutas. Slutarkiveringen är öppnad: när den är gjord och markerad som "
        "arkiverad är kontot avslutat och borttaget ur förteckningen. Handlingarna finns kvar."
    ),
    "checklist_posted": "Checklistan för {accounts} är postad här.",
    "checklist_title": "Checklista nytt konto (rutinen 2.1): {platform} {account}",
    "checklist_roles": "{url} · Ansvarig: {officer} · Chef: {manager}",
    "checklist_open": "{count} punkt(er) återstår.",
    "checklist_complete": "Alla punkter är klara.",
    "checklist_coat_of_arms": "{municipality}s stadsvapen",
    "checklist_item_decision": "1. Verksamhets-/enhetschefen har beslutat att starta kontot.",
    "checklist_item_routine_read": "2. Ansvarig tjänsteperson ({officer}) har läst Rutin för sociala medier.",
    "checklist_item_strategist_informed": (
        "3. Kommunikationsstrategen har fått länk, kontaktuppgifter, syfte och målgrupp."
    ),
    "checklist_item_profile_picture": (
        "4. Profilbilden är {municipality}s stadsvapen (eller ett undantag i samråd med "
        "kommunikationsstrategen)."
    ),
    "checklist_item_part_of": "5a. Kontot visar att verksamheten är en del av {municipality}.",
    "checklist_item_phone": "5b. Kontot visar telefonnummer till kontaktcenter ({phone}) eller verksamheten.",
    "checklist_item_website": "5c. Kontot länkar till kommunens webbplats, {website}.",
    "checklist_item_admin_access_admin": (
        "6. Chefen (eller den chefen utser) är också administratör för sidan på Facebook."
    ),
    "checklist_item_admin_access_login": (
        "6. Chefen (eller den chefen utser) har tillgång till inloggningsuppgifterna. "
        "Lösenord sparas aldrig här, bara att det är ordnat."
    ),
    "checklist_done_by": "Bekräftat av {name} {at}",
    "checklist_exception": "Undantag:",
    "checklist_who_manager": "Chefen bekräftar.",
    "checklist_who_officer": "Ansvarig tjänsteperson bekräftar själv.",
    "checklist_who_officer_or_manager": "Ansvarig eller chefen bekräftar.",
    "checklist_who_bot": (
        "Modbot skickar det till strategen när strategens kanal är angiven (`strateg här`)."
    ),
    "checklist_exception_label": "Undantag: skäl, överenskommet med kommunikationsstrategen",
    "checklist_coat_of_arms_used": "Stadsvapnet används",
    "checklist_exception_button": "Undantag med skäl",
    "checklist_tick": "Bekräfta",
    "checklist_read_routine": "Läs rutinen",
    "accounts_checklist_open": " – checklistan: {count} punkt(er) kvar",
    "accounts_closing": " – avslutas",
    "error_not_officer": "Bara {officer} (ansvarig) kan avgöra det här (rutinen avsnitt 3).",
    "error_not_officer_or_manager": (
        "Bara {officer} (ansvarig) eller {manager} (chef) kan avgöra det här (rutinen avsnitt 3)."
    ),
    "error_not_strategist": (
        "Kontot saknar både ansvarig och chef: bara {strategist} (kommunikationsstrateg) kan "
        "avgöra det här tills en chef utser en ny ansvarig (rutinen avsnitt 3)."
    ),
    "error_not_manager": "Bara {manager} (kontots chef) kan göra det (rutinen avsnitt 3).",
    "role_which_account": (
        "Kanalen modererar flera konton: {accounts}. Skriv vilket, t.ex. "
        '`byt ansvarig @namn "kontots namn"`.'
    ),
    "error_may_not_tick": (
        "Den punkten bekräftas av någon annan enligt rutinen 2.1 (ansvarig: {officer}, chef: {manager})."
    ),
    "error_exception_note_missing": "Skriv skälet till undantaget i fältet först.",
    "error_account_closing": "Kontot håller redan på att avslutas (sedan {at}).",
    "duty_final_period": (
        "Kontot avslutas: slutarkivet omfattar allt som publicerats. Öppnad {opened}. "
        "Gör det senast {due}."
    ),
    "duty_final_archive_title": "Slutarkivering av {account} (kontot avslutas)",
    "duty_final_archive_what": (
        "Spara kontots startsida som PDF och bifoga filen i ett svar på det här kortet (i en "
        "kanal: i kortets tråd; i chatten med mig: här i chatten). Skriv sedan "
        '`arkivpaket "{account}" <från> <till>` för det som publicerats sedan förra '
        "arkiveringen, skicka paketet till kommunarkivet och gallra det som är av tillfällig "
        "karaktär (rutinen avsnitt 4 och 5). När du markerar som arkiverat är kontot avslutat."
    ),
    "duty_final_archive_button": "Arkiverat – avsluta kontot",
    "printout_synpunkt_reference": "{decision}, registrerad i Synpunkten som {reference}",
    "printout_title": "Utdrag ur allmänna handlingar: {account}",
    "printout_period": "Period {first} – {last}",
    "printout_header": (
        "{platform}, {url}. Period {first} – {last}. Framställt {at} av {by}. "
        "{count} poster i trådordning."
    ),
    "printout_for_release": (
        "Utlämnande på begäran (rutinen avsnitt 4). Uppgifter som omfattas av sekretess är "
        "uteslutna."
    ),
    "printout_for_archive": "Arkivexemplar för kommunarkivet: fullständigt, ingenting uteslutet.",
    "printout_col_time": "Tid / id",
    "printout_col_origin": "Ursprung",
    "printout_col_author": "Avsändare",
    "printout_col_text": "Text",
    "printout_col_status": "Status",
    "printout_col_decision": "Beslut",
    "printout_empty": "Inga poster under perioden.",
    "printout_origin_extern": "Extern",
    "printout_origin_kommunen": "Kommunen",
    "printout_post": "inlägg",
    "printout_withheld": "Uppgift utesluten enligt OSL {reason}",
    "printout_status_published": "Publicerad",
    "printout_status_removed_by_municipality": "Borttagen av kommunen",
    "printout_status_deleted_by_author": "Raderad av författaren",
    "printout_decision_keep": "Behålls – {name} {at}",
    "printout_decision_routine_question": "Behålls, rutinfråga – {name} {at}",
    "printout_decision_remove": "Ta bort – {name} {at}",
    "printout_decision_synpunkt": "Synpunkt – {name} {at}",
    "printout_earlier": "Tidigare text (ändrad {at}):",
    "printout_usage": (
        'Skriv `utdrag "<konto>" <från> <till>`, t.ex. `utdrag "Hjo kommun" 2026-11-01 '
        '2026-11-30`. Finns namnet på flera plattformar: `utdrag facebook "Hjo kommun" …`.'
    ),
    "printout_ready": (
        "Utdrag för {account}, {first} – {last}: {count} poster, {redacted} uteslutna för "
        "sekretess. [Ladda ned PDF]({url}) (länken gäller till {until})."
    ),
    "secret_usage": (
        'Skriv `sekretess "<konto>" <kommentar-id> "<skäl>"`, t.ex. `sekretess "Hjo kommun" '
        '10159_1001 "21 kap. 1 §"`. Id:t står i utdraget.'
    ),
    "secret_marked": (
        "Markerat som sekretess: {comment_id} ({reason}). Det utesluts ur utdrag för "
        "utlämnande; arkivexemplaret är fullständigt."
    ),
    "error_comment_not_found": "Det finns ingen kommentar med id {comment_id} på kontot.",
    "error_secrecy_reason": 'Ange skälet för sekretessen, t.ex. "21 kap. 1 §".',
    "error_bad_period": "Ange perioden som två datum, t.ex. 2026-11-01 2026-11-30.",
    "error_no_such_account": "Inget konto med det namnet i den här kanalen.",
    "connect_usage": (
        'Skriv så här: `anslut facebook "Hjo kommun" <sidans id> env:MODBOT_TOKEN_HJO` '
        "(plattform, kontots namn, kontots id på plattformen, var åtkomsttoken finns: env:NAMN "
        "eller file:/sökväg). Skriv aldrig själva token i chatten."
    ),
    "connected": (
        "{platform} {name} är anslutet (id {platform_id}). Kommentarer kommer nu av sig själva "
        "och granskas mot rutinens avsnitt 6. Token finns och sparas inte här."
    ),
    "error_bad_platform_id": "{platform_id} ser inte ut som ett id på plattformen.",
    "error_bad_token_source": "Token kan inte läsas: {reason}.",
    "package_title": "Bevispaket {number}",
    "package_subject": "Borttagen kommentar {comment} på {account}",
    "package_header": (
        "Kommentar som kommunen tagit bort från {platform} {account} ({url}), med det som "
        "sparades innan den togs bort (rutinen avsnitt 6). Diarieförs under {number}. "
        "Framställt {at} av {by}."
    ),
    "package_comment": "Kommentaren",
    "package_comment_id": "Kommentarens id",
    "package_post_id": "Inlägg",
    "package_link": "Länk",
    "package_written": "Skriven",
    "package_received": "Mottagen av boten",
    "package_text": "Text",
    "package_sender": "Avsändaren",
    "package_sender_name": "Namn",
    "package_sender_id": "Id på plattformen",
    "package_decision": "Beslutet",
    "package_decision_kind": "Beslut",
    "package_decision_remove": "Ta bort",
    "package_decided": "Beslutat av",
    "package_note": "Anteckning",
    "package_flagged": "Flaggad av, skäl",
    "package_removed": "Borttagen på plattformen",
    "package_platform_answer": "plattformens svar: {answer}",
    "package_not_removed_yet": "Ännu inte borttagen på plattformen",
    "package_file": "Sparad fil",
    "package_file_saved": "Sparad, av",
    "package_file_bytes": "Byte",
    "package_file_sha256": "SHA-256 vid registreringen",
    "package_file_check": "Kontroll nu",
    "package_file_intact": "Stämmer",
    "package_file_changed": "ÄNDRAD – stämmer inte med sin SHA-256",
    "package_file_missing": "SAKNAS på disk",
    "package_picture": "{kind}, sparad {at}, SHA-256 {sha256}",
    "package_raw": "Mottagna uppgifter som de sparades (SHA-256 {sha256}):",
    "package_raw_cut": "[… avkortat här; hela filen finns i arkivpaketet]",
    "evidence_kind_screenshot": "Skärmdump",
    "evidence_kind_raw_json": "Mottagna uppgifter (JSON)",
    "evidence_kind_moderator_file": "Fil från moderatorn",
    "package_usage": (
        "Skriv `bevispaket <diarienummer>`, t.ex. `bevispaket SM-2026-0001`, i kontots kanal "
        "eller kanslienhetens."
    ),
    "package_ready": (
        "Bevispaket {number} (ärende {case}): [Ladda ned PDF]({url}) (länken gäller till "
        "{until}). SHA-256 {sha256}."
    ),
    "error_no_evidence_package": (
        "Inget borttaget ärende har diarienumret {number}. Bevispaket görs för kommentarer som "
        "tagits bort."
    ),
    "error_not_for_this_channel": (
        "Det görs i kontots kanal eller i kanslienhetens kanal, inte här."
    ),
    "archive_usage": (
        'Skriv `arkivpaket "<konto>"` för senaste halvåret, eller `arkivpaket "<konto>" <från> '
        '<till>`, t.ex. `arkivpaket "Hjo kommun" 2026-06-01 2026-11-30`.'
    ),
    "archive_ready": (
        "Arkivpaket för {account}, {first} – {last}: {files} filer med SHA-256 i "
        "manifest-sha256.txt (BagIt). [Ladda ned zip]({url}) (länken gäller till {until}). "
        "{start_page} SHA-256 för paketet: {sha256}."
    ),
    "archive_start_page_included": "Startsidans PDF ingår (data/startsida.pdf).",
    "archive_start_page_missing": (
        "Startsidans PDF saknas: bifoga den i ett svar på halvårsarkiveringens kort, så kommer "
        "den med när du skriver `arkivpaket` igen."
    ),
    "start_page_saved": (
        "Startsidan för {account} är sparad ({name}, SHA-256 {sha256}). Den kommer med i "
        'arkivpaketet för {first} – {last}: skriv `arkivpaket "{account}" {first} {last}`.'
    ),
    "start_page_not_pdf": (
        "{name} är ingen PDF-fil, så jag sparade den inte. Spara startsidan som PDF och bifoga "
        "den igen här."
    ),
    "start_page_which_task": (
        "Du har öppna arkiveringsuppgifter för flera konton här ({accounts}). Svara på rätt "
        "kort med PDF-filen, eller skriv kontots namn i meddelandet med filen."
    ),
    "archive_start_page_not_pdf": "{path} är inte en PDF-fil.",
    "culling_usage": (
        'Skriv `gallring "<konto>"` för ett gallringsförslag, `gallring godkänn <nr>` eller '
        '`gallring avbryt <nr>`, och `gallring "<konto>" <månader>` för kontots gallringsålder.'
    ),
    "culling_proposed": (
        "**Gallringsförslag {number}** för {account}: {count} kommentarer av tillfällig karaktär, "
        "skrivna {first} – {last} (äldre än {months} månader, före {older_than}), utan ärende, "
        "synpunkt, beslut, sekretessmarkering eller bevarande. Inlägg, bevis, diarieförda "
        "ärenden och synpunkter gallras aldrig. Godkänn med `gallring godkänn {number}` eller "
        "avbryt med `gallring avbryt {number}`. Ta arkivpaketet först."
    ),
    "culling_nothing": (
        "Inget att gallra för {account}: inga kommentarer äldre än {months} månader som får "
        "gallras."
    ),
    "culling_done": (
        "Gallring {number} klar för {account}: {count} kommentarer borttagna. Gallringen är "
        "registrerad (kategori, antal, period, vem som godkände), utan innehållet."
    ),
    "culling_cancelled": "Gallringsförslag {number} är avbrutet; ingenting togs bort.",
    "culling_age_set": "{account} gallras nu när kommentarer är äldre än {months} månader.",
    "hold_usage": (
        'Skriv `bevara "<konto>" <id> "<skäl>"`, t.ex. `bevara "Hjo kommun" 10159_1 '
        '"begäran om utlämnande"`. Ett inläggs id bevarar hela tråden.'
    ),
    "hold_set": "Bevaras: {comment_id} ({reason}). Det gallras inte.",
    "error_bad_culling_age": "Ange gallringsåldern i hela månader, 1–{max}.",
    "error_no_such_culling": "Det finns inget gallringsförslag {number}.",
    "error_culling_already_decided": "Gallringsförslag {number} är redan avgjort.",
    "error_hold_reason": 'Ange skälet för bevarandet, t.ex. "begäran om utlämnande".',
    "personal_data_usage": (
        "Skriv `personuppgifter <id>` med personens id på plattformen, t.ex. `personuppgifter "
        "10229876543`, i kanslienhetens kanal."
    ),
    "personal_data_ready": (
        "Personuppgifter om {author}: {comments} kommentarer och {cases} ärenden (även "
        "pseudonymiserade). [Ladda ned JSON]({url}) (länken gäller till {until}). Begäran är "
        "registrerad."
    ),
    "error_author_id_missing": "Ange personens id på plattformen.",
    "error_not_kansli_request": (
        "Begäran om personuppgifter görs i kanslienhetens kanal (`kansli här` först)."
    ),
    "json_too_large": "för stor (högst {kilobytes} kB)",
    "json_not_utf8": "är inte UTF-8",
    "json_invalid": "är inte giltig JSON",
    "json_too_deep": "är för djupt nästlad (högst {depth} nivåer)",
    "json_lone_surrogate": "innehåller ett ensamt surrogattecken (U+D800–U+DFFF), som inte är Unicode",
    "json_not_an_activity": "är ingen Bot Framework-aktivitet (type saknas)",
    "json_bad_id": "får inte innehålla styrtecken eller bara osynliga tecken",
    "json_missing": "saknas",
    "json_wrong_type": "har fel typ",
}
