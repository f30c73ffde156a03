#!/usr/bin/env python3
"""Writes the generated seed files of tests/fuzz/corpus/ (files named `gen-*`), from the models.

Run from anywhere: `python3 tests/fuzz/scripts/seeds.py`. Seeds are only starting points (the
replay test and libFuzzer take any file in a target's folder), so the script is not needed to
build or test anything; rerun it after a model gains operations to seed them too. Regression
files (not `gen-*`) are never touched.

- parse_response (shared by round_trip): per operation of both builds, a 200 answer whose body
  gives every member of the output a value (lists and maps of one, depth-limited); for the
  crate root's operations and a few of `latest`'s, each modeled error too, with the code in the
  header or in `__type`.
- datetime: timestamps in every form, and edges.
- model_mutations: one program per mutation kind, on the small AppStream model and on
  operations of the others.
"""

import json
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FUZZ = os.path.dirname(HERE)
ROOT = os.path.dirname(os.path.dirname(FUZZ))
CORPUS = os.path.join(FUZZ, "corpus")

STATUSES = [200, 200, 200, 200, 201, 202, 204, 299, 400, 400, 400, 400, 401, 403, 404, 409,
            413, 429, 500, 502, 503, 504, 100, 199, 300, 301, 304, 399, 0, 1, 599, 600, 999,
            65535]


def load(path):
    with open(os.path.join(ROOT, path)) as f:
        return json.load(f)


def value(model, name, depth, seen):
    shape = model["shapes"].get(name, {})
    kind = shape.get("type")
    if kind == "structure":
        if shape.get("document"):
            return {"a": [1, "x", None, True]}
        if depth > 4 or name in seen:
            return {}
        members = shape.get("members", {})
        out = {}
        for member, ref in members.items():
            key = ref.get("locationName", member)
            if ref.get("jsonvalue"):
                out[key] = "{\"a\":1}"
            else:
                out[key] = value(model, ref["shape"], depth + 1, seen | {name})
            if shape.get("union"):
                break
        return out
    if kind == "list":
        return [value(model, shape["member"]["shape"], depth + 1, seen)]
    if kind == "map":
        return {"k": value(model, shape["value"]["shape"], depth + 1, seen)}
    if kind == "string":
        return shape["enum"][0] if shape.get("enum") else "x"
    if kind in ("integer", "long"):
        return shape["enum"][0] if shape.get("enum") else 1
    if kind in ("float", "double"):
        return 1.5
    if kind == "boolean":
        return True
    if kind == "blob":
        return "e30="
    if kind == "timestamp":
        fmt = shape.get("timestampFormat")
        if fmt == "iso8601":
            return "2017-06-05T08:00:00.123Z"
        if fmt == "rfc822":
            return "Mon, 05 Jun 2017 08:00:00 GMT"
        return 1496170845.734
    return None


def write(target, name, data):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "gen-" + name), "wb") as f:
        f.write(data)


def response(index, status, body, error_type=None, request_id=None):
    flags = (1 if error_type is not None else 0) | (4 if request_id is not None else 0)
    head = bytes([index, STATUSES.index(status), flags])
    lines = b""
    if error_type is not None:
        lines += error_type.encode() + b"\n"
    if request_id is not None:
        lines += request_id.encode() + b"\n"
    return head + lines + body


def main():
    for folder in os.listdir(CORPUS) if os.path.isdir(CORPUS) else []:
        for name in os.listdir(os.path.join(CORPUS, folder)):
            if name.startswith("gen-"):
                os.remove(os.path.join(CORPUS, folder, name))
    builds = [("root", load("model/appstream-2016-12-01.json")),
              ("latest", load("model/appstream-2016-12-01.latest.json"))]
    index = 0
    for build, model in builds:
        for position, op_name in enumerate(sorted(model["operations"])):
            op = model["operations"][op_name]
            output = op.get("output", {}).get("shape")
            body = value(model, output, 0, frozenset()) if output else {}
            data = json.dumps(body, separators=(",", ":")).encode()
            write("parse_response", f"{build}-{op_name}-ok", response(index, 200, data, request_id="r-1"))
            if build == "root" or position % 15 == 0:
                for n, error in enumerate(op.get("errors", [])):
                    shape = error["shape"]
                    body = json.dumps(value(model, shape, 0, frozenset()) | {"message": "m"}).encode()
                    if n % 2 == 0:
                        data = response(index, 400, body, error_type=shape + ":http://internal/")
                    else:
                        typed = json.dumps({"__type": "com.amazonaws#" + shape, "Message": "M"}).encode()
                        data = response(index, 400, typed)
                    write("parse_response", f"{build}-{op_name}-{shape}", data)
            index += 1
    write("parse_response", "error-html", response(0, 502, b"<html><body>Bad Gateway</body></html>"))
    write("parse_response", "error-empty", response(1, 503, b""))
    write("parse_response", "error-code-only", response(2, 400, b'{"code":"ThrottlingException"}'))
    write("parse_response", "ok-empty", response(3, 200, b""))

    times = ["2015-01-25T08:00:00Z", "2015-01-25T08:00:00.123Z", "2015-01-25T08:00:00.123456789Z",
             "2015-01-25T08:00:00+01:30", "2015-01-25t08:00:00z", "+10000-01-01T00:00:00Z",
             "-0001-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:60Z",
             "Sun, 25 Jan 2015 08:00:00 GMT", "Sun, 25 Jan 2015 08:00:00.5 GMT",
             "Sunday, 25-Jan-15 08:00:00 GMT", "Sun Jan 25 08:00:00 2015", "1496170845.734",
             "-0.5", "1.5E9", "9223372036854775807.999999999", "-9223372036854775808",
             "\"1496170845\"", "\"2015-01-25T08:00:00Z\"", "1e-9", "0", "-0"]
    for n, text in enumerate(times):
        write("datetime", f"{n:02}", text.encode())
    write("datetime", "secs-nanos", struct.pack("<qI", 1496170845, 734000000))
    write("datetime", "secs-max", struct.pack("<qI", 2**63 - 1, 999999999))
    write("datetime", "secs-min", struct.pack("<qI", -2**63, 0))
    write("datetime", "f64", struct.pack("<d", 1496170845.734))

    kinds = ["rename_shape", "delete_shape", "duplicate_shape", "rename_member", "delete_member",
             "duplicate_member", "set_type", "add_required", "retarget_member", "make_cycle",
             "set_shape_flag", "set_member_flag", "timestamp_format", "deep_nesting",
             "enum_values", "add_member", "operation_reference", "metadata", "documentation",
             "host_prefix", "request_compression", "integer_enum", "operation_rename",
             "error_shape", "location_name", "make_union", "deprecated_message", "shape_key_value",
             "constraints"]
    for kind, name in enumerate(kinds):
        args = bytes([kind, 3, 5, 7, 130, 11, 13, 17])
        write("model_mutations", f"{kind:02}-{name}-whole", bytes([0, 0]) + args)
        # One operation of another model (selection byte 1: one operation, index 3).
        base = 1 + kind % 5
        write("model_mutations", f"{kind:02}-{name}-one-operation", bytes([base, 1, kind]) + args)
    write("model_mutations", "none-whole-appstream", bytes([0, 0]))


if __name__ == "__main__":
    sys.exit(main())
