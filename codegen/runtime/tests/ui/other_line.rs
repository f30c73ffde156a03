// Code from another SemVer line was made for another runtime API.
awsjson_runtime::require_runtime!("1.0.0");

fn main() {}
