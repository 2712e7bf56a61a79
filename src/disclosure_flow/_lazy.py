"""Names a package imports on first use (PEP 562), so that importing it stays fast.

A package lists ``name -> module`` and calls :func:`lazy_exports`; its ``__getattr__``
then imports ``package.module`` the first time ``name`` is asked for, keeps the value
in the package's namespace, and later lookups find it directly.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, names: Mapping[str, str], namespace: dict[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``(__getattr__, __dir__)`` for *package*, whose lazily imported *names* map to the
    submodule that defines each; *namespace* is the package's ``globals()``."""

    def getattr_(name: str) -> Any:
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        namespace[name] = value
        return value

    def dir_() -> list[str]:
        return sorted(set(namespace) | set(names))

    return getattr_, dir_
