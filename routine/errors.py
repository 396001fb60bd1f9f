"""Refusals the routine makes; each carries a message key so the user reads a clear sentence."""

from typing import Any


class RoutineError(Exception):
    """A request the routine refuses. `key` names the sentence in the message catalogue."""

    key = "error_generic"

    def __init__(self, **params: Any) -> None:
        super().__init__(self.key)
        self.params = params


class CaseNotFound(RoutineError):
    key = "error_case_not_found"


class AlreadyDecided(RoutineError):
    key = "error_already_decided"


class EvidenceMissing(RoutineError):
    key = "error_evidence_missing"


class NotAwaitingRemoval(RoutineError):
    key = "error_not_awaiting_removal"


class NotConnected(RoutineError):
    """The account is not connected to its platform, so the bot cannot remove anything there."""

    key = "error_not_connected"


class NotInLinkedChannel(RoutineError):
    key = "error_not_in_linked_channel"


class KansliNotLinked(RoutineError):
    key = "error_kansli_not_linked"


class NotInChannel(RoutineError):
    key = "error_not_in_channel"


class BadPlatform(RoutineError):
    key = "link_bad_platform"


class BadUrl(RoutineError):
    key = "link_bad_url"


class NotACaseThread(RoutineError):
    key = "evidence_not_in_case_thread"


class NoAccountInChannel(RoutineError):
    key = "error_no_account_in_channel"


class AlreadyAttested(RoutineError):
    key = "error_already_attested"


class NotToday(RoutineError):
    key = "error_attest_only_today"


class TaskNotFound(RoutineError):
    key = "error_task_not_found"


class TaskAlreadyDone(RoutineError):
    key = "error_task_done"


class ReferenceMissing(RoutineError):
    key = "error_reference_missing"


class NotResponsible(RoutineError):
    key = "error_not_responsible"


class BadReference(RoutineError):
    key = "error_bad_reference"


class AlreadyRegistered(RoutineError):
    key = "error_already_registered"


class NotKansli(RoutineError):
    key = "error_not_kansli"


class AnswerMissing(RoutineError):
    key = "error_answer_missing"


class NotTheDepartment(RoutineError):
    key = "error_not_the_department"


class UnknownDepartment(RoutineError):
    key = "error_unknown_department"


class NotOfficer(RoutineError):
    key = "error_not_officer"


class NotOfficerOrManager(RoutineError):
    key = "error_not_officer_or_manager"


class NotStrategist(RoutineError):
    key = "error_not_strategist"


class NotManager(RoutineError):
    key = "error_not_manager"


class MayNotTick(RoutineError):
    key = "error_may_not_tick"


class ExceptionNoteMissing(RoutineError):
    key = "error_exception_note_missing"


class AccountClosing(RoutineError):
    key = "error_account_closing"


class BadPlatformId(RoutineError):
    key = "error_bad_platform_id"


class BadTokenSource(RoutineError):
    key = "error_bad_token_source"


class CommentNotFound(RoutineError):
    key = "error_comment_not_found"


class SecrecyReasonMissing(RoutineError):
    """Routine 4: a secrecy marking needs its ground (e.g. the OSL section)."""

    key = "error_secrecy_reason"


class BadPeriodGiven(RoutineError):
    key = "error_bad_period"


class NoSuchAccount(RoutineError):
    key = "error_no_such_account"


class NoEvidencePackage(RoutineError):
    """Section 6: a package is made for a removal, which is what carries a diarium number."""

    key = "error_no_evidence_package"


class NotForThisChannel(RoutineError):
    key = "error_not_for_this_channel"


class BadCullingAge(RoutineError):
    key = "error_bad_culling_age"


class NoSuchCulling(RoutineError):
    key = "error_no_such_culling"


class CullingAlreadyDecided(RoutineError):
    key = "error_culling_already_decided"


class HoldReasonMissing(RoutineError):
    """A legal hold needs its ground (a request, a case, a dispute): it stops culling."""

    key = "error_hold_reason"


class AuthorIdMissing(RoutineError):
    key = "error_author_id_missing"


class NotKansliRequest(RoutineError):
    """Section 8.1: requests about one person span every account; kanslienheten handles them."""

    key = "error_not_kansli_request"
