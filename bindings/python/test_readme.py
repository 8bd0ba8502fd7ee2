"""Every Python block of README.md runs as written, with the wheel: each is a complete program."""
import pathlib
import re

import pytest

README = (pathlib.Path(__file__).resolve().parents[2] / "README.md").read_text()
BLOCKS = [(README[: m.start()].count("\n") + 1, m.group(1)) for m in re.finditer(r"```python\n(.*?)\n```", README, re.S)]


def test_there_are_python_blocks():
    assert len(BLOCKS) >= 6


@pytest.mark.parametrize("line,code", BLOCKS, ids=[f"README.md:{line}" for line, _ in BLOCKS])
def test_block_runs_as_written(line, code):
    assert "app = cdk.App()" in code, f"README.md:{line} does not make its own App"
    exec(compile(code, f"README.md:{line}", "exec"), {"__name__": f"readme_{line}"})
