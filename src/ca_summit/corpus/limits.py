"""The bounds of amounts and rates: the data model checks them, and so does the command line
(without building the models). Amounts are bounded so that every ratio, logarithm and projection
of them stays finite."""

AMOUNT_MIN = 0.01
AMOUNT_MAX = 1e18
RATE_MAX = 1e6
