"""Routine 4.1: Synpunkten (DF Respons) takes synpunkter by e-mail. When an intake address is
configured, each hand-over also goes there as a plain Swedish e-mail."""

from datetime import datetime
from email.utils import make_msgid

from sqlmodel import Session

from services.views import CaseView
from storage import mail
from storage.models import MailMessage
from texts import moment, t


class SynpunktMail:
    def __init__(self, to_address: str, sender_domain: str) -> None:
        self._to = to_address
        self._domain = sender_domain

    def queue(self, session: Session, case: CaseView, now: datetime) -> None:
        """In the hand-over's own transaction, so the e-mail exists exactly when it happened."""
        mail.enqueue(
            session,
            MailMessage(
                case_id=case.id,
                to_address=self._to,
                subject=t(
                    "sv",
                    "mail_subject",
                    platform=t("sv", f"platform_{case.platform}"),
                    account=case.account_name,
                    case=case.id,
                ),
                body=_body(case),
                message_id=make_msgid("synpunkt", self._domain),
                next_attempt_at=now,
                created_at=now,
            ),
        )


def _body(case: CaseView) -> str:
    synpunkt = case.synpunkt
    lines = [
        t("sv", "mail_intro"),
        "",
        f"{t('sv', 'card_account')}: {t('sv', f'platform_{case.platform}')} · {case.account_name}",
        f"{t('sv', 'mail_link')}: {case.permalink}",
        f"{t('sv', 'card_written')}: {moment(case.written_at)}, {case.author_name}",
    ]
    if synpunkt is not None:
        lines.append(
            f"{t('sv', 'kansli_handed_over_by')}: {synpunkt.handed_over_by}, "
            f"{moment(synpunkt.handed_over_at)}"
        )
        if synpunkt.department:
            lines.append(f"{t('sv', 'mail_department')}: {synpunkt.department}")
    lines += ["", f"{t('sv', 'mail_question')}:", case.text, "", f"{t('sv', 'kansli_answer')}:"]
    answer = synpunkt.answer if synpunkt else None
    lines.append(answer or t("sv", "kansli_no_answer"))
    return "\n".join(lines) + "\n"
