"""Evidence rows; the files themselves live under the evidence folder (services.evidence)."""

from sqlmodel import Session, col, func, select

from storage.models import Evidence


def evidence_for_case(session: Session, case_id: int) -> list[Evidence]:
    return list(
        session.exec(select(Evidence).where(Evidence.case_id == case_id).order_by(col(Evidence.id)))
    )


def evidence_kinds(session: Session, case_id: int) -> set[str]:
    return set(session.exec(select(Evidence.kind).where(Evidence.case_id == case_id)))


def evidence_count(session: Session, case_id: int) -> int:
    return session.exec(
        select(func.count()).select_from(Evidence).where(Evidence.case_id == case_id)
    ).one()


def get_evidence(session: Session, evidence_id: int) -> Evidence | None:
    return session.get(Evidence, evidence_id)
