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
        "- `officer @name`, `manager @name`: the responsible officer and manager of this channel's accounts.\n"
        "- `published`: this channel's accounts were updated now (the routine: at least weekly).\n"
        "- `registry here`: the registry office's channel, where synpunkter are handed over.\n"
        '- `department here "Name"` or `department "Name" @name`: who answers synpunkter; '
        "`departments` lists them.\n"
        "- `synpunkter`: synpunkter waiting for registration in Synpunkten.\n"
        "- `help`: this text."
    ),
    "unknown_command": (
        "I do not know that command. I can: `link`, `accounts`, `pending`, "
        "`officer`, `manager`, `published`, `registry here`, `department`, `departments`, "
        "`synpunkter` and `help`."
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
    "role_usage": "Write `officer @name` or `manager @name`, mentioning one person with @.",
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
    "reminder_no_officer": "none appointed (write `officer @name` in the channel)",
    "reminder_no_manager": "No manager (write `manager @name` in the channel)",
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
        "Take a screenshot of the account's start page, save it as a PDF and send it to the "
        "municipal archive (routine section 4)."
    ),
    "duty_culling_what": (
        "Cull information of a temporary nature or little importance according to the records "
        "management plan (routine section 5). Unlawful and inappropriate posts are culled at "
        "once and registered."
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
    "screen_flagged": "Flagged: {answer}",
    "screen_yes": "yes",
    "screen_no": "no",
    "screen_category": "Suggested category: {category}",
    "screen_reason": "- {reason}",
    "kansli_set": "This channel now receives the synpunkter the registry office registers.",
    "evidence_attached": "Saved as evidence in case #{case}: {files}. The case has {count} files.",
    "evidence_not_in_case_thread": "Attach evidence by replying with the image or file in the thread under the case card.",
    "evidence_download_failed": "I could not fetch {name}. Please attach the file again.",
    "error_generic": "Something went wrong. Please try again in a moment.",
    "error_case_not_found": "The case does not exist.",
    "error_already_decided": "The case was already decided by {name} {at}.",
    "error_evidence_missing": (
        "The evidence (screenshot and sender) is not saved yet. Please try again in a moment."
    ),
    "error_not_awaiting_removal": "The case is not waiting for removal.",
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
}
