from ca_summit.cli.entry import run

run()
