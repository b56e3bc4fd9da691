import multiprocessing

if __name__ == "__main__":
    # In a frozen bundle a spawned worker (the offline engine's process) starts this executable
    # again; freeze_support() runs the worker and exits before the command line is parsed.
    multiprocessing.freeze_support()

    from kzdesk.cli import main

    raise SystemExit(main())
