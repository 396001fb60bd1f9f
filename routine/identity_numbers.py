"""Section 6 and 8.1: Swedish personal identity numbers (personnummer) and coordination
numbers (samordningsnummer, day + 60) are sensitive personal data; a number counts only when
its date is possible and its check digit (the Luhn algorithm over nine digits) is right."""

import re
from datetime import date

IDENTITY_NUMBER = re.compile(r"(?<!\d)(\d{6}|\d{8})[-+ ]?(\d{4})(?!\d)")


def valid_identity_number(date_part: str, serial: str) -> bool:
    short = date_part[-6:]
    year, month, day = int(short[:2]), int(short[2:4]), int(short[4:6])
    if day > 60:
        day -= 60
    full_year = int(date_part[:4]) if len(date_part) == 8 else 2000 + year
    try:
        date(full_year, month, day)
    except ValueError:
        return False
    digits = [int(char) for char in short + serial]
    return _luhn_check_digit(digits[:9]) == digits[9]


def _luhn_check_digit(digits: list[int]) -> int:
    total = 0
    for index, digit in enumerate(digits):
        doubled = digit * (2 if index % 2 == 0 else 1)
        total += doubled // 10 + doubled % 10
    return (10 - total % 10) % 10
