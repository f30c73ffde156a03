//! Operation slicing: generating three operations of the latest AppStream model (90 operations,
//! 421 shapes) gives a strict subset of the full output, item for item, and nothing more.

use std::collections::BTreeMap;
use std::path::PathBuf;

fn latest_model() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../model/appstream-2016-12-01.latest.json")
}

const OPERATIONS: [&str; 3] = ["CreateAppBlock", "DescribeAppBlocks", "DeleteAppBlock"];

/// Every top-level item (each `impl` on its own) as formatted text, with how often it occurs.
fn items(source: &str) -> BTreeMap<String, usize> {
    let file = syn::parse_file(source).unwrap_or_else(|error| panic!("does not parse: {error}"));
    let mut items = BTreeMap::new();
    for item in file.items {
        let text = prettyplease::unparse(&syn::File {
            shebang: None,
            frontmatter: None,
            attrs: vec![],
            items: vec![item],
        });
        *items.entry(text).or_insert(0) += 1;
    }
    items
}

/// The name of a struct or enum item, if it is one.
fn type_name(item: &str) -> Option<&str> {
    let line = item
        .lines()
        .find(|line| line.starts_with("pub struct ") || line.starts_with("pub enum "))?;
    line.split_whitespace().nth(2).map(|name| name.trim_end_matches([';', '{']))
}

#[test]
fn sliced_output_is_a_strict_subset_of_the_full_output() {
    let full =
        awsjson_codegen::Builder::new(latest_model()).generate().unwrap_or_else(|e| panic!("{e}"));
    let sliced = awsjson_codegen::Builder::new(latest_model())
        .operations(OPERATIONS)
        .generate()
        .unwrap_or_else(|e| panic!("{e}"));
    let (full, sliced) = (items(&full), items(&sliced));
    for (item, count) in &sliced {
        let in_full = full.get(item).copied().unwrap_or(0);
        assert!(in_full >= *count, "the sliced output has an item the full one lacks:\n{item}");
    }
    assert!(sliced.len() < full.len() / 10, "{} of {} items", sliced.len(), full.len());
    let mut types: Vec<&str> = sliced.keys().filter_map(|item| type_name(item)).collect();
    types.sort_unstable();
    assert_eq!(
        types,
        [
            "AppBlock",
            "AppBlockState",
            "ConcurrentModificationException",
            "CreateAppBlock",
            "CreateAppBlockError",
            "CreateAppBlockRequest",
            "CreateAppBlockResult",
            "DeleteAppBlock",
            "DeleteAppBlockError",
            "DeleteAppBlockRequest",
            "DeleteAppBlockResult",
            "DescribeAppBlocks",
            "DescribeAppBlocksError",
            "DescribeAppBlocksRequest",
            "DescribeAppBlocksResult",
            "ErrorDetails",
            "LimitExceededException",
            "OperationNotPermittedException",
            "PackagingType",
            "ResourceAlreadyExistsException",
            "ResourceInUseException",
            "ResourceNotFoundException",
            "S3Location",
            "ScriptDetails",
        ]
    );
}
