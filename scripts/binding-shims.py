#!/usr/bin/env python3
"""Adds the error-recognition shims to the Python and Go bindings that jsii-pacmak generated.

    python3 scripts/binding-shims.py python dist/python   # after package:python
    python3 scripts/binding-shims.py go dist/go           # after package:go

jsii's Python and Go runtimes cannot hand a caught exception (a Python exception, a Go error) to
JavaScript with its message, so MfaErrors.isConfigurationError could not answer for them (Python
even raised AttributeError). The shims (bindings/shims/) pass such an exception on as
{"message": ...}; the library judges it (src/errors.ts). Java needs none: its runtime serializes an
exception with its getters, message included. Each step checks that it changed exactly what it
expects, so a jsii-pacmak that generates differently fails the build instead of shipping unshimmed.
"""
import base64
import hashlib
import io
import pathlib
import re
import sys
import tarfile
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHIMS = ROOT / "bindings" / "shims"
# What the shims add, and nothing generated contains (the README, which jsii copies into the
# Python module's docstring, names this script, so its name cannot be the marker).
PYTHON_MARKER = "_cdk_mfa_user_pool_install()"
GO_MARKER = "cdkMfaUserPoolPassable("
MODULE = "cdk_mfa_user_pool/__init__.py"


def shim_python_source(source: str) -> str:
    if PYTHON_MARKER in source:
        raise SystemExit(f"{MODULE} is already shimmed")
    if source.count('jsii_name="isConfigurationError"') != 1 or not re.search(r"def is_configuration_error\(\s*cls,\s*x: typing\.Any( = None)?,?\s*\)", source):
        raise SystemExit(f"{MODULE}: MfaErrors.is_configuration_error is not where the shim expects it")
    return source + (SHIMS / "python.py").read_text()


def record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def shim_wheel(wheel: pathlib.Path) -> None:
    with zipfile.ZipFile(wheel) as zin:
        entries = [(info, zin.read(info)) for info in zin.infolist()]
    shimmed = {}
    for info, data in entries:
        if info.filename == MODULE:
            shimmed[info.filename] = shim_python_source(data.decode()).encode()
    if len(shimmed) != 1:
        raise SystemExit(f"{wheel.name}: no {MODULE}")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in entries:
            data = shimmed.get(info.filename, data)
            if info.filename.endswith(".dist-info/RECORD"):
                lines = [record_line(MODULE, shimmed[MODULE]) if line.startswith(f"{MODULE},") else line
                         for line in data.decode().splitlines()]
                data = ("\n".join(lines) + "\n").encode()
            zout.writestr(info, data)
    wheel.write_bytes(buffer.getvalue())


def shim_sdist(sdist: pathlib.Path) -> None:
    with tarfile.open(sdist, "r:gz") as tin:
        members = [(m, tin.extractfile(m).read() if m.isfile() else None) for m in tin.getmembers()]
    buffer = io.BytesIO()
    count = 0
    with tarfile.open(fileobj=buffer, mode="w:gz") as tout:
        for member, data in members:
            if member.isfile() and member.name.endswith(f"/src/{MODULE}"):
                data = shim_python_source(data.decode()).encode()
                member.size = len(data)
                count += 1
            tout.addfile(member, io.BytesIO(data) if data is not None else None)
    if count != 1:
        raise SystemExit(f"{sdist.name}: no src/{MODULE}")
    sdist.write_bytes(buffer.getvalue())


# jsii-pacmak requires, in the Go module's go.mod, the aws-cdk-go it built with (2.276.0): by Go's
# minimal version selection that was the Go floor. The Go floor is lower, but not the npm one:
# the binding is generated against constructs 10.5 (aws-cdk-lib 2.276 needs it), so its code uses
# constructs.IMixin, and aws-cdk-go up to 2.237.1 does not compile with constructs-go 10.5
# ("ambiguous selector *jsiiProxy_Alias.With", measured 2026-12-02 on 2.181.1, 2.200.0, 2.215.0,
# 2.230.0, 2.237.1). aws-cdk-lib 2.239.0 is the first to require constructs ^10.5.0; this Go module
# proxy cannot resolve 2.238 or 2.239, and 2.240.0 is the oldest measured to build and pass the
# smoke test, so the module requires it (scripts/smoke-go.sh floor runs on what go.mod requires).
# The indirect lines pacmak copied from the newer release go; `go mod tidy` finds them.
GO_AWS_CDK_FLOOR = "2.240.0"
GO_AWS_CDK = "github.com/aws/aws-cdk-go/awscdk/v2"


def shim_go_mod(go_mod: pathlib.Path) -> None:
    lines, found = [], False
    for line in go_mod.read_text().splitlines():
        stripped = line.strip()
        if stripped.endswith("// indirect"):
            continue
        if stripped.split(" ")[0] == GO_AWS_CDK:
            line, found = f"\t{GO_AWS_CDK} v{GO_AWS_CDK_FLOOR}", True
        lines.append(line)
    if not found:
        raise SystemExit(f"{go_mod}: no requirement of {GO_AWS_CDK}")
    go_mod.write_text("\n".join(lines) + "\n")


def shim_go(dist: pathlib.Path) -> None:
    shim_go_mod(dist / "cdkmfauserpool" / "go.mod")
    target = dist / "cdkmfauserpool" / "MfaErrors.go"
    source = target.read_text()
    call = '"isConfigurationError",\n\t\t[]interface{}{x},'
    if GO_MARKER in source or source.count(call) != 1:
        raise SystemExit(f"{target}: the isConfigurationError call is not where the shim expects it (or is already shimmed)")
    target.write_text(source.replace(call, '"isConfigurationError",\n\t\t[]interface{}{cdkMfaUserPoolPassable(x)}, // scripts/binding-shims.py'))
    (dist / "cdkmfauserpool" / "MfaErrors__passable.go").write_text((SHIMS / "go.go").read_text())


def main() -> None:
    language, dist = sys.argv[1], pathlib.Path(sys.argv[2])
    if language == "python":
        wheels, sdists = sorted(dist.glob("*.whl")), sorted(dist.glob("*.tar.gz"))
        if len(wheels) != 1 or len(sdists) != 1:
            raise SystemExit(f"expected one wheel and one sdist in {dist}, found {wheels + sdists}")
        shim_wheel(wheels[0])
        shim_sdist(sdists[0])
    elif language == "go":
        shim_go(dist)
    else:
        raise SystemExit(f"unknown language {language}")
    print(f"binding-shims: {language} binding in {dist} shimmed")


if __name__ == "__main__":
    main()
