//! `cargo bench -p wire-tests --bench documents`: bodies that hold documents, read and written
//! with the generated types, and as `serde_json::Value`: AWS Pricing's price list (100
//! products, each JSON text in a string: a `jsonvalue` list), and the same 100 products in a
//! `document` member and in a union's unknown member (the feature fixture's `Measure`). Each
//! is a ratio to `IgnoredAny` of the same body in the same rounds, which no map touches, so the
//! ratios of two builds compare what serde_json's map costs them (the README's key order).

fn main() {
    bench::main();
}

// `pub`: as in a library, the generated items are API, not dead code.
pub mod features {
    include!(concat!(env!("OUT_DIR"), "/features.rs"));
}

mod bench {
    use crate::features::{Measure, MeasureInput};
    use appstream_types::runtime;
    use serde::de::IgnoredAny;
    use serde_json::Value;
    use wire_tests::bench::{Subject, Timings, decode, line, run};
    use wire_tests::bodies;
    use wire_tests::pricing::GetProducts;

    const ROUNDS: usize = 30;
    const PRODUCTS: usize = 100;

    pub fn main() {
        let page = bodies::get_products(PRODUCTS);
        let products = bodies::products(PRODUCTS);
        let document = format!(r#"{{"Region":"us-east-1","Doc":{products}}}"#).into_bytes();
        let unknown =
            format!(r#"{{"Region":"us-east-1","Choice":{{"NotInTheModel":{products}}}}}"#)
                .into_bytes();
        let prices = decode::<GetProducts>(&page);
        let with_document: MeasureInput = decode::<Measure>(&document);
        let with_unknown: MeasureInput = decode::<Measure>(&unknown);
        let value: Value = serde_json::from_slice(&document).unwrap_or_default();
        let mut subjects = vec![
            Subject::new("IgnoredAny", || serde_json::from_slice::<IgnoredAny>(&page)),
            Subject::new("parse_response, GetProducts", || decode::<GetProducts>(&page)),
            Subject::new("encode the GetProducts output", || runtime::to_vec(&prices)),
            Subject::new("IgnoredAny", || serde_json::from_slice::<IgnoredAny>(&document)),
            Subject::new("parse_response, a document member", || decode::<Measure>(&document)),
            Subject::new("serde_json::Value decode", || serde_json::from_slice::<Value>(&document)),
            Subject::new("encode it (a document member)", || runtime::to_vec(&with_document)),
            Subject::new("serde_json::Value encode", || serde_json::to_vec(&value)),
            Subject::new("IgnoredAny", || serde_json::from_slice::<IgnoredAny>(&unknown)),
            Subject::new("parse_response, an unknown union member", || decode::<Measure>(&unknown)),
            Subject::new("encode it (an unknown union member)", || runtime::to_vec(&with_unknown)),
        ];
        let t = run(&mut subjects, ROUNDS);
        println!("medians of {ROUNDS} interleaved rounds; ratio = time / baseline time\n");
        println!("GetProducts, {PRODUCTS} products in a jsonvalue list, {} bytes", page.len());
        report(&t[1..=2], &t[0]);
        println!("the same products in a document member, {} bytes", document.len());
        report(&t[4..=7], &t[3]);
        println!("the same products in an unknown union member, {} bytes", unknown.len());
        report(&t[9..=10], &t[8]);
    }

    fn report(subjects: &[Timings], baseline: &Timings) {
        for subject in subjects {
            println!("  {}", line(subject, baseline));
        }
    }
}
