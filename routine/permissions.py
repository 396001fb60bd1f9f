"""Section 3: the officers of an account decide on its comments, nobody else.

The bot knows an account's officers as the members of the Teams channel linked to it; a card
acted on anywhere else (forwarded, copied into another chat) gives no right to decide.
"""

from routine.errors import NotInLinkedChannel


def ensure_may_decide(acting_channel_id: str | None, linked_channel_id: str) -> None:
    if acting_channel_id != linked_channel_id:
        raise NotInLinkedChannel()
