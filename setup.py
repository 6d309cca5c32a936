"""Only what pyproject.toml cannot say: install nightdesk-quiet-material.pth next to the packages.

mkdocs-material prints an 8-line end-of-life banner when MkDocs loads the theme, before any plugin runs,
unless NO_MKDOCS_2_WARNING is set. A .pth file runs at interpreter start-up, so every `mkdocs build` in an
environment with nightdesk installed stays about the help centre. (Editable installs: the Makefile sets it.)
"""
import os

from setuptools import setup
from setuptools.command.build_py import build_py

PTH = "nightdesk-quiet-material.pth"


class BuildPyWithPth(build_py):
    def run(self):
        super().run()
        self.copy_file(os.path.join("plugins", PTH), os.path.join(self.build_lib, PTH))


setup(cmdclass={"build_py": BuildPyWithPth})
