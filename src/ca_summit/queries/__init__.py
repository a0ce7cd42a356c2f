"""What each command asks of the data: pure functions from a typed request and validated models to
language-neutral results, which views/ words in a language.

One module a command (facts, quotes, countries and search share theirs), so that a command
imports only what it asks.
"""
