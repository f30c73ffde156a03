// Code from a generator newer than this runtime may use what the runtime does not have yet.
awsjson_runtime::require_runtime!("0.1.99");

fn main() {}
