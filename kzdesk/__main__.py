from kzdesk.cli import main

raise SystemExit(main())
