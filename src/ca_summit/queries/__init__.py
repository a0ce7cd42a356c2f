"""What each command asks of a Summit: pure functions from validated models to views.

One module a command (facts, quotes, countries and search share theirs), so that a command
imports only the views it builds.
"""
