"""English: the second language, for users whose Teams speaks English."""

MESSAGES: dict[str, str] = {
    "greeting_channel": (
        "Hi! I am Modbot and I help you moderate the municipality's social-media accounts "
        "by the routine. Link this channel to an account with "
        '`link facebook "Account name" https://facebook.com/account`. Type `help` for more.'
    ),
    "greeting_personal": "Hi! I am Modbot. Type `help` to see what I can do.",
    "help": (
        "**Commands** (in a channel: mention me first, e.g. @Modbot help)\n\n"
        '- `link <platform> "<account name>" <url>`: flagged comments for the account '
        "arrive in this channel. Platform: facebook, instagram or youtube.\n"
        "- `accounts`: which accounts are linked, and to which channel.\n"
        "- `pending`: open cases and the time left to the 48-hour limit.\n"
        "- `new account`: register a new account step by step (routine 2.1); `cancel` stops it.\n"
        "- `checklist`: the checklist of this channel's accounts, with who confirmed what.\n"
        "- `change officer @name`, `manager @name`: the manager appoints the responsible officer (and manager).\n"
        "- `close account`: the manager reports the account closed; final archiving follows.\n"
        "- `strategist here`: the communications strategist's channel, told of new and changed accounts.\n"
        "- `published`: this channel's accounts were updated now (the routine: at least weekly).\n"
        "- `registry here`: the registry office's channel, where synpunkter are handed over.\n"
        '- `department here "Name"` or `department "Name" @name`: who answers synpunkter; '
        "`departments` lists them.\n"
        "- `synpunkter`: synpunkter waiting for registration in Synpunkten.\n"
        '- `connect facebook "<account>" <id> env:NAME`: comments come straight from the platform.\n'
        '- `extract "<account>" <from> <to>`: everything on the account in the period as a PDF '
        '(disclosure); `secret "<account>" <id> "<ground>"` withholds an item from it.\n'
        "- `evidence <diarium number>`: a removed comment's evidence as a PDF for the diarium.\n"
        '- `archive "<account>"`: the half-year package for the municipal archive.\n'
        '- `culling "<account>"`: a culling proposal to approve; `hold "<account>" <id> '
        '"<reason>"` keeps something from culling.\n'
        "- `personal-data <id>`: everything stored about a person (registry office's channel).\n"
        "- `help`: this text."
    ),
    "unknown_command": (
        "I do not know that command. I can: `new account`, `link`, `accounts`, `checklist`, "
        "`pending`, `change officer`, `manager`, `close account`, `published`, `registry here`, "
        "`strategist here`, `department`, `departments`, `synpunkter`, `connect`, `extract`, "
        "`secret`, `evidence`, `archive`, `culling`, `hold`, `personal-data` and `help`."
    ),
    "link_usage": (
        'Write it like this: `link facebook "Hjo kommun" https://facebook.com/hjokommun` '
        "(platform, the account's name in quotes, link to the account)."
    ),
    "link_bad_platform": "Unknown platform {platform}. Choose facebook, instagram or youtube.",
    "link_bad_url": "{url} does not look like a link. It must start with https://.",
    "linked": "The account {platform} {name} is now linked to this channel.",
    "relinked": "The account {platform} {name} is now linked to this channel (before: another).",
    "accounts_none": "No accounts are linked yet.",
    "accounts_header": "**Linked accounts**",
    "accounts_line": "- {platform} {name} ({url}): {channel}; officer: {officer}, manager: {manager}",
    "accounts_this_channel": "this channel",
    "accounts_other_channel": "channel {channel}",
    "pending_none": "No open cases. Well done!",
    "pending_header": "**Open cases** (oldest first)",
    "pending_line": "- #{case} {platform} {account}, {author}: {state}, {time_left}",
    "pending_state_open": "not decided",
    "pending_state_removal": "to be removed on the platform ({diarium})",
    "time_left": "{duration} left",
    "time_overdue": "48-hour limit passed {duration} ago",
    "duration": "{hours} h {minutes} min",
    "role_usage": "Write `change officer @name` or `manager @name`, mentioning one person with @.",
    "officer_set": "{name} is now the responsible officer for {accounts}.",
    "manager_set": "{name} is now the manager for {accounts}.",
    "role_missing": "none appointed",
    "error_no_account_in_channel": "This channel has no linked account. Link one first with `link`.",
    "reminder_deadline": (
        "{officer}: {time_left} to the 48-hour limit for case #{case} "
        "({platform} {account}, written by {author}). {action} by {deadline}. "
        "[Open the comment]({link})"
    ),
    "reminder_action_decide": "Decide the case on its card",
    "reminder_action_remove": "Remove the comment and press Removed on the platform",
    "reminder_overdue": (
        "{manager}: case #{case} ({platform} {account}, written by {author}) passed the "
        "48-hour limit {deadline} without being finished. Responsible officer: {officer}. "
        "Make sure it is decided now. [Open the comment]({link})"
    ),
    "reminder_no_officer": (
        "No responsible officer is appointed (write `officer @name` in the channel), so this "
        "goes to everyone in the channel"
    ),
    "reminder_no_manager": (
        "No manager is appointed (write `manager @name` in the channel), so this goes to "
        "everyone in the channel"
    ),
    "digest_title": "Monitoring {day}",
    "digest_intro": "Go through {accounts} and press Monitored today when done.",
    "digest_none": "No open cases.",
    "digest_case": "#{case} {platform} {account}, {author}: {time_left}",
    "digest_attest": "Monitored today",
    "digest_published": "Published today",
    "digest_attested": "Monitored by {name} {at}",
    "attested_reply": "{name} attested today's monitoring of {accounts}.",
    "monitoring_missing": (
        "{officer}: nobody has attested today's monitoring of {account} yet. Go through the "
        "account and press Monitored today on today's digest in the channel before the end of "
        "the working day. [Open the account]({link})"
    ),
    "monitoring_missed": (
        "{manager}: the monitoring of {account} was not attested on {day}. "
        "Responsible officer: {officer}. Make sure the account is monitored today. "
        "[Open the account]({link})"
    ),
    "error_already_attested": "Monitoring was already attested by {name} {at}.",
    "error_attest_only_today": "Only today's monitoring can be attested.",
    "published_set": "Noted: {accounts} updated {at}.",
    "nudge_officer": (
        "{person}: {account} has not been updated since {since}. The routine says at least "
        "weekly: post something now and write `published` in the account's channel. "
        "[Open the account]({link})"
    ),
    "nudge_manager": (
        "{person}: {account} has not been updated since {since}, two weeks. "
        "Responsible officer: {officer}. Make sure it is updated this week. "
        "[Open the account]({link})"
    ),
    "officer_missing": (
        "{person}: {account} has no responsible officer. Appoint one today with "
        "`officer @name` in the account's channel. [Open the account]({link})"
    ),
    "duty_archive_title": "Half-year archiving of {account}",
    "duty_culling_title": "Half-year culling of {account}",
    "duty_archive_what": (
        "Take a screenshot of the account's start page and save it as a PDF. Attach the PDF "
        "in a reply to this card (in a channel: in the card's thread; in your chat with me: "
        "here in the chat) and I save it and put it in the archive package. Then write "
        '`archive "{account}"` and send the package to the municipal archive (archive copy of '
        "everything published, the evidence, the start page and a manifest with SHA-256; "
        "routine section 4)."
    ),
    "duty_culling_what": (
        "Cull information of a temporary nature or little importance according to the records "
        'management plan (routine section 5): write `culling "{account}"` for a proposal and '
        "approve it. Unlawful and inappropriate posts are culled at once and registered."
    ),
    "duty_period": "Half-year from {period}, opened {opened}. Do it by {due}.",
    "duty_reference": "Diarium or archive reference, or link to the file",
    "duty_archive_button": "Archived",
    "duty_culling_button": "Culled",
    "duty_done": "Done: {name} {at}, reference {reference}",
    "duty_reminder": (
        "{person}: {title} is not done (opened {opened}). {what} Do it by {due}; after that "
        "the manager is told. [Open the account]({link})"
    ),
    "duty_overdue": (
        "{person}: {title} has been open for 30 days (since {opened}). "
        "Responsible officer: {officer}. Make sure it gets done. [Open the account]({link})"
    ),
    "error_task_not_found": "The task does not exist.",
    "error_task_done": "The task is already done: {name} {at}.",
    "error_reference_missing": "Write the reference or link (at most 500 characters) and press again.",
    "error_not_responsible": (
        "Only the account's channel, its responsible officer or its manager can tick the task."
    ),
    "department_usage": (
        'Write `department here "Planning"` in the department\'s channel, or '
        '`department "Planning" @name` for a contact person.'
    ),
    "department_set_channel": "{department} answers synpunkter in this channel.",
    "department_set_person": "{person} answers synpunkter for {department}.",
    "departments_none": 'No departments yet. Add one with `department here "Name"`.',
    "departments_header": "**Departments that answer synpunkter**",
    "departments_line": "- {department}: {contact}",
    "synpunkter_none": "No synpunkter wait for registration.",
    "synpunkter_header": "**Synpunkter to register** (oldest first)",
    "synpunkter_line": "- #{case} {platform} {account}, {author}: {vardagar} working days, {state}",
    "synpunkter_state_waiting": "waiting for the answer",
    "synpunkter_state_answered": "answered",
    "synpunkter_state_published": "answer published",
    "synpunkt_answer_due": (
        "{department}: the synpunkt in case #{case} ({platform} {account}) has waited for your "
        "answer since {since}. Answer on its card today. [Open the comment]({link})"
    ),
    "synpunkt_registration_due": (
        "The synpunkt in case #{case} ({platform} {account}) was answered {since} but is not "
        "registered in Synpunkten. Register it today on its card in this channel. "
        "[Open the comment]({link})"
    ),
    "verify_event_changed": "Changed event: {subject} does not match its hash",
    "verify_chain_broken": (
        "Broken chain: {subject} does not follow the event before it (an event was removed or "
        "inserted)"
    ),
    "verify_row_changed": (
        "Changed record: {subject} is not as the audit chain last recorded it (changed "
        "outside Modbot)"
    ),
    "verify_row_changed_before": (
        "Changed record: {subject} was already changed outside Modbot when {event} changed it"
    ),
    "verify_row_unrecorded": (
        "Unrecorded record: {subject} is not in the audit chain (added outside Modbot)"
    ),
    "verify_row_missing": (
        "Record missing: {subject} is in the audit chain but not in the database (removed)"
    ),
    "verify_anchor_missing": (
        "The anchor {subject} is not in the chain: events after it were removed, or the "
        "chain was rewritten"
    ),
    "verify_anchors_ok": "The chain passes through all {anchors} anchors given.",
    "verify_file_changed": "Changed evidence file: {subject} does not have its recorded SHA-256",
    "verify_file_missing": "Evidence file missing: {subject}",
    "verify_head": "The chain's latest hash: {head}",
    "verify_case": " (case {case})",
    "verify_ok": (
        "All as recorded: {events} events in the chain, {rows} records and {files} evidence "
        "files checked."
    ),
    "verify_broken": (
        "{found} discrepancies among {events} events, {rows} records and {files} evidence "
        "files. Keep a copy of the database and evidence folder as they are and contact the "
        "registrar."
    ),
    "screen_flagged": "Flagged: {answer}",
    "screen_yes": "yes",
    "screen_no": "no",
    "screen_category": "Suggested category: {category}",
    "screen_reason": "- {reason}",
    "kansli_set": "This channel now receives the synpunkter the registry office registers.",
    "evidence_attached": "Saved as evidence in case #{case}: {files}. The case has {count} files.",
    "evidence_not_in_case_thread": (
        "Attach evidence by replying with the image or file in the thread under the case "
        "card, and the start page's PDF in a reply to the archiving task's card."
    ),
    "evidence_download_failed": "I could not fetch {name}. Please attach the file again.",
    "still_handling": "Your choice is already being handled. Wait a moment and the card updates.",
    "working_on_it": "Working on it … You get the answer here when it is ready.",
    "parked_usage": "Usage: `modbot parked` lists what waits, `modbot parked retry <no>` tries one again.",
    "parked_none": "Nothing waits: every background item went through.",
    "parked_line": "{number}. {kind} {ref}: {attempts} attempts, parked {at}: {error}",
    "parked_retried": "No. {number} ({kind} {ref}) is tried again by the running bot within half a minute.",
    "parked_unknown": "There is no parked no. {number}.",
    "cli_no_database": (
        "The database {path} does not exist, so there is nothing to read. Give the one the bot "
        "uses with MODBOT_DATABASE_URL (now {url})."
    ),
    "cli_no_such_account": 'No linked account is called "{name}".',
    "cli_account_on_several_platforms": (
        '"{name}" is on several platforms ({platforms}): choose one with --plattform.'
    ),
    "cli_linked": (
        "The account {platform} {name} is now linked to the channel {channel}. Flagged "
        "comments for the account arrive there as cards."
    ),
    "cli_relinked": (
        "The account {platform} {name} is now linked to the channel {channel} (before: "
        "{previous})."
    ),
    "cli_channel_unknown": (
        "The bot does not know the channel {channel} yet, so it cannot write there. Give the "
        "channel's service URL with --service-url (serviceUrl in what Teams sends the bot, e.g. "
        "https://smba.trafficmanager.net/emea/), or add the app to the team first."
    ),
    "cli_bad_service_url": "--service-url {url} does not look like a link (http:// or https://).",
    "demo_not_in_development": (
        "`modbot demo` is only for development, not for a bot with MODBOT_APP_ID: it links a "
        "made-up account to the Agents Playground, which sends no tokens."
    ),
    "demo_ready": (
        "The demo account is ready: {platform} {account} is linked to the General channel of "
        "Microsoft 365 Agents Playground (conversation {channel} via {service_url}). `modbot "
        "demo` can be run again; what is already done is not redone.\n\n"
        "1. Start the Playground first, in a terminal of its own:\n"
        "   npx -y -p @microsoft/m365agentsplayground@0.2.28 agentsplayground -e {messages_url} "
        "-c msteams -p {playground_port}\n"
        "   Its page opens in your browser (without a browser: set TEAMSAPPTESTER_BROWSER=none "
        "and open {playground_url}). If it names another port (that one was taken), run "
        "`modbot demo --service-url http://localhost:<port>/_connector` before going on.\n"
        "2. Start the bot in another terminal: `./scripts/start` (or `.venv/bin/modbot "
        "serve`).\n"
        "3. Add the app to the team in the Playground's page; the bot greets the General "
        "channel.\n"
        "4. Flag a comment from a third terminal:"
    ),
    "demo_then": (
        "5. Within a few seconds a card, Flaggad kommentar #<no>, for {account} appears in the "
        "General channel of the Playground. Pick a category, write a note and press Behåll or "
        "Ta bort: the card updates for everyone. curl answers with the case number and "
        '"created": true. The same curl again makes no second card (it is the same comment); '
        "`modbot demo` prints a new one."
    ),
    "removing_on_platform": "Removing the comment on the platform … The card updates when the platform has answered.",
    "public_list_vacant": "vacant – contact {ask}",
    "error_generic": "Something went wrong. Please try again in a moment.",
    "error_case_not_found": "The case does not exist.",
    "error_already_decided": "The case was already decided by {name} {at}.",
    "error_evidence_missing": (
        "The evidence (screenshot and sender) is not saved yet. Please try again in a moment."
    ),
    "error_not_awaiting_removal": "The case is not waiting for removal.",
    "error_not_connected": (
        "The account is not connected to its platform: remove the comment there and press "
        "Removed on the platform."
    ),
    "error_not_in_linked_channel": (
        "Only members of the channel the account is linked to can decide on its comments."
    ),
    "error_kansli_not_linked": (
        "The registry office's channel is not set. Ask them to write `registry here` in it."
    ),
    "error_not_in_channel": "This only works in a channel of a team.",
    "error_bad_action": "The button is not recognised. Reload the card and try again.",
    "platform_facebook": "Facebook",
    "platform_instagram": "Instagram",
    "platform_youtube": "YouTube",
    "category_fortal": "Defamation, personal attack or insult",
    "category_hets": "Agitation against a population group or harassment",
    "category_vald": "Unlawful depiction of violence or pornography",
    "category_brott": "Incitement to crime",
    "category_sekretess": "Confidential or sensitive personal data",
    "category_bild": "Image without consent",
    "category_upphovsratt": "Copyrighted material",
    "category_kommersiellt": "Commercial message",
    "category_annat": "Other",
    "card_title": "Flagged comment #{case}",
    "card_account": "Account",
    "card_author": "Written by",
    "card_written": "Written",
    "card_deadline": "Remove by",
    "card_time_left": "Time left",
    "card_suggested": "Suggested category",
    "card_reason": "Reason",
    "card_flagged_by": "Flagged by",
    "card_evidence": "Evidence",
    "card_own_screenshot_needed": (
        "Modbot could not make a screenshot of the comment. Take your own screenshot and attach "
        "it in the thread under this card before the comment is removed."
    ),
    "parked_mail": (
        "The e-mail \"{subject}\" to {to} could not be sent after {attempts} attempts "
        "({error}). It is waiting: a technician can send it again with `modbot parked`."
    ),
    "parked_event": (
        "An event from {source} (no. {ref}) could not be processed after {attempts} attempts. "
        "It is kept and waiting: a technician can try again with `modbot parked`."
    ),
    "parked_message": (
        "A message to a channel could not be delivered to Teams after {attempts} attempts "
        "({error}). It is waiting: a technician can send it again with `modbot parked`."
    ),
    "evidence_unwritable": (
        "Modbot cannot save evidence for {account} right now: the storage for evidence files "
        "is full or read-only. New flagged comments are refused (the sender is asked to try "
        "again) and cards may be delayed until the evidence can be saved. Ask a technician "
        "to free space or make the storage writable; everything then resumes by itself."
    ),
    "card_fresh_link": "New link to the evidence",
    "card_evidence_count": "{count} files saved",
    "card_evidence_link": "Show evidence",
    "card_open_comment": "Open the comment",
    "card_category": "Category",
    "card_category_placeholder": "Choose a category",
    "card_note": "Note",
    "card_note_placeholder": "Optional note to the decision",
    "card_keep": "Keep",
    "card_remove": "Remove",
    "card_synpunkt": "Synpunkt",
    "card_confirm_removed": "Removed on the platform",
    "card_decided_keep": "Kept – decided by {name} {at}",
    "card_decided_remove": "To be removed – decided by {name} {at}",
    "card_decided_synpunkt": "Synpunkt – handed to the registry office by {name} {at}",
    "card_diarium": "Diarium number",
    "card_remove_instruction": "Remove the comment on {platform}, then press Removed on the platform.",
    "card_removed": "Removed on the platform {at} (confirmed by {name})",
    "card_removed_by_platform": "Removed on {platform} {at} (requested by {name})",
    "card_remove_on_platform": "Remove on {platform}",
    "card_remove_connected": "The comment is not removed on {platform} yet: press Remove on {platform}.",
    "card_platform_refused": "{platform} did not remove the comment ({at}): {reason}",
    "card_platform_unreachable": "{platform} could not be reached ({at}, {reason}). Nothing is removed.",
    "card_platform_token": "The access token for {platform} could not be read ({at}): {reason}",
    "card_platform_retry": (
        "Try again, or remove the comment on {platform} by hand and press Removed on the platform."
    ),
    "card_removed_late": "LATE: removed after the 48-hour limit ({late} late)",
    "card_note_shown": "Note: {note}",
    "card_category_shown": "Category: {category}",
    "card_keep_routine": "Keep – routine question",
    "card_decided_routine_question": "Kept – routine question, decided by {name} {at}",
    "card_department": "Send the synpunkt to",
    "card_department_placeholder": "Nobody – the moderator answers",
    "synpunkt_waiting": "Waiting for the answer from {department}",
    "synpunkt_answer_from": "Answer from {department} ({name}) – publish it",
    "synpunkt_answer_label": "Answer to publish (can be edited)",
    "synpunkt_published_button": "Answer published",
    "synpunkt_published": "Answer published {at} by {name}",
    "synpunkt_registered": "Registered – ref {reference} ({name} {at})",
    "kansli_answer": "Answer",
    "kansli_no_answer": "No answer yet",
    "kansli_reference": "Reference in Synpunkten (DF Respons)",
    "kansli_register_button": "Registered in Synpunkten",
    "kansli_record_link": "Printout of the synpunkt",
    "department_title": "Synpunkt to answer – case #{case}",
    "department_intro": "{moderator} asks {department} to answer a comment on {platform} {account}.",
    "department_answer_label": "Your answer",
    "department_send": "Send answer",
    "department_answered": "Answered by {name} {at}",
    "error_bad_reference": "Write the reference from Synpunkten, e.g. SYN-2026-0042 (3–40 characters with at least one digit).",
    "error_already_registered": "Already registered – ref {reference} ({name} {at}).",
    "error_not_kansli": "Only the registry office's channel can register synpunkter.",
    "error_answer_missing": "Write the answer first (at most 5000 characters).",
    "error_not_the_department": "Only the department that was asked can answer here.",
    "error_unknown_department": "That department does not exist. Choose another.",
    "mail_subject": "Quick synpunkt from {platform} {account} (case {case})",
    "mail_intro": "A synpunkt that came in through the municipality's social media (routine 4.1).",
    "mail_link": "Link",
    "mail_department": "Sent for an answer to",
    "mail_question": "Question",
    "kansli_title": "Synpunkt to register in Synpunkten – case #{case}",
    "kansli_intro": (
        "A comment on {platform} {account} has the character of a synpunkt. "
        "Register it as a snabbsynpunkt in Synpunkten (DF Respons)."
    ),
    "kansli_handed_over_by": "Handed over by",
    "registration_intro": (
        "**New account** (routine 2 and 2.1). I ask one thing at a time and save after each "
        "answer, so you can continue later. Write `cancel` at any time to stop. "
        "In a channel: mention @Modbot in each answer."
    ),
    "registration_resumed": "You already have a registration going here. Let us continue where you were.",
    "registration_cancelled": "The registration is cancelled. No account was saved.",
    "registration_done": (
        "Done! {platform} {name} is registered and linked to this channel. "
        "The checklist (routine 2.1) is here in the channel: the manager and the officer confirm their items."
    ),
    "registration_q_platform": "1/9 Which platform? Answer facebook, instagram or youtube.",
    "registration_q_name": "2/9 What is the account called (as shown on the platform)?",
    "registration_q_url": "3/9 Link to the account, e.g. {example}",
    "registration_going_on": (
        "You have a registration of a new account going on here. Answer the question below, "
        "or write `cancel` to stop it and use commands again."
    ),
    "registration_q_unit": "4/9 Which unit runs the account?",
    "registration_q_purpose": "5/9 What is the account's purpose?",
    "registration_q_target_group": "6/9 Who is the account's target group?",
    "registration_q_officer": "7/9 Who is the responsible officer? Mention the person with @.",
    "registration_q_manager_proposed": (
        "8/9 According to the directory, {name} is the manager. Answer `yes` if that is right, "
        "or mention another manager with @."
    ),
    "registration_q_manager_answered": (
        "8/9 The directory has no manager for that person. Mention the manager with @."
    ),
    "registration_q_manager_unavailable": (
        "8/9 The directory (Microsoft Graph) does not answer right now. Mention the manager with @."
    ),
    "registration_q_manager_not_connected": (
        "8/9 Who is the manager? Mention the person with @. (The directory, Microsoft Graph, "
        "is not connected, so I cannot propose the manager.)"
    ),
    "registration_q_contact": (
        "9/9 Contact details that may be shown in the public list (a shared mailbox or phone). "
        "Write `-` for the contact centre ({phone}). No private numbers."
    ),
    "registration_q_confirm": (
        "**Is this right?**\n\n- Platform: {platform}\n- Account: {name} ({url})\n"
        "- Unit: {unit}\n- Purpose: {purpose}\n- Target group: {target_group}\n"
        "- Officer: {officer}\n- Manager: {manager}\n- Contact in the public list: {contact}\n\n"
        "Answer `yes` to register, or `cancel`."
    ),
    "registration_bad_platform": '"{answer}" is not a platform I know.',
    "registration_bad_length": "The answer should be between {shortest} and {longest} characters.",
    "registration_bad_url": '"{answer}" is not a valid link.',
    "registration_url_not_platform": "The link does not go to {platform}.",
    "registration_mention_one": "Mention exactly one person with @.",
    "registration_manager_is_officer": (
        "The manager must be someone other than the responsible officer (routine 2.1 point 6)."
    ),
    "registration_bad_contact": "Give an e-mail address or a phone number, or `-`.",
    "registration_confirm_again": "I need a `yes` to register.",
    "registration_name_taken": "There is already an account called {name} on that platform.",
    "strategist_not_linked": (
        "The communications strategist's channel is not set, so the strategist has not been told. "
        "Write `strategist here` in the strategist's channel; what is waiting is sent then."
    ),
    "strategist_set": (
        "This channel is now told of new, changed and closed accounts. "
        "{told} waiting registration(s) have been sent here."
    ),
    "strategist_registered": (
        "**New social-media account** (routine 2.1 point 3): {platform} {account}\n\n"
        "- Link: {link}\n- Unit: {unit}\n- Purpose: {purpose}\n- Target group: {target_group}\n"
        "- Officer: {officer}\n- Manager: {manager}\n- Contact: {contact}\n- Registered by: {by}"
    ),
    "strategist_officer_changed": (
        "New responsible officer for {platform} {account} ({link}): {person} "
        "(before: {previous}). Appointed by {by}."
    ),
    "strategist_manager_changed": (
        "New manager for {platform} {account} ({link}): {person} (before: {previous}). Set by {by}."
    ),
    "strategist_closing": (
        "{platform} {account} ({link}) is being closed, reported by {by}. Final archiving is under "
        "way; the account leaves the public list when it is done."
    ),
    "strategist_closed": (
        "{platform} {account} ({link}) is closed. Finally archived by {by}, reference {reference}. "
        "The account has left the public list; its records stay."
    ),
    "strategist_officer_gone": (
        "{person} is no longer active in the directory, so {platform} {account} ({link}) has no "
        "responsible officer. The manager has been asked to appoint one."
    ),
    "officer_gone": (
        "{person}: {officer} is no longer active in the directory (left?), so {account} has no "
        "responsible officer. Appoint one with `change officer @name` in the account's channel "
        "(routine section 3). {link}"
    ),
    "close_which": "Which account? Write `close account <name>`. This channel's accounts: {accounts}.",
    "closing_started": (
        "{account} is being closed. Final archiving is open: once it is done and marked archived, "
        "the account is closed and leaves the public list. Its records stay."
    ),
    "checklist_posted": "The checklist for {accounts} is posted here.",
    "checklist_title": "New-account checklist (routine 2.1): {platform} {account}",
    "checklist_roles": "{url} · Officer: {officer} · Manager: {manager}",
    "checklist_open": "{count} item(s) remain.",
    "checklist_complete": "All items are done.",
    "checklist_coat_of_arms": "The coat of arms of {municipality}",
    "checklist_item_decision": "1. The manager has decided to start the account.",
    "checklist_item_routine_read": "2. The responsible officer ({officer}) has read the social-media routine.",
    "checklist_item_strategist_informed": (
        "3. The communications strategist has the link, contacts, purpose and target group."
    ),
    "checklist_item_profile_picture": (
        "4. The profile picture is the coat of arms of {municipality} (or an exception agreed "
        "with the communications strategist)."
    ),
    "checklist_item_part_of": "5a. The account says the unit is part of {municipality}.",
    "checklist_item_phone": "5b. The account shows the contact centre's phone ({phone}) or the unit's.",
    "checklist_item_website": "5c. The account links to the municipality's website, {website}.",
    "checklist_item_admin_access_admin": (
        "6. The manager (or someone the manager names) is also an admin of the Facebook page."
    ),
    "checklist_item_admin_access_login": (
        "6. The manager (or someone the manager names) has the login details. "
        "Passwords are never stored here, only that this is arranged."
    ),
    "checklist_done_by": "Confirmed by {name} {at}",
    "checklist_exception": "Exception:",
    "checklist_who_manager": "The manager confirms.",
    "checklist_who_officer": "The responsible officer confirms personally.",
    "checklist_who_officer_or_manager": "The officer or the manager confirms.",
    "checklist_who_bot": (
        "Modbot sends it to the strategist once the strategist's channel is set (`strategist here`)."
    ),
    "checklist_exception_label": "Exception: reason, agreed with the communications strategist",
    "checklist_coat_of_arms_used": "Coat of arms in use",
    "checklist_exception_button": "Exception with reason",
    "checklist_tick": "Confirm",
    "checklist_read_routine": "Read the routine",
    "accounts_checklist_open": " – checklist: {count} item(s) left",
    "accounts_closing": " – being closed",
    "error_not_officer": "Only {officer} (officer) can decide this (routine section 3).",
    "error_not_officer_or_manager": (
        "Only {officer} (officer) or {manager} (manager) can decide this (routine section 3)."
    ),
    "error_not_strategist": (
        "The account has neither officer nor manager: only {strategist} (communications "
        "strategist) can decide this until a new officer is appointed (routine section 3)."
    ),
    "error_not_manager": "Only {manager} (the account's manager) can do that (routine section 3).",
    "role_which_account": (
        "The channel moderates several accounts: {accounts}. Say which, e.g. "
        '`change officer @name "account name"`.'
    ),
    "error_may_not_tick": (
        "Someone else confirms that item under routine 2.1 (officer: {officer}, manager: {manager})."
    ),
    "error_exception_note_missing": "Write the reason for the exception in the field first.",
    "error_account_closing": "The account is already being closed (since {at}).",
    "duty_final_period": (
        "The account is closing: the final archive covers everything published. Opened "
        "{opened}. Do it by {due}."
    ),
    "duty_final_archive_title": "Final archiving of {account} (the account is closing)",
    "duty_final_archive_what": (
        "Save the account's start page as a PDF and attach it in a reply to this card (in a "
        "channel: in the card's thread; in your chat with me: here in the chat). Then write "
        '`archive "{account}" <from> <to>` for what was published since the last archiving, '
        "send the package to the municipal archive and cull what is of passing interest "
        "(routine sections 4 and 5). Marking it archived closes the account."
    ),
    "duty_final_archive_button": "Archived – close the account",
    "printout_synpunkt_reference": "{decision}, registered in Synpunkten as {reference}",
    "printout_title": "Extract of public records: {account}",
    "printout_period": "Period {first} – {last}",
    "printout_header": (
        "{platform}, {url}. Period {first} – {last}. Made {at} by {by}. "
        "{count} items in thread order."
    ),
    "printout_for_release": (
        "Released on request (routine section 4). Information covered by secrecy is withheld."
    ),
    "printout_for_archive": "Archive copy for the municipal archive: complete, nothing withheld.",
    "printout_col_time": "Time / id",
    "printout_col_origin": "Origin",
    "printout_col_author": "Sender",
    "printout_col_text": "Text",
    "printout_col_status": "Status",
    "printout_col_decision": "Decision",
    "printout_empty": "No items in the period.",
    "printout_origin_extern": "External",
    "printout_origin_kommunen": "Municipality",
    "printout_post": "post",
    "printout_withheld": "Information withheld under OSL {reason}",
    "printout_status_published": "Published",
    "printout_status_removed_by_municipality": "Removed by the municipality",
    "printout_status_deleted_by_author": "Deleted by its author",
    "printout_decision_keep": "Kept – {name} {at}",
    "printout_decision_routine_question": "Kept, routine question – {name} {at}",
    "printout_decision_remove": "Remove – {name} {at}",
    "printout_decision_synpunkt": "Synpunkt – {name} {at}",
    "printout_earlier": "Earlier text (changed {at}):",
    "printout_usage": (
        'Write `extract "<account>" <from> <to>`, e.g. `extract "Hjo kommun" 2026-11-01 '
        '2026-11-30`. If the name is on several platforms: `extract facebook "Hjo kommun" …`.'
    ),
    "printout_ready": (
        "Extract for {account}, {first} – {last}: {count} items, {redacted} withheld for "
        "secrecy. [Download PDF]({url}) (the link works until {until})."
    ),
    "secret_usage": (
        'Write `secret "<account>" <comment-id> "<ground>"`, e.g. `secret "Hjo kommun" '
        '10159_1001 "21 kap. 1 §"`. The id is in the extract.'
    ),
    "secret_marked": (
        "Marked secret: {comment_id} ({reason}). It is withheld from extracts for release; "
        "the archive copy is complete."
    ),
    "error_comment_not_found": "There is no comment with id {comment_id} on the account.",
    "error_secrecy_reason": 'Give the ground for secrecy, e.g. "21 kap. 1 §".',
    "error_bad_period": "Give the period as two dates, e.g. 2026-11-01 2026-11-30.",
    "error_no_such_account": "No account by that name in this channel.",
    "connect_usage": (
        'Write it like this: `connect facebook "Hjo kommun" <page id> env:MODBOT_TOKEN_HJO` '
        "(platform, account name, the account's id on the platform, where its access token is: "
        "env:NAME or file:/path). Never write the token itself in the chat."
    ),
    "connected": (
        "{platform} {name} is connected (id {platform_id}). Comments now arrive by themselves "
        "and are screened against section 6 of the routine. The token is readable and not stored here."
    ),
    "error_bad_platform_id": "{platform_id} does not look like an id on the platform.",
    "error_bad_token_source": "The token cannot be read: {reason}.",
    "package_title": "Evidence package {number}",
    "package_subject": "Removed comment {comment} on {account}",
    "package_header": (
        "A comment the municipality removed from {platform} {account} ({url}), with what was "
        "saved before it was removed (routine section 6). To be registered under {number}. "
        "Made {at} by {by}."
    ),
    "package_comment": "The comment",
    "package_comment_id": "Comment id",
    "package_post_id": "Post",
    "package_link": "Link",
    "package_written": "Written",
    "package_received": "Received by the bot",
    "package_text": "Text",
    "package_sender": "The sender",
    "package_sender_name": "Name",
    "package_sender_id": "Id on the platform",
    "package_decision": "The decision",
    "package_decision_kind": "Decision",
    "package_decision_remove": "Remove",
    "package_decided": "Decided by",
    "package_note": "Note",
    "package_flagged": "Flagged by, reason",
    "package_removed": "Removed on the platform",
    "package_platform_answer": "the platform answered: {answer}",
    "package_not_removed_yet": "Not yet removed on the platform",
    "package_file": "Saved file",
    "package_file_saved": "Saved, by",
    "package_file_bytes": "Bytes",
    "package_file_sha256": "SHA-256 when registered",
    "package_file_check": "Check now",
    "package_file_intact": "Matches",
    "package_file_changed": "CHANGED – does not match its SHA-256",
    "package_file_missing": "MISSING on disk",
    "package_picture": "{kind}, saved {at}, SHA-256 {sha256}",
    "package_raw": "Received data as saved (SHA-256 {sha256}):",
    "package_raw_cut": "[… cut here; the whole file is in the archive package]",
    "evidence_kind_screenshot": "Screenshot",
    "evidence_kind_raw_json": "Received data (JSON)",
    "evidence_kind_moderator_file": "File from the moderator",
    "package_usage": (
        "Write `evidence <diarium number>`, e.g. `evidence SM-2026-0001`, in the account's "
        "channel or the registry office's."
    ),
    "package_ready": (
        "Evidence package {number} (case {case}): [Download PDF]({url}) (the link works until "
        "{until}). SHA-256 {sha256}."
    ),
    "error_no_evidence_package": (
        "No removed case has the diarium number {number}. Evidence packages are made for "
        "removed comments."
    ),
    "error_not_for_this_channel": (
        "That is done in the account's channel or the registry office's channel, not here."
    ),
    "archive_usage": (
        'Write `archive "<account>"` for the latest half-year, or `archive "<account>" <from> '
        '<to>`, e.g. `archive "Hjo kommun" 2026-06-01 2026-11-30`.'
    ),
    "archive_ready": (
        "Archive package for {account}, {first} – {last}: {files} files with SHA-256 in "
        "manifest-sha256.txt (BagIt). [Download zip]({url}) (the link works until {until}). "
        "{start_page} SHA-256 of the package: {sha256}."
    ),
    "archive_start_page_included": "The start page's PDF is in it (data/startsida.pdf).",
    "archive_start_page_missing": (
        "The start page's PDF is missing: attach it in a reply to the half-year archiving "
        "card and it is in the package when you write `archive` again."
    ),
    "start_page_saved": (
        "The start page of {account} is saved ({name}, SHA-256 {sha256}). It goes in the "
        'archive package for {first} – {last}: write `archive "{account}" {first} {last}`.'
    ),
    "start_page_not_pdf": (
        "{name} is not a PDF file, so I did not save it. Save the start page as a PDF and "
        "attach it here again."
    ),
    "start_page_which_task": (
        "You have open archiving tasks for several accounts here ({accounts}). Reply to the "
        "right card with the PDF, or write the account's name in the message with the file."
    ),
    "archive_start_page_not_pdf": "{path} is not a PDF file.",
    "culling_usage": (
        'Write `culling "<account>"` for a culling proposal, `culling approve <no>` or '
        '`culling cancel <no>`, and `culling "<account>" <months>` for the account\'s culling age.'
    ),
    "culling_proposed": (
        "**Culling proposal {number}** for {account}: {count} comments of temporary character, "
        "written {first} – {last} (older than {months} months, before {older_than}), with no "
        "case, synpunkt, decision, secrecy marking or hold. Posts, evidence, registered cases "
        "and synpunkter are never culled. Approve with `culling approve {number}` or cancel "
        "with `culling cancel {number}`. Make the archive package first."
    ),
    "culling_nothing": (
        "Nothing to cull for {account}: no comments older than {months} months that may be culled."
    ),
    "culling_done": (
        "Culling {number} done for {account}: {count} comments removed. The culling is "
        "recorded (category, count, period, who approved), without the content."
    ),
    "culling_cancelled": "Culling proposal {number} is cancelled; nothing was removed.",
    "culling_age_set": "{account} is now culled when comments are older than {months} months.",
    "hold_usage": (
        'Write `hold "<account>" <id> "<reason>"`, e.g. `hold "Hjo kommun" 10159_1 '
        '"request for disclosure"`. A post\'s id holds its whole thread.'
    ),
    "hold_set": "Held: {comment_id} ({reason}). It is not culled.",
    "error_bad_culling_age": "Give the culling age in whole months, 1–{max}.",
    "error_no_such_culling": "There is no culling proposal {number}.",
    "error_culling_already_decided": "Culling proposal {number} is already decided.",
    "error_hold_reason": 'Give the reason for the hold, e.g. "request for disclosure".',
    "personal_data_usage": (
        "Write `personal-data <id>` with the person's id on the platform, e.g. `personal-data "
        "10229876543`, in the registry office's channel."
    ),
    "personal_data_ready": (
        "Personal data about {author}: {comments} comments and {cases} cases (pseudonymised "
        "ones included). [Download JSON]({url}) (the link works until {until}). The request is "
        "recorded."
    ),
    "error_author_id_missing": "Give the person's id on the platform.",
    "error_not_kansli_request": (
        "Personal-data requests are made in the registry office's channel (`registry here` first)."
    ),
    "json_too_large": "too large (at most {kilobytes} kB)",
    "json_not_utf8": "is not UTF-8",
    "json_invalid": "is not valid JSON",
    "json_too_deep": "is nested too deeply (at most {depth} levels)",
    "json_lone_surrogate": "holds a lone surrogate (U+D800–U+DFFF), which is not Unicode",
    "json_not_an_activity": "is not a Bot Framework activity (no type)",
    "json_bad_id": "must not hold control characters or only invisible ones",
    "json_missing": "is missing",
    "json_wrong_type": "has the wrong type",
}
