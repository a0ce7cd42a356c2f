from ca_summit.entry import run

run()
