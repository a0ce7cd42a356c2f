"""ca-summit: the facts and figures of the Consultative Meetings of the Heads of State of Central
Asia (2018–2025), each traceable to its source."""

from __future__ import annotations

__version__ = "0.2.0"
