"""The records each command returns: their JSON shape (and so their JSON Schema) and their tables.

JSON contract: snake_case keys in a fixed order, amounts in base units, rates as fractions, finite
numbers only, ISO dates. `ca-summit schema COMMAND` prints the schema generated from these models.
One module a command, so that a command builds only the models it prints.
"""
