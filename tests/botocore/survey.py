#!/usr/bin/env python3
"""The generator over a botocore release: `codegen check` on the latest API version of every
service whose model offers `json` or `smithy-rpc-v2-cbor`, with the service's endpoint rule set
when it has one; with `--endpoint-tests` botocore's endpoint tests of each service that passes
(from the release's sdist), run by `codegen endpoints`; and with `--compile` the code of each
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
import tarfile
import time
import zipfile
from pathlib import Path

PROTOCOLS = ("json", "smithy-rpc-v2-cbor")
# Older releases ship models uncompressed.
MODEL = re.compile(r"^botocore/data/([^/]+)/([^/]+)/service-2\.json(\.gz)?$")


def download(version, dest, sdist=False):
    """botocore's wheel (`version`, else the latest), or with `sdist` its source archive (which
    holds the tests), fetched with pip into `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    requirement = f"botocore=={version}" if version else "botocore"
    kind = ["--no-binary", ":all:"] if sdist else ["--only-binary=:all:"]
    command = [sys.executable, "-m", "pip", "download", "--no-deps", *kind,
               "--dest", str(dest), requirement]
    run = subprocess.run(command, capture_output=True, text=True)
    # pip names the file it chose, whether it fetched it now or had it already.
    files = re.findall(r"^\s*(?:Saved|File was already downloaded) (\S+\.(?:whl|tar\.gz))$",
                       run.stdout, re.MULTILINE)
    if run.returncode != 0 or not files:
        sys.exit(f"error: pip could not download {requirement}:\n{run.stdout}{run.stderr}")
    return dest / Path(files[-1]).name


def latest_models(wheel):
    """`{service: (api_version, model, rules)}`: each service's latest model in the wheel, and
    the bytes of its endpoint rule set (None if it has none)."""
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        latest = {}
        for name in names:
            found = MODEL.match(name)
            if found and found[2] > latest.get(found[1], ""):
                latest[found[1]] = found[2]

        def read(name):
            """The file `name`, or `name.gz` uncompressed; None if neither is there."""
            if name in names:
                return archive.read(name)
            if f"{name}.gz" in names:
                return gzip.decompress(archive.read(f"{name}.gz"))
            return None

        def files(service, api_version):
            directory = f"botocore/data/{service}/{api_version}"
            return (api_version, json.loads(read(f"{directory}/service-2.json")),
                    read(f"{directory}/endpoint-rule-set-1.json"),
                    read(f"{directory}/waiters-2.json"))

        return {service: files(service, api_version)
                for service, api_version in sorted(latest.items())}


def endpoint_tests(sdist, services):
    """`{service: bytes}`: botocore's endpoint tests of each of `services` that has them, read
    from the sdist without unpacking the rest."""
    wanted = {f"tests/functional/endpoint-rules/{service}/endpoint-tests-1.json": service
              for service in services}
    tests = {}
    with tarfile.open(sdist) as archive:
        for member in archive:
            # Names start with the archive's top directory, `botocore-<release>/`.
            service = wanted.get(member.name.partition("/")[2])
            if service and member.isfile():
                tests[service] = archive.extractfile(member).read()
    return tests


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


def waiters_of(path):
    """The waiters file kept beside model `path`, if the service has one."""
    waiters = path.with_suffix(".waiters.json")
    return waiters if waiters.exists() else None


def selection(path, rules, excluded):
    waiters = waiters_of(path)
    return ((["--endpoint-rules", str(rules)] if rules else [])
            + (["--waiters", str(waiters)] if waiters else [])
            + (["--exclude-operations", ",".join(excluded)] if excluded else []))


def named(text, *paths):
    """`text` with each file named by its file name, not by where the survey keeps it."""
    for path in paths:
        if path is not None:
            text = text.replace(str(path), path.name)
    return text


def check(codegen, path, rules, excluded):
    """`(warnings, error)`: the warning lines, and the error if `check` refused the model (or
    its endpoint rule set, `rules` if not None)."""
    run = subprocess.run([codegen, "check", str(path), *selection(path, rules, excluded)],
                         capture_output=True, text=True)
    lines = named(run.stderr, path, rules, waiters_of(path)).splitlines()
    warnings = [line[len("warning: "):] for line in lines if line.startswith("warning: ")]
    others = "\n".join(line for line in lines if not line.startswith("warning: "))
    error = others.removeprefix("error: ") if run.returncode != 0 else None
    if run.returncode == 0 and others:
        error = f"passed, but said more than warnings: {others}"
    return warnings, error


def run_endpoint_tests(codegen, tests, model, rules, excluded):
    """`(passed, failed, lines, error)`: how many cases of `tests` `codegen endpoints` passed
    and failed, its lines on those that failed, and its error if it could not run them. The
    model is read without the `excluded` operations, as `check` read it."""
    exclude = ["--exclude-operations", ",".join(excluded)] if excluded else []
    run = subprocess.run([codegen, "endpoints", str(rules), str(tests), "--model", str(model),
                          *exclude], capture_output=True, text=True)
    lines = named(run.stdout, rules, tests, model).splitlines()
    counts = re.fullmatch(r"(\d+) passed, (\d+) failed", lines[-1]) if lines else None
    if run.returncode not in (0, 1) or not counts:
        error = named(run.stderr, rules, tests, model).strip()
        return 0, 0, [], error or f"exit status {run.returncode}"
    return int(counts[1]), int(counts[2]), lines[:-1], None


def compile_all(codegen, root, passed, cbor_only, workdir):
    """Generates each model in `passed` into a crate of one scratch workspace that depends on
    awsjson-runtime by path (with its `cbor` feature for the models in `cbor_only`, whose code
    speaks Smithy RPC v2 CBOR by default and requires it), and builds it with
    `RUSTFLAGS=-D warnings`: one crate per model, so that two cores build two at a time and a
    failure names its service."""
    workspace = workdir / "compile"
    shutil.rmtree(workspace / "services", ignore_errors=True)
    runtime = (root / "codegen" / "runtime").resolve()
    lines = 0
    for service, (path, rules, excluded) in passed.items():
        crate = workspace / "services" / service
        (crate / "src").mkdir(parents=True)
        features = ', features = ["cbor"]' if service in cbor_only else ""
        (crate / "Cargo.toml").write_text(
            f'[package]\nname = "survey-{service}"\nversion = "0.0.0"\nedition = "2024"\n'
            f'publish = false\n\n[dependencies]\n'
            f'awsjson-runtime = {{ path = "{runtime}"{features} }}\n')
        out = crate / "src" / "lib.rs"
        generate = [codegen, "generate", str(path), "--out", str(out),
                    *selection(path, rules, excluded)]
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
    parser.add_argument("--services", type=lambda text: set(text.split(",")),
                        help="only these services (comma-separated; default: all)")
    parser.add_argument("--with-waiters", action="store_true",
                        help="only the services that have waiters")
    parser.add_argument("--endpoint-tests", action="store_true",
                        help="also run botocore's endpoint tests of what passes")
    args = parser.parse_args()

    wheel = download(args.version, args.workdir / "dist")
    release = wheel.name.split("-")[1]
    models_dir = args.workdir / "models" / release
    models_dir.mkdir(parents=True, exist_ok=True)
    chosen = {service: files for service, files in latest_models(wheel).items()
              if any(protocol in PROTOCOLS for protocol in protocols(files[1]))
              and (args.services is None or service in args.services)
              and (not args.with_waiters or files[3] is not None)}
    cbor_only = {service for service, (_, model, _, _) in chosen.items()
                 if "json" not in protocols(model)}
    passed, warned, refused, left_out, no_rules = {}, {}, {}, [], []
    waiter_count, acceptor_count = 0, 0
    for service, (api_version, model, rules_json, waiters_json) in chosen.items():
        path = models_dir / f"{service}-{api_version}.json"
        path.write_text(json.dumps(model))
        waiters_path = path.with_suffix(".waiters.json")
        waiters_path.unlink(missing_ok=True)
        if waiters_json is not None:
            waiters_path.write_bytes(waiters_json)
            waiters = json.loads(waiters_json).get("waiters", {})
            waiter_count += len(waiters)
            acceptor_count += sum(len(w.get("acceptors", [])) for w in waiters.values())
        rules = None
        if rules_json is None:
            no_rules.append(service)
        else:
            rules = models_dir / f"{service}-{api_version}.endpoint-rule-set.json"
            rules.write_bytes(rules_json)
        excluded = event_stream_operations(model)
        left_out += [f"{service} {operation}" for operation in excluded]
        warnings, error = check(args.codegen, path, rules, excluded)
        if error is not None:
            refused[service] = (error, rules)
            continue
        passed[service] = (path, rules, excluded)
        if warnings:
            warned[service] = warnings

    clean = len(passed) - len(warned)
    print(f"botocore {release}: {len(chosen)} services offer json or smithy-rpc-v2-cbor "
          f"(the latest API version of each), {len(cbor_only)} of them CBOR only")
    print(f"passed: {clean}; passed with warnings: {len(warned)} "
          f"({sum(map(len, warned.values()))} warnings); refused: {len(refused)}")
    # CBOR-only models generate with Smithy RPC v2 CBOR as their default; none should be refused.
    print(f"CBOR only: {len(cbor_only & passed.keys())} passed, "
          f"{len(cbor_only & refused.keys())} refused"
          + (f" ({', '.join(sorted(cbor_only & passed.keys()))})" if cbor_only else ""))
    # A rule set `check` refuses is named in the error (a model refused first leaves it unread).
    rules_refused = sum(rules is not None and rules.name in error
                        for error, rules in refused.values())
    print(f"endpoint rule sets: {sum(rules is not None for _, rules, _ in passed.values())} "
          f"accepted with their model; {rules_refused} of the refusals name the rule set; "
          f"{len(no_rules)} services have none, checked without one"
          + (f" ({', '.join(no_rules)})" if no_rules else ""))
    with_waiters = [service for service in chosen if waiters_of(models_dir / f"{service}-{chosen[service][0]}.json")]
    refused_waiters = [service for service, (error, _) in refused.items()
                       if f"{service}-{chosen[service][0]}.waiters.json" in error]
    print(f"waiters: {waiter_count} waiters ({acceptor_count} acceptors) of {len(with_waiters)} "
          f"services checked with their model; {len(refused_waiters)} of the refusals name the "
          f"waiters file" + (f" ({', '.join(refused_waiters)})" if refused_waiters else ""))
    print(f"event-stream operations left out: {len(left_out)}"
          + (f" ({', '.join(left_out)})" if left_out else ""))
    print(f"models: {models_dir}")
    if refused:
        print("\nrefused:")
        for service, (error, _) in refused.items():
            cbor = " [CBOR only]" if service in cbor_only else ""
            print(f"  {service}{cbor}: " + error.replace("\n", "\n    "))
    if warned:
        print("\nwarnings:")
        for service, warnings in warned.items():
            for warning in warnings:
                print(f"  {service}: {warning}")
    if args.endpoint_tests:
        print()
        sdist = download(release, args.workdir / "dist", sdist=True)
        with_rules = {service: (model, rules, excluded)
                      for service, (model, rules, excluded) in passed.items() if rules}
        tests = endpoint_tests(sdist, with_rules)
        cases, failed, failures, errors = 0, 0, [], []
        for service, test_json in sorted(tests.items()):
            path, rules, excluded = with_rules[service]
            tests_path = path.with_suffix(".endpoint-tests.json")
            tests_path.write_bytes(test_json)
            ok, bad, lines, error = run_endpoint_tests(args.codegen, tests_path, path, rules,
                                                      excluded)
            cases, failed = cases + ok, failed + bad
            failures += [f"  {service}: {line}" for line in lines]
            if error:
                errors.append(f"  {service}: could not run: " + error.replace("\n", "\n    "))
        print(f"endpoint tests: {cases} passed, {failed} failed, over {len(tests)} "
              f"services ({len(with_rules) - len(tests)} without tests)"
              + (f"; {len(errors)} services' tests could not be run" if errors else ""))
        for line in failures + errors:
            print(line)
    if args.compile:
        print()
        sys.stdout.flush()
        if not compile_all(args.codegen, args.root, passed, cbor_only, args.workdir):
            sys.exit(1)


if __name__ == "__main__":
    main()
