"""Entry point: ``workbench`` / ``python -m workbench``.

With no arguments (or only Qt/GUI options) the desktop app starts.  With a
subcommand (``workbench corpus stats PATH``, see ``workbench --help``) the
Qt-free command line interface in :mod:`workbench.cli` runs instead, so
scripts and servers never load Qt.
"""

from __future__ import annotations

import sys

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the CLI (subcommands, ``--help``) or start the GUI."""
    args = list(sys.argv[1:] if argv is None else argv)
    from workbench import cli

    if args and (args[0] in cli.COMMANDS or args[0] in ("-h", "--help", "--version")):
        return cli.main(args)
    from workbench.ui.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
