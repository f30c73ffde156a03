"""Records (or checks) what botocore's standard retry mode makes of each case in cases.json.

    python verdicts.py record   # writes each case's "botocore" verdict
    python verdicts.py check    # fails if botocore now says otherwise

Runs botocore's own parser and retry classes (botocore.retries.standard) on the cases, with
the operation of model.json; needs botocore (the moto venv has it: target/moto-venv/bin/python).
"""

import json
import pathlib
import sys

import botocore
from botocore import exceptions, parsers
from botocore.awsrequest import HeadersDict
from botocore.model import ServiceModel
from botocore.retries import standard

HERE = pathlib.Path(__file__).parent
TRANSPORT = {
    "reset": lambda: exceptions.ConnectionClosedError(endpoint_url="http://127.0.0.1:1/"),
    "connect": lambda: exceptions.EndpointConnectionError(endpoint_url="http://127.0.0.1:1/"),
    "timeout": lambda: exceptions.ReadTimeoutError(endpoint_url="http://127.0.0.1:1/"),
}


class Response:
    def __init__(self, status, headers, body):
        self.status_code = status
        self.headers = headers
        self.content = body


def verdict(operation, case):
    if "transport" in case:
        context = standard.RetryContext(
            attempt_number=1,
            operation_model=operation,
            caught_exception=TRANSPORT[case["transport"]](),
        )
    else:
        headers = HeadersDict(case["headers"])
        body = case["body"].encode()
        parsed = parsers.create_parser("json").parse(
            {"status_code": case["status"], "headers": headers, "body": body},
            operation.output_shape,
        )
        context = standard.RetryContext(
            attempt_number=1,
            operation_model=operation,
            parsed_response=parsed,
            http_response=Response(case["status"], headers, body),
        )
    retryable = standard.StandardRetryConditions(max_attempts=3).is_retryable(context)
    throttling = standard.ThrottlingErrorDetector(None).is_throttling_error_from_context(context)
    if not retryable:
        return "not retryable"
    return "throttling" if throttling else "transient"


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "check"
    model = ServiceModel(json.loads((HERE / "model.json").read_text()), "retrytest")
    operation = model.operation_model("Call")
    path = HERE / "cases.json"
    table = json.loads(path.read_text())
    differ = 0
    for case in table["cases"]:
        said = verdict(operation, case)
        if mode == "record":
            case["botocore"] = said
        elif case.get("botocore") != said:
            differ += 1
            print(f"{case['name']}: recorded {case.get('botocore')!r}, botocore says {said!r}")
    if mode == "record":
        table["botocore_version"] = botocore.__version__
        path.write_text(json.dumps(table, indent=1, ensure_ascii=False) + "\n")
    print(f"{len(table['cases'])} cases, botocore {botocore.__version__}, {differ} differ")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
