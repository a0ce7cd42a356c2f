"""ca-summit: the facts and figures of the fifth Consultative Meeting of the Heads of State of
Central Asia (14 September 2023), each traceable to its source."""

from __future__ import annotations

__version__ = "0.1.0"
