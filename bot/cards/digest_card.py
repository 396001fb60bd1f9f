"""Section 3: the vardag digest of a moderating channel, and its "Bevakat idag" button."""

from bot.cards.elements import Element, card, execute, heading, line
from services.views import DigestView
from texts import t, time_left

VERB_ATTEST = "attest_monitoring"
VERB_PUBLISHED = "record_published"


def digest_card(digest: DigestView, language: str) -> Element:
    body: list[Element] = [
        heading(t(language, "digest_title", day=digest.day.isoformat())),
        line(t(language, "digest_intro", accounts=", ".join(digest.account_names))),
    ]
    if not digest.cases:
        body.append(line(t(language, "digest_none")))
    for case in digest.cases:
        shown = t(
            language,
            "digest_case",
            case=case.id,
            platform=t(language, f"platform_{case.platform}"),
            account=case.account_name,
            author=case.author_name,
            time_left=time_left(language, case.time_left),
        )
        body.append(
            line(shown, color="Attention" if case.time_left.total_seconds() <= 0 else "Default")
        )
    actions: list[Element] = []
    if digest.attested_by and digest.attested_at:
        attested = t(language, "digest_attested", name=digest.attested_by, at=digest.attested_at)
        body.append(line(attested, color="Good", bold=True))
    else:
        actions.append(
            execute(
                t(language, "digest_attest"),
                VERB_ATTEST,
                {"day": digest.day.isoformat()},
                style="positive",
            )
        )
    actions.append(execute(t(language, "digest_published"), VERB_PUBLISHED, {}))
    return card(body, actions)
