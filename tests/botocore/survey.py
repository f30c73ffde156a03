#!/usr/bin/env python3
"""The generator over a botocore release: `codegen check` on the latest API version of every
service whose model offers `json` or `smithy-rpc-v2-cbor`, and with `--compile` the code of each
model that passes, built with `RUSTFLAGS=-D warnings`. Run through `check-release.sh`, which
builds the `codegen` binary; this script needs Python 3.9+ and pip, nothing else.

Operations with event streams (binary frames, which the generator refuses by name) are left out
with `--exclude-operations`, so a model is refused only for what it cannot do otherwise.
"""

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

PROTOCOLS = ("json", "smithy-rpc-v2-cbor")
# Older releases ship models uncompressed.
MODEL = re.compile(r"^botocore/data/([^/]+)/([^/]+)/service-2\.json(\.gz)?$")


def download(version, dest):
    """botocore's wheel (`version`, else the latest), fetched with pip into `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    requirement = f"botocore=={version}" if version else "botocore"
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
               "--dest", str(dest), requirement]
    run = subprocess.run(command, capture_output=True, text=True)
    # pip names the wheel it chose, whether it fetched it now or had it already.
    wheels = re.findall(r"^\s*(?:Saved|File was already downloaded) (\S+\.whl)$", run.stdout,
                        re.MULTILINE)
    if run.returncode != 0 or not wheels:
        sys.exit(f"error: pip could not download {requirement}:\n{run.stdout}{run.stderr}")
    return dest / Path(wheels[-1]).name


def latest_models(wheel):
    """`{service: (api_version, model)}`: each service's latest model in the wheel."""
    latest = {}
    with zipfile.ZipFile(wheel) as archive:
        for name in archive.namelist():
            found = MODEL.match(name)
            if found and found[2] > latest.get(found[1], ("", None))[0]:
                latest[found[1]] = (found[2], name)
        def read(name):
            data = archive.read(name)
            return json.loads(gzip.decompress(data) if name.endswith(".gz") else data)
        return {service: (api_version, read(name))
                for service, (api_version, name) in sorted(latest.items())}


def protocols(model):
    metadata = model.get("metadata", {})
    return metadata.get("protocols") or [metadata.get("protocol")]


def event_stream_operations(model):
    """The operations whose input or output holds an event stream, sorted."""
    shapes = model.get("shapes", {})

    def streams(reference):
        members = shapes.get((reference or {}).get("shape"), {}).get("members", {})
        return any(shapes.get(member.get("shape"), {}).get("eventstream")
                   for member in members.values())

    return sorted(name for name, operation in model.get("operations", {}).items()
                  if streams(operation.get("input")) or streams(operation.get("output")))


def selection(excluded):
    return ["--exclude-operations", ",".join(excluded)] if excluded else []


def check(codegen, path, excluded):
    """`(warnings, error)`: the warning lines, and the error if `check` refused the model."""
    run = subprocess.run([codegen, "check", str(path), *selection(excluded)],
                         capture_output=True, text=True)
    lines = run.stderr.splitlines()
    warnings = [line[len("warning: "):] for line in lines if line.startswith("warning: ")]
    others = "\n".join(line for line in lines if not line.startswith("warning: "))
    # The model named by its file name, not by where the survey keeps it.
    others = others.replace(str(path), path.name)
    error = others.removeprefix("error: ") if run.returncode != 0 else None
    if run.returncode == 0 and others:
        error = f"passed, but said more than warnings: {others}"
    return warnings, error


