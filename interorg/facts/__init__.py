"""From a case to the input facts the rules reason over.

:func:`case_facts` gathers the producers of every section of a case
(:mod:`.sections`), of the partner network (:mod:`.network`) and of the
diagnosis (:mod:`.diagnosis`).  Each fact remembers the path in the case it
comes from.
"""

from .sections import case_facts

__all__ = ["case_facts"]
