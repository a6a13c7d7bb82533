"""``python -m okrlint``."""

from okrlint.cli import main

if __name__ == "__main__":
    main()