def compile_all(codegen, root, passed, workdir):
    """Generates each model in `passed` into a crate of one scratch workspace that depends on
    awsjson-runtime by path, and builds it with `RUSTFLAGS=-D warnings`: one crate per model,
    so that two cores build two at a time and a failure names its service."""
    workspace = workdir / "compile"
    shutil.rmtree(workspace / "services", ignore_errors=True)
    runtime = (root / "codegen" / "runtime").resolve()
    lines = 0
    for service, (path, excluded) in passed.items():
        crate = workspace / "services" / service
        (crate / "src").mkdir(parents=True)
        (crate / "Cargo.toml").write_text(
            f'[package]\nname = "survey-{service}"\nversion = "0.0.0"\nedition = "2024"\n'
            f'publish = false\n\n[dependencies]\nawsjson-runtime = {{ path = "{runtime}" }}\n')
        out = crate / "src" / "lib.rs"
        generate = [codegen, "generate", str(path), "--out", str(out), *selection(excluded)]
        run = subprocess.run(generate, capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"error: generate refused {path.name}, which check passed: {run.stderr}")
        lines += out.read_text().count("\n")
    (workspace / "Cargo.toml").write_text(
        '[workspace]\nresolver = "3"\nmembers = ["services/*"]\n')
    # The versions the project's own lock file pins.
    shutil.copyfile(root / "Cargo.lock", workspace / "Cargo.lock")
    environment = dict(os.environ, RUSTFLAGS="-D warnings")
    environment.pop("CARGO_TARGET_DIR", None)
    started = time.monotonic()
    build = subprocess.run(["cargo", "build", "--quiet", "--workspace",
                            "--manifest-path", str(workspace / "Cargo.toml")], env=environment)
    seconds = time.monotonic() - started
    minutes = f"{int(seconds // 60)} min {seconds % 60:.0f} s"
    if build.returncode != 0:
        print(f"compile: FAILED after {minutes} (cargo's messages above)")
        return False
    print(f"compile: the code of {len(passed)} models ({lines:,} lines), one crate each, built "
          f"with RUSTFLAGS=-D warnings in {minutes} ({workspace})")
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--codegen", required=True, help="the codegen binary")
    parser.add_argument("--root", required=True, type=Path, help="the repository")
    parser.add_argument("--workdir", required=True, type=Path, help="where files go")
    parser.add_argument("--version", help="the botocore release (default: the latest)")
    parser.add_argument("--compile", action="store_true", help="also build what passes")
    args = parser.parse_args()

    wheel = download(args.version, args.workdir / "dist")
    release = wheel.name.split("-")[1]
    models_dir = args.workdir / "models" / release
    models_dir.mkdir(parents=True, exist_ok=True)
    chosen = {service: (api_version, model)
              for service, (api_version, model) in latest_models(wheel).items()
              if any(protocol in PROTOCOLS for protocol in protocols(model))}
    cbor_only = {service for service, (_, model) in chosen.items()
                 if "json" not in protocols(model)}
    passed, warned, refused, left_out = {}, {}, {}, []
    for service, (api_version, model) in chosen.items():
        path = models_dir / f"{service}-{api_version}.json"
        path.write_text(json.dumps(model))
        excluded = event_stream_operations(model)
        left_out += [f"{service} {operation}" for operation in excluded]
        warnings, error = check(args.codegen, path, excluded)
        if error is not None:
            refused[service] = error
            continue
        passed[service] = (path, excluded)
        if warnings:
            warned[service] = warnings

    clean = len(passed) - len(warned)
    expected = len(cbor_only & refused.keys())
    print(f"botocore {release}: {len(chosen)} services offer json or smithy-rpc-v2-cbor "
          f"(the latest API version of each), {len(cbor_only)} of them CBOR only")
    print(f"passed: {clean}; passed with warnings: {len(warned)} "
          f"({sum(map(len, warned.values()))} warnings); refused: {len(refused)} "
          f"({expected} CBOR only, expected until CBOR support lands)")
    print(f"event-stream operations left out: {len(left_out)}"
          + (f" ({', '.join(left_out)})" if left_out else ""))
    print(f"models: {models_dir}")
    if refused:
        print("\nrefused:")
        for service, error in refused.items():
            cbor = " [CBOR only]" if service in cbor_only else ""
            print(f"  {service}{cbor}: " + error.replace("\n", "\n    "))
    if warned:
        print("\nwarnings:")
        for service, warnings in warned.items():
            for warning in warnings:
                print(f"  {service}: {warning}")
    if args.compile:
        print()
        sys.stdout.flush()
        if not compile_all(args.codegen, args.root, passed, args.workdir):
            sys.exit(1)


if __name__ == "__main__":
    main()
