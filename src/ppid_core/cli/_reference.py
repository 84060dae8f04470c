"""The command-line reference page, generated from the parser so that it cannot go stale.

[`render()`][render] fills the hand-written template ``_reference.md`` (beside this module:
the prose, the exit statuses, the examples) with what the parser of [`build_parser()`][build_parser]
knows: every command and sub-command with its usage, description and arguments (choices
and defaults included), the shared option groups and the deprecated spellings. The
template places the generated parts with one directive per line:

- ``<!-- ppid:commands -->``: a table of every command;
- ``<!-- ppid:command NAME -->``: the section of one command (``register report``);
  every command must be placed exactly once;
- ``<!-- ppid:options TITLE -->``: an option group shared by several commands, which
  the commands' own tables then link to (``calendar``; the template's heading over it
  must be "TITLE options");
- ``<!-- ppid:deprecated -->``: the old spellings that still work, with their
  replacements.

``docs/reference/cli.md`` is this page, committed so that a change shows in review; a
test compares the two. To regenerate it::

    python -m ppid_core.cli._reference > docs/reference/cli.md

The page is English whatever ``--lang``, ``$PPID_LANG`` or the locale say: the reference
is written in English, and the page must not change with the machine that generates it.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from importlib import resources

from ppid_core._tables import markdown_text
from ppid_core.cli import build_parser
from ppid_core.cli._language import speaking
from ppid_core.cli._options import ChoiceAction, DeprecatedFlag
from ppid_core.errors import UnknownNameError

__all__ = ["REGENERATE", "render"]

REGENERATE = "python -m ppid_core.cli._reference > docs/reference/cli.md"
"""The command that rewrites the committed page."""

TEMPLATE = "_reference.md"
_DIRECTIVE = re.compile(r"<!-- ppid:(commands|command|options|deprecated)(?: (.+?))? -->")


def _subcommands(parser: argparse.ArgumentParser) -> argparse._SubParsersAction | None:  # type: ignore[type-arg]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return None


def _leaves(parser: argparse.ArgumentParser) -> Iterator[tuple[str, str, argparse.ArgumentParser]]:
    """Every command that runs (not a group of them): its name, its help, its parser."""
    sub = _subcommands(parser)
    if sub is None:
        return
    helps = {a.dest: a.help or "" for a in sub._choices_actions}
    for name, child in sub.choices.items():
        if _subcommands(child) is None:
            yield child.prog.removeprefix("ppid "), helps[name], child
        else:
            yield from _leaves(child)


def _usage(parser: argparse.ArgumentParser) -> str:
    formatter = argparse.HelpFormatter(parser.prog, width=10_000)
    formatter.add_usage(parser.usage, parser._actions, parser._mutually_exclusive_groups, "")
    return formatter.format_help().strip()


def _sentence(text: str) -> str:
    """``text`` as a sentence of Markdown: a capital first letter, a full stop."""
    text = markdown_text(text.strip())
    if not text:
        return ""
    return text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _invocation(action: argparse.Action) -> str:
    if not action.option_strings:
        return str(action.metavar or action.dest)
    flags = ", ".join(action.option_strings)
    if action.nargs == 0:
        return flags
    metavar = action.metavar or action.dest.upper()
    return f"{flags} {metavar}"


def _meaning(action: argparse.Action) -> str:
    """The help, then the choices and the default unless the help names them already."""
    text = action.help or ""
    words = set(re.findall(r"[\w-]+", text))
    parts = [_sentence(text)]
    choices = [str(c) for c in action.choices or ()]
    if choices and not words.issuperset(choices):
        parts.append(f"One of {', '.join(f'`{c}`' for c in choices)}.")
    default = action.default
    shown = default not in (None, False, [], argparse.SUPPRESS) and action.nargs != 0
    if shown and "default" not in text:
        parts.append(f"Default `{default}`.")
    if action.required and action.option_strings:
        parts.append("Required.")
    return " ".join(p for p in parts if p)


def _shown(action: argparse.Action) -> bool:
    return action.help != argparse.SUPPRESS and not isinstance(action, argparse._HelpAction)


def _options_table(actions: list[argparse.Action]) -> list[str]:
    lines = ["| argument | meaning |", "|---|---|"]
    lines += [f"| `{_invocation(a)}` | {_meaning(a)} |" for a in actions if _shown(a)]
    return lines


def _groups(parser: argparse.ArgumentParser) -> Iterator[argparse._ArgumentGroup]:
    yield from parser._action_groups


def _command_section(
    name: str, help_text: str, parser: argparse.ArgumentParser, shared: set[str]
) -> list[str]:
    lines = [f"### `ppid {name}`", "", _sentence(parser.description or help_text), ""]
    lines += ["```text", _usage(parser), "```", ""]
    rows: list[argparse.Action] = []
    links: list[str] = []
    for group in _groups(parser):
        if group.title in shared:
            flags = ", ".join(f"`{a.option_strings[0]}`" for a in group._group_actions)
            links.append(f"the [{group.title} options](#{group.title}-options): {flags}")
        else:
            rows += [a for a in group._group_actions if _shown(a)]
    if rows:
        lines += _options_table(rows)
    if links:
        lines += ["", f"It also takes {'; '.join(links)}."]
    return [*lines, ""]


def _commands_table(leaves: list[tuple[str, str, argparse.ArgumentParser]]) -> list[str]:
    lines = ["| command | what it does |", "|---|---|"]
    for name, help_text, _ in leaves:
        anchor = "ppid-" + name.replace(" ", "-")
        lines.append(f"| [`ppid {name}`](#{anchor}) | {markdown_text(help_text)} |")
    return [*lines, ""]


def _shared_group(title: str, leaves: list[tuple[str, str, argparse.ArgumentParser]]) -> list[str]:
    for _, _, parser in leaves:
        for group in _groups(parser):
            if group.title == title:
                lines = [markdown_text(group.description or ""), ""] if group.description else []
                return [*lines, *_options_table(group._group_actions), ""]
    msg = f"{TEMPLATE}: no command has the option group {title!r}"
    raise UnknownNameError(msg)


def _deprecated(leaves: list[tuple[str, str, argparse.ArgumentParser]]) -> list[str]:
    lines = ["| command | old spelling | write instead |", "|---|---|---|"]
    for name, _, parser in leaves:
        for action in parser._actions:
            old_new: list[tuple[str, str]] = []
            flag = action.option_strings[0] if action.option_strings else action.dest
            if isinstance(action, DeprecatedFlag):
                value = "" if action.nargs == 0 else f" {action.metavar or action.dest.upper()}"
                new = action.replacement.format(value=value.strip() or "VALUE")
                old_new.append((flag + value, new))
            if isinstance(action, ChoiceAction):
                old_new += [(f"{flag} {old}", new) for old, (_, new) in action.deprecated.items()]
            lines += [f"| `ppid {name}` | `{old}` | `{new}` |" for old, new in old_new]
    return [*lines, ""]


def _template() -> str:
    return (resources.files(__package__ or "ppid_core.cli") / TEMPLATE).read_text(encoding="utf-8")


def render() -> str:
    """The Markdown of ``docs/reference/cli.md``: the template, filled from the parser.

    Raises:
        UnknownNameError: The template places a command twice, or not at all, or names a
            command or option group the parser does not have.
    """
    with speaking("en"):  # help texts are translated when the parser is built
        leaves = list(_leaves(build_parser(complete=True)))
    by_name = {name: (name, h, p) for name, h, p in leaves}
    template = _template()
    shared = set(re.findall(r"<!-- ppid:options (.+?) -->", template))
    placed: list[str] = []
    out = [
        f"<!-- Generated from src/ppid_core/cli/{TEMPLATE} and the parser; edit those, not "
        f"this page, then run: {REGENERATE} -->",
        "",
    ]
    for line in template.splitlines():
        match = _DIRECTIVE.fullmatch(line.strip())
        if match is None:
            out.append(line)
            continue
        kind, arg = match.groups()
        if kind == "commands":
            out += _commands_table(leaves)
        elif kind == "options":
            out += _shared_group(arg, leaves)
        elif kind == "deprecated":
            out += _deprecated(leaves)
        elif arg not in by_name:
            msg = f"{TEMPLATE}: no command {arg!r}; the commands are {', '.join(by_name)}"
            raise UnknownNameError(msg)
        else:
            placed.append(arg)
            out += _command_section(*by_name[arg], shared)
    missing = [n for n in by_name if n not in placed]
    twice = sorted({n for n in placed if placed.count(n) > 1})
    if missing or twice:
        msg = (
            f"{TEMPLATE} must place each command once with '<!-- ppid:command NAME -->'; "
            f"missing: {', '.join(missing) or 'none'}; placed twice: {', '.join(twice) or 'none'}"
        )
        raise UnknownNameError(msg)
    text = "\n".join(out).rstrip("\n") + "\n"
    return re.sub(r"\n{3,}", "\n\n", text)


if __name__ == "__main__":
    sys.stdout.write(render())
