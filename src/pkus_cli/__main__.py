"""`python -m pkus_cli` runs the same app as the `pkus` script."""

from pkus_cli.entry import main

if __name__ == "__main__":
    main()
