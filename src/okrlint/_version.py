"""The version of okrlint, read by hatch at build time and by --version at run time."""

__version__ = "0.1.0"
