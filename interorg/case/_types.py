"""Shared field types of the case model."""

import re
from typing import Literal

__all__ = ["Check", "ID_META"]

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")

#: Field metadata for ids a user chooses (partner ids and the like).
ID_META = {"pattern": _ID, "pattern_hint": "an id of letters, digits, '_', '.' or '-'"}

#: The answer to a yes/no check that may hold in part.
Check = Literal["yes", "partly", "no"]
