from ca_summit.cli import main

raise SystemExit(main())
